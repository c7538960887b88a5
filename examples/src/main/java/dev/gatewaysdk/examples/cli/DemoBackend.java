package dev.gatewaysdk.examples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP service on loopback standing in for one version of an application (the stable or the
 * canary Service of the demo). Every request waits {@code latency}, then answers 200 with the
 * backend's name, or 500 for the requested fraction of requests.
 *
 * <p>Errors are spread evenly rather than drawn at random: with error rate 0.25 every fourth
 * request fails. The measured error rate therefore equals the configured one over any run of
 * requests, which keeps the demo's outcome reproducible. Thread-safe; close to stop.
 */
final class DemoBackend implements AutoCloseable {
  static {
    // Without TCP_NODELAY small responses wait for the client's delayed ACK (about 40 ms), which
    // would show
    // up as latency the backend never had. Read once by the JDK server, so set before the first
    // server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final String name;
  private final double errorRate;
  private final Duration latency;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  private DemoBackend(String name, double errorRate, Duration latency) throws IOException {
    this.name = name;
    this.errorRate = errorRate;
    this.latency = latency;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    // Requests sleep for their latency: each needs its own thread, or latency would queue up.
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "demo-backend-" + name);
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a backend on a free loopback port.
   *
   * @throws IllegalArgumentException if {@code errorRate} is outside 0..1 or {@code latency} is
   *     negative
   * @throws UncheckedIOException if no port can be bound
   */
  static DemoBackend start(String name, double errorRate, Duration latency) {
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be 0..1: " + errorRate);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    try {
      return new DemoBackend(name, errorRate, latency);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start backend " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  URI uri() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/");
  }

  double errorRate() {
    return errorRate;
  }

  Duration latency() {
    return latency;
  }

  /** Requests answered so far. */
  long requests() {
    return requests.get();
  }

  /** Requests answered with 500 so far. */
  long errors() {
    return errors.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!latency.isZero()) {
        try {
          Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      long n = requests.incrementAndGet();
      // Request n fails when the running count of due errors steps up: floor(n*rate) >
      // floor((n-1)*rate).
      boolean fail = Math.floor(n * errorRate) > Math.floor((n - 1) * errorRate);
      if (fail) {
        errors.incrementAndGet();
      }
      byte[] body =
          ((fail ? "error from " : "hello from ") + name + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.getResponseHeaders().set("X-Backend", name);
      exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return name
        + " at "
        + uri()
        + " (error rate "
        + DemoReport.percent(errorRate)
        + ", latency "
        + latency.toMillis()
        + " ms)";
  }
}
