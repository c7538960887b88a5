package dev.gatewaysdk.canary;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}, which {@code .ci/run} installs) on a
 * loopback port, scraping one target every second. Tests using it are skipped, with the reason,
 * where the binary is missing.
 */
final class RealPrometheus implements AutoCloseable {
  private static final Path BINARY =
      Path.of(System.getProperty("gatewaysdk.prometheus", "/usr/bin/prometheus"));

  private final Process process;
  private final URI url;
  private final Path log;

  private RealPrometheus(Process process, URI url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts Prometheus in {@code dir} scraping {@code metrics} (an http URL with its path) every
   * second.
   */
  static RealPrometheus scraping(URI metrics, Path dir) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(BINARY),
        "no Prometheus at " + BINARY + " (apt-get install prometheus; .ci/run does)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global: {scrape_interval: 1s, evaluation_interval: 1s}",
            "scrape_configs:",
            "  - job_name: gateway",
            "    metrics_path: " + metrics.getPath(),
            "    static_configs: [{targets: ['"
                + metrics.getHost()
                + ":"
                + metrics.getPort()
                + "']}]",
            ""));
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    RealPrometheus prometheus = new RealPrometheus(p, URI.create("http://127.0.0.1:" + port), log);
    prometheus.awaitReady();
    return prometheus;
  }

  URI url() {
    return url;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prometheus exited: " + Files.readString(log));
      }
      try {
        HttpRequest ready =
            HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("Prometheus not ready within 30 s: " + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
