package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.core.RouteRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in metric providers against a tiny HTTP server in this test, and the Micrometer
 * listener.
 */
class ProvidersTest {
  HttpServer http;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final AtomicReference<String> answer = new AtomicReference<>();
  final AtomicReference<Integer> status = new AtomicReference<>(200);

  @BeforeEach
  void start() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              ex.getRequestMethod()
                  + " "
                  + URLDecoder.decode(ex.getRequestURI().toString(), StandardCharsets.UTF_8)
                  + " "
                  + body);
          byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status.get(), out.length == 0 ? -1 : out.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
          }
        });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  static AnalysisContext context(AnalysisCheck check) {
    return new AnalysisContext(
        check, RouteRef.httpRoute("shop", "web"), "web-v1", "web-v2", 3, 25, Instant.EPOCH);
  }

  static final AnalysisCheck RATE =
      AnalysisCheck.builder("success-rate", "prometheus")
          .query(
              "sum(rate(requests{svc=\"{{canary}}\",code!~\"5..\"}[{{interval}}])) / sum(rate(requests{svc=\"{{canary}}\"}[{{interval}}])) > {{stable}}")
          .min(0.99)
          .interval(Duration.ofSeconds(30))
          .build();

  @Test
  void prometheusInstantQueryIsTemplatedAndJudgedByTheRange() {
    PrometheusProvider p = PrometheusProvider.create(base());
    answer.set(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000.1,\"0.995\"]}]}}");

    Measurement ok = p.measure(context(RATE));

    assertThat(ok.verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    assertThat(ok.value()).hasValue(0.995);
    assertThat(requests)
        .containsExactly(
            "GET /api/v1/query?query=sum(rate(requests{svc=\"web-v2\",code!~\"5..\"}[30s]))"
                + " / sum(rate(requests{svc=\"web-v2\"}[30s])) > web-v1 ");
    answer.set(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.1,\"0.9\"]}}");
    Measurement low = p.measure(context(RATE));
    assertThat(low.verdict()).isEqualTo(Measurement.Verdict.FAILURE);
    assertThat(low.message()).isEqualTo("0.9 < min 0.99");
  }

  @Test
  void prometheusWithoutDataOrWithErrorsIsInconclusive() {
    PrometheusProvider p = PrometheusProvider.create(base());
    answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    assertThat(p.measure(context(RATE)).message()).startsWith("no data for sum(rate(");
    answer.set(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"NaN\"]}]}}");
    assertThat(p.measure(context(RATE)).verdict()).isEqualTo(Measurement.Verdict.INCONCLUSIVE);
    status.set(400);
    answer.set("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");
    assertThat(p.measure(context(RATE)).message())
        .isEqualTo("Prometheus answered 400: bad_data parse error");
    http.stop(0);
    assertThat(p.measure(context(RATE)).message())
        .startsWith("Prometheus " + base() + " unreachable");
  }

  @Test
  void webhookPostsTheContextAndPassesOn2xxOrByVerdict() throws Exception {
    AnalysisCheck gate = AnalysisCheck.builder("load-test", "hook").max(2).build();
    WebhookProvider w = WebhookProvider.create(base().resolve("/gate"));
    answer.set("");

    assertThat(w.measure(context(gate)).verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    JsonNode sent =
        Jsons.mapper().readTree(requests.get(0).substring(requests.get(0).indexOf('{')));
    assertThat(sent.path("canary").asText()).isEqualTo("web-v2");
    assertThat(sent.path("canaryWeight").asInt()).isEqualTo(25);
    assertThat(sent.path("route").path("name").asText()).isEqualTo("web");
    assertThat(requests.get(0)).startsWith("POST /gate ");
    answer.set("{\"verdict\":\"fail\",\"message\":\"p99 too high\"}");
    assertThat(w.measure(context(gate)).message()).isEqualTo("p99 too high");
    answer.set("{\"value\":3}");
    assertThat(w.measure(context(gate)).verdict()).isEqualTo(Measurement.Verdict.FAILURE);
    answer.set("{\"verdict\":\"inconclusive\"}");
    assertThat(w.measure(context(gate)).verdict()).isEqualTo(Measurement.Verdict.INCONCLUSIVE);
    status.set(503);
    answer.set("down");
    assertThat(w.measure(context(gate)).verdict()).isEqualTo(Measurement.Verdict.FAILURE);
  }

  @Test
  void functionProviderIsJudgedByTheRangeAndNaNIsInconclusive() throws Exception {
    AnalysisCheck c = AnalysisCheck.builder("c", "f").min(1).max(2).build();
    assertThat(MetricProvider.of(ctx -> 1.5).measure(context(c)).verdict())
        .isEqualTo(Measurement.Verdict.SUCCESS);
    assertThat(MetricProvider.of(ctx -> 2.5).measure(context(c)).verdict())
        .isEqualTo(Measurement.Verdict.FAILURE);
    assertThat(MetricProvider.of(ctx -> Double.NaN).measure(context(c)).verdict())
        .isEqualTo(Measurement.Verdict.INCONCLUSIVE);
  }

  @Test
  void micrometerListenerTracksWeightPhaseAnalysisAndStepDurations() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    VirtualClock clock = VirtualClock.at(Instant.EPOCH);
    CanaryMetrics m = new CanaryMetrics(registry, "shop/web", clock);
    CanaryStatus s =
        new CanaryStatus(
            Phase.PROGRESSING,
            1,
            3,
            java.util.Optional.empty(),
            25,
            0,
            "",
            Instant.EPOCH,
            2,
            java.util.Map.of());

    m.stepStarted(s, Step.setWeight(25));
    clock.advance(Duration.ofMinutes(2));
    m.stepFinished(s, Step.setWeight(25));
    m.analysisResult(s, RATE, Measurement.failure(0.5, "low"));

    assertThat(registry.get("gatewaysdk.canary.weight").gauge().value()).isEqualTo(25);
    assertThat(registry.get("gatewaysdk.canary.phase").tag("phase", "PROGRESSING").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get("gatewaysdk.canary.phase").tag("phase", "PAUSED").gauge().value())
        .isEqualTo(0);
    assertThat(
            registry
                .get("gatewaysdk.canary.step.duration")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(120);
    assertThat(
            registry.get("gatewaysdk.canary.analysis").tag("verdict", "FAILURE").counter().count())
        .isEqualTo(1);
  }
}
