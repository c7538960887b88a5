package dev.gatewaysdk.testing.internal.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The data plane's metrics in the Prometheus text format (0.0.4): {@value #REQUESTS} (a counter per
 * Gateway, listener, route, rule, backend and response code) and {@value #DURATION} (a histogram of
 * the time from sending a request to a backend to its complete response, per backend). Thread-safe,
 * lock-free on the request path.
 */
final class Metrics {
  static final String REQUESTS = "gatewaysdk_gateway_requests_total";
  static final String DURATION = "gatewaysdk_gateway_backend_request_duration_seconds";
  static final double[] BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Map<String, Series> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> durations = new ConcurrentHashMap<>();

  /**
   * The request counters of one label set, by response code. Resolved when the route table is
   * compiled (the same labels give the same series, so counts survive configuration changes); the
   * request path only increments.
   */
  static final class Series {
    final java.util.concurrent.atomic.AtomicReferenceArray<LongAdder> byCode =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(600);

    void inc(int code) {
      int c = code < 100 || code > 599 ? 0 : code;
      LongAdder a = byCode.get(c);
      if (a == null) {
        byCode.compareAndSet(c, null, new LongAdder());
        a = byCode.get(c);
      }
      a.increment();
    }
  }

  Series requests(String labels) {
    return requests.computeIfAbsent(labels, k -> new Series());
  }

  Histogram durations(String labels) {
    return durations.computeIfAbsent(labels, k -> new Histogram());
  }

  static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observeNanos(long nanos) {
      observe(nanos / 1e9);
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }
  }

  /** Label text of a request (without {@code code}); computed once per route rule and backend. */
  static String requestLabels(
      String gatewayNs,
      String gateway,
      String listener,
      RouteTable.Rule rule,
      RouteTable.Backend b) {
    return "gateway_namespace=\""
        + esc(gatewayNs)
        + "\",gateway=\""
        + esc(gateway)
        + "\",listener=\""
        + esc(listener)
        + "\",route_kind=\""
        + (rule == null ? "" : rule.routeKind)
        + "\",route_namespace=\""
        + (rule == null ? "" : esc(rule.routeNamespace))
        + "\",route=\""
        + (rule == null ? "" : esc(rule.routeName))
        + "\",rule=\""
        + (rule == null ? "" : esc(rule.ruleName))
        + "\",backend_namespace=\""
        + (b == null ? "" : esc(b.namespace()))
        + "\",backend=\""
        + (b == null ? "" : esc(b.name()))
        + "\"";
  }

  static String durationLabels(
      String gatewayNs, String gateway, RouteTable.Rule rule, RouteTable.Backend b) {
    return "gateway_namespace=\""
        + esc(gatewayNs)
        + "\",gateway=\""
        + esc(gateway)
        + "\",route_namespace=\""
        + esc(rule.routeNamespace)
        + "\",route=\""
        + esc(rule.routeName)
        + "\",backend_namespace=\""
        + esc(b.namespace())
        + "\",backend=\""
        + esc(b.name())
        + "\"";
  }

  String scrape() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("# HELP ")
        .append(REQUESTS)
        .append(" Requests the embedded Gateway answered, by route, backend and response code.\n");
    sb.append("# TYPE ").append(REQUESTS).append(" counter\n");
    for (Map.Entry<String, Series> e : new TreeMap<>(requests).entrySet()) {
      for (int c = 0; c < 600; c++) {
        LongAdder a = e.getValue().byCode.get(c);
        if (a != null) {
          sb.append(REQUESTS)
              .append('{')
              .append(e.getKey())
              .append(",code=\"")
              .append(c)
              .append("\"} ")
              .append(a.sum())
              .append('\n');
        }
      }
    }
    sb.append("# HELP ")
        .append(DURATION)
        .append(" Time from sending a request to a backend to its complete response.\n");
    sb.append("# TYPE ").append(DURATION).append(" histogram\n");
    for (Map.Entry<String, Histogram> e : new TreeMap<>(durations).entrySet()) {
      Histogram h = e.getValue();
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += h.buckets[i].sum();
        sb.append(DURATION)
            .append("_bucket{")
            .append(e.getKey())
            .append(",le=\"")
            .append(BUCKETS[i])
            .append("\"} ")
            .append(cumulative)
            .append('\n');
      }
      long count = Math.max(h.count.sum(), cumulative);
      sb.append(DURATION)
          .append("_bucket{")
          .append(e.getKey())
          .append(",le=\"+Inf\"} ")
          .append(count)
          .append('\n');
      sb.append(DURATION)
          .append("_sum{")
          .append(e.getKey())
          .append("} ")
          .append(h.sum.sum())
          .append('\n');
      sb.append(DURATION)
          .append("_count{")
          .append(e.getKey())
          .append("} ")
          .append(count)
          .append('\n');
    }
    return sb.toString();
  }

  private static String esc(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
