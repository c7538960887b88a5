package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GenericObject;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.GatewayCluster.Backend;
import dev.gatewaysdk.testing.GatewayCluster.Controller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Traffic through a real data plane: k3s' bundled Traefik with its Gateway API provider. Skipped,
 * with the reason, where Testcontainers finds no Docker engine.
 */
@GatewayApiTest(backend = Backend.K3S, controller = Controller.TRAEFIK)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TraefikTrafficTest {
  /** Traefik's {@code web} entry point: Gateway listeners must use its port. */
  static final int WEB_ENTRY_POINT = 8000;

  GatewayCluster cluster;
  RouteManager routes;
  TestNamespace ns;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  void deployEcho(String name) {
    cluster.create(
        Manifests.read(
            String.join(
                "\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: " + name + ", namespace: " + ns + "}",
                "spec:",
                "  replicas: 1",
                "  selector: {matchLabels: {app: " + name + "}}",
                "  template:",
                "    metadata: {labels: {app: " + name + "}}",
                "    spec:",
                "      containers:",
                "      - name: whoami",
                "        image: traefik/whoami:v1.10",
                "        args: [--port, '8080', --name, " + name + "]",
                "        ports: [{containerPort: 8080}]",
                ""),
            GenericObject.class));
    cluster.create(Fixtures.service(ns.name(), name, 8080));
  }

  @Test
  void trafficFollowsCanaryWeights() throws Exception {
    deployEcho("v1");
    deployEcho("v2");
    Gateway gw =
        cluster.create(
            Fixtures.httpGateway(
                ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), WEB_ENTRY_POINT));
    HTTPRoute route = cluster.create(Fixtures.canaryRoute(ns.name(), "app", "gw", "v1", "v2", 0));
    awaitThat(cluster, gw).within(Duration.ofMinutes(3)).isProgrammed();
    awaitThat(cluster, route).within(Duration.ofMinutes(3)).isAcceptedBy("gw").hasResolvedRefs();

    assertThat(awaitResponses("Name: v1", 5)).isTrue();
    routes.setWeights(RouteRef.httpRoute(ns.name(), "app"), Map.of("v1", 0, "v2", 100));
    assertThat(awaitResponses("Name: v2", 5)).isTrue();
  }

  /**
   * Sends requests until {@code consecutive} answers in a row contain {@code marker}: the data
   * plane applies routes asynchronously and reports nothing the API could watch, so this is the one
   * place that retries.
   */
  boolean awaitResponses(String marker, int consecutive) throws InterruptedException {
    URI uri = URI.create("http://" + cluster.httpEndpoint().orElseThrow() + "/");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    int streak = 0;
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        last = r.statusCode() + " " + r.body();
        streak = r.statusCode() == 200 && r.body().contains(marker) ? streak + 1 : 0;
        if (streak >= consecutive) {
          return true;
        }
      } catch (IOException e) {
        last = e.toString();
        streak = 0;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no " + consecutive + " consecutive responses with '" + marker + "'; last: " + last);
  }
}
