package dev.gatewaysdk.canary;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a rollout sees and waits on: pauses, analysis intervals, the progress deadline and polling all go
 * through it. {@link #system()} in production; {@link VirtualClock} in tests, where waiting advances virtual
 * time instead of sleeping. Implementations are thread-safe.
 */
public interface CanaryClock {
  Instant now();

  /**
   * Returns once {@link #now()} is at or after {@code deadline}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** The system clock; waiting sleeps. */
  static CanaryClock system() {
    return new CanaryClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleepUntil(Instant deadline) throws InterruptedException {
        long millis = Duration.between(Instant.now(), deadline).toMillis();
        if (millis > 0) {
          Thread.sleep(millis);
        } else if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }

      @Override
      public String toString() {
        return "system clock";
      }
    };
  }
}
