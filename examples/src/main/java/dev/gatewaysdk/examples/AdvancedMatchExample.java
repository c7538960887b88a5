package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPMethod;
import dev.gatewaysdk.model.HTTPRoute;

/**
 * Matching on more than the path. One HTTPRoute with three rules: path {@code /api/v2} and header
 * {@code X-API-Version: 2.0} (both must hold: shortcuts on one rule builder combine into one
 * match), path {@code /search} with query parameter {@code version=beta}, and {@code POST /users}
 * exactly.
 *
 * <pre>{@code
 * HTTPRoute route = AdvancedMatchExample.run(client, "default", "envoy-gateway");
 * }</pre>
 */
public final class AdvancedMatchExample {
  private AdvancedMatchExample() {}

  /**
   * Applies {@code my-gateway}, the three backend Services and HTTPRoute {@code advanced-route}.
   */
  public static HTTPRoute run(GatewayApiClient client, String namespace, String gatewayClassName) {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(
        client, namespace, 8080, "api-v2-service", "search-beta-service", "user-create-service");
    HTTPRoute route =
        HTTPRoute.builder()
            .name("advanced-route")
            .namespace(namespace)
            .parentRef(GatewayListenersExample.MY_GATEWAY)
            .rule(
                r ->
                    r.pathPrefix("/api/v2")
                        .header("X-API-Version", "2.0")
                        .backend("api-v2-service", 8080))
            .rule(
                r ->
                    r.pathPrefix("/search")
                        .queryParam("version", "beta")
                        .backend("search-beta-service", 8080))
            .rule(
                r ->
                    r.pathExact("/users")
                        .method(HTTPMethod.POST)
                        .backend("user-create-service", 8080))
            .build();
    return ExampleObjects.apply(TrafficSplitExample.routes(client, namespace), route);
  }
}
