package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A route that {@link RouteManager} changes: kind ({@code HTTPRoute} or {@code GRPCRoute}),
 * namespace and name, and optionally its last known state (from an informer cache or a previous
 * {@link RouteChange}), which saves the read before a change: a change then takes one round trip.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * RouteRef ref = RouteRef.httpRoute("shop", "storefront");
 * RouteRef known = RouteRef.from(cachedRoute);        // typed model object or JSON
 * }</pre>
 */
public final class RouteRef {
  public static final String HTTP_ROUTE = "HTTPRoute";
  public static final String GRPC_ROUTE = "GRPCRoute";

  private final String kind;
  private final String namespace;
  private final String name;
  private final ObjectNode known;

  private RouteRef(String kind, String namespace, String name, ObjectNode known) {
    if (!HTTP_ROUTE.equals(kind) && !GRPC_ROUTE.equals(kind)) {
      throw new IllegalArgumentException("kind must be HTTPRoute or GRPCRoute: " + kind);
    }
    this.kind = kind;
    this.namespace = requireName("namespace", namespace);
    this.name = requireName("name", name);
    this.known = known;
  }

  private static String requireName(String what, String value) {
    if (value == null || value.isBlank() || value.contains("/")) {
      throw new IllegalArgumentException(what + " must be a non-blank name without '/': " + value);
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException if a name is blank or the kind is neither HTTPRoute nor
   *     GRPCRoute
   */
  public static RouteRef of(String kind, String namespace, String name) {
    return new RouteRef(kind, namespace, name, null);
  }

  public static RouteRef httpRoute(String namespace, String name) {
    return of(HTTP_ROUTE, namespace, name);
  }

  public static RouteRef grpcRoute(String namespace, String name) {
    return of(GRPC_ROUTE, namespace, name);
  }

  /**
   * Parses {@code namespace/name}, or {@code kind/namespace/name} ({@code grpcroute/shop/api});
   * kind defaults to HTTPRoute.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static RouteRef parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("/");
    if (parts.length == 2) {
      return httpRoute(parts[0], parts[1]);
    }
    if (parts.length == 3) {
      String k =
          parts[0].equalsIgnoreCase("grpcroute") || parts[0].equalsIgnoreCase("grpcroutes")
              ? GRPC_ROUTE
              : parts[0].equalsIgnoreCase("httproute") || parts[0].equalsIgnoreCase("httproutes")
                  ? HTTP_ROUTE
                  : parts[0];
      return of(k, parts[1], parts[2]);
    }
    throw new IllegalArgumentException(
        "route must be namespace/name or kind/namespace/name: " + text);
  }

  /**
   * The reference of a route object read earlier (a typed {@code HTTPRoute}/{@code GRPCRoute} or
   * its JSON), keeping that object as the known state.
   *
   * @throws IllegalArgumentException if the object lacks kind, namespace or name
   */
  public static RouteRef from(Object route) {
    JsonNode tree = route instanceof JsonNode ? (JsonNode) route : Json.mapper().valueToTree(route);
    if (!(tree instanceof ObjectNode)) {
      throw new IllegalArgumentException("route must be a route object: " + route);
    }
    JsonNode meta = tree.path("metadata");
    return new RouteRef(
        tree.path("kind").asText(null),
        meta.path("namespace").asText(null),
        meta.path("name").asText(null),
        ((ObjectNode) tree).deepCopy());
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** This reference without known state: the next change reads the route first. */
  public RouteRef withoutState() {
    return known == null ? this : new RouteRef(kind, namespace, name, null);
  }

  /** The known state, a copy. */
  public Optional<ObjectNode> knownState() {
    return known == null ? Optional.empty() : Optional.of(known.deepCopy());
  }

  ObjectNode knownStateUnsafe() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteRef
        && ((RouteRef) o).kind.equals(kind)
        && ((RouteRef) o).namespace.equals(namespace)
        && ((RouteRef) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, namespace, name);
  }

  /** {@code HTTPRoute shop/storefront}. */
  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
