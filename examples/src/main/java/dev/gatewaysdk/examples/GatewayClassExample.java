package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.ParametersReference;

/**
 * A GatewayClass whose controller reads its configuration from another object through {@code
 * parametersRef} (here an Envoy Gateway {@code EnvoyProxy}). The reference is kept as written: the
 * SDK does not need the referenced kind's type, and the controller decides whether it is valid.
 *
 * <pre>{@code
 * GatewayClass gc = GatewayClassExample.run(client, "envoy-gateway", "gateway.envoyproxy.io/gatewayclass-controller");
 * }</pre>
 */
public final class GatewayClassExample {
  private GatewayClassExample() {}

  /** Applies GatewayClass {@code name} (cluster-scoped) for controller {@code controllerName}. */
  public static GatewayClass run(GatewayApiClient client, String name, String controllerName) {
    GatewayClass gatewayClass =
        GatewayClass.builder()
            .name(name)
            .controllerName(controllerName)
            .parametersRef(
                ParametersReference.builder()
                    .group("gateway.envoyproxy.io")
                    .kind("EnvoyProxy")
                    .name("custom-proxy-config")
                    .namespace("envoy-gateway-system")
                    .build())
            .build();
    return ExampleObjects.apply(client.gatewayClasses(), gatewayClass);
  }
}
