package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link LocalPolicyTargetReferenceWithSectionName}, which extends this
 * class; the rest is generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class LocalPolicyTargetReferenceWithSectionNameShortcuts {
  LocalPolicyTargetReferenceWithSectionNameShortcuts() {}

  /** The Service {@code name}. */
  public static LocalPolicyTargetReferenceWithSectionName service(String name) {
    return LocalPolicyTargetReferenceWithSectionName.builder()
        .group("")
        .kind("Service")
        .name(name)
        .build();
  }
}
