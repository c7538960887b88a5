package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link UDPRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class UDPRouteRuleShortcuts {
  UDPRouteRuleShortcuts() {}

  /** The shortcuts of {@link UDPRouteRule.Builder}, which implements this interface. */
  interface Builder {
    /**
     * Sends connections to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    default UDPRouteRule.Builder backend(String service, int port) {
      return self().addBackendRef(BackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of connections to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    default UDPRouteRule.Builder backend(String service, int port, int weight) {
      return self().addBackendRef(BackendRef.of(service, port, weight));
    }

    private UDPRouteRule.Builder self() {
      return (UDPRouteRule.Builder) this;
    }
  }
}
