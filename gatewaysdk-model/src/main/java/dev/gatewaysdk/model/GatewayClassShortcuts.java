package dev.gatewaysdk.model;

import java.util.function.Consumer;

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
  /** Edits the spec set so far (the generated builder's). */
  GatewayClass.Builder spec(Consumer<GatewayClassSpec.Builder> edit);

  /** Sets the controller that implements the class. */
  default GatewayClass.Builder controllerName(String controllerName) {
    return spec(s -> s.controllerName(controllerName));
  }

  /** Sets the human-readable description. */
  default GatewayClass.Builder description(String description) {
    return spec(s -> s.description(description));
  }

  /** Sets implementation-specific parameters. */
  default GatewayClass.Builder parametersRef(ParametersReference parametersRef) {
    return spec(s -> s.parametersRef(parametersRef));
  }
}
