package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.Map;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class QuickStartTest {
  @Test
  void createsTheGatewayAndRouteAndMovesTheCanaryToHalf(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    RouteChange change =
        QuickStart.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(change.changed()).isTrue();
    assertThat(change.requests()).isEqualTo(1);
    assertThat(change.weightsBefore()).isEqualTo(Map.of("app-stable", 90, "app-canary", 10));
    assertThat(change.weightsAfter()).isEqualTo(Map.of("app-stable", 50, "app-canary", 50));
    assertThat(change.weights())
        .hasToString("[rules[0] app-stable: 90 -> 50, rules[0] app-canary: 10 -> 50]");
    HTTPRoute stored = TrafficSplitExample.routes(client, ns.name()).get("canary-route");
    awaitThat(client, stored).isAcceptedBy("my-gateway").hasBackendWeight("app-canary", 50);
  }
}
