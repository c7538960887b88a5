package dev.gatewaysdk.canary;

import java.util.List;

/**
 * A canary plan that cannot run: thrown before anything in the cluster changes, with one problem
 * per line, each naming the step, route or backend ({@code steps[2] (setWeight 150): weight must be
 * 0..100}).
 */
public final class InvalidPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidPlanException(List<String> problems) {
    super(
        problems.size() == 1
            ? "invalid canary plan: " + problems.get(0)
            : "invalid canary plan:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
