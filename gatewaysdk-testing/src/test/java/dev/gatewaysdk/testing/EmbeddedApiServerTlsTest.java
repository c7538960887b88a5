package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS with a generated CA that the kubeconfig carries; the Host check of plain HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerTlsTest {
  @Test
  void tlsServerIsTrustedThroughItsKubeconfigAndClient() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().gatewayApi(false).tls(true).build())) {
      assertThat(server.url()).startsWith("https://127.0.0.1:");
      assertThat(server.kubeconfig()).contains("certificate-authority-data: ");
      assertThat(
              new CoreV1Api(server.apiClient())
                  .readNamespace("default")
                  .execute()
                  .getMetadata()
                  .getName())
          .isEqualTo("default");
      // A client that does not trust the generated CA is refused.
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(server.url() + "/version")).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      Path kubectl =
          Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
              .map(p -> Path.of(p, "kubectl"))
              .filter(Files::isExecutable)
              .findFirst()
              .orElse(null);
      if (kubectl != null) {
        Process p =
            new ProcessBuilder(
                    kubectl.toString(),
                    "--kubeconfig",
                    server.kubeconfigFile().toString(),
                    "get",
                    "namespace",
                    "default",
                    "-o",
                    "name")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("namespace/default\n");
      }
    }
  }

  @Test
  void plainHttpAnswersOnlyLoopbackHostNames() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().gatewayApi(false).build())) {
      for (String host :
          new String[] {"evil.example", "evil.example:" + server.port(), "127.0.0.1.nip.io"}) {
        String answer = raw(server.port(), host);
        assertThat(answer).as(host).startsWith("HTTP/1.1 403").contains("is not allowed");
      }
      for (String host :
          new String[] {
            "localhost:" + server.port(), "127.0.0.1:" + server.port(), "[::1]:" + server.port()
          }) {
        assertThat(raw(server.port(), host)).as(host).startsWith("HTTP/1.1 200");
      }
    }
  }

  static String raw(int port, String host) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.getOutputStream()
          .write(
              ("GET /version HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
