package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link UDPRoute}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into UDPRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * UDPRoute route = UDPRoute.builder().name("dns").namespace("default").parentRef("gw")
 *     .rule(r -> r.backend("coredns", 53)).build();
 * }</pre>
 */
abstract class UDPRouteShortcuts {
  UDPRouteShortcuts() {}

  /** The shortcuts of {@link UDPRoute.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    UDPRoute.Builder spec(Consumer<UDPRouteSpec.Builder> edit);

    /** Adds {@code rule}. */
    default UDPRoute.Builder rule(UDPRouteRule rule) {
      return spec(s -> s.addRule(rule));
    }

    /** Adds a rule configured by {@code rule}. */
    default UDPRoute.Builder rule(Consumer<UDPRouteRule.Builder> rule) {
      return spec(s -> s.rule(rule));
    }
  }
}
