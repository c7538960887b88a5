package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPRoute}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into HTTPRoute's Javadoc by the
 * generator.
 *
 * <pre>{@code
 * HTTPRoute canary = HTTPRoute.builder()
 *     .name("canary-route").namespace("default")
 *     .parentRef("my-gateway")
 *     .rule(r -> r.pathPrefix("/app").backend("app-stable", 8080, 90).backend("app-canary", 8080, 10))
 *     .build();
 * }</pre>
 */
abstract class HTTPRouteShortcuts {
  HTTPRouteShortcuts() {}
}
