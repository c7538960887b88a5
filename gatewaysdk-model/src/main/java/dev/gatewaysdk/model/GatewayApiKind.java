package dev.gatewaysdk.model;

import java.util.Locale;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The kinds of the Gateway API group {@value #GROUP} that the SDK models, with their REST names and
 * model classes.
 *
 * <pre>{@code
 * GatewayApiKind k = GatewayApiKind.ofKind("HTTPRoute").orElseThrow();
 * String path = "/apis/" + GatewayApiKind.GROUP + "/v1/namespaces/default/" + k.plural();
 * }</pre>
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public enum GatewayApiKind {
  /**
   * GatewayClass describes a class of Gateways available to the user for creating Gateway resources.
   */
  GATEWAY_CLASS("GatewayClass", "gatewayclasses", false, GatewayClass.class),

  /**
   * Gateway represents an instance of a service-traffic handling infrastructure by binding Listeners to a set of IP addresses.
   */
  GATEWAY("Gateway", "gateways", true, Gateway.class),

  /**
   * ListenerSet defines a set of additional listeners to attach to an existing Gateway.
   */
  LISTENER_SET("ListenerSet", "listenersets", true, ListenerSet.class),

  /**
   * HTTPRoute provides a way to route HTTP requests.
   */
  HTTP_ROUTE("HTTPRoute", "httproutes", true, HTTPRoute.class),

  /**
   * GRPCRoute provides a way to route gRPC requests.
   */
  GRPC_ROUTE("GRPCRoute", "grpcroutes", true, GRPCRoute.class),

  /**
   * The TLSRoute resource is similar to TCPRoute, but can be configured to match against TLS-specific metadata.
   */
  TLS_ROUTE("TLSRoute", "tlsroutes", true, TLSRoute.class),

  /**
   * TCPRoute provides a way to route TCP requests.
   */
  TCP_ROUTE("TCPRoute", "tcproutes", true, TCPRoute.class),

  /**
   * UDPRoute provides a way to route UDP traffic.
   */
  UDP_ROUTE("UDPRoute", "udproutes", true, UDPRoute.class),

  /**
   * ReferenceGrant identifies kinds of resources in other namespaces that are trusted to reference the specified kinds of resources in the same namespace as the policy.
   */
  REFERENCE_GRANT("ReferenceGrant", "referencegrants", true, ReferenceGrant.class),

  /**
   * BackendTLSPolicy provides a way to configure how a Gateway connects to a Backend via TLS.
   */
  BACKEND_TLS_POLICY("BackendTLSPolicy", "backendtlspolicies", true, BackendTLSPolicy.class);

  /**
   * The API group of all Gateway API kinds.
   */
  public static final String GROUP = "gateway.networking.k8s.io";

  /**
   * The version new objects are created with unless re-targeted: {@value}.
   */
  public static final String DEFAULT_VERSION = "v1";

  private final String kind;

  private final String plural;

  private final boolean namespaced;

  private final Class<? extends GatewayApiObject> type;

  GatewayApiKind(String kind, String plural, boolean namespaced,
      Class<? extends GatewayApiObject> type) {
    this.kind = kind;
    this.plural = plural;
    this.namespaced = namespaced;
    this.type = type;
  }

  /**
   * The kind as written in manifests, such as {@code HTTPRoute}.
   */
  public String kind() {
    return kind;
  }

  /**
   * The lower-case plural used in REST paths, such as {@code httproutes}.
   */
  public String plural() {
    return plural;
  }

  /**
   * The lower-case singular name, such as {@code httproute}.
   */
  public String singular() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether objects of this kind live in a namespace.
   */
  public boolean namespaced() {
    return namespaced;
  }

  /**
   * The model class of this kind.
   */
  public Class<? extends GatewayApiObject> type() {
    return type;
  }

  /**
   * Whether this kind is a route ({@link Route}).
   */
  public boolean isRoute() {
    return Route.class.isAssignableFrom(type);
  }

  /**
   * {@code gateway.networking.k8s.io/<version>}.
   */
  public static String apiVersion(String version) {
    return GROUP + "/" + version;
  }

  /**
   * The API version new objects of this kind get: {@code gateway.networking.k8s.io/v1}.
   */
  public String defaultApiVersion() {
    return apiVersion(DEFAULT_VERSION);
  }

  /**
   * The kind named {@code kind} (case-sensitive, as in manifests), if the SDK models it.
   */
  public static Optional<GatewayApiKind> ofKind(String kind) {
    for (GatewayApiKind k : values()) {
      if (k.kind.equals(kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The kind whose model class is {@code type} (or a supertype of it), if any.
   */
  public static Optional<GatewayApiKind> of(Class<?> type) {
    for (GatewayApiKind k : values()) {
      if (k.type.isAssignableFrom(type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
