package dev.gatewaysdk.canary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric check of an analysis step or of a plan's background analysis ({@link
 * CanaryPlan.Builder#backgroundAnalysis}): which {@link MetricProvider} (by the name it was
 * registered under) to ask what, the accepted range, how often to measure, and when to decide. A
 * measurement inside {@code [min, max]} succeeds, outside fails; a measurement that errors or has
 * no value is inconclusive. The check passes after {@link #successes()} consecutive successes, and
 * fails when failures exceed {@link #failureLimit()} or inconclusive measurements exceed {@link
 * #inconclusiveLimit()} (Argo Rollouts' failureLimit/inconclusiveLimit, Flagger's threshold). At an
 * analysis step the first measurement comes {@link #initialDelay()} after the step started, that is
 * after the Gateway accepted the weight it judges. The check's {@link Unit} only changes how values
 * read in reasons and events ({@code 807 ms > max 500 ms}).
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * AnalysisCheck rate = AnalysisCheck.builder("success-rate", "prometheus")
 *     .query("sum(rate(http_requests_total{service=\"{{canary}}\",code!~\"5..\"}[{{interval}}]))"
 *         + " / sum(rate(http_requests_total{service=\"{{canary}}\"}[{{interval}}]))")
 *     .min(0.99).unit(AnalysisCheck.Unit.RATIO).interval(Duration.ofSeconds(30)).failureLimit(1).successes(2)
 *     .build();
 * }</pre>
 */
public final class AnalysisCheck {
  /**
   * What a check's values measure, for reading them: {@code RATIO} 0.807 reads {@code 80.7%},
   * {@code SECONDS} 0.807 reads {@code 807 ms}. In a YAML plan: {@code unit: ratio}, {@code
   * percent}, {@code seconds}, {@code milliseconds}, {@code per-second} or {@code none} (the
   * default).
   */
  public enum Unit {
    /** A plain number. */
    NONE,
    /** A share from 0 to 1, shown as a percentage. */
    RATIO,
    /** A percentage from 0 to 100. */
    PERCENT,
    /** A duration in seconds (Prometheus' base unit), shown in ms below one second. */
    SECONDS,
    /** A duration in milliseconds. */
    MILLISECONDS,
    /** A rate per second. */
    PER_SECOND;

    /**
     * {@code value} with this unit, e.g. {@code 80.7%}, {@code 807 ms}, {@code 1.25 s}, {@code
     * 12/s}.
     */
    public String format(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return String.valueOf(value);
      }
      switch (this) {
        case RATIO:
          return number(value * 100, 2) + "%";
        case PERCENT:
          return number(value, 2) + "%";
        case SECONDS:
          return Math.abs(value) < 1 ? number(value * 1000, 1) + " ms" : number(value, 3) + " s";
        case MILLISECONDS:
          return number(value, 1) + " ms";
        case PER_SECOND:
          return number(value, 2) + "/s";
        default:
          return number(value, 4);
      }
    }

    /**
     * The unit named {@code text} as a YAML plan writes it ({@code ratio}, {@code per-second}, …;
     * case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Unit parse(String text) {
      String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Unit u : values()) {
        if (u.name().equals(key)) {
          return u;
        }
      }
      throw new IllegalArgumentException(
          "unknown unit "
              + text
              + "; expected none, ratio, percent, seconds, milliseconds or per-second");
    }

    private static String number(double value, int decimals) {
      return BigDecimal.valueOf(value)
          .setScale(decimals, RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }
  }

  private final String name;
  private final String provider;
  private final String query;
  private final double min;
  private final double max;
  private final Unit unit;
  private final Duration interval;
  private final Duration initialDelay;
  private final int failureLimit;
  private final int inconclusiveLimit;
  private final int successes;
  private final boolean dryRun;
  private final boolean pauseWhenInconclusive;

  private AnalysisCheck(Builder b) {
    this.name = b.name;
    this.provider = b.provider;
    this.query = b.query;
    this.min = b.min;
    this.max = b.max;
    this.unit = b.unit;
    this.interval = b.interval;
    this.initialDelay = b.initialDelay;
    this.failureLimit = b.failureLimit;
    this.inconclusiveLimit = b.inconclusiveLimit;
    this.successes = b.successes;
    this.dryRun = b.dryRun;
    this.pauseWhenInconclusive = b.pauseWhenInconclusive;
  }

  /**
   * @throws IllegalArgumentException if {@code name} or {@code provider} is blank
   */
  public static Builder builder(String name, String provider) {
    return new Builder(name, provider);
  }

  public String name() {
    return name;
  }

  /**
   * The name the {@link MetricProvider} is registered under with {@link Canary.Builder#provider}.
   */
  public String provider() {
    return provider;
  }

  /**
   * The provider's query (templated with {@code {{canary}}}, {@code {{stable}}}, {@code
   * {{interval}}}...).
   */
  public String query() {
    return query;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** How values of this check read in reasons and events; {@link Unit#NONE} unless set. */
  public Unit unit() {
    return unit;
  }

  public Duration interval() {
    return interval;
  }

  /**
   * The wait before the first measurement at an analysis step, counted from the step's start (the
   * Gateway accepted the weight before it), if set with {@link Builder#initialDelay}; when empty
   * the wait is one {@link #interval()}, so that a query over {@code [{{interval}}]} measures only
   * traffic at the judged weight.
   */
  public Optional<Duration> initialDelay() {
    return Optional.ofNullable(initialDelay);
  }

  public int failureLimit() {
    return failureLimit;
  }

  public int inconclusiveLimit() {
    return inconclusiveLimit;
  }

  /** Consecutive successful measurements needed to pass. */
  public int successes() {
    return successes;
  }

  /** Whether {@code value} is inside the accepted range. */
  /** Whether the check is measured and reported only, never deciding ({@link Builder#dryRun}). */
  public boolean dryRun() {
    return dryRun;
  }

  /** Whether exceeding the inconclusive limit pauses for judgement instead of rolling back. */
  public boolean pauseWhenInconclusive() {
    return pauseWhenInconclusive;
  }

  public boolean accepts(double value) {
    return !Double.isNaN(value) && value >= min && value <= max;
  }

  Optional<String> describeRange() {
    if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
      return Optional.empty();
    }
    return Optional.of(
        (min == Double.NEGATIVE_INFINITY ? "" : unit.format(min) + " <= ")
            + "value"
            + (max == Double.POSITIVE_INFINITY ? "" : " <= " + unit.format(max)));
  }

  /**
   * Why {@code value} is refused, in the check's unit: {@code 807 ms > max 500 ms}; empty when
   * accepted.
   */
  String describeRefusal(double value) {
    if (accepts(value)) {
      return "";
    }
    return value > max
        ? unit.format(value) + " > max " + unit.format(max)
        : unit.format(value) + " < min " + unit.format(min);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AnalysisCheck)) {
      return false;
    }
    AnalysisCheck c = (AnalysisCheck) o;
    return name.equals(c.name)
        && provider.equals(c.provider)
        && query.equals(c.query)
        && Double.compare(min, c.min) == 0
        && Double.compare(max, c.max) == 0
        && unit == c.unit
        && interval.equals(c.interval)
        && Objects.equals(initialDelay, c.initialDelay)
        && failureLimit == c.failureLimit
        && inconclusiveLimit == c.inconclusiveLimit
        && successes == c.successes
        && dryRun == c.dryRun
        && pauseWhenInconclusive == c.pauseWhenInconclusive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        provider,
        query,
        min,
        max,
        unit,
        interval,
        initialDelay,
        failureLimit,
        inconclusiveLimit,
        successes,
        dryRun,
        pauseWhenInconclusive);
  }

  @Override
  public String toString() {
    return "check "
        + name
        + " ("
        + provider
        + (describeRange().map(r -> ", " + r).orElse(""))
        + ", every "
        + interval.toSeconds()
        + "s"
        + (dryRun ? ", dry run" : "")
        + ")";
  }

  /**
   * Builds an {@link AnalysisCheck}; defaults: any value, no unit, every minute, no failure
   * allowed, 2 inconclusive, 1 success.
   */
  public static final class Builder {
    private final String name;
    private final String provider;
    private String query = "";
    private double min = Double.NEGATIVE_INFINITY;
    private double max = Double.POSITIVE_INFINITY;
    private Unit unit = Unit.NONE;
    private Duration interval = Duration.ofMinutes(1);
    private Duration initialDelay;
    private int failureLimit;
    private int inconclusiveLimit = 2;
    private int successes = 1;
    private boolean dryRun;
    private boolean pauseWhenInconclusive;

    Builder(String name, String provider) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("check name must not be blank: " + name);
      }
      if (provider == null || provider.isBlank()) {
        throw new IllegalArgumentException("check " + name + ": provider must not be blank");
      }
      this.name = name;
      this.provider = provider;
    }

    public Builder query(String query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    public Builder min(double min) {
      this.min = min;
      return this;
    }

    public Builder max(double max) {
      this.max = max;
      return this;
    }

    /**
     * What the values measure, for reading them in reasons and events ({@code 807 ms > max 500
     * ms}).
     */
    public Builder unit(Unit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * @throws IllegalArgumentException if not positive
     */
    public Builder interval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(
            "check " + name + ": interval must be positive: " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * Wait before the first measurement at an analysis step (Argo Rollouts' initialDelay); default:
     * the {@link #interval}. Zero measures at once. @throws IllegalArgumentException if negative
     */
    public Builder initialDelay(Duration initialDelay) {
      if (initialDelay == null || initialDelay.isNegative()) {
        throw new IllegalArgumentException(
            "check " + name + ": initialDelay must be >= 0: " + initialDelay);
      }
      this.initialDelay = initialDelay;
      return this;
    }

    /**
     * Failed measurements tolerated; one more fails the check. @throws IllegalArgumentException if
     * negative
     */
    public Builder failureLimit(int failureLimit) {
      if (failureLimit < 0) {
        throw new IllegalArgumentException(
            "check " + name + ": failureLimit must be >= 0: " + failureLimit);
      }
      this.failureLimit = failureLimit;
      return this;
    }

    /**
     * Inconclusive measurements tolerated; one more fails the check. @throws
     * IllegalArgumentException if negative
     */
    public Builder inconclusiveLimit(int inconclusiveLimit) {
      if (inconclusiveLimit < 0) {
        throw new IllegalArgumentException(
            "check " + name + ": inconclusiveLimit must be >= 0: " + inconclusiveLimit);
      }
      this.inconclusiveLimit = inconclusiveLimit;
      return this;
    }

    /** Consecutive successes needed to pass. @throws IllegalArgumentException if below 1 */
    public Builder successes(int successes) {
      if (successes < 1) {
        throw new IllegalArgumentException(
            "check " + name + ": successes must be >= 1: " + successes);
      }
      this.successes = successes;
      return this;
    }

    /**
     * Measured and reported (listeners, Events, the status' history) but never deciding: its
     * failures roll nothing back, and an analysis step waits only for its first measurement (Argo
     * Rollouts' dryRun metrics). In a YAML plan: {@code dryRun: true}.
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * When inconclusive measurements exceed the limit, pause the rollout for a person to judge
     * instead of rolling back: {@code promote} continues past the step, {@code abort} rolls back
     * (Argo Rollouts pauses on an inconclusive analysis). In a YAML plan: {@code onInconclusive:
     * pause} (default {@code rollback}).
     */
    public Builder pauseWhenInconclusive(boolean pause) {
      this.pauseWhenInconclusive = pause;
      return this;
    }

    /**
     * @throws IllegalArgumentException if {@code min > max}
     */
    public AnalysisCheck build() {
      if (min > max || Double.isNaN(min) || Double.isNaN(max)) {
        throw new IllegalArgumentException(
            "check " + name + ": min must be <= max: " + min + " > " + max);
      }
      return new AnalysisCheck(this);
    }
  }
}
