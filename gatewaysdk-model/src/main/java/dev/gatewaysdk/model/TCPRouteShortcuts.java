package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link TCPRoute}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into TCPRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * TCPRoute route = TCPRoute.builder().name("redis").namespace("default")
 *     .parentRef(ParentReference.gateway("gw").withSectionName("redis"))
 *     .rule(r -> r.backend("redis", 6379)).build();
 * }</pre>
 */
abstract class TCPRouteShortcuts {
  TCPRouteShortcuts() {}

  /** The shortcuts of {@link TCPRoute.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    TCPRoute.Builder spec(Consumer<TCPRouteSpec.Builder> edit);

    /** Adds {@code rule}. */
    default TCPRoute.Builder rule(TCPRouteRule rule) {
      return spec(s -> s.addRule(rule));
    }

    /** Adds a rule configured by {@code rule}. */
    default TCPRoute.Builder rule(Consumer<TCPRouteRule.Builder> rule) {
      return spec(s -> s.rule(rule));
    }
  }
}
