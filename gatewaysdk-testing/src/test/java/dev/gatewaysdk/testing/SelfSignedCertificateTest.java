package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
  @Test
  void isAValidSelfSignedServerCertificateWithSubjectAltNames() throws Exception {
    SelfSignedCertificate c = SelfSignedCertificate.generate("app.example.com", "*.example.com");
    X509Certificate x = c.certificate();
    x.verify(c.keyPair().getPublic());
    x.checkValidity();
    assertThat(x.getVersion()).isEqualTo(3);
    assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=app.example.com");
    assertThat(x.getIssuerX500Principal()).isEqualTo(x.getSubjectX500Principal());
    assertThat(
            x.getSubjectAlternativeNames().stream()
                .map(n -> (Integer) n.get(0) + ":" + n.get(1))
                .collect(Collectors.toList()))
        .containsExactly("2:app.example.com", "2:*.example.com");
    assertThat(x.getBasicConstraints()).isEqualTo(-1);
    assertThat(x.getKeyUsage()[0]).isTrue();
    assertThat(x.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(x.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(x.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(x.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(364)));
  }

  @Test
  void aNameWithASchemeIsAUriSubjectAltName() throws Exception {
    X509Certificate x =
        SelfSignedCertificate.generate("abc.example.com", "spiffe://abc.example.com/test-identity")
            .certificate();
    assertThat(x.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            java.util.List.of(2, "abc.example.com"),
            java.util.List.of(6, "spiffe://abc.example.com/test-identity"));
  }

  @Test
  void pemRoundTripsAndKeyMatchesCertificate() throws Exception {
    SelfSignedCertificate c = SelfSignedCertificate.generate(Duration.ofHours(2), "localhost");
    X509Certificate parsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        c.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(c.certificate());

    String pem = c.privateKeyPem();
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(parsed.getPublicKey());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(sig)).isTrue();
    assertThat(parsed.getNotAfter().getTime() - parsed.getNotBefore().getTime())
        .isEqualTo(Duration.ofHours(3).toMillis());
  }

  @Test
  void eachCertificateIsFresh() {
    SelfSignedCertificate a = SelfSignedCertificate.generate("a.test");
    SelfSignedCertificate b = SelfSignedCertificate.generate("a.test");
    assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
    assertThat(a.keyPair().getPublic()).isNotEqualTo(b.keyPair().getPublic());
    assertThat(a.certificate().getSerialNumber().signum()).isPositive();
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(SelfSignedCertificate::generate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DNS name");
    assertThatThrownBy(() -> SelfSignedCertificate.generate(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SelfSignedCertificate.generate(Duration.ZERO, "x.test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validity");
  }

  @Test
  void fixtureSecretCarriesPemData() {
    var secret = Fixtures.tlsSecret("ns", "tls", "app.example.com");
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(new String(secret.getData().get("tls.crt"), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(new String(secret.getData().get("tls.key"), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(List.copyOf(secret.getData().keySet()))
        .containsExactlyInAnyOrder("tls.crt", "tls.key");
  }
}
