package dev.gatewaysdk.canary;

/**
 * Hears what a rollout does, after the change is stored on the route. Methods run on the driving
 * thread and should return quickly; an exception thrown by a listener is logged and ignored. A
 * process that dies between a change and its notification does not repeat the notification after
 * restart.
 *
 * <pre>{@code
 * Canary.builder(client, plan).listener(new CanaryListener() {
 *   public void rolledBack(CanaryStatus s) { alert("canary rolled back: " + s.reason()); }
 * });
 * }</pre>
 */
public interface CanaryListener {
  default void stepStarted(CanaryStatus status, Step step) {}

  default void stepFinished(CanaryStatus status, Step step) {}

  /** Each measurement of a step's or a background check, after its counters are stored. */
  default void analysisResult(CanaryStatus status, AnalysisCheck check, Measurement measurement) {}

  default void paused(CanaryStatus status) {}

  default void resumed(CanaryStatus status) {}

  default void promoted(CanaryStatus status) {}

  /** Rolled back after a failure, or aborted ({@link CanaryStatus#phase()} tells which). */
  default void rolledBack(CanaryStatus status) {}

  /**
   * A pass failed on an API error ({@code attempt} in a row); the driver tries again in {@code
   * retryIn}, doubling from the poll interval up to five minutes, and never gives up on its own:
   * the rollout stays where it is meanwhile. {@code last}: the status last read (null before the
   * first read).
   */
  default void apiUnavailable(
      CanaryStatus last, RuntimeException error, int attempt, java.time.Duration retryIn) {}

  /** After every stored change and every pass that found nothing to change (progress lines). */
  default void statusChanged(CanaryStatus status) {}
}
