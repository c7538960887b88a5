package dev.gatewaysdk.model;

/**
 * The hand-written shortcuts of {@link BackendTLSPolicy.Builder}, which implements this interface;
 * the rest of {@link BackendTLSPolicy} is generated from its CRD (gatewaysdk-model-generator). The
 * example below is copied into BackendTLSPolicy's Javadoc by the generator.
 *
 * <pre>{@code
 * BackendTLSPolicy p = BackendTLSPolicy.builder().name("auth-tls").namespace("default")
 *     .targetService("auth").validation(BackendTLSPolicyValidation.systemTrust("auth.example.com")).build();
 * }</pre>
 */
interface BackendTLSPolicyShortcuts {
  /** The builder of the spec set so far. */
  BackendTLSPolicySpec.Builder specBuilder();

  /** Applies the policy to {@code target}. */
  default BackendTLSPolicy.Builder targetRef(LocalPolicyTargetReferenceWithSectionName target) {
    specBuilder().addTargetRef(target);
    return (BackendTLSPolicy.Builder) this;
  }

  /** Applies the policy to the Service {@code name}. */
  default BackendTLSPolicy.Builder targetService(String name) {
    specBuilder().addTargetRef(LocalPolicyTargetReferenceWithSectionName.service(name));
    return (BackendTLSPolicy.Builder) this;
  }

  /** Sets how backend certificates are validated. */
  default BackendTLSPolicy.Builder validation(BackendTLSPolicyValidation validation) {
    specBuilder().validation(validation);
    return (BackendTLSPolicy.Builder) this;
  }
}
