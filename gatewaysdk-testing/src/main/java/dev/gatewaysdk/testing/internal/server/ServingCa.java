package dev.gatewaysdk.testing.internal.server;

import static dev.gatewaysdk.testing.internal.cert.Der.bool;
import static dev.gatewaysdk.testing.internal.cert.Der.explicit;
import static dev.gatewaysdk.testing.internal.cert.Der.implicit;
import static dev.gatewaysdk.testing.internal.cert.Der.octetString;
import static dev.gatewaysdk.testing.internal.cert.Der.oid;
import static dev.gatewaysdk.testing.internal.cert.Der.sequence;
import static dev.gatewaysdk.testing.internal.cert.Der.set;
import static dev.gatewaysdk.testing.internal.cert.Der.tlv;
import static dev.gatewaysdk.testing.internal.cert.Der.utf8;

import dev.gatewaysdk.testing.internal.cert.X509;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;

/**
 * A CA generated for one server run and the serving certificate it signs (DNS {@code localhost}, IP
 * {@code 127.0.0.1}): the kubeconfig carries the CA, so clients verify the server as they would a
 * cluster's.
 */
final class ServingCa {
  private static final SecureRandom RANDOM = new SecureRandom();
  final X509Certificate ca;
  final X509Certificate serving;
  final PrivateKey servingKey;

  private ServingCa(X509Certificate ca, X509Certificate serving, PrivateKey servingKey) {
    this.ca = ca;
    this.serving = serving;
    this.servingKey = servingKey;
  }

  static ServingCa generate() {
    try {
      KeyPair caKeys = keys();
      KeyPair serverKeys = keys();
      byte[] caName = name("gatewaysdk-embedded-apiserver-ca");
      X509Certificate ca =
          sign(
              caName,
              caName,
              caKeys,
              caKeys,
              explicit(
                  3,
                  sequence(
                      sequence(
                          oid("2.5.29.19"),
                          bool(true),
                          octetString(sequence(bool(true)))), // basicConstraints: CA
                      sequence(
                          oid("2.5.29.15"),
                          bool(true),
                          octetString(tlv(0x03, new byte[] {0x02, (byte) 0x84}))))));
      X509Certificate serving =
          sign(
              name("localhost"),
              caName,
              serverKeys,
              caKeys,
              explicit(
                  3,
                  sequence(
                      sequence(oid("2.5.29.19"), bool(true), octetString(sequence())),
                      sequence(
                          oid("2.5.29.15"),
                          bool(true),
                          octetString(tlv(0x03, new byte[] {0x07, (byte) 0x80}))),
                      sequence(oid("2.5.29.37"), octetString(sequence(oid("1.3.6.1.5.5.7.3.1")))),
                      sequence(
                          oid("2.5.29.17"),
                          octetString(
                              sequence(
                                  implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)),
                                  implicit(7, new byte[] {127, 0, 0, 1})))))));
      return new ServingCa(ca, serving, serverKeys.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate ECDSA P-256 certificates", e);
    }
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return gen.generateKeyPair();
  }

  private static byte[] name(String cn) {
    return sequence(set(sequence(oid("2.5.4.3"), utf8(cn))));
  }

  private static X509Certificate sign(
      byte[] subject, byte[] issuer, KeyPair subjectKeys, KeyPair issuerKeys, byte[] extensions)
      throws GeneralSecurityException {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    return X509.sign(
        subject,
        issuer,
        subjectKeys.getPublic(),
        issuerKeys.getPrivate(),
        now.minusHours(1),
        now.plusDays(365),
        extensions);
  }

  /**
   * The CA certificate as PEM, for a kubeconfig's {@code certificate-authority-data} (base64 of
   * this).
   */
  String caPem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ca.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
