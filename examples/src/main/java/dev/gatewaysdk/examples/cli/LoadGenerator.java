package dev.gatewaysdk.examples.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends HTTP requests at a steady rate, each to the target the weights pick (the demo gives it one
 * target, the Gateway's listener), and records every response in {@link TrafficMetrics} under the
 * backend that answered ({@code X-Backend}), else the target's name. The weights come from a
 * supplier that is asked before every request, so a weight change on the API server shows up in the
 * very next request.
 *
 * <p>Backends are picked by smooth weighted round robin (as nginx does): over any run of requests
 * each backend receives its share of the weights, within one request. A backend the weights name
 * but the generator has no address for is skipped. Requests in flight are capped at {@code
 * maxInFlight}; ticks that find the cap reached are counted as {@link #dropped()} instead of piling
 * up.
 *
 * <p>Thread-safe; {@link #close()} stops sending and waits briefly for responses in flight.
 */
final class LoadGenerator implements AutoCloseable {
  private final Map<String, URI> targets;
  private final Supplier<Map<String, Integer>> weights;
  private final TrafficMetrics metrics;
  private final int requestsPerSecond;
  private final int maxInFlight;
  private final HttpClient http;
  private final ExecutorService httpExecutor;
  private final ScheduledExecutorService ticker;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Map<String, Long> current = new LinkedHashMap<>();
  private Map<String, Integer> lastWeights = Map.of();

  /**
   * @throws IllegalArgumentException if {@code requestsPerSecond} is not 1..10000 or no target is
   *     given
   */
  LoadGenerator(
      Map<String, URI> targets,
      Supplier<Map<String, Integer>> weights,
      TrafficMetrics metrics,
      int requestsPerSecond) {
    if (requestsPerSecond < 1 || requestsPerSecond > 10_000) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be 1..10000: " + requestsPerSecond);
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("targets must name at least one backend");
    }
    this.targets = Map.copyOf(targets);
    this.weights = Objects.requireNonNull(weights, "weights");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.requestsPerSecond = requestsPerSecond;
    this.maxInFlight = Math.max(16, requestsPerSecond * 2);
    this.httpExecutor = Executors.newFixedThreadPool(2, daemon("demo-load-http"));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(httpExecutor)
            .build();
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("demo-load"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts sending; returns at once. */
  LoadGenerator start() {
    long period = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
    ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
    return this;
  }

  int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Requests sent so far. */
  long sent() {
    return sent.get();
  }

  /**
   * Ticks skipped because {@code maxInFlight} requests were outstanding, or no backend had weight.
   */
  long dropped() {
    return dropped.get();
  }

  private void tick() {
    try {
      String backend = pick(weights.get());
      if (backend == null || inFlight.get() >= maxInFlight) {
        dropped.incrementAndGet();
        return;
      }
      send(backend);
    } catch (RuntimeException e) {
      // A failed weight read must not cancel the schedule (scheduleAtFixedRate stops on
      // exceptions).
      dropped.incrementAndGet();
    }
  }

  /**
   * The next backend by smooth weighted round robin over the backends with an address and a
   * positive weight; null if there is none. Not thread-safe: called from the single ticker thread
   * (and tests).
   */
  String pick(Map<String, Integer> w) {
    if (!w.equals(lastWeights)) {
      current.clear();
      lastWeights = Map.copyOf(w);
    }
    long total = 0;
    String best = null;
    long bestValue = Long.MIN_VALUE;
    for (Map.Entry<String, Integer> e : w.entrySet()) {
      int weight = e.getValue() == null ? 0 : e.getValue();
      if (weight <= 0 || !targets.containsKey(e.getKey())) {
        continue;
      }
      total += weight;
      long value = current.merge(e.getKey(), (long) weight, Long::sum);
      if (value > bestValue) {
        bestValue = value;
        best = e.getKey();
      }
    }
    if (best != null) {
      current.merge(best, -total, Long::sum);
    }
    return best;
  }

  private void send(String backend) {
    HttpRequest request =
        HttpRequest.newBuilder(targets.get(backend))
            .timeout(Duration.ofSeconds(5))
            .header("User-Agent", "gatewaysdk-demo")
            .GET()
            .build();
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    sent.incrementAndGet();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              inFlight.decrementAndGet();
              Duration latency = Duration.ofNanos(System.nanoTime() - start);
              boolean error = failure != null || response.statusCode() >= 500;
              // Through a Gateway the target is the Gateway: the backend that answered names itself
              // in X-Backend.
              String answered =
                  response == null
                      ? backend
                      : response.headers().firstValue("X-Backend").orElse(backend);
              metrics.record(answered, error, latency);
            });
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    httpExecutor.shutdownNow();
  }
}
