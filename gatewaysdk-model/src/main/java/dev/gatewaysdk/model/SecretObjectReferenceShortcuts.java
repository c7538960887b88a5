package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link SecretObjectReference}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * SecretObjectReference's Javadoc by the generator.
 *
 * <pre>{@code
 * SecretObjectReference cert = SecretObjectReference.secret("wildcard-cert");
 * }</pre>
 */
abstract class SecretObjectReferenceShortcuts {
  SecretObjectReferenceShortcuts() {}

  /** A reference to the Secret {@code name} in the referrer's namespace. */
  public static SecretObjectReference secret(String name) {
    return SecretObjectReference.builder().name(name).build();
  }
}
