package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link TCPRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class TCPRouteRuleShortcuts {
  TCPRouteRuleShortcuts() {}

  /** The shortcuts of {@link TCPRouteRule.Builder}, which implements this interface. */
  interface Builder {
    /**
     * Sends connections to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    default TCPRouteRule.Builder backend(String service, int port) {
      return self().addBackendRef(BackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of connections to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    default TCPRouteRule.Builder backend(String service, int port, int weight) {
      return self().addBackendRef(BackendRef.of(service, port, weight));
    }

    private TCPRouteRule.Builder self() {
      return (TCPRouteRule.Builder) this;
    }
  }
}
