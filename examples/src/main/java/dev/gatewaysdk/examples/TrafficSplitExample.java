package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.model.HTTPRoute;

/**
 * Weighted traffic splitting, the basis of canary releases: requests under {@code /app} go 90% to
 * {@code app-stable} and 10% to {@code app-canary}. Weights are relative shares within the rule.
 *
 * <pre>{@code
 * HTTPRoute route = TrafficSplitExample.run(client, "default", "envoy-gateway");
 * }</pre>
 */
public final class TrafficSplitExample {
  private TrafficSplitExample() {}

  /**
   * Applies {@code my-gateway}, Services {@code app-stable} and {@code app-canary}, and {@code
   * canary-route}.
   */
  public static HTTPRoute run(GatewayApiClient client, String namespace, String gatewayClassName) {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(client, namespace, 8080, "app-stable", "app-canary");
    HTTPRoute route =
        HTTPRoute.builder()
            .name("canary-route")
            .namespace(namespace)
            .parentRef(GatewayListenersExample.MY_GATEWAY)
            .rule(
                r ->
                    r.pathPrefix("/app")
                        .backend("app-stable", 8080, 90)
                        .backend("app-canary", 8080, 10))
            .build();
    return ExampleObjects.apply(routes(client, namespace), route);
  }

  static ResourceClient<HTTPRoute> routes(GatewayApiClient client, String namespace) {
    return client.httpRoutes().inNamespace(namespace);
  }
}
