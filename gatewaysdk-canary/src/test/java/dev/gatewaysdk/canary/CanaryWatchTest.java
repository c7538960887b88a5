package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayCluster;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 8: waiting for the Gateway is driven by the route's watch events, not by polling.
 * The embedded cluster's simulated controller writes route status asynchronously (from its
 * informers), so every step's change is first seen pending.
 */
class CanaryWatchTest {
  /** A namespace with Gateway gw and the Services web-v1 and web-v2. */
  private static String gatewayAndServices(GatewayCluster cluster, String hint) {
    String ns = cluster.createTestNamespace(hint);
    cluster.create(Fixtures.gateway(ns, "gw", cluster.gatewayClassName().orElseThrow()));
    cluster.create(Fixtures.service(ns, "web-v1", 8080));
    cluster.create(Fixtures.service(ns, "web-v2", 8080));
    return ns;
  }

  @Test
  void tenShortRolloutsWaitForTheGatewayByWatchNotByPolling() {
    try (GatewayCluster cluster = GatewayCluster.embedded()) {
      String ns = gatewayAndServices(cluster, "watch");
      int wakeups = 0;
      for (int i = 0; i < 10; i++) {
        cluster.create(Fixtures.canaryRoute(ns, "web-" + i, "gw", "web-v1", "web-v2", 0));
        CanaryPlan plan =
            CanaryPlan.builder()
                .route(RouteRef.httpRoute(ns, "web-" + i))
                .stable("web-v1")
                .canary("web-v2")
                .weights(10, 50, 100)
                .build();
        AtomicInteger passes = new AtomicInteger();
        // the fallback poll is an hour: a rollout that waited for the Gateway by polling would not
        // finish
        Canary canary =
            Canary.builder(cluster.client(), plan)
                .pollInterval(Duration.ofHours(1))
                .events(false)
                .listener(
                    new CanaryListener() {
                      @Override
                      public void statusChanged(CanaryStatus status) {
                        passes.incrementAndGet();
                      }
                    })
                .build();

        CanaryStatus end =
            assertTimeoutPreemptively(
                Duration.ofSeconds(60), canary::run, "rollout " + i + " stalled");

        assertThat(end.phase()).as("rollout %d", i).isEqualTo(Phase.PROMOTED);
        // a write and a wait for its status per step, and nothing else
        assertThat(passes.get()).as("passes of rollout %d", i).isBetween(4, 30);
        wakeups += canary.watchWakeups.get();
      }
    }
  }

  @Test
  void routesMovedInLockstepAreEachWaitedForByWatch() {
    try (GatewayCluster cluster = GatewayCluster.embedded()) {
      String ns = gatewayAndServices(cluster, "lockstep");
      cluster.create(Fixtures.canaryRoute(ns, "web", "gw", "web-v1", "web-v2", 0));
      cluster.create(Fixtures.canaryRoute(ns, "web-internal", "gw", "web-v1", "web-v2", 0));
      CanaryPlan plan =
          CanaryPlan.builder()
              .route(RouteRef.httpRoute(ns, "web"))
              .route(RouteRef.httpRoute(ns, "web-internal"))
              .stable("web-v1")
              .canary("web-v2")
              .weights(10, 50, 100)
              .build();
      Canary canary =
          Canary.builder(cluster.client(), plan)
              .pollInterval(Duration.ofHours(1))
              .events(false)
              .build();

      CanaryStatus end =
          assertTimeoutPreemptively(Duration.ofSeconds(60), canary::run, "the rollout stalled");

      // with a fallback poll of an hour, finishing at all means every wait for a route's status
      // ended on its watch
      assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    }
  }
}
