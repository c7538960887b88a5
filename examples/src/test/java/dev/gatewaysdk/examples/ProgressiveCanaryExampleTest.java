package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.canary.CanaryStatus;
import dev.gatewaysdk.canary.Phase;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class ProgressiveCanaryExampleTest {
  private static final Duration INTERVAL = Duration.ofMillis(50);

  @Test
  void healthyCanaryIsPromotedThroughEveryStage(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) throws Exception {
    Set<Integer> analysedAt = ConcurrentHashMap.newKeySet();
    CanaryStatus end =
        ProgressiveCanaryExample.run(
            client,
            ns.name(),
            cluster.gatewayClassName().orElseThrow(),
            INTERVAL,
            ctx -> {
              analysedAt.add(ctx.canaryWeight());
              return 0.0;
            });

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(end.canaryWeight()).isEqualTo(100);
    assertThat(analysedAt).containsExactlyInAnyOrder(5, 10, 25, 50, 75);
    HTTPRoute route = TrafficSplitExample.routes(client, ns.name()).get("canary-route");
    assertThat(route).hasBackendWeight("app-stable", 0).hasBackendWeight("app-canary", 100);
  }

  @Test
  void errorsAtTwentyFivePercentRollBack(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) throws Exception {
    CanaryStatus end =
        ProgressiveCanaryExample.run(
            client,
            ns.name(),
            cluster.gatewayClassName().orElseThrow(),
            INTERVAL,
            ctx -> ctx.canaryWeight() >= 25 ? 0.07 : 0.0);

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.reason()).contains("error-rate");
    HTTPRoute route = TrafficSplitExample.routes(client, ns.name()).get("canary-route");
    assertThat(route).hasBackendWeight("app-stable", 100).hasBackendWeight("app-canary", 0);
  }
}
