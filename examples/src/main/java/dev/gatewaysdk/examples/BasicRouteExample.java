package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ParentReference;

/**
 * The simplest HTTPRoute: requests for {@code api.example.com} whose path starts with {@code
 * /api/v1} go to port 8080 of Service {@code api-service}.
 *
 * <pre>{@code
 * HTTPRoute route = BasicRouteExample.run(client, "default", "envoy-gateway");
 * }</pre>
 */
public final class BasicRouteExample {
  private BasicRouteExample() {}

  /** Applies {@code my-gateway}, Service {@code api-service} and HTTPRoute {@code my-app-route}. */
  public static HTTPRoute run(GatewayApiClient client, String namespace, String gatewayClassName) {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(client, namespace, 8080, "api-service");
    HTTPRoute route =
        HTTPRoute.builder()
            .name("my-app-route")
            .namespace(namespace)
            .parentRef(ParentReference.gateway(namespace, GatewayListenersExample.MY_GATEWAY))
            .hostname("api.example.com")
            .rule(r -> r.pathPrefix("/api/v1").backend("api-service", 8080))
            .build();
    return ExampleObjects.apply(TrafficSplitExample.routes(client, namespace), route);
  }
}
