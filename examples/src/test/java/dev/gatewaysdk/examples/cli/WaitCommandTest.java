package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code gatewaysdk wait route}, and the kubectl forms docs/testing.md gives: route conditions are
 * per parent, so {@code kubectl wait --for=condition=Accepted} never succeeds and the jsonpath form
 * does.
 */
@GatewayApiTest
class WaitCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private HTTPRoute acceptedRoute(GatewayCluster cluster, TestNamespace ns) {
    cluster.create(
        Fixtures.httpGateway(ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80));
    cluster.create(Fixtures.service(ns.name(), "web", 8080));
    return cluster.create(
        HTTPRoute.builder()
            .name("x")
            .namespace(ns.name())
            .parentRef("gw")
            .rule(r -> r.backend("web", 8080))
            .build());
  }

  @Test
  void waitsUntilEveryParentAcceptsTheRoute(GatewayCluster cluster, TestNamespace ns) {
    acceptedRoute(cluster, ns);
    int code =
        GatewaySdkCli.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "wait",
            "route",
            ns.name() + "/x",
            "--for",
            "accepted",
            "--timeout",
            "30s",
            "--kubeconfig",
            cluster.kubeconfigFile().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("route " + ns.name() + "/x: accepted by Gateway " + ns.name() + "/gw (")
        .endsWith(" ms)\n");
  }

  @Test
  void aRouteNoGatewayAcceptsTimesOutWithExitOne(GatewayCluster cluster, TestNamespace ns) {
    cluster.create(
        HTTPRoute.builder()
            .name("orphan")
            .namespace(ns.name())
            .parentRef("no-such-gateway")
            .rule(r -> r.backend("web", 8080))
            .build());
    int code =
        GatewaySdkCli.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "wait",
            "httproute",
            ns.name() + "/orphan",
            "--timeout",
            "1s",
            "--kubeconfig",
            cluster.kubeconfigFile().toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "error: "
                + ns.name()
                + "/orphan not accepted by Gateway "
                + ns.name()
                + "/no-such-gateway within 1s");
  }

  @Test
  void kubectlWaitsOnTheParentsConditionByJsonpathButNotByCondition(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    Path kubectl = Path.of("/usr/bin/kubectl");
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!Files.isExecutable(kubectl) && Files.isExecutable(Path.of(dir, "kubectl"))) {
        kubectl = Path.of(dir, "kubectl");
      }
    }
    Assumptions.assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed here");
    acceptedRoute(cluster, ns);
    String config = cluster.kubeconfigFile().toString();
    List<String> jsonpath =
        List.of(
            kubectl.toString(),
            "--kubeconfig",
            config,
            "-n",
            ns.name(),
            "wait",
            "--for=jsonpath={.status.parents[0].conditions[?(@.type==\"Accepted\")].status}=True",
            "httproute/x",
            "--timeout=30s");
    List<String> byCondition =
        List.of(
            kubectl.toString(),
            "--kubeconfig",
            config,
            "-n",
            ns.name(),
            "wait",
            "--for=condition=Accepted",
            "httproute/x",
            "--timeout=2s");
    assertThat(exec(jsonpath))
        .isEqualTo("0: httproute.gateway.networking.k8s.io/x condition met\n");
    assertThat(exec(byCondition)).startsWith("1: ").contains("timed out");
  }

  private static String exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + ": " + output;
  }
}
