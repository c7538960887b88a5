package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrafficMetricsTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final TrafficMetrics metrics = new TrafficMetrics(clock::get);

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }

  @Test
  void windowCountsOnlyResponsesInsideIt() {
    metrics.record("canary", seconds(1), false, Duration.ofMillis(10));
    metrics.record("canary", seconds(2), true, Duration.ofMillis(30));
    metrics.record("canary", seconds(3), false, Duration.ofMillis(20));
    metrics.record("stable", seconds(2.5), true, Duration.ofMillis(99));

    TrafficMetrics.Window w = metrics.window("canary", seconds(1), seconds(3));
    assertThat(w.requests()).isEqualTo(2);
    assertThat(w.errors()).isEqualTo(1);
    assertThat(w.errorRate()).isEqualTo(0.5);
    assertThat(w.p95()).isEqualTo(Duration.ofMillis(30));
    assertThat(w.mean()).isEqualTo(Duration.ofMillis(25));
    assertThat(metrics.total("canary").requests()).isEqualTo(3);
    assertThat(metrics.total("stable").errorRate()).isEqualTo(1.0);
  }

  @Test
  void summariesCountInTheSingularForOne() {
    metrics.record("canary", seconds(1), true, Duration.ofMillis(12));
    assertThat(metrics.total("canary")).hasToString("1 request, 1 error, p95 12 ms");
    metrics.record("canary", seconds(2), false, Duration.ofMillis(12));
    assertThat(metrics.total("canary")).hasToString("2 requests, 1 error, p95 12 ms");
    assertThat(DemoRun.summary(metrics, "stable"))
        .isEqualTo("stable 0 requests, 0 errors (0%), p95 0 ms");
  }

  @Test
  void windowEndingNowUsesTheClock() {
    clock.set(seconds(10));
    metrics.record("canary", false, Duration.ofMillis(5));
    clock.set(seconds(20));
    metrics.record("canary", true, Duration.ofMillis(5));
    assertThat(metrics.window("canary", Duration.ofSeconds(5)).requests()).isEqualTo(1);
    assertThat(metrics.window("canary", Duration.ofSeconds(15)).requests()).isEqualTo(2);
  }

  @Test
  void p95IsTheNearestRankPercentile() {
    for (int i = 1; i <= 100; i++) {
      metrics.record("b", seconds(1), false, Duration.ofMillis(i));
    }
    assertThat(metrics.total("b").p95()).isEqualTo(Duration.ofMillis(95));
  }

  @Test
  void unknownBackendAndEmptyWindowAreZero() {
    assertThat(metrics.total("none").requests()).isZero();
    assertThat(metrics.total("none").errorRate()).isZero();
    assertThat(metrics.total("none").p95()).isEqualTo(Duration.ZERO);
  }

  @Test
  void oldestSamplesAreDroppedBeyondTheCap() {
    for (int i = 0; i < TrafficMetrics.MAX_SAMPLES + 10; i++) {
      metrics.record("b", i, i < 10, Duration.ZERO);
    }
    TrafficMetrics.Window all = metrics.total("b");
    assertThat(all.requests()).isEqualTo(TrafficMetrics.MAX_SAMPLES);
    assertThat(all.errors()).isZero();
  }
}
