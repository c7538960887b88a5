package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link GatewayClass}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into GatewayClass's Javadoc by the generator.
 *
 * <pre>{@code
 * GatewayClass envoy = GatewayClass.builder().name("envoy")
 *     .controllerName("gateway.envoyproxy.io/gatewayclass-controller").build();
 * }</pre>
 */
abstract class GatewayClassShortcuts {
  GatewayClassShortcuts() {}

  /** The shortcuts of {@link GatewayClass.Builder}, which implements this interface. */
  interface Builder {
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
}
