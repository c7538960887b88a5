package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link BackendTLSPolicy}, which extends this class (its builder
 * implements {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The
 * example below is copied into BackendTLSPolicy's Javadoc by the generator.
 *
 * <pre>{@code
 * BackendTLSPolicy p = BackendTLSPolicy.builder().name("auth-tls").namespace("default")
 *     .targetService("auth").validation(BackendTLSPolicyValidation.systemTrust("auth.example.com")).build();
 * }</pre>
 */
abstract class BackendTLSPolicyShortcuts {
  BackendTLSPolicyShortcuts() {}

  /** The shortcuts of {@link BackendTLSPolicy.Builder}, which implements this interface. */
  interface Builder {
    /** Applies the policy to the Service {@code name}. */
    default BackendTLSPolicy.Builder targetService(String name) {
      return ((BackendTLSPolicy.Builder) this)
          .targetRef(LocalPolicyTargetReferenceWithSectionName.service(name));
    }
  }
}
