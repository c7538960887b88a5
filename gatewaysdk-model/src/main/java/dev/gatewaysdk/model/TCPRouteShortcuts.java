package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link TCPRoute}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into TCPRoute's Javadoc by the
 * generator.
 *
 * <pre>{@code
 * TCPRoute route = TCPRoute.builder().name("redis").namespace("default")
 *     .parentRef(ParentReference.gateway("gw").withSectionName("redis"))
 *     .rule(r -> r.backend("redis", 6379)).build();
 * }</pre>
 */
abstract class TCPRouteShortcuts {
  TCPRouteShortcuts() {}
}
