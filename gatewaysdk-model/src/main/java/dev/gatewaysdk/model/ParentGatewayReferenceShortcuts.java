package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ParentGatewayReference}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class ParentGatewayReferenceShortcuts {
  ParentGatewayReferenceShortcuts() {}

  /** A reference to the Gateway {@code name} in the listener set's namespace. */
  public static ParentGatewayReference of(String name) {
    return ParentGatewayReference.builder().name(name).build();
  }
}
