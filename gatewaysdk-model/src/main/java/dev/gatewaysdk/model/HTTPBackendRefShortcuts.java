package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link HTTPBackendRef}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPBackendRef's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPBackendRef canary = HTTPBackendRef.of("app-canary", 8080, 10);
 * }</pre>
 */
abstract class HTTPBackendRefShortcuts {
  HTTPBackendRefShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
    Checks.weight(self().weight());
  }

  /** Port {@code port} of the Service {@code service}, with the server's default weight. */
  public static HTTPBackendRef of(String service, int port) {
    return HTTPBackendRef.builder().name(service).port(Checks.port("port", port)).build();
  }

  /**
   * Port {@code port} of the Service {@code service} with {@code weight}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
   */
  public static HTTPBackendRef of(String service, int port, int weight) {
    return HTTPBackendRef.builder()
        .name(service)
        .port(Checks.port("port", port))
        .weight(Checks.weight(weight))
        .build();
  }

  private HTTPBackendRef self() {
    return (HTTPBackendRef) this;
  }
}
