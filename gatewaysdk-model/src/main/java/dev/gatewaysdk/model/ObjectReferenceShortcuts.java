package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ObjectReference}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class ObjectReferenceShortcuts {
  ObjectReferenceShortcuts() {}

  /** A reference to the ConfigMap {@code name} in the referrer's namespace. */
  public static ObjectReference configMap(String name) {
    return ObjectReference.builder().group("").kind("ConfigMap").name(name).build();
  }
}
