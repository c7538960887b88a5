package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ListenerTLSConfig}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * ListenerTLSConfig's Javadoc by the generator.
 *
 * <pre>{@code
 * ListenerTLSConfig tls = ListenerTLSConfig.terminate("wildcard-cert");
 * }</pre>
 */
abstract class ListenerTLSConfigShortcuts {
  ListenerTLSConfigShortcuts() {}

  /** Terminates TLS with the certificates of the Secrets {@code secretNames}. */
  public static ListenerTLSConfig terminate(String... secretNames) {
    ListenerTLSConfig.Builder b = ListenerTLSConfig.builder().mode(TLSModeType.TERMINATE);
    for (String name : secretNames) {
      b.addCertificateRef(SecretObjectReference.secret(name));
    }
    return b.build();
  }

  /** Passes TLS through to the backend unchanged. */
  public static ListenerTLSConfig passthrough() {
    return ListenerTLSConfig.builder().mode(TLSModeType.PASSTHROUGH).build();
  }
}
