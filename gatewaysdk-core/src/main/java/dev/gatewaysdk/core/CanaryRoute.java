package dev.gatewaysdk.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The route {@link RouteManager#createCanaryRoute(CanaryRoute)} creates: one rule splitting traffic
 * between a stable and a canary backend, attached to a parent Gateway, optionally for some
 * hostnames and a path prefix. Weights come from the backends ({@link Backend#withWeight(int)});
 * unset, stable gets 100 and canary 0.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * CanaryRoute spec = CanaryRoute.of("shop", "storefront", ParentRef.gateway("edge"),
 *         Backend.service("storefront-v1", 8080).withWeight(95), Backend.service("storefront-v2", 8080).withWeight(5))
 *     .withHostnames("shop.example.com");
 * }</pre>
 */
public final class CanaryRoute {
  private final String kind;
  private final String namespace;
  private final String name;
  private final ParentRef parent;
  private final Backend stable;
  private final Backend canary;
  private final List<String> hostnames;
  private final Optional<String> pathPrefix;

  private CanaryRoute(
      String kind,
      String namespace,
      String name,
      ParentRef parent,
      Backend stable,
      Backend canary,
      List<String> hostnames,
      Optional<String> pathPrefix) {
    RouteRef.of(kind, namespace, name); // validates names and kind
    if (stable.name().equals(canary.name()) && stable.port().equals(canary.port())) {
      throw new IllegalArgumentException("stable and canary must be different backends: " + stable);
    }
    if (pathPrefix.isPresent() && !pathPrefix.get().startsWith("/")) {
      throw new IllegalArgumentException("path prefix must start with '/': " + pathPrefix.get());
    }
    if (pathPrefix.isPresent() && RouteRef.GRPC_ROUTE.equals(kind)) {
      throw new IllegalArgumentException("GRPCRoute has no path matches: " + pathPrefix.get());
    }
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.parent = Objects.requireNonNull(parent, "parent");
    this.stable = stable.weight().isPresent() ? stable : stable.withWeight(100);
    this.canary = canary.weight().isPresent() ? canary : canary.withWeight(0);
    this.hostnames = List.copyOf(hostnames);
    this.pathPrefix = pathPrefix;
  }

  /**
   * An HTTPRoute {@code namespace/name}.
   *
   * @throws IllegalArgumentException if a name is blank or stable and canary are the same backend
   */
  public static CanaryRoute of(
      String namespace, String name, ParentRef parent, Backend stable, Backend canary) {
    return new CanaryRoute(
        RouteRef.HTTP_ROUTE, namespace, name, parent, stable, canary, List.of(), Optional.empty());
  }

  /** The same route as a GRPCRoute. */
  public CanaryRoute asGrpcRoute() {
    return new CanaryRoute(
        RouteRef.GRPC_ROUTE, namespace, name, parent, stable, canary, hostnames, pathPrefix);
  }

  public CanaryRoute withHostnames(String... hostnames) {
    return new CanaryRoute(
        kind, namespace, name, parent, stable, canary, List.of(hostnames), pathPrefix);
  }

  /** Only requests under {@code prefix} (HTTPRoute only). */
  public CanaryRoute withPathPrefix(String prefix) {
    return new CanaryRoute(
        kind, namespace, name, parent, stable, canary, hostnames, Optional.of(prefix));
  }

  public RouteRef ref() {
    return RouteRef.of(kind, namespace, name);
  }

  public String kind() {
    return kind;
  }

  public ParentRef parent() {
    return parent;
  }

  public Backend stable() {
    return stable;
  }

  public Backend canary() {
    return canary;
  }

  public List<String> hostnames() {
    return hostnames;
  }

  public Optional<String> pathPrefix() {
    return pathPrefix;
  }
}
