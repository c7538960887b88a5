package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;

/**
 * The README's quick start: a Gateway, a route splitting traffic 90/10, and a weight change. Run it
 * with {@code java -cp examples/target/gatewaysdk.jar dev.gatewaysdk.examples.QuickStart
 * [namespace] [gatewayClass]} against the cluster of your kubeconfig.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Creates {@code my-gateway} and {@code canary-route} in {@code namespace}, then moves the canary
   * to 50%.
   */
  public static RouteChange run(
      GatewayApiClient client, String namespace, String gatewayClassName) {
    // A Gateway with one HTTP listener, implemented by the controller of gatewayClassName
    client
        .gateways()
        .inNamespace(namespace)
        .create(
            Gateway.builder()
                .name("my-gateway")
                .namespace(namespace)
                .gatewayClassName(gatewayClassName)
                .listener(Listener.http("http", 80))
                .build());

    // A route sending 90% of /app to app-stable and 10% to app-canary
    HTTPRoute route =
        client
            .httpRoutes()
            .inNamespace(namespace)
            .create(
                HTTPRoute.builder()
                    .name("canary-route")
                    .namespace(namespace)
                    .parentRef("my-gateway")
                    .rule(
                        r ->
                            r.pathPrefix("/app")
                                .backend("app-stable", 8080, 90)
                                .backend("app-canary", 8080, 10))
                    .build());

    // Shift traffic: one guarded JSON patch that touches only these two weights
    RouteManager routes = RouteManager.create(client);
    RouteChange change =
        routes.updateCanaryWeight(RouteRef.from(route), "app-stable", 50, "app-canary", 50);
    System.out.println(
        change.weights()); // [rules[0] app-stable: 90 -> 50, rules[0] app-canary: 10 -> 50]

    return change;
  }

  /** Runs against the cluster of the default kubeconfig: {@code [namespace] [gatewayClass]}. */
  public static void main(String[] args) {
    GatewayApiClient client =
        GatewayApiClient.fromDefaultConfig(); // like kubectl: $KUBECONFIG, ~/.kube/config

    run(client, args.length > 0 ? args[0] : "default", args.length > 1 ? args[1] : "envoy-gateway");
  }
}
