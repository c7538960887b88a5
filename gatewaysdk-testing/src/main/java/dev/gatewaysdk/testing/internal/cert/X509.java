package dev.gatewaysdk.testing.internal.cert;

import static dev.gatewaysdk.testing.internal.cert.Der.bitString;
import static dev.gatewaysdk.testing.internal.cert.Der.explicit;
import static dev.gatewaysdk.testing.internal.cert.Der.integer;
import static dev.gatewaysdk.testing.internal.cert.Der.oid;
import static dev.gatewaysdk.testing.internal.cert.Der.sequence;
import static dev.gatewaysdk.testing.internal.cert.Der.time;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;

/** Signs X.509 v3 certificates with ECDSA P-256 / SHA-256 (self-signed or by a CA). */
public final class X509 {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

  private X509() {}

  /**
   * A certificate for {@code subjectKey} named {@code subject} (a DER Name), signed by {@code
   * issuerKey} as {@code issuer}, valid from {@code notBefore} to {@code notAfter}, with DER {@code
   * extensions} ([3]).
   */
  public static X509Certificate sign(
      byte[] subject,
      byte[] issuer,
      PublicKey subjectKey,
      PrivateKey issuerKey,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter,
      byte[] extensions)
      throws GeneralSecurityException {
    byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
    byte[] serial = new byte[16];
    RANDOM.nextBytes(serial);
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    byte[] tbs =
        sequence(
            explicit(0, integer(BigInteger.valueOf(2))),
            integer(new BigInteger(serial)),
            algorithm,
            issuer,
            sequence(time(notBefore), time(notAfter)),
            subject,
            subjectKey.getEncoded(),
            extensions);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] der = sequence(tbs, algorithm, bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
