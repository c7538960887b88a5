package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPMethod;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.HTTPRouteMatch;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class AdvancedMatchExampleTest {
  @Test
  void headerQueryAndMethodMatchesAreStoredAndAccepted(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    HTTPRoute route =
        AdvancedMatchExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(route.spec().rules()).hasSize(3);
    HTTPRouteMatch v2 = route.spec().rules().get(0).matches().get(0);
    assertThat(route.spec().rules().get(0).matches()).hasSize(1);
    assertThat(v2.path().orElseThrow().value()).contains("/api/v2");
    assertThat(v2.headers())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.name()).isEqualTo("X-API-Version");
              assertThat(h.value()).isEqualTo("2.0");
            });
    HTTPRouteMatch search = route.spec().rules().get(1).matches().get(0);
    assertThat(search.queryParams())
        .singleElement()
        .satisfies(q -> assertThat(q.value()).isEqualTo("beta"));
    HTTPRouteMatch users = route.spec().rules().get(2).matches().get(0);
    assertThat(users.method()).contains(HTTPMethod.POST);
    assertThat(users.path().orElseThrow().type().orElseThrow().value()).isEqualTo("Exact");

    awaitThat(client, route).isAcceptedBy(GatewayListenersExample.MY_GATEWAY).hasResolvedRefs();
  }
}
