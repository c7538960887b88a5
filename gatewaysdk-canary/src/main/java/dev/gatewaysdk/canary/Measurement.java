package dev.gatewaysdk.canary;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of one measurement of an {@link AnalysisCheck}: a value judged by the check's range,
 * or a verdict a provider decided itself (a webhook answering {@code {"verdict":"fail"}}), or
 * inconclusive (no value, an error). Instances are immutable.
 */
public final class Measurement {
  /** How a measurement counts. */
  public enum Verdict {
    SUCCESS,
    FAILURE,
    INCONCLUSIVE
  }

  private final Verdict verdict;
  private final double value;
  private final String message;

  /** The value as it reads in the check's unit. */
  private final String shown;

  private Measurement(Verdict verdict, double value, String message, AnalysisCheck.Unit unit) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.value = value;
    this.message = Objects.requireNonNull(message, "message");
    this.shown = Double.isNaN(value) ? "" : unit.format(value);
  }

  /**
   * A value, judged by {@code check}'s range (NaN is inconclusive); a refusal's message reads in
   * the check's {@link AnalysisCheck#unit() unit}, e.g. {@code 807 ms > max 500 ms}.
   */
  public static Measurement of(AnalysisCheck check, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return inconclusive("value is " + value);
    }
    boolean ok = check.accepts(value);
    return new Measurement(
        ok ? Verdict.SUCCESS : Verdict.FAILURE, value, check.describeRefusal(value), check.unit());
  }

  public static Measurement success(double value, String message) {
    return new Measurement(Verdict.SUCCESS, value, message, AnalysisCheck.Unit.NONE);
  }

  public static Measurement failure(double value, String message) {
    return new Measurement(Verdict.FAILURE, value, message, AnalysisCheck.Unit.NONE);
  }

  public static Measurement inconclusive(String reason) {
    return new Measurement(Verdict.INCONCLUSIVE, Double.NaN, reason, AnalysisCheck.Unit.NONE);
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The measured value, if there was one. */
  public OptionalDouble value() {
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Why it failed or was inconclusive; empty on plain success. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return verdict
        + (shown.isEmpty() ? "" : " " + shown)
        + (message.isEmpty() ? "" : " (" + message + ")");
  }
}
