package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written shortcuts of {@link TCPRoute.Builder}, which implements this interface; the rest
 * of {@link TCPRoute} is generated from its CRD (gatewaysdk-model-generator). The example below is
 * copied into TCPRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * TCPRoute route = TCPRoute.builder().name("redis").namespace("default")
 *     .parentRef(ParentReference.gateway("gw").withSectionName("redis"))
 *     .rule(r -> r.backend("redis", 6379)).build();
 * }</pre>
 */
interface TCPRouteShortcuts {
  /** The builder of the spec set so far. */
  TCPRouteSpec.Builder specBuilder();

  /** Adds {@code rule}. */
  default TCPRoute.Builder rule(TCPRouteRule rule) {
    specBuilder().addRule(rule);
    return (TCPRoute.Builder) this;
  }

  /** Adds a rule configured by {@code rule}. */
  default TCPRoute.Builder rule(Consumer<TCPRouteRule.Builder> rule) {
    specBuilder().rule(rule);
    return (TCPRoute.Builder) this;
  }
}
