package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRequestRedirectFilter;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.List;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class RedirectExampleTest {
  @Test
  void redirectsAreStoredAndAcceptedWithoutBackends(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    List<HTTPRoute> routes =
        RedirectExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    HTTPRequestRedirectFilter toHttps =
        routes.get(0).spec().rules().get(0).filters().get(0).requestRedirect().orElseThrow();
    assertThat(toHttps.scheme()).contains("https");
    assertThat(toHttps.statusCode()).contains(301);
    HTTPRequestRedirectFilter path =
        routes.get(1).spec().rules().get(0).filters().get(0).requestRedirect().orElseThrow();
    assertThat(path.path().orElseThrow().replaceFullPath()).contains("/new-api");
    assertThat(path.statusCode()).contains(301);
    for (HTTPRoute route : routes) {
      assertThat(route.spec().rules().get(0).backendRefs()).isEmpty();
      awaitThat(client, route).isAcceptedBy(GatewayListenersExample.MY_GATEWAY).hasResolvedRefs();
    }
  }
}
