package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * The PEM certificate chain and private key of a TLS Secret ({@code tls.crt}, {@code tls.key}),
 * from {@code data} (base64) or else {@code stringData}: the one reader of a Secret's PEM pair for
 * the controller's status checks and the data plane's certificates. Either may be null.
 */
public record TlsSecret(String certificate, String key) {

  /** The pair {@code secret} holds. */
  public static TlsSecret read(JsonNode secret) {
    JsonNode data = secret.path("data");
    String crt = Reconciler.decode(data.path("tls.crt").asText(null));
    String key = Reconciler.decode(data.path("tls.key").asText(null));
    if (crt == null && secret.path("stringData").has("tls.crt")) {
      crt = secret.path("stringData").path("tls.crt").asText();
      key = secret.path("stringData").path("tls.key").asText(null);
    }
    return new TlsSecret(crt, key);
  }

  /** Why this pair cannot serve as a TLS certificate, or null if it can. */
  public String problem() {
    if (certificate == null || certificate.isBlank()) {
      return "has no tls.crt";
    }
    if (key == null || key.isBlank()) {
      return "has no tls.key";
    }
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(
              new ByteArrayInputStream(certificate.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | RuntimeException e) {
      return "holds no valid PEM certificate in tls.crt";
    }
    if (!key.contains("PRIVATE KEY-----")) {
      return "holds no PEM private key in tls.key";
    }
    return null;
  }
}
