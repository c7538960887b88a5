package dev.gatewaysdk.canary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Micrometer metrics of one rollout, as a {@link CanaryListener} (Micrometer is an optional
 * dependency: this class is the only one that needs it). Meters, tagged {@code route}:
 *
 * <ul>
 *   <li>{@code gatewaysdk.canary.weight}: the canary's share (gauge);
 *   <li>{@code gatewaysdk.canary.phase}: 1 for the current phase, 0 for the others (gauge, tag
 *       {@code phase});
 *   <li>{@code gatewaysdk.canary.analysis}: measurements (counter, tags {@code check}, {@code
 *       verdict});
 *   <li>{@code gatewaysdk.canary.step.duration}: time per step on the rollout's clock (timer, tag
 *       {@code kind}).
 * </ul>
 *
 * Thread-safe.
 *
 * <pre>{@code
 * Canary.builder(client, plan).listener(new CanaryMetrics(registry, "shop/storefront", CanaryClock.system()));
 * }</pre>
 */
public final class CanaryMetrics implements CanaryListener {
  private final MeterRegistry registry;
  private final Tags tags;
  private final CanaryClock clock;
  private final AtomicInteger weight = new AtomicInteger();
  private final Map<Phase, AtomicInteger> phases = new EnumMap<>(Phase.class);
  private final AtomicReference<Instant> stepStart = new AtomicReference<>();

  public CanaryMetrics(MeterRegistry registry, String route, CanaryClock clock) {
    this.registry = registry;
    this.tags = Tags.of("route", route);
    this.clock = clock;
    Gauge.builder("gatewaysdk.canary.weight", weight, AtomicInteger::get)
        .tags(tags)
        .description("the canary's share of the traffic, percent")
        .register(registry);
    for (Phase p : Phase.values()) {
      AtomicInteger v = new AtomicInteger();
      phases.put(p, v);
      Gauge.builder("gatewaysdk.canary.phase", v, AtomicInteger::get)
          .tags(tags.and("phase", p.name()))
          .description("1 for the rollout's current phase")
          .register(registry);
    }
  }

  @Override
  public void statusChanged(CanaryStatus status) {
    weight.set(status.canaryWeight());
    phases.forEach((p, v) -> v.set(p == status.phase() ? 1 : 0));
  }

  @Override
  public void stepStarted(CanaryStatus status, Step step) {
    stepStart.set(clock.now());
    statusChanged(status);
  }

  @Override
  public void stepFinished(CanaryStatus status, Step step) {
    Instant start = stepStart.getAndSet(null);
    if (start != null) {
      Timer.builder("gatewaysdk.canary.step.duration")
          .tags(tags.and("kind", step.kind().name()))
          .register(registry)
          .record(Duration.between(start, clock.now()));
    }
  }

  @Override
  public void analysisResult(CanaryStatus status, AnalysisCheck check, Measurement measurement) {
    Counter.builder("gatewaysdk.canary.analysis")
        .tags(tags.and("check", check.name(), "verdict", measurement.verdict().name()))
        .register(registry)
        .increment();
  }

  @Override
  public void promoted(CanaryStatus status) {
    statusChanged(status);
  }

  @Override
  public void rolledBack(CanaryStatus status) {
    statusChanged(status);
  }
}
