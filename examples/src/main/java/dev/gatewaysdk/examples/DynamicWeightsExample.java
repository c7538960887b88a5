package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.Backend;
import dev.gatewaysdk.core.CanaryRoute;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ParentRef;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing weights at run time with {@link RouteManager}: create a canary route, then walk the
 * canary's share up stage by stage. Each change is one guarded JSON patch touching only the two
 * weights, so other rules, filters and fields (also ones this SDK does not know) stay as they are,
 * and a concurrent edit is detected and re-applied instead of overwritten.
 *
 * <pre>{@code
 * List<RouteChange> changes = DynamicWeightsExample.run(client, "default", "envoy-gateway");
 * changes.forEach(c -> System.out.println(c.weights()));   // [rules[0] app-stable: 100 -> 95, ...]
 * }</pre>
 */
public final class DynamicWeightsExample {
  /** Stable/canary weights, stage by stage. */
  public static final int[][] STAGES = {{95, 5}, {90, 10}, {75, 25}, {50, 50}, {25, 75}, {0, 100}};

  private DynamicWeightsExample() {}

  /**
   * Applies {@code my-gateway} and the Services, creates {@code canary-route} with stable 100 /
   * canary 0, and sets each of {@link #STAGES}; returns the creation and every change.
   */
  public static List<RouteChange> run(
      GatewayApiClient client, String namespace, String gatewayClassName) {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(client, namespace, 8080, "app-stable", "app-canary");

    RouteManager routes = RouteManager.create(client);
    List<RouteChange> changes = new ArrayList<>();
    RouteChange created =
        routes.createCanaryRoute(
            CanaryRoute.of(
                namespace,
                "canary-route",
                ParentRef.gateway(GatewayListenersExample.MY_GATEWAY),
                Backend.service("app-stable", 8080).withWeight(100),
                Backend.service("app-canary", 8080).withWeight(0)));
    changes.add(created);
    RouteRef ref = created.ref();
    for (int[] stage : STAGES) {
      // A real rollout waits here and checks metrics; ProgressiveCanaryExample does.
      RouteChange c =
          routes.updateCanaryWeight(ref, "app-stable", stage[0], "app-canary", stage[1]);
      changes.add(c);
      ref = c.ref();
    }
    return changes;
  }
}
