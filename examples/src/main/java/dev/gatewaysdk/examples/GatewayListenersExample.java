package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.ProtocolType;

/**
 * Gateways and their listeners: the basic {@code my-gateway} (HTTP on 80 and HTTPS on 443, routes
 * from all namespaces) that the route examples attach to, and a multi-protocol Gateway with HTTP,
 * HTTPS (TLS terminated with a wildcard certificate) and TCP listeners.
 *
 * <pre>{@code
 * Gateway gw = GatewayListenersExample.run(client, "default", "envoy-gateway");
 * gw.spec().listeners().forEach(l -> System.out.println(l.name() + " " + l.protocol() + " " + l.port()));
 * }</pre>
 */
public final class GatewayListenersExample {
  /** The Gateway the route examples attach to. */
  public static final String MY_GATEWAY = "my-gateway";

  private GatewayListenersExample() {}

  /**
   * Applies {@code my-gateway}: listener {@code http} (HTTP, 80) and {@code https} (HTTPS, 443,
   * terminating TLS with Secret {@code my-tls-cert}, generated here), both accepting routes from
   * all namespaces.
   */
  public static Gateway myGateway(
      GatewayApiClient client, String namespace, String gatewayClassName) {
    ExampleObjects.tlsSecret(client, namespace, "my-tls-cert", "example.com", "*.example.com");
    Gateway gateway =
        Gateway.builder()
            .name(MY_GATEWAY)
            .namespace(namespace)
            .gatewayClassName(gatewayClassName)
            .listener(Listener.http("http", 80).allowingRoutesFromAllNamespaces())
            .listener(
                Listener.builder()
                    .name("https")
                    .protocol(ProtocolType.HTTPS)
                    .port(443)
                    .tls(ListenerTLSConfig.terminate("my-tls-cert"))
                    .build()
                    .allowingRoutesFromAllNamespaces())
            .build();
    return ExampleObjects.apply(gateways(client, namespace), gateway);
  }

  /**
   * Applies {@code multi-protocol-gateway}: {@code http} (HTTP, 80, {@code *.example.com}), {@code
   * https} (HTTPS, 443, {@code *.example.com}, Secret {@code wildcard-cert}, generated here) and
   * {@code tcp} (TCP, 3306, for TCPRoutes such as a database).
   */
  public static Gateway run(GatewayApiClient client, String namespace, String gatewayClassName) {
    ExampleObjects.tlsSecret(client, namespace, "wildcard-cert", "*.example.com");
    Gateway gateway =
        Gateway.builder()
            .name("multi-protocol-gateway")
            .namespace(namespace)
            .gatewayClassName(gatewayClassName)
            .listener(Listener.http("http", "*.example.com", 80))
            .listener(
                Listener.https(
                    "https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert")))
            .listener(Listener.tcp("tcp", 3306))
            .build();
    return ExampleObjects.apply(gateways(client, namespace), gateway);
  }

  static ResourceClient<Gateway> gateways(GatewayApiClient client, String namespace) {
    return client.gateways().inNamespace(namespace);
  }
}
