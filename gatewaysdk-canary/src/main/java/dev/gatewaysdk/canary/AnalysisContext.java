package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.DurationText;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.core.RouteRef;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link MetricProvider} knows about the measurement it is asked for: the check, the
 * rollout's route and backends, the step and the canary's current share. Instances are immutable.
 */
public final class AnalysisContext {
  private final AnalysisCheck check;
  private final RouteRef route;
  private final String stable;
  private final String canary;
  private final int step;
  private final int canaryWeight;
  private final Instant time;

  AnalysisContext(
      AnalysisCheck check,
      RouteRef route,
      String stable,
      String canary,
      int step,
      int canaryWeight,
      Instant time) {
    this.check = Objects.requireNonNull(check);
    this.route = Objects.requireNonNull(route);
    this.stable = stable;
    this.canary = canary;
    this.step = step;
    this.canaryWeight = canaryWeight;
    this.time = time;
  }

  /** A context for testing providers. */
  public static AnalysisContext of(
      AnalysisCheck check, RouteRef route, String stable, String canary) {
    return new AnalysisContext(check, route, stable, canary, 0, 0, Instant.EPOCH);
  }

  public AnalysisCheck check() {
    return check;
  }

  public RouteRef route() {
    return route;
  }

  public String stable() {
    return stable;
  }

  public String canary() {
    return canary;
  }

  public int step() {
    return step;
  }

  public int canaryWeight() {
    return canaryWeight;
  }

  /** When the measurement was asked for, by the rollout's clock. */
  public Instant time() {
    return time;
  }

  /**
   * The check's query with {@code {{canary}}}, {@code {{stable}}}, {@code {{interval}}} (as {@code
   * 30s}), {@code {{namespace}}}, {@code {{route}}} and {@code {{weight}}} replaced.
   */
  public String renderedQuery() {
    return render(check.query());
  }

  /** {@code template} with the placeholders of {@link #renderedQuery()} replaced. */
  public String render(String template) {
    return template
        .replace("{{canary}}", canary)
        .replace("{{stable}}", stable)
        .replace("{{interval}}", DurationText.format(check.interval()))
        .replace("{{namespace}}", route.namespace())
        .replace("{{route}}", route.name())
        .replace("{{weight}}", Integer.toString(canaryWeight));
  }

  /** The context as JSON, the body webhooks receive. */
  public ObjectNode toJson() {
    ObjectNode o = Jsons.object();
    o.put("check", check.name()).put("provider", check.provider()).put("query", renderedQuery());
    o.putObject("route")
        .put("kind", route.kind())
        .put("namespace", route.namespace())
        .put("name", route.name());
    o.put("stable", stable)
        .put("canary", canary)
        .put("step", step)
        .put("canaryWeight", canaryWeight)
        .put("interval", DurationText.format(check.interval()))
        .put("time", time.toString());
    return o;
  }

  @Override
  public String toString() {
    return Jsons.write(toJson());
  }
}
