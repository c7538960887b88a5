package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link BackendTLSPolicyValidation}, which extends this class; the rest
 * is generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * BackendTLSPolicyValidation's Javadoc by the generator.
 *
 * <pre>{@code
 * BackendTLSPolicyValidation v = BackendTLSPolicyValidation.systemTrust("auth.example.com");
 * }</pre>
 */
abstract class BackendTLSPolicyValidationShortcuts {
  BackendTLSPolicyValidationShortcuts() {}

  /** Validation of {@code hostname} against the system trust store. */
  public static BackendTLSPolicyValidation systemTrust(String hostname) {
    return BackendTLSPolicyValidation.builder()
        .hostname(hostname)
        .wellKnownCACertificates(WellKnownCACertificatesType.SYSTEM)
        .build();
  }

  /**
   * Validation of {@code hostname} against the CA certificates of the ConfigMaps {@code
   * configMaps}.
   */
  public static BackendTLSPolicyValidation caConfigMaps(String hostname, String... configMaps) {
    BackendTLSPolicyValidation.Builder b = BackendTLSPolicyValidation.builder().hostname(hostname);
    for (String name : configMaps) {
      b.addCaCertificateRef(LocalObjectReference.of("", "ConfigMap", name));
    }
    return b.build();
  }
}
