package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.core.RouteRef;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials reach the provider's server; the secret itself shows nowhere. */
class ProviderAuthTest {
  private static final String PROMETHEUS_ANSWER =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.1,\"0.5\"]}}";

  @TempDir Path dir;
  HttpServer http;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final AtomicInteger status = new AtomicInteger(200);

  @BeforeEach
  void start() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          seen.add(
              ex.getRequestHeaders().getFirst("Authorization")
                  + " | "
                  + ex.getRequestHeaders().getFirst("X-Scope-OrgID"));
          byte[] out = PROMETHEUS_ANSWER.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status.get(), out.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
          }
        });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  private static AnalysisContext context() {
    AnalysisCheck check =
        AnalysisCheck.builder("q", "p").query("up").max(1).interval(Duration.ofSeconds(30)).build();
    return new AnalysisContext(
        check, RouteRef.httpRoute("shop", "web"), "web-v1", "web-v2", 3, 25, Instant.EPOCH);
  }

  @Test
  void aTokenFileIsReadAgainForEveryQuerySoRotationNeedsNoRestart() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "s3cret-one\n");
    PrometheusProvider p =
        PrometheusProvider.create(base())
            .withAuth(
                ProviderAuth.bearerTokenFromFile(token).withHeader("X-Scope-OrgID", "tenant-a"));

    assertThat(p.measure(context()).verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    Files.writeString(token, "s3cret-two");
    p.measure(context());

    assertThat(seen)
        .containsExactly("Bearer s3cret-one | tenant-a", "Bearer s3cret-two | tenant-a");
    assertThat(p.toString()).contains("token from file " + token).doesNotContain("s3cret");
  }

  @Test
  void aTokenFromTheEnvironmentReachesTheWebhook() {
    ProviderAuth auth =
        ProviderAuth.bearerTokenFromEnv(
            "GATEWAYSDK_TOKEN", Map.of("GATEWAYSDK_TOKEN", "env-s3cret")::get);
    WebhookProvider w = WebhookProvider.create(base()).withAuth(auth);

    assertThat(w.measure(context()).verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    assertThat(seen).containsExactly("Bearer env-s3cret | null");
    assertThat(w.toString())
        .isEqualTo("webhook " + base() + " with Authorization (token from $GATEWAYSDK_TOKEN)");
  }

  @Test
  void refusalsAndMissingCredentialsNameTheSourceNeverTheSecret() throws Exception {
    status.set(401);
    PrometheusProvider p =
        PrometheusProvider.create(base()).withAuth(ProviderAuth.bearerToken("plain-s3cret"));
    Measurement refused = p.measure(context());
    assertThat(refused.verdict()).isEqualTo(Measurement.Verdict.INCONCLUSIVE);
    assertThat(refused.message()).startsWith("Prometheus answered 401").doesNotContain("s3cret");
    assertThat(p.toString()).doesNotContain("s3cret").contains("bearer token (value)");

    Measurement missing =
        PrometheusProvider.create(base())
            .withAuth(ProviderAuth.bearerTokenFromFile(dir.resolve("absent")))
            .measure(context());
    assertThat(missing.verdict()).isEqualTo(Measurement.Verdict.INCONCLUSIVE);
    assertThat(missing.message())
        .isEqualTo(
            "credentials for Prometheus "
                + base()
                + ": cannot read token file "
                + dir.resolve("absent")
                + ": NoSuchFileException");
    Measurement unset =
        PrometheusProvider.create(base())
            .withAuth(
                ProviderAuth.bearerTokenFromEnv("UNSET_VARIABLE", Map.<String, String>of()::get))
            .measure(context());
    assertThat(unset.message()).endsWith("environment variable UNSET_VARIABLE is not set");

    PrometheusProvider withPassword =
        PrometheusProvider.create(URI.create("http://admin:pa55word@127.0.0.1:1"));
    assertThat(withPassword.toString()).isEqualTo("Prometheus http://***@127.0.0.1:1");
    assertThat(withPassword.measure(context()).message()).doesNotContain("pa55word");
    assertThatThrownBy(() -> ProviderAuth.bearerToken(" ")).hasMessage("token must not be blank");
    assertThatThrownBy(() -> ProviderAuth.NONE.withHeader("Bad Header", "x"))
        .hasMessage("not a header name: Bad Header");
  }
}
