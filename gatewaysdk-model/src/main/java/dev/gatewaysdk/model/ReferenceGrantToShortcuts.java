package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ReferenceGrantTo}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class ReferenceGrantToShortcuts {
  ReferenceGrantToShortcuts() {}

  /** All objects of {@code group}/{@code kind}. */
  public static ReferenceGrantTo of(String group, String kind) {
    return ReferenceGrantTo.builder().group(group).kind(kind).build();
  }

  /** The object {@code name} of {@code group}/{@code kind}. */
  public static ReferenceGrantTo of(String group, String kind, String name) {
    return ReferenceGrantTo.builder().group(group).kind(kind).name(name).build();
  }
}
