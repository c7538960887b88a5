package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.AlreadyExistsException;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link GatewayCluster} backend shares, run by one subclass per backend (each
 * annotated with its own {@link GatewayApiTest}); backends that cannot run here skip.
 */
abstract class GatewayClusterContract {
  GatewayCluster cluster;
  ApiClient apiClient;
  GatewayApiClient client;
  RouteManager routes;
  TestNamespace namespace;

  @Test
  void fieldsAndParametersAreInjected(
      GatewayCluster c, ApiClient a, GatewayApiClient g, RouteManager r, TestNamespace ns) {
    assertThat(c).isSameAs(cluster);
    assertThat(a).isSameAs(cluster.apiClient()).isSameAs(apiClient);
    assertThat(g).isSameAs(cluster.client()).isSameAs(client);
    assertThat(r).isSameAs(routes);
    assertThat(ns).isEqualTo(namespace);
  }

  @Test
  void eachTestHasAFreshLabelledNamespace() throws Exception {
    V1Namespace ns = new CoreV1Api(apiClient).readNamespace(namespace.name()).execute();
    assertThat(ns.getMetadata().getLabels()).containsEntry("gatewaysdk.dev/test", "true");
    assertThat(namespace.name())
        .startsWith(getClass().getSimpleName().toLowerCase() + "-eachtesthasafresh");
    assertThat(namespace.name().length()).isLessThanOrEqualTo(63);
  }

  @Test
  void servesTheRequestedGatewayApi() {
    assertThat(client.capabilities().serves("HTTPRoute")).isTrue();
    assertThat(client.capabilities().serves("ReferenceGrant")).isTrue();
    if (cluster.backend() != GatewayCluster.Backend.KUBECONFIG) {
      // An existing cluster reports the Gateway API it already has.
      assertThat(cluster.release()).isEqualTo(cluster.options().release());
      assertThat(cluster.channel()).isEqualTo(cluster.options().channel());
    }
    assertThat(cluster.release()).matches("v\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void createsReadsAndDeletesObjectsOfEveryFlavour() {
    V1Service svc = cluster.create(Fixtures.service(namespace.name(), "app", 8080));
    assertThat(svc.getMetadata().getUid()).isNotBlank();
    assertThatThrownBy(() -> cluster.create(Fixtures.service(namespace.name(), "app", 8080)))
        .isInstanceOf(AlreadyExistsException.class);
    HTTPRoute route =
        cluster.create(Fixtures.canaryRoute(namespace.name(), "r", "gw", "a", "b", 5));
    assertThat(cluster.get(HTTPRoute.class, namespace.name(), "r").spec()).isEqualTo(route.spec());
    assertThat(cluster.delete(route)).isTrue();
    assertThat(cluster.delete(route)).isFalse();
    assertThatThrownBy(() -> cluster.get(HTTPRoute.class, namespace.name(), "r"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> cluster.create(Fixtures.service(null, "x", 80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.namespace");
    assertThatThrownBy(() -> cluster.create("text")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void simulatedControllerAcceptsCanaryRouteAndRouteManagerShiftsIt() {
    String cls = cluster.gatewayClassName().orElseThrow();
    cluster.create(Fixtures.httpGateway(namespace.name(), "gw", cls, 80));
    cluster.create(Fixtures.service(namespace.name(), "v1", 8080));
    cluster.create(Fixtures.service(namespace.name(), "v2", 8080));
    HTTPRoute route =
        cluster.create(Fixtures.canaryRoute(namespace.name(), "app", "gw", "v1", "v2", 10));
    awaitThat(cluster, route).isAcceptedBy("gw").hasResolvedRefs();

    routes.setWeights(RouteRef.httpRoute(namespace.name(), "app"), Map.of("v1", 50, "v2", 50));
    HTTPRoute shifted =
        awaitThat(cluster, route).hasBackendWeight("v2", 50).isAcceptedBy("gw").actual();
    assertThat(shifted.metadata().generation().orElseThrow())
        .isGreaterThan(route.metadata().generation().orElseThrow());
    awaitThat(cluster, cluster.get(Gateway.class, namespace.name(), "gw"))
        .isProgrammed()
        .hasAttachedRoutes("http", 1);
  }

  @Test
  void kubeconfigWorksWithKubectl() throws Exception {
    Path kubectl = Path.of("/usr/bin/kubectl");
    Assumptions.assumeTrue(
        Files.isExecutable(kubectl), "kubectl is not installed at /usr/bin/kubectl");
    cluster.create(Fixtures.service(namespace.name(), "seen-by-kubectl", 8080));
    assertThat(cluster.kubeconfig()).contains("apiVersion: v1").contains("clusters:");
    assertThat(Files.readString(cluster.kubeconfigFile())).isEqualTo(cluster.kubeconfig());
    Process p =
        new ProcessBuilder(
                kubectl.toString(),
                "--kubeconfig",
                cluster.kubeconfigFile().toString(),
                "get",
                "services",
                "-n",
                namespace.name(),
                "-o",
                "name")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = read(p);
    assertThat(out).contains("service/seen-by-kubectl");
    assertThat(p.exitValue()).isZero();
  }

  private static String read(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
