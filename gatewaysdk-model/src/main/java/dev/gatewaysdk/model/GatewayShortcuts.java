package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link Gateway}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into Gateway's Javadoc by the
 * generator.
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
}
