package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPRouteFilter}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPRouteFilter's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRouteFilter f = HTTPRouteFilter.requestHeaderModifier(
 *     HTTPHeaderFilter.builder().setHeader("x-env", "canary").build());
 * }</pre>
 */
abstract class HTTPRouteFilterShortcuts {
  HTTPRouteFilterShortcuts() {}
}
