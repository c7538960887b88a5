package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCRoute}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into GRPCRoute's Javadoc by the
 * generator.
 *
 * <pre>{@code
 * GRPCRoute route = GRPCRoute.builder().name("users").namespace("default").parentRef("gw")
 *     .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
 *     .build();
 * }</pre>
 */
abstract class GRPCRouteShortcuts {
  GRPCRouteShortcuts() {}
}
