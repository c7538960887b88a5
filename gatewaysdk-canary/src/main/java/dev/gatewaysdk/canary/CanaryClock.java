package dev.gatewaysdk.canary;

import java.time.Instant;

/**
 * The time a rollout sees and waits on: pauses, analysis intervals, the progress deadline and
 * polling all go through it. {@link #system()} in production; {@link VirtualClock} in tests, where
 * waiting advances virtual time instead of sleeping. Implementations are thread-safe.
 */
public interface CanaryClock {
  Instant now();

  /**
   * Returns once {@link #now()} is at or after {@code deadline}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** The system clock; waiting sleeps (or, in {@link Canary#run()}, watches the route). */
  static CanaryClock system() {
    return SystemClock.INSTANCE;
  }
}
