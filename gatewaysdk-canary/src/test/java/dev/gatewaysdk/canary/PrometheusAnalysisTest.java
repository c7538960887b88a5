package dev.gatewaysdk.canary;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.testing.EchoBackend;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PromQL the SDK ships ({@link GatewayMetricsProvider#ERROR_RATE_QUERY}, {@link
 * GatewayMetricsProvider#LATENCY_P95_QUERY}) run by a real Prometheus server scraping the embedded
 * Gateway, with real traffic through the Gateway.
 */
@GatewayApiTest
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrometheusAnalysisTest {
  @TempDir Path dir;

  /**
   * Sends a request through the Gateway every 20 ms until closed; every fourth asks the echo
   * backend for a 500.
   */
  private static final class Traffic implements AutoCloseable {
    final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    Traffic(URI gateway, boolean someErrors) {
      HttpClient http = HttpClient.newHttpClient();
      thread =
          new Thread(
              () -> {
                while (running) {
                  HttpRequest.Builder b =
                      HttpRequest.newBuilder(gateway.resolve("/shop"))
                          .timeout(Duration.ofSeconds(5));
                  if (someErrors && sent.get() % 4 == 3) {
                    b.header("X-Echo-Status", "500");
                  }
                  try {
                    http.send(b.build(), HttpResponse.BodyHandlers.discarding());
                    sent.incrementAndGet();
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    // the next request tries again
                  }
                }
              },
              "traffic");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join(5000);
    }
  }

  private static Measurement measureOnceScraped(PrometheusProvider p, AnalysisContext ctx)
      throws Exception {
    Measurement m = p.measure(ctx);
    for (int i = 0; i < 100 && m.verdict() == Measurement.Verdict.INCONCLUSIVE; i++) {
      Thread.sleep(200);
      m = p.measure(ctx);
    }
    return m;
  }

  private static AnalysisContext context(String query, TestNamespace ns, String route) {
    AnalysisCheck check =
        AnalysisCheck.builder("q", "prometheus")
            .query(query)
            .interval(Duration.ofSeconds(4))
            .build();
    return AnalysisContext.of(check, RouteRef.httpRoute(ns.name(), route), "stable", "canary");
  }

  @Test
  void shippedQueriesMeasureTheCanaryThroughARealPrometheus(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080);
        EchoBackend canary = EchoBackend.behindService(cluster, ns.name(), "canary", 8080)) {
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.canaryRoute(ns.name(), "shop", "gw", "stable", "canary", 100)))
          .isAcceptedBy("gw");
      URI metrics = cluster.simulatedController().orElseThrow().metricsUrl().orElseThrow();
      try (RealPrometheus prometheus = RealPrometheus.scraping(metrics, dir);
          Traffic traffic = new Traffic(cluster.gateway(ns.name(), "gw").url("http"), true)) {
        PrometheusProvider p = PrometheusProvider.create(prometheus.url());
        Thread.sleep(4000); // a few scrapes with the error series present, so rate() sees them grow
        Measurement errors =
            measureOnceScraped(p, context(GatewayMetricsProvider.ERROR_RATE_QUERY, ns, "shop"));
        assertThat(errors.verdict())
            .as("%s", errors)
            .isNotEqualTo(Measurement.Verdict.INCONCLUSIVE);
        assertThat(errors.value().orElseThrow())
            .as("one request in four answered 500")
            .isBetween(0.1, 0.45);
        Measurement p95 =
            measureOnceScraped(p, context(GatewayMetricsProvider.LATENCY_P95_QUERY, ns, "shop"));
        assertThat(p95.value().orElseThrow()).as("%s", p95).isGreaterThan(0).isLessThan(1);
        assertThat(canary.requests()).isGreaterThan(50);
        assertThat(stable.requests()).isZero();
      }
    }
  }

  @Test
  void aCanaryWithoutErrorsMeasuresZeroNotNoData(GatewayCluster cluster, TestNamespace ns)
      throws Exception {
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080);
        EchoBackend canary = EchoBackend.behindService(cluster, ns.name(), "canary", 8080)) {
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      awaitThat(
              cluster,
              cluster.create(Fixtures.canaryRoute(ns.name(), "shop", "gw", "stable", "canary", 50)))
          .isAcceptedBy("gw");
      URI metrics = cluster.simulatedController().orElseThrow().metricsUrl().orElseThrow();
      try (RealPrometheus prometheus = RealPrometheus.scraping(metrics, dir);
          Traffic traffic = new Traffic(cluster.gateway(ns.name(), "gw").url("http"), false)) {
        PrometheusProvider p = PrometheusProvider.create(prometheus.url());
        Thread.sleep(3000);
        Measurement errors =
            measureOnceScraped(p, context(GatewayMetricsProvider.ERROR_RATE_QUERY, ns, "shop"));
        assertThat(errors.verdict()).as("%s", errors).isEqualTo(Measurement.Verdict.SUCCESS);
        assertThat(errors.value()).hasValue(0.0);
        // The plain ratio has no 5xx series to divide: Prometheus answers no data, which would
        // stall the analysis.
        String naive =
            GatewayMetricsProvider.ERROR_RATE_QUERY
                .replace("(sum(", "sum(")
                .replace(" or vector(0))", "");
        assertThat(p.measure(context(naive, ns, "shop")).verdict())
            .isEqualTo(Measurement.Verdict.INCONCLUSIVE);
      }
    }
  }

  @Test
  void aCanaryAnsweringErrorsIsRolledBackOnPrometheusMeasurements(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    failing.createContext(
        "/",
        ex -> {
          ex.sendResponseHeaders(503, -1);
          ex.close();
        });
    failing.start();
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080)) {
      cluster.create(Fixtures.service(ns.name(), "bad", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "bad", failing.getAddress().getPort()));
      CanaryStatus end = rolloutWithTraffic(cluster, ns, "bad");
      assertThat(end.phase()).as("%s", end).isEqualTo(Phase.ROLLED_BACK);
      assertThat(end.reason()).contains("errors failed 1 time").contains("100% > max 5%");
      assertThat(stable.requests()).isGreaterThan(10);
    } finally {
      failing.stop(0);
    }
  }

  @Test
  void aHealthyCanaryIsPromotedOnPrometheusMeasurements(GatewayCluster cluster, TestNamespace ns)
      throws Exception {
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080);
        EchoBackend good = EchoBackend.behindService(cluster, ns.name(), "good", 8080)) {
      CanaryStatus end = rolloutWithTraffic(cluster, ns, "good");
      assertThat(end.phase()).as("%s", end).isEqualTo(Phase.PROMOTED);
      assertThat(good.requests()).isGreaterThan(10);
    }
  }

  /**
   * Weight 50, a Prometheus check of the canary's error rate, then 100, with traffic through the
   * Gateway.
   */
  private CanaryStatus rolloutWithTraffic(GatewayCluster cluster, TestNamespace ns, String canary)
      throws Exception {
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.httpGateway(
                    ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
        .isProgrammed();
    awaitThat(
            cluster,
            cluster.create(Fixtures.canaryRoute(ns.name(), "shop", "gw", "stable", canary, 0)))
        .isAcceptedBy("gw");
    URI metrics = cluster.simulatedController().orElseThrow().metricsUrl().orElseThrow();
    try (RealPrometheus prometheus = RealPrometheus.scraping(metrics, dir);
        Traffic traffic = new Traffic(cluster.gateway(ns.name(), "gw").url("http"), false)) {
      return rollout(cluster, prometheus, RouteRef.httpRoute(ns.name(), "shop"), canary);
    }
  }

  private static CanaryStatus rollout(
      GatewayCluster cluster, RealPrometheus prometheus, RouteRef route, String canary)
      throws InterruptedException {
    AnalysisCheck errors =
        AnalysisCheck.builder("errors", "prometheus")
            .query(GatewayMetricsProvider.ERROR_RATE_QUERY)
            .max(0.05)
            .unit(AnalysisCheck.Unit.RATIO)
            .interval(Duration.ofSeconds(3))
            .inconclusiveLimit(5)
            .build();
    CanaryPlan plan =
        CanaryPlan.builder()
            .route(route)
            .stable("stable")
            .canary(canary)
            .step(Step.setWeight(50))
            .step(Step.analysis(errors))
            .step(Step.setWeight(100))
            .build();
    return Canary.builder(cluster.client(), plan)
        .provider("prometheus", PrometheusProvider.create(prometheus.url()))
        .build()
        .run();
  }
}
