package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link UDPRoute}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into UDPRoute's Javadoc by the
 * generator.
 *
 * <pre>{@code
 * UDPRoute route = UDPRoute.builder().name("dns").namespace("default").parentRef("gw")
 *     .rule(r -> r.backend("coredns", 53)).build();
 * }</pre>
 */
abstract class UDPRouteShortcuts {
  UDPRouteShortcuts() {}
}
