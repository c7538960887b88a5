package dev.gatewaysdk.examples.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;

import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A test to copy: a canary HTTPRoute behind a Gateway, checked against the embedded API server with
 * the simulated Gateway controller writing status. Switch to a real cluster with
 * {@code @GatewayApiTest(backend = Backend.K3S)} (Docker) or {@code Backend.KUBECONFIG}.
 */
@GatewayApiTest
class CanaryRouteExampleTest {
  GatewayCluster cluster;
  RouteManager routes;
  TestNamespace ns;

  @BeforeEach
  void gatewayAndBackends() {
    cluster.create(Fixtures.tlsSecret(ns.name(), "shop-gw-tls", "shop.example.com"));
    cluster.create(
        Fixtures.gateway(ns.name(), "shop-gw", cluster.gatewayClassName().orElseThrow()));
    cluster.create(Fixtures.service(ns.name(), "app-stable", 8080));
    cluster.create(Fixtures.service(ns.name(), "app-canary", 8080));
  }

  @Test
  void canaryRouteIsAcceptedAndShiftsTraffic() {
    HTTPRoute route =
        cluster.create(
            Fixtures.canaryRoute(ns.name(), "app", "shop-gw", "app-stable", "app-canary", 10));

    HTTPRoute accepted =
        awaitThat(cluster, route).isAcceptedBy("shop-gw").hasResolvedRefs().actual();
    assertThat(accepted).hasBackendWeight("app-stable", 90).hasBackendWeight("app-canary", 10);

    // The canary gets 40 percent of the route's traffic, taken from the stable backend.
    routes.shiftTraffic(RouteRef.httpRoute(ns.name(), "app"), "app-stable", "app-canary", 40);
    awaitThat(cluster, route)
        .hasBackendWeight("app-canary", 40)
        .hasBackendWeight("app-stable", 60)
        .isAcceptedBy("shop-gw");

    Gateway gateway = cluster.get(Gateway.class, ns.name(), "shop-gw");
    awaitThat(cluster, gateway).isProgrammed().hasListener("https").hasAttachedRoutes("https", 1);
  }

  @Test
  void routeToAMissingServiceDoesNotResolve() {
    HTTPRoute route =
        cluster.create(
            Fixtures.canaryRoute(ns.name(), "typo", "shop-gw", "app-stable", "app-canry", 10));
    awaitThat(cluster, route).isAcceptedBy("shop-gw").hasUnresolvedRefs("BackendNotFound");
    routes.setWeights(
        RouteRef.httpRoute(ns.name(), "typo"), Map.of("app-stable", 100, "app-canry", 0));
    awaitThat(cluster, route).hasBackendWeight("app-canry", 0);
  }
}
