package dev.gatewaysdk.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of the Gateway API group {@value #GROUP} that the SDK models, with their REST names and
 * model classes.
 *
 * <pre>{@code
 * GatewayApiKind k = GatewayApiKind.ofKind("HTTPRoute").orElseThrow();
 * String path = "/apis/" + GatewayApiKind.GROUP + "/v1/namespaces/default/" + k.plural();
 * }</pre>
 */
public enum GatewayApiKind {
  GATEWAY_CLASS("GatewayClass", "gatewayclasses", false, GatewayClass.class),
  GATEWAY("Gateway", "gateways", true, Gateway.class),
  LISTENER_SET("ListenerSet", "listenersets", true, ListenerSet.class),
  HTTP_ROUTE("HTTPRoute", "httproutes", true, HTTPRoute.class),
  GRPC_ROUTE("GRPCRoute", "grpcroutes", true, GRPCRoute.class),
  TLS_ROUTE("TLSRoute", "tlsroutes", true, TLSRoute.class),
  TCP_ROUTE("TCPRoute", "tcproutes", true, TCPRoute.class),
  UDP_ROUTE("UDPRoute", "udproutes", true, UDPRoute.class),
  REFERENCE_GRANT("ReferenceGrant", "referencegrants", true, ReferenceGrant.class),
  BACKEND_TLS_POLICY("BackendTLSPolicy", "backendtlspolicies", true, BackendTLSPolicy.class);

  /** The API group of all Gateway API kinds. */
  public static final String GROUP = "gateway.networking.k8s.io";

  /** The version new objects are created with unless re-targeted: {@value}. */
  public static final String DEFAULT_VERSION = "v1";

  private final String kind;
  private final String plural;
  private final boolean namespaced;
  private final Class<? extends GatewayApiObject> type;

  GatewayApiKind(String kind, String plural, boolean namespaced, Class<? extends GatewayApiObject> type) {
    this.kind = kind;
    this.plural = plural;
    this.namespaced = namespaced;
    this.type = type;
  }

  /** The kind as written in manifests, such as {@code HTTPRoute}. */
  public String kind() {
    return kind;
  }

  /** The lower-case plural used in REST paths, such as {@code httproutes}. */
  public String plural() {
    return plural;
  }

  /** The lower-case singular name, such as {@code httproute}. */
  public String singular() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Whether objects of this kind live in a namespace. */
  public boolean namespaced() {
    return namespaced;
  }

  /** The model class of this kind. */
  public Class<? extends GatewayApiObject> type() {
    return type;
  }

  /** Whether this kind is a route ({@link Route}). */
  public boolean isRoute() {
    return Route.class.isAssignableFrom(type);
  }

  /** {@code gateway.networking.k8s.io/<version>}. */
  public static String apiVersion(String version) {
    return GROUP + "/" + version;
  }

  /** The API version new objects of this kind get: {@code gateway.networking.k8s.io/v1}. */
  public String defaultApiVersion() {
    return apiVersion(DEFAULT_VERSION);
  }

  /** The kind named {@code kind} (case-sensitive, as in manifests), if the SDK models it. */
  public static Optional<GatewayApiKind> ofKind(String kind) {
    for (GatewayApiKind k : values()) {
      if (k.kind.equals(kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The kind whose model class is {@code type} (or a supertype of it), if any. */
  public static Optional<GatewayApiKind> of(Class<?> type) {
    for (GatewayApiKind k : values()) {
      if (k.type.isAssignableFrom(type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
