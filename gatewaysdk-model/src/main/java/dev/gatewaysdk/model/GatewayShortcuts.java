package dev.gatewaysdk.model;

/**
 * The hand-written shortcuts of {@link Gateway.Builder}, which implements this interface; the rest
 * of {@link Gateway} is generated from its CRD (gatewaysdk-model-generator). The example below is
 * copied into Gateway's Javadoc by the generator.
 *
 * <pre>{@code
 * Gateway gw = Gateway.builder().name("gw").namespace("infra").gatewayClassName("envoy")
 *     .listener(Listener.http("http", 80))
 *     .listener(Listener.https("https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert")))
 *     .build();
 * }</pre>
 */
interface GatewayShortcuts {
  /** The builder of the spec set so far. */
  GatewaySpec.Builder specBuilder();

  /** Sets the {@link GatewayClass} that implements the Gateway. */
  default Gateway.Builder gatewayClassName(String gatewayClassName) {
    specBuilder().gatewayClassName(gatewayClassName);
    return (Gateway.Builder) this;
  }

  /** Adds {@code listener}. */
  default Gateway.Builder listener(Listener listener) {
    specBuilder().addListener(listener);
    return (Gateway.Builder) this;
  }

  /** Requests {@code address}. */
  default Gateway.Builder address(GatewaySpecAddress address) {
    specBuilder().addAddress(address);
    return (Gateway.Builder) this;
  }
}
