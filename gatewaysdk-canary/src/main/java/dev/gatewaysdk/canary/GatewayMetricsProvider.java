package dev.gatewaysdk.canary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ready analysis over the embedded Gateway's own metrics ({@code
 * SimulatedGatewayController.metricsUrl()} of gatewaysdk-testing, or any endpoint with the same
 * series): it scrapes the Prometheus text format directly, no Prometheus server needed, and
 * measures the canary backend of the rollout's route over the requests since its previous
 * measurement.
 *
 * <ul>
 *   <li>{@link #errorRate}: the share of the canary's requests answered 5xx, from {@code
 *       gatewaysdk_gateway_requests_total};
 *   <li>{@link #latencyP95}: the 95th percentile of the canary's backend time in seconds, from the
 *       buckets of {@code gatewaysdk_gateway_backend_request_duration_seconds} (linear within a
 *       bucket, as PromQL's {@code histogram_quantile} does).
 * </ul>
 *
 * A window without canary requests is inconclusive. Thread-safe; one instance per rollout (it keeps
 * the previous scrape).
 *
 * <pre>{@code
 * URI metrics = URI.create(controller.metricsUrl());
 * Canary.builder(client, plan)
 *     .provider("gateway-errors", GatewayMetricsProvider.errorRate(metrics))
 *     .provider("gateway-p95", GatewayMetricsProvider.latencyP95(metrics));
 * // checks: AnalysisCheck.builder("errors", "gateway-errors").max(0.01), AnalysisCheck.builder("p95", "gateway-p95").max(0.5)
 * }</pre>
 *
 * <p>Where a Prometheus server scrapes the Gateway, the same two measurements are {@link
 * #ERROR_RATE_QUERY} and {@link #LATENCY_P95_QUERY} for a {@link PrometheusProvider}, over the
 * check's {@code interval}:
 *
 * <pre>{@code
 * AnalysisCheck.builder("errors", "prometheus").query(GatewayMetricsProvider.ERROR_RATE_QUERY)
 *     .max(0.01).unit(AnalysisCheck.Unit.RATIO).interval(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public final class GatewayMetricsProvider implements MetricProvider {
  static final String REQUESTS = "gatewaysdk_gateway_requests_total";
  private static final String CANARY_SERIES =
      "route_namespace=\"{{namespace}}\",route=\"{{route}}\",backend=\"{{canary}}\"";

  /**
   * PromQL for a {@link PrometheusProvider}: the canary's 5xx share of its requests on the
   * rollout's route over the check's interval (0..1); 0 when it answered no 5xx, no data
   * (inconclusive) when it had no requests.
   */
  public static final String ERROR_RATE_QUERY =
      "(sum(rate("
          + REQUESTS
          + "{"
          + CANARY_SERIES
          + ",code=~\"5..\"}[{{interval}}])) or vector(0))"
          + " / sum(rate("
          + REQUESTS
          + "{"
          + CANARY_SERIES
          + "}[{{interval}}]))";

  /**
   * PromQL for a {@link PrometheusProvider}: the 95th percentile of the canary's backend time in
   * seconds on the rollout's route over the check's interval; no data (inconclusive) when it had no
   * requests.
   */
  public static final String LATENCY_P95_QUERY =
      "histogram_quantile(0.95, sum by (le) (rate(gatewaysdk_gateway_backend_request_duration_seconds_bucket{"
          + CANARY_SERIES
          + "}[{{interval}}])))";

  static final String DURATION_BUCKET =
      "gatewaysdk_gateway_backend_request_duration_seconds_bucket";
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)}\\s+(\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final URI url;
  private final boolean latency;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * The previous scrape's totals by context key (route and canary): {requests, errors} or
   * cumulative buckets.
   */
  private final Map<String, TreeMap<Double, Double>> previous = new ConcurrentHashMap<>();

  private GatewayMetricsProvider(URI url, boolean latency, HttpClient http, Duration timeout) {
    this.url = url;
    this.latency = latency;
    this.http = http;
    this.timeout = timeout;
  }

  /** The canary's 5xx share of its requests since the previous measurement (0..1). */
  public static GatewayMetricsProvider errorRate(URI metricsUrl) {
    return new GatewayMetricsProvider(
        metricsUrl, false, HttpClient.newHttpClient(), Duration.ofSeconds(5));
  }

  /** The canary's 95th percentile backend time, in seconds, since the previous measurement. */
  public static GatewayMetricsProvider latencyP95(URI metricsUrl) {
    return new GatewayMetricsProvider(
        metricsUrl, true, HttpClient.newHttpClient(), Duration.ofSeconds(5));
  }

  @Override
  public Measurement measure(AnalysisContext context) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(url).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return Measurement.inconclusive("metrics endpoint " + url + " answered " + r.statusCode());
    }
    String key =
        context.check().name()
            + "|"
            + context.route().namespace()
            + "/"
            + context.route().name()
            + "|"
            + context.canary();
    TreeMap<Double, Double> now = totals(r.body(), context);
    TreeMap<Double, Double> before = previous.put(key, now);
    TreeMap<Double, Double> window = new TreeMap<>();
    now.forEach((k, v) -> window.put(k, v - (before == null ? 0 : before.getOrDefault(k, 0.0))));
    return latency ? p95(context, window) : errorRate(context, window);
  }

  private Measurement errorRate(AnalysisContext context, TreeMap<Double, Double> window) {
    double requests = window.getOrDefault(0.0, 0.0);
    if (requests <= 0) {
      return Measurement.inconclusive(
          "no requests to " + context.canary() + " since the previous measurement");
    }
    return Measurement.of(context.check(), window.getOrDefault(5.0, 0.0) / requests);
  }

  private Measurement p95(AnalysisContext context, TreeMap<Double, Double> buckets) {
    Double total = buckets.get(Double.POSITIVE_INFINITY);
    if (total == null || total <= 0) {
      return Measurement.inconclusive(
          "no backend requests to " + context.canary() + " since the previous measurement");
    }
    double rank = 0.95 * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> b : buckets.entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return Measurement.of(
              context.check(), lowerBound); // as histogram_quantile: the highest finite bound
        }
        double inBucket = b.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 0 : (rank - lowerCount) / inBucket;
        return Measurement.of(context.check(), lowerBound + (b.getKey() - lowerBound) * fraction);
      }
      lowerBound = b.getKey();
      lowerCount = b.getValue();
    }
    return Measurement.inconclusive("histogram without a +Inf bucket");
  }

  /**
   * Totals for the context's route and canary backend: for the error rate {0: requests, 5: 5xx
   * answers}; for latency the cumulative count per bucket bound, summed over every series of that
   * backend.
   */
  private TreeMap<Double, Double> totals(String text, AnalysisContext context) {
    TreeMap<Double, Double> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(latency ? DURATION_BUCKET : REQUESTS)) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line.trim());
      if (!m.matches() || !m.group(1).equals(latency ? DURATION_BUCKET : REQUESTS)) {
        continue;
      }
      Map<String, String> labels = labels(m.group(2));
      if (!context.canary().equals(labels.get("backend"))
          || !context.route().name().equals(labels.get("route"))
          || !context.route().namespace().equals(labels.get("route_namespace"))) {
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(m.group(3));
      } catch (NumberFormatException e) {
        continue;
      }
      if (latency) {
        String le = labels.getOrDefault("le", "");
        double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        out.merge(bound, value, Double::sum);
      } else {
        out.merge(0.0, value, Double::sum);
        if (labels.getOrDefault("code", "").startsWith("5")) {
          out.merge(5.0, value, Double::sum);
        }
      }
    }
    return out;
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> out = new java.util.HashMap<>();
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      out.put(
          m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
    }
    return out;
  }

  @Override
  public String toString() {
    return "GatewayMetricsProvider{" + (latency ? "p95" : "errorRate") + ", " + url + "}";
  }
}
