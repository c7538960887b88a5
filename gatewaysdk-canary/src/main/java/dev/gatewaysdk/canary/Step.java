package dev.gatewaysdk.canary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link CanaryPlan}. Steps run in order; a step finishes when its route change is
 * accepted by every parent Gateway (for changing steps) and its own condition holds: a pause
 * elapsed, a manual gate was promoted, all analysis checks passed.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * List<Step> steps = List.of(
 *     Step.mirror(50), Step.match(CanaryMatch.header("x-canary", "always")),
 *     Step.setWeight(10), Step.pause(Duration.ofMinutes(5)), Step.analysis(check),
 *     Step.setWeight(50), Step.pauseUntilPromoted());
 * }</pre>
 */
public final class Step {
  /** The kinds of steps. */
  public enum Kind {
    /** Sends a percentage of the traffic to the canary. */
    SET_WEIGHT,
    /** Waits for a duration. */
    PAUSE,
    /** Waits until promoted, from code or by the route annotation. */
    PAUSE_UNTIL_PROMOTED,
    /** Measures metrics until every check passes or one fails. */
    ANALYSIS,
    /** Mirrors a percentage of the requests to the canary, which answers none of them. */
    MIRROR,
    /** Sends requests matching headers, cookies or query parameters to the canary. */
    MATCH
  }

  private final Kind kind;
  private final int value;
  private final boolean decrease;
  private final Duration duration;
  private final List<AnalysisCheck> checks;
  private final List<CanaryMatch> matches;

  private Step(
      Kind kind,
      int value,
      boolean decrease,
      Duration duration,
      List<AnalysisCheck> checks,
      List<CanaryMatch> matches) {
    this.kind = kind;
    this.value = value;
    this.decrease = decrease;
    this.duration = duration;
    this.checks = List.copyOf(checks);
    this.matches = List.copyOf(matches);
  }

  /** The canary's share, 0..100 (validated when the plan is built, naming the step). */
  public static Step setWeight(int percent) {
    return new Step(Kind.SET_WEIGHT, percent, false, null, List.of(), List.of());
  }

  /**
   * Like {@link #setWeight(int)}, allowed to lower the canary's share (otherwise a plan mistake).
   */
  public static Step setWeightDecreasing(int percent) {
    return new Step(Kind.SET_WEIGHT, percent, true, null, List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException if negative
   */
  public static Step pause(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("pause duration must be >= 0: " + duration);
    }
    return new Step(Kind.PAUSE, 0, false, duration, List.of(), List.of());
  }

  public static Step pauseUntilPromoted() {
    return new Step(Kind.PAUSE_UNTIL_PROMOTED, 0, false, null, List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException without checks or with two checks of one name
   */
  public static Step analysis(AnalysisCheck... checks) {
    return analysis(List.of(checks));
  }

  /**
   * @throws IllegalArgumentException without checks or with two checks of one name
   */
  public static Step analysis(List<AnalysisCheck> checks) {
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("an analysis step needs at least one check");
    }
    if (checks.stream().map(AnalysisCheck::name).distinct().count() != checks.size()) {
      throw new IllegalArgumentException("analysis check names must be unique: " + checks);
    }
    return new Step(Kind.ANALYSIS, 0, false, null, checks, List.of());
  }

  /** Mirrors {@code percent} of the stable rules' requests to the canary; 0 removes the mirror. */
  public static Step mirror(int percent) {
    return new Step(Kind.MIRROR, percent, false, null, List.of(), List.of());
  }

  /**
   * Sends requests matching all of {@code matches} to the canary, through a rule added next to each
   * rule of the stable backend (same paths and filters). Removed at promotion or rollback.
   *
   * @throws IllegalArgumentException without matches
   */
  public static Step match(CanaryMatch... matches) {
    return match(List.of(matches));
  }

  /**
   * @throws IllegalArgumentException without matches
   */
  public static Step match(List<CanaryMatch> matches) {
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          "a match step needs at least one header, cookie or query parameter");
    }
    return new Step(Kind.MATCH, 0, false, null, List.of(), matches);
  }

  public Kind kind() {
    return kind;
  }

  /** The weight of SET_WEIGHT, the percent of MIRROR; 0 otherwise. */
  public int percent() {
    return value;
  }

  /** Whether a SET_WEIGHT step may lower the canary's share. */
  public boolean decreaseAllowed() {
    return decrease;
  }

  /** The duration of a PAUSE. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** Whether this step sends requests to the canary: a weight or mirror above 0, or a match. */
  boolean givesCanaryTraffic() {
    return kind == Kind.MATCH || (kind == Kind.SET_WEIGHT || kind == Kind.MIRROR) && value > 0;
  }

  public List<AnalysisCheck> checks() {
    return checks;
  }

  public List<CanaryMatch> matches() {
    return matches;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Step)) {
      return false;
    }
    Step s = (Step) o;
    return kind == s.kind
        && value == s.value
        && decrease == s.decrease
        && Objects.equals(duration, s.duration)
        && checks.equals(s.checks)
        && matches.equals(s.matches);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, decrease, duration, checks, matches);
  }

  /** {@code setWeight 25}, {@code pause 30s}, {@code analysis [success-rate]}... */
  @Override
  public String toString() {
    switch (kind) {
      case SET_WEIGHT:
        return "setWeight " + value;
      case PAUSE:
        return "pause " + dev.gatewaysdk.canary.internal.DurationText.format(duration);
      case PAUSE_UNTIL_PROMOTED:
        return "pause until promoted";
      case ANALYSIS:
        return "analysis "
            + checks.stream()
                .map(AnalysisCheck::name)
                .collect(java.util.stream.Collectors.toList());
      case MIRROR:
        return "mirror " + value + "%";
      default:
        return "match " + matches;
    }
  }
}
