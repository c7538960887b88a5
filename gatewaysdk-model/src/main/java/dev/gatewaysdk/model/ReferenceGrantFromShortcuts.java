package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ReferenceGrantFrom}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class ReferenceGrantFromShortcuts {
  ReferenceGrantFromShortcuts() {}

  /** Objects of {@code group}/{@code kind} in {@code namespace}. */
  public static ReferenceGrantFrom of(String group, String kind, String namespace) {
    return ReferenceGrantFrom.builder().group(group).kind(kind).namespace(namespace).build();
  }
}
