package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link ParentReference}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * ParentReference's Javadoc by the generator.
 *
 * <pre>{@code
 * ParentReference ref = ParentReference.gateway("infra", "shared-gw").withSectionName("https");
 * }</pre>
 */
abstract class ParentReferenceShortcuts {
  ParentReferenceShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  /** A reference to the Gateway {@code name} in the route's own namespace. */
  public static ParentReference gateway(String name) {
    return ParentReference.builder().name(name).build();
  }

  /** A reference to the Gateway {@code name} in {@code namespace}. */
  public static ParentReference gateway(String namespace, String name) {
    return ParentReference.builder().namespace(namespace).name(name).build();
  }

  private ParentReference self() {
    return (ParentReference) this;
  }
}
