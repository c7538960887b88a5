package dev.gatewaysdk.canary;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.EchoBackend;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ready analysis over the embedded Gateway's metrics, fed by real requests through the Gateway.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayMetricsProviderTest {
  @Test
  void errorRateAndP95AreTheCanarysSinceThePreviousMeasurement(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080);
        EchoBackend canary = EchoBackend.behindService(cluster, ns.name(), "canary", 8080)) {
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      HTTPRoute route =
          cluster.create(Fixtures.canaryRoute(ns.name(), "app", "gw", "stable", "canary", 100));
      awaitThat(cluster, route).isAcceptedBy("gw");
      URI gw = cluster.gateway(ns.name(), "gw").url("http");
      URI metrics = cluster.simulatedController().orElseThrow().metricsUrl().orElseThrow();
      GatewayMetricsProvider errors = GatewayMetricsProvider.errorRate(metrics);
      GatewayMetricsProvider p95 = GatewayMetricsProvider.latencyP95(metrics);
      AnalysisContext errorContext =
          AnalysisContext.of(
              AnalysisCheck.builder("errors", "gateway-errors").max(0.1).build(),
              RouteRef.of("HTTPRoute", ns.name(), "app"),
              "stable",
              "canary");
      AnalysisContext latencyContext =
          AnalysisContext.of(
              AnalysisCheck.builder("p95", "gateway-p95").max(1).build(),
              RouteRef.of("HTTPRoute", ns.name(), "app"),
              "stable",
              "canary");
      assertThat(errors.measure(errorContext).verdict())
          .as("no requests yet")
          .isEqualTo(Measurement.Verdict.INCONCLUSIVE);
      assertThat(p95.measure(latencyContext).verdict()).isEqualTo(Measurement.Verdict.INCONCLUSIVE);

      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 100; i++) {
        HttpRequest.Builder b = HttpRequest.newBuilder(gw.resolve("/x"));
        if (i < 30) {
          b.header("X-Echo-Status", "500");
        }
        assertThat(http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
            .isEqualTo(i < 30 ? 500 : 200);
      }
      assertThat(canary.requests()).isEqualTo(100);
      assertThat(stable.requests()).isZero();
      Measurement first = errors.measure(errorContext);
      assertThat(first.value()).hasValue(0.3);
      assertThat(first.verdict()).isEqualTo(Measurement.Verdict.FAILURE);
      Measurement latency = p95.measure(latencyContext);
      assertThat(latency.verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
      assertThat(latency.value().orElseThrow()).isGreaterThan(0).isLessThan(1);

      for (int i = 0; i < 10; i++) {
        http.send(
            HttpRequest.newBuilder(gw.resolve("/y")).build(),
            HttpResponse.BodyHandlers.discarding());
      }
      Measurement second = errors.measure(errorContext);
      assertThat(second.value())
          .as("only the requests since the previous measurement count")
          .hasValue(0.0);
      assertThat(second.verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    }
  }
}
