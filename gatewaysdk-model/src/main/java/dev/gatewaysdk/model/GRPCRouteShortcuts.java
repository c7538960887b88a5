package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link GRPCRoute}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into GRPCRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * GRPCRoute route = GRPCRoute.builder().name("users").namespace("default").parentRef("gw")
 *     .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
 *     .build();
 * }</pre>
 */
abstract class GRPCRouteShortcuts {
  GRPCRouteShortcuts() {}

  /** The shortcuts of {@link GRPCRoute.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    GRPCRoute.Builder spec(Consumer<GRPCRouteSpec.Builder> edit);

    /**
     * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
     * route serves.
     */
    default GRPCRoute.Builder hostname(String hostname) {
      return spec(s -> s.addHostname(hostname));
    }

    /** Adds {@code rule}. */
    default GRPCRoute.Builder rule(GRPCRouteRule rule) {
      return spec(s -> s.addRule(rule));
    }

    /** Adds a rule configured by {@code rule}. */
    default GRPCRoute.Builder rule(Consumer<GRPCRouteRule.Builder> rule) {
      return spec(s -> s.rule(rule));
    }
  }
}
