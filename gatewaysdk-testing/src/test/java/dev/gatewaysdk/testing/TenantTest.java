package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.ForbiddenException;
import dev.gatewaysdk.core.UnauthorizedException;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The tenant fixture on an embedded cluster with RBAC on: the guide's multi-tenant Gateways. */
@GatewayApiTest(authorization = true)
class TenantTest {
  private static String unique(String hint) {
    return hint + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  private static Gateway gatewayIn(GatewayCluster cluster, String namespace) {
    // Routes from its own namespace only (the default), as in the guide's tenant case.
    return cluster.create(
        Gateway.builder()
            .name("shared")
            .namespace(namespace)
            .gatewayClassName(cluster.gatewayClassName().orElseThrow())
            .listener(Listener.http("http", 80))
            .build());
  }

  @Test
  void aTenantEditsItsRoutesAndNothingOfAnotherTenant(GatewayCluster cluster) {
    Tenant a = Tenant.create(cluster, unique("tenant-a"));
    Tenant b = Tenant.create(cluster, unique("tenant-b"));
    Gateway own = gatewayIn(cluster, a.namespace());
    Gateway other = gatewayIn(cluster, b.namespace());
    assertThat(a)
        .canEditRoutesIn(a.namespace())
        .cannotEditRoutesIn(b.namespace())
        .cannotTouch(own)
        .cannotTouch(other)
        .cannotAttachTo(other);
    // Its own route on its own Gateway is accepted, as the tenant sees it.
    HTTPRoute route =
        a.client()
            .httpRoutes()
            .inNamespace(a.namespace())
            .create(
                HTTPRoute.builder()
                    .name("web")
                    .namespace(a.namespace())
                    .parentRef("shared")
                    .build());
    GatewayApiAssertions.awaitThat(a.client(), route).isAcceptedBy("shared");
  }

  @Test
  void theAssertionsFailWhenTheTenantMayDoMore(GatewayCluster cluster) {
    Tenant a = Tenant.create(cluster, unique("tenant-a"));
    String b = Tenant.create(cluster, unique("tenant-b")).namespace();
    Gateway other = gatewayIn(cluster, b);
    // An administrator binds tenant-a's account to the route editor of tenant-b as well.
    ObjectNode binding = Kube.JSON.createObjectNode();
    binding.put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", "RoleBinding");
    binding.putObject("metadata").put("name", "a-edits-b").put("namespace", b);
    binding
        .putObject("roleRef")
        .put("apiGroup", "rbac.authorization.k8s.io")
        .put("kind", "Role")
        .put("name", Tenant.ROUTE_EDITOR);
    binding
        .putArray("subjects")
        .addObject()
        .put("kind", "ServiceAccount")
        .put("name", Tenant.ACCOUNT)
        .put("namespace", a.namespace());
    cluster.create(binding);
    assertThatThrownBy(() -> assertThat(a).cannotEditRoutesIn(b))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to be allowed to create httproutes in namespace " + b);
    assertThatThrownBy(() -> assertThat(a).canEditRoutesIn("default"))
        .isInstanceOf(AssertionError.class);
    // Still no right to the Gateway itself.
    assertThat(a).cannotTouch(other);
  }

  @Test
  void theTokenActsAsTheServiceAccountOnlyWhileItExists(GatewayCluster cluster) {
    Tenant a = Tenant.create(cluster, unique("tenant-a"));
    assertThatThrownBy(() -> a.client().gateways().inNamespace(a.namespace()).delete("shared"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("User \"" + a.user() + "\" cannot delete resource \"gateways\"");
    new Kube(cluster.apiClient())
        .delete("/api/v1/namespaces/" + a.namespace() + "/serviceaccounts/" + Tenant.ACCOUNT);
    assertThatThrownBy(() -> a.client().httpRoutes().inNamespace(a.namespace()).list())
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void kubectlActsAsTheTenant(GatewayCluster cluster) throws Exception {
    Path kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl is not on PATH");
    Tenant a = Tenant.create(cluster, unique("tenant-a"));
    Path config = Files.createTempFile("tenant", ".kubeconfig");
    try {
      Files.writeString(config, a.kubeconfig());
      org.assertj.core.api.Assertions.assertThat(
              kubectl(
                  kubectl, config, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"))
          .isEqualTo("0 " + a.user());
      org.assertj.core.api.Assertions.assertThat(
              kubectl(kubectl, config, "auth", "can-i", "create", "httproutes"))
          .isEqualTo("0 yes\n");
      org.assertj.core.api.Assertions.assertThat(
              kubectl(kubectl, config, "auth", "can-i", "delete", "gateways"))
          .isEqualTo("1 no\n");
      org.assertj.core.api.Assertions.assertThat(
              kubectl(
                  kubectl,
                  cluster.kubeconfigFile(),
                  "create",
                  "token",
                  Tenant.ACCOUNT,
                  "-n",
                  a.namespace()))
          .startsWith("0 gatewaysdk-sa-");
    } finally {
      Files.deleteIfExists(config);
    }
  }

  private static String kubectl(Path kubectl, Path config, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", config.toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    org.assertj.core.api.Assertions.assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue()
        + " "
        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
