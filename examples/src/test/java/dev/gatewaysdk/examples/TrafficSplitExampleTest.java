package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class TrafficSplitExampleTest {
  @Test
  void weightsAreStoredAndTheRouteAccepted(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    HTTPRoute route =
        TrafficSplitExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    awaitThat(client, route)
        .isAcceptedBy(GatewayListenersExample.MY_GATEWAY)
        .hasResolvedRefs()
        .hasBackendWeight("app-stable", 90)
        .hasBackendWeight("app-canary", 10);
  }

  @Test
  void missingServiceIsReportedAsUnresolved(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    TrafficSplitExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());
    HTTPRoute broken =
        TrafficSplitExample.routes(client, ns.name())
            .create(
                HTTPRoute.builder()
                    .name("broken")
                    .namespace(ns.name())
                    .parentRef(GatewayListenersExample.MY_GATEWAY)
                    .rule(r -> r.backend("no-such-service", 8080))
                    .build());

    awaitThat(client, broken)
        .isAcceptedBy(GatewayListenersExample.MY_GATEWAY)
        .hasUnresolvedRefs("BackendNotFound");
  }
}
