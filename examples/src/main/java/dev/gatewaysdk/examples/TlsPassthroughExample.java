package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.ServedVersions;
import dev.gatewaysdk.model.TLSRoute;
import java.util.List;
import java.util.Optional;

/**
 * TLS passthrough: the Gateway does not decrypt; it routes the TLS connection by its SNI host name
 * to a backend that terminates TLS itself. The listener uses protocol {@code TLS} with mode {@code
 * Passthrough}, and a TLSRoute picks the backend.
 *
 * <p>Older guides write TLSRoute as {@code gateway.networking.k8s.io/v1alpha2}. That version was
 * only ever in the experimental channel; since Gateway API v1.5 TLSRoute is served as {@code v1} in
 * the standard channel too. The SDK writes {@code v1} by default and uses the cluster's best served
 * version; {@link ServedVersions} says which releases serve what ({@link Result#servedStandard()},
 * {@link Result#note()}).
 *
 * <pre>{@code
 * TlsPassthroughExample.Result r = TlsPassthroughExample.run(client, "default", "envoy-gateway");
 * r.note().ifPresent(System.out::println);
 * }</pre>
 */
public final class TlsPassthroughExample {
  private TlsPassthroughExample() {}

  /**
   * What {@link #run} created, the TLSRoute versions the latest release serves in the standard
   * channel, and what the SDK says about {@code v1alpha2} (empty if that version is served
   * somewhere).
   */
  public record Result(
      Gateway gateway, TLSRoute route, List<String> servedStandard, Optional<String> note) {}

  /**
   * Applies Gateway {@code tls-passthrough-gateway}, Service {@code secure-backend} and TLSRoute
   * {@code tls-passthrough}.
   */
  public static Result run(GatewayApiClient client, String namespace, String gatewayClassName) {
    Gateway gateway =
        ExampleObjects.apply(
            GatewayListenersExample.gateways(client, namespace),
            Gateway.builder()
                .name("tls-passthrough-gateway")
                .namespace(namespace)
                .gatewayClassName(gatewayClassName)
                .listener(
                    Listener.tls("tls", "secure.example.com", 443, ListenerTLSConfig.passthrough()))
                .build());
    ExampleObjects.services(client, namespace, 443, "secure-backend");
    TLSRoute route =
        ExampleObjects.apply(
            client.tlsRoutes().inNamespace(namespace),
            TLSRoute.builder()
                .name("tls-passthrough")
                .namespace(namespace)
                .parentRef("tls-passthrough-gateway")
                .hostname("secure.example.com")
                .rule(r -> r.backend("secure-backend", 443))
                .build());
    return new Result(
        gateway,
        route,
        ServedVersions.latest().served(Channel.STANDARD, TLSRoute.KIND),
        ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", TLSRoute.KIND));
  }
}
