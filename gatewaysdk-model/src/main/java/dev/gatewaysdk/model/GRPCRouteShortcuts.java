package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written shortcuts of {@link GRPCRoute.Builder}, which implements this interface; the
 * rest of {@link GRPCRoute} is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into GRPCRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * GRPCRoute route = GRPCRoute.builder().name("users").namespace("default").parentRef("gw")
 *     .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
 *     .build();
 * }</pre>
 */
interface GRPCRouteShortcuts {
  /** The builder of the spec set so far. */
  GRPCRouteSpec.Builder specBuilder();

  /**
   * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
   * route serves.
   */
  default GRPCRoute.Builder hostname(String hostname) {
    specBuilder().addHostname(hostname);
    return (GRPCRoute.Builder) this;
  }

  /** Adds {@code rule}. */
  default GRPCRoute.Builder rule(GRPCRouteRule rule) {
    specBuilder().addRule(rule);
    return (GRPCRoute.Builder) this;
  }

  /** Adds a rule configured by {@code rule}. */
  default GRPCRoute.Builder rule(Consumer<GRPCRouteRule.Builder> rule) {
    specBuilder().rule(rule);
    return (GRPCRoute.Builder) this;
  }
}
