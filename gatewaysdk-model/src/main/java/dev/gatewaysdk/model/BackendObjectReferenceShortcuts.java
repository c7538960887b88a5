package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link BackendObjectReference}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * BackendObjectReference's Javadoc by the generator.
 *
 * <pre>{@code
 * BackendObjectReference shadow = BackendObjectReference.service("shadow", 8080);
 * }</pre>
 */
abstract class BackendObjectReferenceShortcuts {
  BackendObjectReferenceShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  /** A reference to port {@code port} of the Service {@code name}. */
  public static BackendObjectReference service(String name, int port) {
    return BackendObjectReference.builder().name(name).port(Checks.port("port", port)).build();
  }

  private BackendObjectReference self() {
    return (BackendObjectReference) this;
  }
}
