package dev.gatewaysdk.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link CanaryClock} for tests: time moves only when advanced, and {@link #sleepUntil} advances
 * it to the deadline at once, so a rollout with hour-long pauses runs in milliseconds. Thread-safe;
 * time never goes backwards.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2030-01-01T00:00:00Z"));
 * Canary canary = Canary.builder(client, plan).clock(clock).build();
 * canary.run();                       // pauses of 10m take no real time
 * clock.now();                        // 2030-01-01T00:40:00Z, say
 * }</pre>
 */
public final class VirtualClock implements CanaryClock {
  private Instant now;

  private VirtualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  public static VirtualClock at(Instant start) {
    return new VirtualClock(start);
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /**
   * @throws IllegalArgumentException if negative
   */
  public synchronized Instant advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time does not go backwards: " + d);
    }
    now = now.plus(d);
    return now;
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    synchronized (this) {
      if (deadline.isAfter(now)) {
        now = deadline;
      }
    }
  }

  @Override
  public String toString() {
    return "virtual clock at " + now();
  }
}
