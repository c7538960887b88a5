package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link GRPCBackendRef}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GRPCBackendRefShortcuts {
  GRPCBackendRefShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
    Checks.weight(self().weight());
  }

  /** Port {@code port} of the Service {@code service}, with the server's default weight. */
  public static GRPCBackendRef of(String service, int port) {
    return GRPCBackendRef.builder().name(service).port(Checks.port("port", port)).build();
  }

  /**
   * Port {@code port} of the Service {@code service} with {@code weight}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
   */
  public static GRPCBackendRef of(String service, int port, int weight) {
    return GRPCBackendRef.builder()
        .name(service)
        .port(Checks.port("port", port))
        .weight(Checks.weight(weight))
        .build();
  }

  private GRPCBackendRef self() {
    return (GRPCBackendRef) this;
  }
}
