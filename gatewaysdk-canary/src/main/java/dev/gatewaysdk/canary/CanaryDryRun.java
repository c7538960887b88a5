package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a rollout would do, computed from the routes as they are now without changing anything: per
 * step the route changes and the JSON patch of the primary route. Instances are immutable.
 */
public final class CanaryDryRun {
  private final CanaryPlan plan;
  private final List<String> lines;
  private final List<JsonNode> patches;

  CanaryDryRun(CanaryPlan plan, List<String> lines, List<JsonNode> patches) {
    this.plan = plan;
    this.lines = List.copyOf(lines);
    this.patches = List.copyOf(patches);
  }

  public CanaryPlan plan() {
    return plan;
  }

  /**
   * One line per step: {@code steps[1] setWeight 10: HTTPRoute shop/web rules[0] web-v1: 95 -> 90,
   * ...}.
   */
  public List<String> lines() {
    return lines;
  }

  /**
   * The JSON patches (with their guards) for the primary route, one per step, then the promotion's.
   */
  public List<JsonNode> patches() {
    return patches;
  }

  @Override
  public String toString() {
    return "dry run of plan "
        + plan.id()
        + " ("
        + plan.routes()
        + ", "
        + plan.stable()
        + " -> "
        + plan.canary()
        + ")\n  "
        + String.join("\n  ", lines);
  }
}
