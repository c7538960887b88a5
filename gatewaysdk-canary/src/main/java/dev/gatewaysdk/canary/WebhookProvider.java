package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.canary.internal.Jsons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A check decided by a webhook (Flagger's webhooks): the {@link AnalysisContext#toJson() context}
 * is POSTed as JSON. A 2xx answer passes, unless its JSON body says otherwise: {@code
 * {"verdict":"pass|fail|inconclusive"}}, or {@code {"value": 0.97}} judged by the check's range.
 * Another status fails the measurement; no answer makes it inconclusive. Credentials: {@link
 * #withAuth}. Thread-safe.
 *
 * <pre>{@code
 * builder.provider("load-test", WebhookProvider.create(URI.create("http://loadtester.test/gate")));
 * }</pre>
 */
public final class WebhookProvider implements MetricProvider {
  private final URI uri;
  private final HttpClient http;
  private final Duration timeout;
  private final ProviderAuth auth;

  private WebhookProvider(URI uri, HttpClient http, Duration timeout, ProviderAuth auth) {
    this.uri = uri;
    this.http = http;
    this.timeout = timeout;
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  /** This provider sending {@code auth}'s bearer token and headers with every call. */
  public WebhookProvider withAuth(ProviderAuth auth) {
    return new WebhookProvider(uri, http, timeout, auth);
  }

  /**
   * @throws IllegalArgumentException if {@code uri} is not http(s)
   */
  public static WebhookProvider create(URI uri) {
    return create(
        uri,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(30));
  }

  /**
   * @throws IllegalArgumentException if {@code uri} is not http(s)
   */
  public static WebhookProvider create(URI uri, HttpClient http, Duration timeout) {
    String scheme = Objects.requireNonNull(uri, "uri").getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "webhook URL must be http or https: " + ProviderAuth.shown(uri));
    }
    return new WebhookProvider(
        uri, Objects.requireNonNull(http), Objects.requireNonNull(timeout), ProviderAuth.NONE);
  }

  @Override
  public Measurement measure(AnalysisContext context) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              auth.apply(
                      HttpRequest.newBuilder(uri)
                          .timeout(timeout)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(Jsons.write(context.toJson()))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IllegalStateException e) {
      return Measurement.inconclusive(
          "credentials for webhook " + ProviderAuth.shown(uri) + ": " + e.getMessage());
    } catch (IOException e) {
      return Measurement.inconclusive(
          "webhook "
              + ProviderAuth.shown(uri)
              + " unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Measurement.inconclusive("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      return Measurement.failure(
          Double.NaN, "webhook " + ProviderAuth.shown(uri) + " answered " + response.statusCode());
    }
    JsonNode body;
    try {
      body = response.body().isBlank() ? Jsons.object() : Jsons.mapper().readTree(response.body());
    } catch (IOException e) {
      return Measurement.success(Double.NaN, "");
    }
    if (body.hasNonNull("verdict")) {
      String verdict = body.get("verdict").asText().toLowerCase(Locale.ROOT);
      String message = body.path("message").asText("webhook verdict " + verdict);
      switch (verdict) {
        case "pass":
        case "success":
          return Measurement.success(Double.NaN, "");
        case "fail":
        case "failure":
          return Measurement.failure(Double.NaN, message);
        default:
          return Measurement.inconclusive(message);
      }
    }
    if (body.path("value").isNumber()) {
      return Measurement.of(context.check(), body.get("value").asDouble());
    }
    return Measurement.success(Double.NaN, "");
  }

  @Override
  public String toString() {
    return "webhook "
        + ProviderAuth.shown(uri)
        + (auth == ProviderAuth.NONE ? "" : " with " + auth);
  }
}
