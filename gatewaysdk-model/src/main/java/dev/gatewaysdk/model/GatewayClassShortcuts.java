package dev.gatewaysdk.model;

/**
 * The hand-written shortcuts of {@link GatewayClass.Builder}, which implements this interface; the
 * rest of {@link GatewayClass} is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into GatewayClass's Javadoc by the generator.
 *
 * <pre>{@code
 * GatewayClass envoy = GatewayClass.builder().name("envoy")
 *     .controllerName("gateway.envoyproxy.io/gatewayclass-controller").build();
 * }</pre>
 */
interface GatewayClassShortcuts {
  /** The builder of the spec set so far. */
  GatewayClassSpec.Builder specBuilder();

  /** Sets the controller that implements the class. */
  default GatewayClass.Builder controllerName(String controllerName) {
    specBuilder().controllerName(controllerName);
    return (GatewayClass.Builder) this;
  }

  /** Sets the human-readable description. */
  default GatewayClass.Builder description(String description) {
    specBuilder().description(description);
    return (GatewayClass.Builder) this;
  }

  /** Sets implementation-specific parameters. */
  default GatewayClass.Builder parametersRef(ParametersReference parametersRef) {
    specBuilder().parametersRef(parametersRef);
    return (GatewayClass.Builder) this;
  }
}
