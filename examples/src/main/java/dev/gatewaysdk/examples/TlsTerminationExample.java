package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.testing.SelfSignedCertificate;

/**
 * HTTPS with TLS terminated at the Gateway: a {@code kubernetes.io/tls} Secret (here a freshly
 * generated self-signed certificate; in production cert-manager or your CA issues it), a Gateway
 * whose HTTPS listener for {@code example.com} refers to it, and an HTTPRoute for that host. The
 * controller checks the reference: the listener's {@code ResolvedRefs} condition turns false
 * ({@code InvalidCertificateRef}) when the Secret is missing or not a TLS Secret.
 *
 * <pre>{@code
 * TlsTerminationExample.Result r = TlsTerminationExample.run(client, "default", "envoy-gateway");
 * System.out.println(r.certificate().certificate().getSubjectX500Principal());
 * }</pre>
 */
public final class TlsTerminationExample {
  private TlsTerminationExample() {}

  /** What {@link #run} created. */
  public record Result(SelfSignedCertificate certificate, Gateway gateway, HTTPRoute route) {}

  /**
   * Creates Secret {@code example-com-tls}, Gateway {@code tls-gateway} and HTTPRoute {@code
   * secure-route}.
   */
  public static Result run(GatewayApiClient client, String namespace, String gatewayClassName) {
    SelfSignedCertificate cert =
        ExampleObjects.tlsSecret(client, namespace, "example-com-tls", "example.com");
    Gateway gateway =
        ExampleObjects.apply(
            GatewayListenersExample.gateways(client, namespace),
            Gateway.builder()
                .name("tls-gateway")
                .namespace(namespace)
                .gatewayClassName(gatewayClassName)
                .listener(
                    Listener.https(
                        "https",
                        "example.com",
                        443,
                        ListenerTLSConfig.terminate("example-com-tls")))
                .build());
    ExampleObjects.services(client, namespace, 8080, "backend-service");
    HTTPRoute route =
        ExampleObjects.apply(
            TrafficSplitExample.routes(client, namespace),
            HTTPRoute.builder()
                .name("secure-route")
                .namespace(namespace)
                .parentRef("tls-gateway")
                .hostname("example.com")
                .rule(r -> r.backend("backend-service", 8080))
                .build());
    return new Result(cert, gateway, route);
  }
}
