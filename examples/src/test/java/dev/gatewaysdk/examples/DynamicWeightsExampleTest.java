package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class DynamicWeightsExampleTest {
  @Test
  void eachStageChangesOnlyTheTwoWeights(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    List<RouteChange> changes =
        DynamicWeightsExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(changes).hasSize(1 + DynamicWeightsExample.STAGES.length);
    assertThat(changes.get(0).changed()).isTrue();
    for (int i = 0; i < DynamicWeightsExample.STAGES.length; i++) {
      RouteChange c = changes.get(i + 1);
      assertThat(c.weightsAfter())
          .containsEntry("app-stable", DynamicWeightsExample.STAGES[i][0])
          .containsEntry("app-canary", DynamicWeightsExample.STAGES[i][1]);
      // The known state of the previous change lets the manager patch without reading first.
      assertThat(c.requests()).isEqualTo(1);
    }
    assertThat(changes.get(1).weightsBefore())
        .isEqualTo(Map.of("app-stable", 100, "app-canary", 0));

    HTTPRoute stored = TrafficSplitExample.routes(client, ns.name()).get("canary-route");
    awaitThat(client, stored)
        .isAcceptedBy(GatewayListenersExample.MY_GATEWAY)
        .hasBackendWeight("app-stable", 0)
        .hasBackendWeight("app-canary", 100);
  }
}
