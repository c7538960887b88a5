package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.EmbeddedGateway;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Gateway's data plane against nginx, in one run on this machine (a load benchmark,
 * not JMH): the same backend (an nginx {@code return 200} server on loopback), the same route
 * (PathPrefix /), the same load tool ({@code wrk}) against the backend directly, nginx as a reverse
 * proxy (keep-alive upstream) and the embedded Gateway; then the delay from a weight change
 * accepted by the API server to the first request routed by it, and the heap of a Gateway with 100
 * routes and 1,000 idle keep-alive connections. The backend and the nginx reverse proxy are
 * separate nginx instances, so both proxies reach the same backend process across processes. Prints
 * Markdown tables for {@code docs/benchmarks.md}, with what each target costs per request ({@link
 * Cost}: CPU, allocation, GC pauses), which varies less with the machine's load than requests/s.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * GATEWAYSDK_CRDS=/path/to/gateway-api java -cp benchmarks/target/benchmarks.jar dev.gatewaysdk.benchmarks.GatewayProxyBenchmark
 * </pre>
 *
 * Options (system properties): {@code -Dduration=10} seconds per wrk run, {@code -Dconnections=50},
 * {@code -Dthreads=2}, {@code -Drounds=3} (alternating runs per target), {@code
 * -Dnginx=/usr/sbin/nginx}.
 */
public final class GatewayProxyBenchmark {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern PCT =
      Pattern.compile("\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)");

  private GatewayProxyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int duration = Integer.getInteger("duration", 10);
    int connections = Integer.getInteger("connections", 50);
    int threads = Integer.getInteger("threads", 2);
    int rounds = Integer.getInteger("rounds", 3);
    String nginx = System.getProperty("nginx", "/usr/sbin/nginx");
    if (!Files.isExecutable(Path.of(nginx)) || !Files.isExecutable(Path.of("/usr/bin/wrk"))) {
      System.err.println("needs " + nginx + " and /usr/bin/wrk");
      System.exit(2);
    }
    int backendA = freePort();
    int backendB = freePort();
    int proxy = freePort();
    Path dir = Files.createTempDirectory("gatewaysdk-bench-nginx");
    // The backend and the reverse proxy are separate nginx instances (2 workers each), so that the
    // backend is the same process for all three targets and each proxy reaches it across processes.
    Process backendNginx =
        startNginx(nginx, dir, "backend", backendServers(backendA, backendB), backendA);
    Process proxyNginx;
    try {
      proxyNginx = startNginx(nginx, dir, "proxy", proxyServer(backendA, proxy), proxy);
    } catch (Exception e) {
      stop(backendNginx);
      throw e;
    }
    try (GatewayCluster cluster = GatewayCluster.start(GatewayClusterOptions.builder().build())) {
      String ns = cluster.createTestNamespace("bench");
      for (String[] b :
          new String[][] {{"a", Integer.toString(backendA)}, {"b", Integer.toString(backendB)}}) {
        cluster.create(Fixtures.service(ns, "backend-" + b[0], 8080));
        cluster.create(Fixtures.endpointSlice(ns, "backend-" + b[0], Integer.parseInt(b[1])));
      }
      Gateway gw =
          cluster.create(
              Fixtures.httpGateway(ns, "gw", cluster.gatewayClassName().orElseThrow(), 8080));
      HTTPRoute route =
          cluster.create(
              HTTPRoute.builder()
                  .name("bench")
                  .namespace(ns)
                  .parentRef("gw")
                  .rule(
                      r ->
                          r.pathPrefix("/")
                              .backend("backend-a", 8080, 1)
                              .backend("backend-b", 8080, 0))
                  .build());
      EmbeddedGateway embedded = cluster.gateway(ns, "gw");
      URI gatewayUrl = awaitUrl(embedded);
      awaitBody(gatewayUrl, "a");

      System.out.printf(
          Locale.ROOT,
          "## Proxy throughput and added latency%n%nwrk -t%d -c%d -d%ds --latency, %d alternating rounds; "
              + "Java %s, %d CPUs; the backend and the nginx reverse proxy separate nginx instances of 2 worker processes each, the Gateway with 2 event loops%n%n",
          threads,
          connections,
          duration,
          rounds,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      String[] names = {"backend directly", "nginx (reverse proxy)", "embedded Gateway"};
      String[] urls = {
        "http://127.0.0.1:" + backendA + "/",
        "http://127.0.0.1:" + proxy + "/",
        gatewayUrl.toString()
      };
      String loadBefore = loadAverage();
      // warm-up: the JIT compiles the data plane's path (and the API server finishes compiling CRD
      // schemas in
      // the background) before anything is measured
      wrk(urls[2], threads, connections, Math.max(10, duration));
      double[][] results = new double[3][3];
      Cost[] costs = {new Cost(), new Cost(), new Cost()};
      List<String> rows = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (int t = 0; t < 3; t++) {
          Cost.Snapshot before = Cost.snapshot(backendNginx, proxyNginx);
          double[] r = wrk(urls[t], threads, connections, duration);
          costs[t].add(before, Cost.snapshot(backendNginx, proxyNginx), (long) r[3]);
          rows.add(
              String.format(
                  Locale.ROOT,
                  "| %d | %s | %.0f | %.3f | %.3f |",
                  round + 1,
                  names[t],
                  r[0],
                  r[1],
                  r[2]));
          for (int k = 0; k < 3; k++) {
            results[t][k] += r[k] / rounds;
          }
        }
      }
      System.out.println(
          "| round | target | requests/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |");
      rows.forEach(System.out::println);
      System.out.println();
      System.out.println(
          "| target | requests/s (mean) | p50 ms | p99 ms | added p50 ms | added p99 ms |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      for (int t = 0; t < 3; t++) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.3f | %.3f | %s | %s |%n",
            names[t],
            results[t][0],
            results[t][1],
            results[t][2],
            t == 0 ? "-" : String.format(Locale.ROOT, "%.3f", results[t][1] - results[0][1]),
            t == 0 ? "-" : String.format(Locale.ROOT, "%.3f", results[t][2] - results[0][2]));
      }
      Cost.print(names, costs);
      double addedNginx = results[1][2] - results[0][2];
      double addedGateway = results[2][2] - results[0][2];
      System.out.printf(
          Locale.ROOT,
          "%nGateway / nginx: throughput %.2fx, added p99 %s; load average %s before, %s after%n%n",
          results[2][0] / results[1][0],
          addedNginx > 0 && addedGateway > 0
              ? String.format(Locale.ROOT, "%.2fx", addedGateway / addedNginx)
              : "not measurable (a proxy's p99 at or below the backend's own: scheduling noise"
                  + " of other processes dominates p99)",
          loadBefore,
          loadAverage());

