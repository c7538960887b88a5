package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatewaysdk.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A kubectl power user's session against the embedded server with every kubectl minor version
 * installed: Debian's {@code kubectl} package ships versioned binaries ({@code kubectl.1.27} …
 * {@code kubectl.1.33}) beside its dispatcher. Each version creates, applies client- and
 * server-side, diffs, lists with the CRD's printer columns, explains, patches, applies a {@code
 * kind: List}, asks {@code auth can-i} and deletes.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class KubectlVersionsTest {
  /** Where Debian's kubectl package puts its versioned binaries. */
  static final Path VERSIONED = Path.of("/usr/lib/google-cloud-sdk/bin");

  static EmbeddedApiServer server;
  @TempDir static Path tmp;

  static Stream<Path> versions() throws IOException {
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(VERSIONED)) {
      try (Stream<Path> s = Files.list(VERSIONED)) {
        s.filter(p -> p.getFileName().toString().matches("kubectl\\.1\\.\\d+"))
            .filter(Files::isExecutable)
            .sorted()
            .forEach(found::add);
      }
    }
    assumeTrue(
        !found.isEmpty(),
        "no versioned kubectl binaries in " + VERSIONED + " (Debian's kubectl package has them)");
    return found.stream();
  }

  @BeforeAll
  static void start() {
    server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().channel(Channel.STANDARD).build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void aSessionWorksWithEveryKubectlVersion(Path kubectl) throws Exception {
    String minor = kubectl.getFileName().toString().substring("kubectl.1.".length());
    String ns = "kubectl-1-" + minor;
    EmbeddedApiServerKubectlTest.Result version = run(kubectl, "version", "-o", "json");
    assertThat(version.exit()).as(version.all()).isZero();
    assertThat(version.out()).contains("\"minor\": \"" + minor + "\"").contains("serverVersion");

    assertThat(run(kubectl, "create", "namespace", ns).exit()).isZero();
    Path gateway = tmp.resolve(ns + "-gateway.yaml");
    Files.writeString(
        gateway,
        String.join(
            "\n",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: Gateway",
            "metadata:",
            "  name: edge",
            "  namespace: " + ns,
            "spec:",
            "  gatewayClassName: gatewaysdk",
            "  listeners:",
            "  - name: http",
            "    protocol: HTTP",
            "    port: 80",
            ""));
    EmbeddedApiServerKubectlTest.Result apply = run(kubectl, "apply", "-f", gateway.toString());
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out()).contains("gateway.gateway.networking.k8s.io/edge created");
    EmbeddedApiServerKubectlTest.Result diff = run(kubectl, "diff", "-f", gateway.toString());
    assertThat(diff.exit()).as("kubectl diff of an unchanged file: " + diff.all()).isZero();
    EmbeddedApiServerKubectlTest.Result ssa =
        run(kubectl, "apply", "--server-side", "--force-conflicts", "-f", gateway.toString());
    assertThat(ssa.exit()).as(ssa.all()).isZero();
    assertThat(ssa.out()).contains("serverside-applied");

    EmbeddedApiServerKubectlTest.Result get = run(kubectl, "get", "gateways", "-n", ns);
    assertThat(get.exit()).as(get.all()).isZero();
    assertThat(get.out()).containsPattern("(?m)^NAME\\s+CLASS\\s+ADDRESS\\s+PROGRAMMED\\s+AGE");
    assertThat(get.out()).containsPattern("(?m)^edge\\s+gatewaysdk\\s");

    EmbeddedApiServerKubectlTest.Result explain =
        run(kubectl, "explain", "httproutes.spec.hostnames");
    assertThat(explain.exit()).as(explain.all()).isZero();
    assertThat(explain.out()).contains("hostnames");
    EmbeddedApiServerKubectlTest.Result explainSvc = run(kubectl, "explain", "svc.spec.ports.port");
    assertThat(explainSvc.exit()).as(explainSvc.all()).isZero();
    assertThat(explainSvc.out()).contains("port");

    EmbeddedApiServerKubectlTest.Result patch =
        run(
            kubectl,
            "patch",
            "gateway",
            "edge",
            "-n",
            ns,
            "--type",
            "merge",
            "-p",
            "{\"metadata\":{\"labels\":{\"tier\":\"edge\"}}}");
    assertThat(patch.exit()).as(patch.all()).isZero();
    EmbeddedApiServerKubectlTest.Result labelled =
        run(kubectl, "get", "gateways", "-n", ns, "-l", "tier=edge", "-o", "name");
    assertThat(labelled.out().trim()).isEqualTo("gateway.gateway.networking.k8s.io/edge");

    Path list = tmp.resolve(ns + "-list.yaml");
    Files.writeString(
        list,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: one, namespace: " + ns + "}",
            "- apiVersion: gateway.networking.k8s.io/v1",
            "  kind: HTTPRoute",
            "  metadata: {name: shop, namespace: " + ns + "}",
            "  spec:",
            "    parentRefs: [{name: edge}]",
            "    rules: [{backendRefs: [{name: shop, port: 8080}]}]",
            ""));
    EmbeddedApiServerKubectlTest.Result items = run(kubectl, "apply", "-f", list.toString());
    assertThat(items.exit()).as(items.all()).isZero();
    assertThat(items.out())
        .contains("configmap/one created")
        .contains("httproute.gateway.networking.k8s.io/shop created");

    EmbeddedApiServerKubectlTest.Result canI =
        run(kubectl, "auth", "can-i", "delete", "httproutes", "-n", ns);
    assertThat(canI.out().trim()).as(canI.all()).isEqualTo("yes");

    EmbeddedApiServerKubectlTest.Result delete =
        run(kubectl, "delete", "namespace", ns, "--wait=true", "--timeout=60s");
    assertThat(delete.exit()).as(delete.all()).isZero();
    EmbeddedApiServerKubectlTest.Result gone = run(kubectl, "get", "namespace", ns);
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.err()).contains("NotFound").contains("namespaces \"" + ns + "\" not found");
  }

  private static EmbeddedApiServerKubectlTest.Result run(Path kubectl, String... args)
      throws IOException, InterruptedException {
    return EmbeddedApiServerKubectlTest.run(
        tmp,
        List.of(
            kubectl.toString(),
            "--kubeconfig",
            server.kubeconfigFile().toString(),
            "--cache-dir",
            tmp.resolve("cache-" + kubectl.getFileName()).toString()),
        args);
  }
}
