package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final Map<String, URI> TARGETS =
      Map.of(
          "app-stable",
          URI.create("http://127.0.0.1:1/"),
          "app-canary",
          URI.create("http://127.0.0.1:2/"));

  private static Map<String, Integer> weights(int stable, int canary) {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put("app-stable", stable);
    w.put("app-canary", canary);
    return w;
  }

  private static Map<String, Integer> count(LoadGenerator g, Map<String, Integer> w, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String b = g.pick(w);
      if (b != null) {
        counts.merge(b, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void picksFollowTheWeightsExactly() {
    try (LoadGenerator g =
        new LoadGenerator(TARGETS, () -> weights(90, 10), new TrafficMetrics(), 10)) {
      assertThat(count(g, weights(90, 10), 100))
          .containsEntry("app-stable", 90)
          .containsEntry("app-canary", 10);
      assertThat(count(g, weights(75, 25), 40))
          .containsEntry("app-stable", 30)
          .containsEntry("app-canary", 10);
      assertThat(count(g, weights(0, 100), 7)).containsOnlyKeys("app-canary");
    }
  }

  @Test
  void backendsWithoutAddressOrWeightAreSkipped() {
    try (LoadGenerator g = new LoadGenerator(TARGETS, Map::of, new TrafficMetrics(), 10)) {
      assertThat(g.pick(Map.of("other", 100))).isNull();
      assertThat(g.pick(weights(0, 0))).isNull();
      Map<String, Integer> w = new LinkedHashMap<>(weights(1, 0));
      w.put("mirror", 5);
      assertThat(count(g, w, 5)).containsOnlyKeys("app-stable");
    }
  }

  @Test
  void sendsRealRequestsAndFollowsWeightChanges() throws Exception {
    TrafficMetrics metrics = new TrafficMetrics();
    AtomicReference<Map<String, Integer>> current = new AtomicReference<>(weights(100, 0));
    try (DemoBackend stable = DemoBackend.start("app-stable", 0, Duration.ZERO);
        DemoBackend canary = DemoBackend.start("app-canary", 0.5, Duration.ZERO);
        LoadGenerator g =
            new LoadGenerator(
                    Map.of("app-stable", stable.uri(), "app-canary", canary.uri()),
                    current::get,
                    metrics,
                    200)
                .start()) {
      awaitResponses(metrics, "app-stable", 20);
      assertThat(metrics.total("app-canary").requests()).isZero();
      current.set(weights(0, 100));
      awaitResponses(metrics, "app-canary", 20);
      TrafficMetrics.Window c = metrics.total("app-canary");
      assertThat(c.errorRate()).isBetween(0.4, 0.6);
      assertThat(metrics.total("app-stable").errors()).isZero();
      assertThat(g.sent()).isGreaterThanOrEqualTo(40);
    }
  }

  private static void awaitResponses(TrafficMetrics metrics, String backend, int n)
      throws InterruptedException {
    for (int i = 0; i < 1000 && metrics.total(backend).requests() < n; i++) {
      Thread.sleep(10);
    }
    assertThat(metrics.total(backend).requests()).isGreaterThanOrEqualTo(n);
  }

  @Test
  void invalidRateIsRejected() {
    assertThatThrownBy(() -> new LoadGenerator(TARGETS, Map::of, new TrafficMetrics(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerSecond must be 1..10000: 0");
  }
}
