package dev.gatewaysdk.canary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a rollout, as stored on its primary route: phase, step, the canary's share, and why
 * the last transition happened. Instances are immutable.
 */
public final class CanaryStatus {
  private final Phase phase;
  private final int step;
  private final int stepCount;
  private final Optional<Step> currentStep;
  private final int canaryWeight;
  private final int mirrorPercent;
  private final String reason;
  private final Instant lastTransition;
  private final long revision;
  private final Map<String, String> analysis;
  private final List<String> history;

  CanaryStatus(
      Phase phase,
      int step,
      int stepCount,
      Optional<Step> currentStep,
      int canaryWeight,
      int mirrorPercent,
      String reason,
      Instant lastTransition,
      long revision,
      Map<String, String> analysis,
      List<String> history) {
    this.phase = phase;
    this.step = step;
    this.stepCount = stepCount;
    this.currentStep = currentStep;
    this.canaryWeight = canaryWeight;
    this.mirrorPercent = mirrorPercent;
    this.reason = reason;
    this.lastTransition = lastTransition;
    this.revision = revision;
    this.analysis = Map.copyOf(analysis);
    this.history = List.copyOf(history);
  }

  public Phase phase() {
    return phase;
  }

  /**
   * The index of the current step; {@link #stepCount()} during and after promotion; -1 before the
   * first.
   */
  public int step() {
    return step;
  }

  public int stepCount() {
    return stepCount;
  }

  public Optional<Step> currentStep() {
    return currentStep;
  }

  /** The canary's share of the traffic, 0..100. */
  public int canaryWeight() {
    return canaryWeight;
  }

  public int mirrorPercent() {
    return mirrorPercent;
  }

  /**
   * Why the last transition happened ({@code analysis success-rate failed: 0.93 outside 0.99 <=
   * value}).
   */
  public String reason() {
    return reason;
  }

  public Instant lastTransition() {
    return lastTransition;
  }

  /** The state's revision, incremented by every write. */
  public long revision() {
    return revision;
  }

  /**
   * Per check of the current analysis step, and per background check as {@code background/<name>}:
   * {@code 2 ok (2 in a row), 1 failed, 0 inconclusive}.
   */
  public Map<String, String> analysis() {
    return analysis;
  }

  CanaryStatus(
      Phase phase,
      int step,
      int stepCount,
      Optional<Step> currentStep,
      int canaryWeight,
      int mirrorPercent,
      String reason,
      Instant lastTransition,
      long revision,
      Map<String, String> analysis) {
    this(
        phase,
        step,
        stepCount,
        currentStep,
        canaryWeight,
        mirrorPercent,
        reason,
        lastTransition,
        revision,
        analysis,
        List.of());
  }

  /**
   * The most recent measurements of step and background checks (up to 20, oldest first), as stored
   * with the state: {@code 2030-01-01T00:01:00Z steps[1]/error-rate: FAILURE 2% (2% > max 1%)};
   * dry-run checks are marked {@code (dry run)}.
   */
  public List<String> history() {
    return history;
  }

  public boolean terminal() {
    return phase.terminal();
  }

  /** One line: {@code PROGRESSING step 3/6 (setWeight 25) canary 25%}. */
  @Override
  public String toString() {
    return phase
        + " step "
        + Math.min(step + 1, stepCount)
        + "/"
        + stepCount
        + currentStep.map(s -> " (" + s + ")").orElse(step >= stepCount ? " (promotion)" : "")
        + " canary "
        + canaryWeight
        + "%"
        + (mirrorPercent > 0 ? " mirror " + mirrorPercent + "%" : "")
        + (reason.isEmpty() ? "" : ": " + reason);
  }
}
