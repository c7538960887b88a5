package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@GatewayApiTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedGatewayControllerTest {
  GatewayCluster cluster;
  TestNamespace ns;

  String gatewayClass() {
    return cluster.gatewayClassName().orElseThrow();
  }

  @Test
  void gatewayClassIsAccepted() {
    GatewayClass gc = cluster.get(GatewayClass.class, null, gatewayClass());
    assertThat(gc.spec().controllerName()).isEqualTo(SimulatedGatewayController.DEFAULT_CONTROLLER_NAME);
    // The cluster started the controller before the test; the class may still be waiting for its first pass.
    GatewayClass accepted = awaitClass();
    assertThat(accepted).isAccepted();
  }

  GatewayClass awaitClass() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    GatewayClass gc;
    do {
      gc = cluster.get(GatewayClass.class, null, gatewayClass());
    } while (gc.status().isEmpty() && System.nanoTime() < end && sleep());
    return gc;
  }

  static boolean sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Test
  void gatewayIsProgrammedAndRouteAccepted() {
    cluster.create(Fixtures.tlsSecret(ns.name(), "gw-tls", "app.example.com"));
    Gateway gw = cluster.create(Fixtures.gateway(ns.name(), "gw", gatewayClass()));
    cluster.create(Fixtures.service(ns.name(), "app-stable", 8080));
    cluster.create(Fixtures.service(ns.name(), "app-canary", 8080));
    HTTPRoute route = cluster.create(Fixtures.canaryRoute(ns.name(), "app", "gw", "app-stable", "app-canary", 10));

    awaitThat(cluster, route).isAcceptedBy("gw").hasResolvedRefs().hasBackendWeight("app-canary", 10);
    Gateway programmed = awaitThat(cluster, gw).isProgrammed().hasListener("https").hasAttachedRoutes("https", 1)
        .hasAttachedRoutes("http", 1).actual();
    assertThat(programmed).isAccepted().hasAddress()
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs")
        .hasListenerCondition("http", "Conflicted", false, "NoConflicts");
  }
}
