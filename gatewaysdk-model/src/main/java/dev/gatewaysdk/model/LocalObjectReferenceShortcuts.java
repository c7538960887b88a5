package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link LocalObjectReference}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class LocalObjectReferenceShortcuts {
  LocalObjectReferenceShortcuts() {}

  /** A reference to {@code kind}/{@code name} of {@code group} (empty for the core group). */
  public static LocalObjectReference of(String group, String kind, String name) {
    return LocalObjectReference.builder().group(group).kind(kind).name(name).build();
  }
}
