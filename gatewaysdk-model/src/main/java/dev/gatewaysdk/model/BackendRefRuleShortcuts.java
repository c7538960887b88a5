package dev.gatewaysdk.model;

/**
 * The backend shortcuts of the rule builders whose backends are {@link BackendRef}s ({@link
 * TCPRouteRule}, {@link TLSRouteRule}, {@link UDPRouteRule}): their companions' {@code Builder}
 * extends this interface.
 *
 * @param <B> the rule builder, returned for chaining
 */
interface BackendRefRuleShortcuts<B> {
  /** Adds {@code backendRef} (the generated builder's). */
  B addBackendRef(BackendRef backendRef);

  /**
   * Sends traffic to port {@code port} of Service {@code service}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  default B backend(String service, int port) {
    return addBackendRef(BackendRef.of(service, port));
  }

  /**
   * Sends a {@code weight} share of traffic to port {@code port} of Service {@code service}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
   */
  default B backend(String service, int port, int weight) {
    return addBackendRef(BackendRef.of(service, port, weight));
  }
}
