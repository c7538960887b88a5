package dev.gatewaysdk.canary;

import java.time.Duration;
import java.time.Instant;

/**
 * {@link CanaryClock#system()}: one instance, so that the driver can tell real time (which it may
 * watch) apart.
 */
final class SystemClock implements CanaryClock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

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
}
