package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link Gateway}, which extends this class (its builder implements {@link
 * Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example below is
 * copied into Gateway's Javadoc by the generator.
 *
 * <pre>{@code
 * Gateway gw = Gateway.builder().name("gw").namespace("infra").gatewayClassName("envoy")
 *     .listener(Listener.http("http", 80))
 *     .listener(Listener.https("https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert")))
 *     .build();
 * }</pre>
 */
abstract class GatewayShortcuts {
  GatewayShortcuts() {}

  /** The shortcuts of {@link Gateway.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    Gateway.Builder spec(Consumer<GatewaySpec.Builder> edit);

    /** Sets the {@link GatewayClass} that implements the Gateway. */
    default Gateway.Builder gatewayClassName(String gatewayClassName) {
      return spec(s -> s.gatewayClassName(gatewayClassName));
    }

    /** Adds {@code listener}. */
    default Gateway.Builder listener(Listener listener) {
      return spec(s -> s.addListener(listener));
    }

    /** Requests {@code address}. */
    default Gateway.Builder address(GatewaySpecAddress address) {
      return spec(s -> s.addAddress(address));
    }
  }
}