      weightChangeDelay(cluster, ns, gatewayUrl);
      heap(cluster, ns, embedded);
    } finally {
      stop(proxyNginx);
      stop(backendNginx);
    }
  }

  /**
   * Flips the weights 100 times; each time, the delay from the update call's return to the first
   * request routed by it.
   */
  private static void weightChangeDelay(GatewayCluster cluster, String ns, URI url)
      throws Exception {
    RouteManager routes = RouteManager.create(cluster.client());
    RouteRef ref = RouteRef.httpRoute(ns, "bench");
    int n = 100;
    long[] delays = new long[n];
    try (Socket s = new Socket(url.getHost(), url.getPort())) {
      s.setTcpNoDelay(true);
      for (int i = 0; i < n; i++) {
        String next = i % 2 == 0 ? "b" : "a";
        routes.updateCanaryWeight(
            ref, "backend-a", next.equals("a") ? 1 : 0, "backend-b", next.equals("b") ? 1 : 0);
        long accepted = System.nanoTime();
        while (!get(s, url).startsWith("hello from " + next)) {
          // keep asking until the new weights route the request
        }
        delays[i] = System.nanoTime() - accepted;
      }
    }
    Arrays.sort(delays);
    System.out.printf(
        Locale.ROOT,
        "## Weight change to first routed request%n%n%d changes (RouteManager.updateCanaryWeight, "
            + "then requests on one keep-alive connection until one reaches the new backend): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
        n,
        delays[n / 2] / 1e6,
        delays[(int) (n * 0.99) - 1] / 1e6,
        delays[n - 1] / 1e6);
  }

  /**
   * 100 more routes and 1,000 idle keep-alive connections: heap after a full GC, before and after.
   */
  private static void heap(GatewayCluster cluster, String ns, EmbeddedGateway gw) throws Exception {
    long before = usedHeapAfterGc();
    for (int i = 0; i < 100; i++) {
      int k = i;
      cluster.create(
          HTTPRoute.builder()
              .name("r" + k)
              .namespace(ns)
              .parentRef("gw")
              .hostname("host" + k + ".example.com")
              .rule(r -> r.pathPrefix("/p" + k).backend("backend-a", 8080, 1))
              .build());
    }
    URI url = gw.url("http");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<Socket> sockets = new ArrayList<>();
    try {
      Socket probe = new Socket(url.getHost(), url.getPort());
      sockets.add(probe);
      while (!getHost(probe, url, "host99.example.com", "/p99").startsWith("hello from a")
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long routes = usedHeapAfterGc();
      for (int i = 1; i < 1000; i++) {
        Socket s = new Socket(url.getHost(), url.getPort());
        getHost(s, url, "host" + (i % 100) + ".example.com", "/p" + (i % 100));
        sockets.add(s);
      }
      long connections = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "## Heap%n%nUsed heap after a full GC, whole JVM (API server, controller, data plane, benchmark):"
              + " before %.1f MiB; with 101 routes %.1f MiB; with 1,000 idle keep-alive connections (each served one request) %.1f MiB"
              + " (+%.1f MiB for the routes, +%.1f MiB for the connections)%n",
          before / 1048576.0,
          routes / 1048576.0,
          connections / 1048576.0,
          (routes - before) / 1048576.0,
          (connections - routes) / 1048576.0);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String get(Socket s, URI url) throws IOException {
    return getHost(s, url, "bench.example.com", "/");
  }

  /**
   * One keep-alive GET on {@code s}; returns the body (the backends answer with Content-Length).
   */
  private static String getHost(Socket s, URI url, String host, String path) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      head.append((char) c);
    }
    Matcher m = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    byte[] body = in.readNBytes(length);
    return new String(body, StandardCharsets.US_ASCII);
  }

  private static URI awaitUrl(EmbeddedGateway gw) throws InterruptedException {
    for (int i = 0; ; i++) {
      try {
        return gw.url("http");
      } catch (IllegalStateException | IllegalArgumentException e) {
        if (i > 300) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void awaitBody(URI url, String backend) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (Socket s = new Socket(url.getHost(), url.getPort())) {
        if (get(s, url).startsWith("hello from " + backend)) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the Gateway does not route to backend " + backend);
  }

  /** {requests/s, p50 ms, p99 ms, requests} of one wrk run. */
  private static double[] wrk(String url, int threads, int connections, int seconds)
      throws Exception {
    Process p =
        new ProcessBuilder(
                "/usr/bin/wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher rps = RPS.matcher(out);
    if (!rps.find()) {
      throw new IllegalStateException("unexpected wrk output: " + out);
    }
    Matcher n = REQUESTS.matcher(out);
    double[] r = {
      Double.parseDouble(rps.group(1)), 0, 0, n.find() ? Long.parseLong(n.group(1)) : 0
    };
    Matcher m = PCT.matcher(out);
    while (m.find()) {
      double v = Double.parseDouble(m.group(2));
      double ms = m.group(3).equals("us") ? v / 1000 : m.group(3).equals("s") ? v * 1000 : v;
      r[m.group(1).equals("50") ? 1 : 2] = ms;
    }
    if (out.contains("Non-2xx") || out.contains("Socket errors")) {
      System.err.println("wrk reported errors for " + url + ":\n" + out);
    }
    return r;
  }

  /**
   * An nginx with 2 worker processes in a directory of its own under {@code dir}, serving {@code
   * servers} (the body of its {@code http} block); returns once {@code port} accepts connections.
   */
  private static Process startNginx(String nginx, Path dir, String name, String servers, int port)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    String conf =
        "worker_processes 2;\ndaemon off;\npid "
            + home.resolve("nginx.pid")
            + ";\nerror_log "
            + home.resolve("error.log")
            + ";\n"
            + "events { worker_connections 4096; }\n"
            + "http {\n  access_log off;\n"
            + "  client_body_temp_path "
            + home
            + "/body;\n  proxy_temp_path "
            + home
            + "/proxy;\n  fastcgi_temp_path "
            + home
            + "/fastcgi;\n"
            + "  uwsgi_temp_path "
            + home
            + "/uwsgi;\n  scgi_temp_path "
            + home
            + "/scgi;\n"
            + servers
            + "}\n";
    Path file = home.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p =
        new ProcessBuilder(nginx, "-p", home.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("stdout.log").toFile())
            .start();
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return p;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    p.destroy();
    throw new IllegalStateException(
        "nginx did not start: " + Files.readString(home.resolve("stdout.log")));
  }

  /** The backends: two {@code return 200} servers. */
  private static String backendServers(int a, int b) {
    return "  server { listen 127.0.0.1:"
        + a
        + "; location / { default_type text/plain; return 200 \"hello from a\\n\"; } }\n"
        + "  server { listen 127.0.0.1:"
        + b
        + "; location / { default_type text/plain; return 200 \"hello from b\\n\"; } }\n";
  }

  /** The peer: a reverse proxy to backend a with a keep-alive upstream. */
  private static String proxyServer(int a, int proxy) {
    return "  upstream backend { server 127.0.0.1:"
        + a
        + "; keepalive 64; }\n"
        + "  server { listen 127.0.0.1:"
        + proxy
        + "; location / { proxy_pass http://backend; proxy_http_version 1.1;"
        + " proxy_set_header Connection \"\"; } }\n";
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    p.waitFor();
  }

  /** The 1-minute load average, or "?" where /proc/loadavg is missing. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
