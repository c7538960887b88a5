package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Gateway per tenant, each in the tenant's namespace with its own host name, certificate and
 * routes. Listeners accept routes from their own namespace only (the default, {@code
 * allowedRoutes.namespaces.from: Same}), so one tenant cannot attach routes to another tenant's
 * Gateway: the controller refuses such a route with reason {@code NotAllowedByListeners}.
 *
 * <pre>{@code
 * Map<String, String> namespaces = new LinkedHashMap<>();
 * namespaces.put("tenant-a", "tenant-a");
 * namespaces.put("tenant-b", "tenant-b");
 * List<MultiTenantExample.Tenant> tenants = MultiTenantExample.run(client, namespaces, "envoy-gateway");
 * }</pre>
 */
public final class MultiTenantExample {
  private MultiTenantExample() {}

  /** One tenant's objects. */
  public record Tenant(String name, String namespace, Gateway gateway, HTTPRoute route) {}

  /**
   * For each tenant {@code t} and its namespace (created if needed) applies Secret {@code t-cert},
   * Gateway {@code t-gateway} (HTTPS for {@code api-t.example.com}), Service {@code t-service} and
   * HTTPRoute {@code t-routes} for {@code /api}.
   */
  public static List<Tenant> run(
      GatewayApiClient client, Map<String, String> namespaceByTenant, String gatewayClassName) {
    List<Tenant> tenants = new ArrayList<>();
    for (Map.Entry<String, String> e : namespaceByTenant.entrySet()) {
      String t = e.getKey();
      String ns = e.getValue();
      ExampleObjects.namespace(client, ns);
      String host = "api-" + t + ".example.com";
      ExampleObjects.tlsSecret(client, ns, t + "-cert", host);
      Gateway gateway =
          ExampleObjects.apply(
              GatewayListenersExample.gateways(client, ns),
              Gateway.builder()
                  .name(t + "-gateway")
                  .namespace(ns)
                  .gatewayClassName(gatewayClassName)
                  .listener(
                      Listener.https("https", host, 443, ListenerTLSConfig.terminate(t + "-cert")))
                  .build());
      ExampleObjects.services(client, ns, 8080, t + "-service");
      HTTPRoute route =
          ExampleObjects.apply(
              TrafficSplitExample.routes(client, ns),
              HTTPRoute.builder()
                  .name(t + "-routes")
                  .namespace(ns)
                  .parentRef(t + "-gateway")
                  .rule(r -> r.pathPrefix("/api").backend(t + "-service", 8080))
                  .build());
      tenants.add(new Tenant(t, ns, gateway, route));
    }
    return tenants;
  }
}
