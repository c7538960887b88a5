package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.canary.internal.Jsons;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Instant queries against the Prometheus HTTP API ({@code GET /api/v1/query}): the check's query,
 * with {@code {{canary}}}, {@code {{stable}}}, {@code {{interval}}} and the other placeholders of
 * {@link AnalysisContext#renderedQuery()} replaced, must return one sample (a scalar, or a vector's
 * first element); its value is judged by the check's range. Credentials: {@link #withAuth}. No
 * result, NaN, an error status or an unreachable server make the measurement inconclusive.
 * Thread-safe.
 *
 * <pre>{@code
 * Canary canary = Canary.builder(client, plan)
 *     .provider("prometheus", PrometheusProvider.create(URI.create("http://prometheus.monitoring:9090")))
 *     .build();
 * }</pre>
 */
public final class PrometheusProvider implements MetricProvider {
  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final ProviderAuth auth;

  private PrometheusProvider(URI base, HttpClient http, Duration timeout, ProviderAuth auth) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  /** This provider sending {@code auth}'s bearer token and headers with every query. */
  public PrometheusProvider withAuth(ProviderAuth auth) {
    return new PrometheusProvider(base, http, timeout, auth);
  }

  /**
   * A provider for the Prometheus server at {@code base} ({@code http://prometheus:9090}), with a
   * 10 second request timeout.
   *
   * @throws IllegalArgumentException if {@code base} is not http(s)
   */
  public static PrometheusProvider create(URI base) {
    return create(
        base,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(10));
  }

  /**
   * @throws IllegalArgumentException if {@code base} is not http(s)
   */
  public static PrometheusProvider create(URI base, HttpClient http, Duration timeout) {
    String scheme = base.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "Prometheus URL must be http or https: " + ProviderAuth.shown(base));
    }
    return new PrometheusProvider(base, http, timeout, ProviderAuth.NONE);
  }

  public URI base() {
    return base;
  }

  @Override
  public Measurement measure(AnalysisContext context) {
    String query = context.renderedQuery();
    if (query.isBlank()) {
      return Measurement.inconclusive("check " + context.check().name() + " has no query");
    }
    String b = base.toString();
    URI uri =
        URI.create(
            (b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response =
          http.send(
              auth.apply(
                      HttpRequest.newBuilder(uri)
                          .timeout(timeout)
                          .GET()
                          .header("Accept", "application/json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IllegalStateException e) {
      return Measurement.inconclusive(
          "credentials for Prometheus " + ProviderAuth.shown(base) + ": " + e.getMessage());
    } catch (IOException e) {
      return Measurement.inconclusive(
          "Prometheus "
              + ProviderAuth.shown(base)
              + " unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Measurement.inconclusive("interrupted");
    }
    JsonNode body;
    try {
      body = Jsons.mapper().readTree(response.body());
    } catch (IOException e) {
      return Measurement.inconclusive(
          "Prometheus answered " + response.statusCode() + " without JSON");
    }
    if (response.statusCode() / 100 != 2 || !"success".equals(body.path("status").asText())) {
      return Measurement.inconclusive(
          "Prometheus answered "
              + response.statusCode()
              + ": "
              + body.path("errorType").asText("")
              + " "
              + body.path("error").asText(""));
    }
    JsonNode data = body.path("data");
    JsonNode sample;
    switch (data.path("resultType").asText()) {
      case "scalar":
        sample = data.path("result");
        break;
      case "vector":
        if (data.path("result").size() == 0) {
          return Measurement.inconclusive("no data for " + query);
        }
        sample = data.path("result").get(0).path("value");
        break;
      default:
        return Measurement.inconclusive(
            "query must return a scalar or vector, not " + data.path("resultType").asText());
    }
    double v;
    try {
      v = Double.parseDouble(sample.path(1).asText());
    } catch (NumberFormatException e) {
      return Measurement.inconclusive("not a number: " + sample);
    }
    return Measurement.of(context.check(), v);
  }

  @Override
  public String toString() {
    return "Prometheus "
        + ProviderAuth.shown(base)
        + (auth == ProviderAuth.NONE ? "" : " with " + auth);
  }
}
