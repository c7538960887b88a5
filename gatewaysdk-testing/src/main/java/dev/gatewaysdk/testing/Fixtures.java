package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.AllowedRoutes;
import dev.gatewaysdk.model.FromNamespaces;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.ProtocolType;
import dev.gatewaysdk.model.ReferenceGrant;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Ready-made objects for Gateway API tests: a Gateway with HTTP and HTTPS listeners, backend
 * Services, TLS Secrets with a fresh self-signed certificate, ReferenceGrants and a canary
 * HTTPRoute. Each method returns a new object to pass to {@link GatewayCluster#create(Object)};
 * nothing is created by the methods themselves.
 *
 * <pre>{@code
 * cluster.create(Fixtures.tlsSecret(ns, "gw-tls", "app.example.com"));
 * cluster.create(Fixtures.gateway(ns, "gw", cluster.gatewayClassName().orElseThrow()));
 * cluster.create(Fixtures.service(ns, "app-stable", 8080));
 * cluster.create(Fixtures.service(ns, "app-canary", 8080));
 * cluster.create(Fixtures.canaryRoute(ns, "app", "gw", "app-stable", "app-canary", 10));
 * }</pre>
 */
public final class Fixtures {
  /** The HTTP listener's name and port in {@link #gateway}. */
  public static final String HTTP_LISTENER = "http";

  public static final int HTTP_PORT = 80;

  /** The HTTPS listener's name and port in {@link #gateway}. */
  public static final String HTTPS_LISTENER = "https";

  public static final int HTTPS_PORT = 443;

  private Fixtures() {}

  /**
   * A Gateway with listener {@value #HTTP_LISTENER} (HTTP, port 80) and {@value #HTTPS_LISTENER}
   * (HTTPS, port 443, terminating TLS with Secret {@code <name>-tls}, see {@link #tlsSecret}); both
   * allow routes from all namespaces.
   */
  public static Gateway gateway(String namespace, String name, String gatewayClassName) {
    return Gateway.builder()
        .name(name)
        .namespace(namespace)
        .gatewayClassName(gatewayClassName)
        .listener(allowAll(Listener.http(HTTP_LISTENER, HTTP_PORT)))
        .listener(
            allowAll(
                Listener.builder()
                    .name(HTTPS_LISTENER)
                    .port(HTTPS_PORT)
                    .protocol(ProtocolType.HTTPS)
                    .tls(ListenerTLSConfig.terminate(name + "-tls"))
                    .build()))
        .build();
  }

  /**
   * A Gateway with one HTTP listener named {@value #HTTP_LISTENER} on {@code port}, routes from all
   * namespaces.
   */
  public static Gateway httpGateway(
      String namespace, String name, String gatewayClassName, int port) {
    return Gateway.builder()
        .name(name)
        .namespace(namespace)
        .gatewayClassName(gatewayClassName)
        .listener(allowAll(Listener.http(HTTP_LISTENER, port)))
        .build();
  }

  /**
   * Starts a Gateway whose listeners terminate or pass through TLS, one call per listener; its
   * listeners take routes from the Gateway's namespace (the Gateway API default).
   *
   * <pre>{@code
   * cluster.create(Fixtures.tlsGateway(ns, "edge", className)
   *     .https("shop", 443, "shop.example.com", "shop-tls")   // HTTPS, Secret shop-tls
   *     .tlsTerminate("db", 443, "db.example.com", "db-tls")    // TLS terminated, TLSRoutes
   *     .tlsPassthrough("pass", 443, "pass.example.com")        // TLS passed through, TLSRoutes
   *     .build());
   * }</pre>
   */
  public static TlsGatewayBuilder tlsGateway(
      String namespace, String name, String gatewayClassName) {
    return new TlsGatewayBuilder(
        Gateway.builder().name(name).namespace(namespace).gatewayClassName(gatewayClassName));
  }

  /**
   * Adds listeners to a Gateway started by {@link #tlsGateway}. A {@code hostname} may be null (any
   * name) or a wildcard such as {@code *.example.com}; ports must be 1..65535 ({@link
   * IllegalArgumentException} otherwise). Not thread-safe.
   */
  public static final class TlsGatewayBuilder {
    private final Gateway.Builder gateway;

    private TlsGatewayBuilder(Gateway.Builder gateway) {
      this.gateway = gateway;
    }

    /** An HTTPS listener terminating TLS with the certificate of Secret {@code secret}. */
    public TlsGatewayBuilder https(String name, int port, String hostname, String secret) {
      return add(name, port, hostname, ProtocolType.HTTPS, ListenerTLSConfig.terminate(secret));
    }

    /**
     * A TLS listener terminating TLS with the certificate of Secret {@code secret}, for TLSRoutes.
     */
    public TlsGatewayBuilder tlsTerminate(String name, int port, String hostname, String secret) {
      return add(name, port, hostname, ProtocolType.TLS, ListenerTLSConfig.terminate(secret));
    }

    /** A TLS listener passing TLS through to the TLSRoute's backend, chosen by SNI. */
    public TlsGatewayBuilder tlsPassthrough(String name, int port, String hostname) {
      return add(name, port, hostname, ProtocolType.TLS, ListenerTLSConfig.passthrough());
    }

    private TlsGatewayBuilder add(
        String name, int port, String hostname, ProtocolType protocol, ListenerTLSConfig tls) {
      Listener.Builder l = Listener.builder().name(name).port(port).protocol(protocol).tls(tls);
      if (hostname != null) {
        l.hostname(hostname);
      }
      gateway.listener(l.build());
      return this;
    }

    /** A plain HTTP listener, for Gateways that serve both. */
    public TlsGatewayBuilder http(String name, int port, String hostname) {
      gateway.listener(
          hostname == null ? Listener.http(name, port) : Listener.http(name, hostname, port));
      return this;
    }

    /** The Gateway. */
    public Gateway build() {
      return gateway.build();
    }
  }

  private static Listener allowAll(Listener l) {
    return l.newBuilder().allowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL)).build();
  }

  /**
   * A ClusterIP Service {@code name} on {@code port}, selecting pods labelled {@code app=<name>}.
   */
  public static V1Service service(String namespace, String name, int port) {
    return new V1Service()
        .apiVersion("v1")
        .kind("Service")
        .metadata(new V1ObjectMeta().name(name).namespace(namespace).labels(Map.of("app", name)))
        .spec(
            new V1ServiceSpec()
                .selector(Map.of("app", name))
                .addPortsItem(
                    new V1ServicePort().name("http").port(port).targetPort(new IntOrString(port))));
  }

  /**
   * An EndpointSlice pointing Service {@code service}'s port named {@code http} (as in {@link
   * #service}) at {@code 127.0.0.1:localPort}: how a test puts a local server behind a Service for
   * the embedded Gateway.
   *
   * <pre>{@code
   * cluster.create(Fixtures.service(ns, "app", 8080));
   * cluster.create(Fixtures.endpointSlice(ns, "app", echoServer.port()));
   * }</pre>
   *
   * @throws IllegalArgumentException unless 1 &lt;= localPort &lt;= 65535
   */
  public static V1EndpointSlice endpointSlice(String namespace, String service, int localPort) {
    return endpointSlice(namespace, service, "http", "127.0.0.1", localPort);
  }

  /**
   * An EndpointSlice {@code <service>-<port>} labelled {@code kubernetes.io/service-name=<service>}
   * with one ready endpoint {@code address} whose port {@code portName} is {@code port}.
   *
   * @throws IllegalArgumentException unless 1 &lt;= port &lt;= 65535
   */
  public static V1EndpointSlice endpointSlice(
      String namespace, String service, String portName, String address, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    return new V1EndpointSlice()
        .apiVersion("discovery.k8s.io/v1")
        .kind("EndpointSlice")
        .addressType("IPv4")
        .metadata(
            new V1ObjectMeta()
                .name(service + "-" + port)
                .namespace(namespace)
                .labels(Map.of("kubernetes.io/service-name", service)))
        .addEndpointsItem(
            new V1Endpoint()
                .addAddressesItem(address)
                .conditions(new V1EndpointConditions().ready(true)))
        .addPortsItem(new DiscoveryV1EndpointPort().name(portName).port(port).protocol("TCP"));
  }

  /**
   * A {@code kubernetes.io/tls} Secret holding a fresh self-signed certificate for {@code
   * dnsNames}.
   */
  public static V1Secret tlsSecret(String namespace, String name, String... dnsNames) {
    return tlsSecret(namespace, name, SelfSignedCertificate.generate(dnsNames));
  }

  /** A {@code kubernetes.io/tls} Secret holding {@code certificate}. */
  public static V1Secret tlsSecret(
      String namespace, String name, SelfSignedCertificate certificate) {
    return new V1Secret()
        .apiVersion("v1")
        .kind("Secret")
        .type("kubernetes.io/tls")
        .metadata(new V1ObjectMeta().name(name).namespace(namespace))
        .putDataItem("tls.crt", certificate.certificatePem().getBytes(StandardCharsets.US_ASCII))
        .putDataItem("tls.key", certificate.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A ReferenceGrant in {@code namespace} letting {@code fromKind} objects (Gateway API group) of
   * {@code fromNamespace} refer to all objects of core kind {@code toKind} ({@code Service} or
   * {@code Secret}) here.
   */
  public static ReferenceGrant referenceGrant(
      String namespace, String name, String fromKind, String fromNamespace, String toKind) {
    return ReferenceGrant.builder()
        .name(name)
        .namespace(namespace)
        .from(dev.gatewaysdk.model.GatewayApiKind.GROUP, fromKind, fromNamespace)
        .to("", toKind)
        .build();
  }

  /**
   * An HTTPRoute attached to Gateway {@code gateway} (same namespace) sending {@code 100 -
   * canaryWeight} percent of requests to {@code stable} and {@code canaryWeight} percent to {@code
   * canary}, both on port 8080.
   *
   * @throws IllegalArgumentException unless 0 &lt;= canaryWeight &lt;= 100
   */
  public static HTTPRoute canaryRoute(
      String namespace,
      String name,
      String gateway,
      String stable,
      String canary,
      int canaryWeight) {
    if (canaryWeight < 0 || canaryWeight > 100) {
      throw new IllegalArgumentException("canaryWeight must be 0..100: " + canaryWeight);
    }
    return HTTPRoute.builder()
        .name(name)
        .namespace(namespace)
        .parentRef(gateway)
        .rule(
            r ->
                r.pathPrefix("/")
                    .backend(stable, 8080, 100 - canaryWeight)
                    .backend(canary, 8080, canaryWeight))
        .build();
  }
}
