package dev.gatewaysdk.canary.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.canary.LeaderElection;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeaseElectorTest {
  static EmbeddedApiServer server;

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static LeaseElector candidate(String lease, String identity, AtomicLong nanos) {
    return new LeaseElector(
        server.apiClient(),
        LeaderElection.of("default", lease, identity)
            .withTiming(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMillis(100)),
        nanos::get);
  }

  private static V1Lease read(String lease) throws Exception {
    return new CoordinationV1Api(server.apiClient())
        .readNamespacedLease(lease, "default")
        .execute();
  }

  @Test
  void aHeldLeaseIsTakenOnlyAfterItWasSeenUnchangedForAWholeLeaseDuration() throws Exception {
    AtomicLong clockA = new AtomicLong();
    AtomicLong clockB =
        new AtomicLong(TimeUnit.DAYS.toNanos(400)); // the replicas' clocks need not agree
    LeaseElector a = candidate("crash", "a", clockA);
    LeaseElector b = candidate("crash", "b", clockB);
    assertThat(a.tryAcquireOrRenew()).isTrue();
    assertThat(b.tryAcquireOrRenew()).isFalse();
    clockB.addAndGet(Duration.ofSeconds(14).toNanos());
    assertThat(b.tryAcquireOrRenew()).as("14 s of the 15 s lease").isFalse();
    clockA.addAndGet(Duration.ofSeconds(14).toNanos());
    assertThat(a.tryAcquireOrRenew()).as("the holder renews").isTrue();
    clockB.addAndGet(Duration.ofSeconds(14).toNanos());
    assertThat(b.tryAcquireOrRenew()).as("renewed 14 s ago, as b saw it").isFalse();
    // a crashes: no renewal, no release
    clockB.addAndGet(Duration.ofSeconds(15).toNanos());
    assertThat(b.tryAcquireOrRenew()).isTrue();
    V1Lease lease = read("crash");
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
    assertThat(a.tryAcquireOrRenew()).as("a, back, finds b holding").isFalse();
  }

  @Test
  void closingReleasesTheLeaseSoASuccessorTakesItAtOnce() throws Exception {
    AtomicLong clock = new AtomicLong();
    LeaseElector a = candidate("release", "a", clock);
    LeaseElector b = candidate("release", "b", clock);
    assertThat(a.tryAcquireOrRenew()).isTrue();
    assertThat(b.tryAcquireOrRenew()).isFalse();
    a.close();
    assertThat(read("release").getSpec().getHolderIdentity()).isNull();
    assertThat(b.tryAcquireOrRenew()).as("no expiry to wait for").isTrue();
    assertThat(a.tryAcquireOrRenew()).as("a closed candidate never acquires").isFalse();
  }

  @Test
  void aHolderThatCannotRenewWithinTheDeadlineIsToldItLostTheLease() throws Exception {
    AtomicLong clock = new AtomicLong();
    LeaseElector a = candidate("lost", "a", clock);
    assertThat(a.tryAcquireOrRenew()).isTrue();
    CountDownLatch lost = new CountDownLatch(1);
    a.keepRenewing(lost::countDown);
    // someone else takes the lease over by force: a's renewals now fail (the holder is not a)
    V1Lease lease = read("lost");
    lease.getSpec().holderIdentity("intruder");
    new CoordinationV1Api(server.apiClient())
        .replaceNamespacedLease("lost", "default", lease)
        .execute();
    Thread.sleep(300);
    assertThat(lost.getCount()).as("within the deadline").isEqualTo(1);
    clock.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
    a.close();
    assertThat(read("lost").getSpec().getHolderIdentity())
        .as("not released: not a's")
        .isEqualTo("intruder");
  }

  @Test
  void anOrderlyCloseLogsNothingAboveDebug() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LeaseElector a =
          new LeaseElector(
              server.apiClient(),
              LeaderElection.of("default", "quiet", "a")
                  .withTiming(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(50)));
      assertThat(a.tryAcquireOrRenew()).isTrue();
      a.keepRenewing(() -> {});
      Thread.sleep(300);
      a.close();
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContain("ERROR")
        .doesNotContain("WARN")
        .doesNotContain("INFO");
  }
}
