package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.RouteRef;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas run one plan under a Lease: one drives, the other waits; when the driver dies the
 * other takes over and continues from the state on the route. Lease timing is real time, so the
 * rollout itself uses only a manual gate and fast polling.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CanaryLeaderElectionTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("ha");

  static final class Replica {
    final String name;
    final Canary canary;
    final List<String> started = new CopyOnWriteArrayList<>();
    final AtomicReference<Object> result = new AtomicReference<>();
    final Thread thread;

    Replica(String name, CanaryPlan plan) {
      this.name = name;
      this.canary =
          Canary.builder(fixture.cluster.client(), plan)
              .pollInterval(Duration.ofMillis(50))
              .listener(
                  new CanaryListener() {
                    @Override
                    public void stepStarted(CanaryStatus status, Step step) {
                      started.add(status.step() + " " + step);
                    }
                  })
              .build();
      LeaderElection lease =
          LeaderElection.of("default", "web-canary", name)
              .withTiming(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(250));
      this.thread =
          new Thread(
              () -> {
                try {
                  result.set(canary.runWithLeaderElection(lease));
                } catch (Throwable t) {
                  result.set(t);
                }
              },
              name);
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static String holder() {
    try {
      V1Lease l =
          new CoordinationV1Api(fixture.cluster.server.apiClient())
              .readNamespacedLease("web-canary", "default")
              .execute();
      return l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void oneReplicaDrivesAndAnotherTakesOverWhenItDies() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        CanaryFixture.plan(ref)
            .weights(10)
            .step(Step.pauseUntilPromoted())
            .weights(50, 100)
            .build();
    Replica a = new Replica("replica-a", plan);
    Replica b = new Replica("replica-b", plan);

    a.thread.start();
    await("replica-a at the gate", () -> a.canary.status().phase() == Phase.PAUSED);
    b.thread.start();
    await("replica-b waiting", () -> b.thread.getState() == Thread.State.TIMED_WAITING);
    Thread.sleep(300);
    assertThat(holder()).isEqualTo("replica-a");
    assertThat(b.started).isEmpty();

    a.thread.interrupt(); // replica-a dies
    a.thread.join(10_000);
    assertThat(a.result.get()).isInstanceOf(InterruptedException.class);
    await("replica-b leads", () -> "replica-b".equals(holder()));
    a.canary.promote(); // anyone may promote: the command is an annotation
    b.thread.join(30_000);

    assertThat(b.result.get()).isInstanceOf(CanaryStatus.class);
    assertThat(((CanaryStatus) b.result.get()).phase()).isEqualTo(Phase.PROMOTED);
    assertThat(a.started).containsExactly("0 setWeight 10", "1 pause until promoted");
    assertThat(b.started).containsExactly("2 setWeight 50", "3 setWeight 100");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(100);
  }
}
