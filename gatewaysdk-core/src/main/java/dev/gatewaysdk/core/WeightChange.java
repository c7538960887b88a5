package dev.gatewaysdk.core;

import java.util.Objects;

/**
 * One backend weight a {@link RouteManager} change set: the rule, the backend, the weight just
 * before the change (as verified by the server) and after it. An absent weight counts as 1, the
 * API's default.
 *
 * <p>Instances are immutable.
 */
public final class WeightChange {
  private final int rule;
  private final String backend;
  private final int before;
  private final int after;

  WeightChange(int rule, String backend, int before, int after) {
    this.rule = rule;
    this.backend = backend;
    this.before = before;
    this.after = after;
  }

  /** The index of the rule in {@code spec.rules}. */
  public int rule() {
    return rule;
  }

  public String backend() {
    return backend;
  }

  public int before() {
    return before;
  }

  public int after() {
    return after;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightChange
        && ((WeightChange) o).rule == rule
        && ((WeightChange) o).backend.equals(backend)
        && ((WeightChange) o).before == before
        && ((WeightChange) o).after == after;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, backend, before, after);
  }

  @Override
  public String toString() {
    return "rules[" + rule + "] " + backend + ": " + before + " -> " + after;
  }
}
