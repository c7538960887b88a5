package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class BasicRouteExampleTest {
  @Test
  void routeIsAcceptedAndItsBackendResolved(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    HTTPRoute route =
        BasicRouteExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(route.spec().hostnames()).containsExactly("api.example.com");
    assertThat(route.spec().rules().get(0).matches().get(0).path().orElseThrow().value())
        .contains("/api/v1");
    awaitThat(client, route).isAcceptedBy(GatewayListenersExample.MY_GATEWAY).hasResolvedRefs();
    awaitThat(
            client,
            GatewayListenersExample.gateways(client, ns.name())
                .get(GatewayListenersExample.MY_GATEWAY))
        .hasAttachedRoutes("http", 1);
  }
}
