package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries failures that are safe to retry: throttling (HTTP 429, honouring {@code
 * Retry-After}) for every request, and server timeouts, unavailability and connection failures for
 * reads. Backoff doubles from {@link #initialBackoff()} up to {@link #maxBackoff()}, with jitter.
 *
 * <p>Instances are immutable. {@code RetryPolicy.none()} disables retries.
 *
 * <pre>{@code
 * GatewayApiClient client = GatewayApiClient.builder(apiClient)
 *     .retryPolicy(RetryPolicy.of(5, Duration.ofMillis(200), Duration.ofSeconds(10)))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5));
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * A policy of at most {@code maxAttempts} attempts (the first included).
   *
   * @throws IllegalArgumentException if {@code maxAttempts < 1} or a backoff is negative or the
   *     initial backoff exceeds the maximum
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= initialBackoff <= maxBackoff: "
              + initialBackoff
              + ", "
              + maxBackoff);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /** Four attempts, backoff from 100 ms to 5 s. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** One attempt: failures surface at once. */
  public static RetryPolicy none() {
    return NONE;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The delay before attempt {@code attempt + 1} (1-based {@code attempt}), without jitter. */
  public Duration backoff(int attempt) {
    Duration d = initialBackoff;
    for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", backoff="
        + initialBackoff
        + ".."
        + maxBackoff
        + "}";
  }
}
