package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.internal.cert.Der.bool;
import static dev.gatewaysdk.testing.internal.cert.Der.explicit;
import static dev.gatewaysdk.testing.internal.cert.Der.implicit;
import static dev.gatewaysdk.testing.internal.cert.Der.octetString;
import static dev.gatewaysdk.testing.internal.cert.Der.oid;
import static dev.gatewaysdk.testing.internal.cert.Der.sequence;
import static dev.gatewaysdk.testing.internal.cert.Der.set;
import static dev.gatewaysdk.testing.internal.cert.Der.tlv;
import static dev.gatewaysdk.testing.internal.cert.Der.utf8;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A freshly generated self-signed X.509 v3 server certificate (ECDSA P-256, SHA-256) for TLS
 * listeners in tests, built with JDK APIs only. The subject CN is the first name; all names go into
 * the subjectAltName extension, as DNS names, except a name with a scheme ({@code
 * spiffe://example.com/app}), which goes in as a URI (as BackendTLSPolicy {@code subjectAltNames}
 * of type URI expect). Immutable and thread-safe.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate("example.com", "*.example.com");
 * V1Secret secret = Fixtures.tlsSecret("shop", "example-tls", cert);
 * }</pre>
 */
public final class SelfSignedCertificate {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final KeyPair keyPair;
  private final List<String> dnsNames;

  private SelfSignedCertificate(
      X509Certificate certificate, KeyPair keyPair, List<String> dnsNames) {
    this.certificate = certificate;
    this.keyPair = keyPair;
    this.dnsNames = dnsNames;
  }

  /**
   * A certificate for {@code dnsNames}, valid from an hour ago for a year.
   *
   * @throws IllegalArgumentException if no name is given or a name is blank
   */
  public static SelfSignedCertificate generate(String... dnsNames) {
    return generate(Duration.ofDays(365), dnsNames);
  }

  /**
   * A certificate for {@code dnsNames}, valid from an hour ago for {@code validity}.
   *
   * @throws IllegalArgumentException if no name is given, a name is blank, or validity is not
   *     positive
   */
  public static SelfSignedCertificate generate(Duration validity, String... dnsNames) {
    if (dnsNames.length == 0) {
      throw new IllegalArgumentException("at least one DNS name is required");
    }
    for (String n : dnsNames) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("DNS names must not be blank: " + n);
      }
    }
    if (validity.isZero() || validity.isNegative()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair keys = gen.generateKeyPair();
      byte[] name = sequence(set(sequence(oid("2.5.4.3"), utf8(dnsNames[0]))));
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
      List<byte[]> sans = new ArrayList<>();
      for (String n : dnsNames) {
        // GeneralName: uniformResourceIdentifier [6] or dNSName [2], both IA5String
        sans.add(implicit(n.contains("://") ? 6 : 2, n.getBytes(StandardCharsets.US_ASCII)));
      }
      byte[] extensions =
          explicit(
              3,
              sequence(
                  sequence(
                      oid("2.5.29.19"),
                      bool(true),
                      octetString(sequence())), // basicConstraints: not a CA
                  sequence(
                      oid("2.5.29.15"),
                      bool(true),
                      octetString(
                          tlv(
                              0x03,
                              new byte[] {
                                0x07, (byte) 0x80
                              }))), // digitalSignature (bit 0; 7 unused)
                  sequence(
                      oid("2.5.29.37"),
                      octetString(sequence(oid("1.3.6.1.5.5.7.3.1")))), // serverAuth
                  sequence(oid("2.5.29.17"), octetString(sequence(sans.toArray(new byte[0][]))))));
      X509Certificate cert =
          dev.gatewaysdk.testing.internal.cert.X509.sign(
              name,
              name,
              keys.getPublic(),
              keys.getPrivate(),
              now.minusHours(1),
              now.plus(validity),
              extensions);
      return new SelfSignedCertificate(cert, keys, List.of(dnsNames));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate an ECDSA P-256 certificate", e);
    }
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate's key pair. */
  public KeyPair keyPair() {
    return keyPair;
  }

  /** The names the certificate was issued for, as given. */
  public List<String> dnsNames() {
    return dnsNames;
  }

  /**
   * The certificate as PEM ({@code BEGIN CERTIFICATE}), as in a {@code kubernetes.io/tls} Secret's
   * tls.crt.
   */
  public String certificatePem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as in tls.key. */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public String toString() {
    return "SelfSignedCertificate{"
        + dnsNames
        + ", notAfter="
        + certificate.getNotAfter().toInstant()
        + "}";
  }
}
