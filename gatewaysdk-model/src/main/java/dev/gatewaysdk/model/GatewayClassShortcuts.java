package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GatewayClass}, which extends this class; the rest is generated
 * from its CRD (gatewaysdk-model-generator). The example below is copied into GatewayClass's
 * Javadoc by the generator.
 *
 * <pre>{@code
 * GatewayClass envoy = GatewayClass.builder().name("envoy")
 *     .controllerName("gateway.envoyproxy.io/gatewayclass-controller").build();
 * }</pre>
 */
abstract class GatewayClassShortcuts {
  GatewayClassShortcuts() {}
}
