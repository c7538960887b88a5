package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server to put behind a Service for the embedded Gateway, like the conformance
 * suite's echo backend: it answers every request with JSON naming itself and echoing what it
 * received — {@code {"backend", "namespace" (its Service's, empty without one), "method", "path"
 * (with query), "host", "body", "headers" (lower-case names)}} — and the header {@code X-Backend:
 * <name>}. A request header {@code X-Echo-Status: <code>} sets the response status; {@code
 * X-Echo-Set-Header: Name:value,Other:value} adds those response headers, as the suite's echo
 * server does. Query parameters the suite's echo server reads work too: {@code delay=1s} (or {@code
 * 250ms}) answers after that delay (for timeouts); {@code responseCode=503&succeedAfter=2&uuid=u}
 * answers 503 to the first 2 requests carrying {@code uuid=u} and 200 after (for retries).
 * Thread-safe; close it with the test.
 *
 * <pre>{@code
 * try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
 *   // an HTTPRoute with backendRef app:8080 now reaches it; app.requests() counts what arrived
 * }
 * }</pre>
 */
public final class EchoBackend implements AutoCloseable {
  private final String name;
  private final String namespace;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();

  /** The last {@link #PATHS_KEPT} paths received, oldest first; guarded by itself. */
  private final ArrayDeque<String> paths = new ArrayDeque<>();

  private static final int PATHS_KEPT = 10_000;
  private final Map<String, AtomicInteger> failuresSeen = new ConcurrentHashMap<>();

  private EchoBackend(String namespace, String name) throws IOException {
    this.name = name;
    this.namespace = namespace;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "echo-" + name);
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(
        "/",
        x -> {
          byte[] in;
          try (InputStream is = x.getRequestBody()) {
            in = is.readAllBytes();
          }
          String path =
              x.getRequestURI().getRawPath()
                  + (x.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + x.getRequestURI().getRawQuery());
          synchronized (paths) {
            if (paths.size() == PATHS_KEPT) {
              paths.removeFirst();
            }
            paths.addLast(path);
          }
          requests.incrementAndGet();
          ObjectNode o = Kube.JSON.createObjectNode();
          o.put("backend", name);
          o.put("namespace", namespace);
          o.put("method", x.getRequestMethod());
          o.put("path", path);
          o.put("host", x.getRequestHeaders().getFirst("Host"));
          o.put("body", new String(in, StandardCharsets.UTF_8));
          ObjectNode h = o.putObject("headers");
          for (Map.Entry<String, List<String>> e : x.getRequestHeaders().entrySet()) {
            h.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
          }
          String status = x.getRequestHeaders().getFirst("X-Echo-Status");
          byte[] out = o.toString().getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().set("Content-Type", "application/json");
          x.getResponseHeaders().set("X-Backend", name);
          String set = x.getRequestHeaders().getFirst("X-Echo-Set-Header");
          if (set != null) {
            for (String pair : set.split(",")) {
              int colon = pair.indexOf(':');
              if (colon > 0) {
                x.getResponseHeaders()
                    .add(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
              }
            }
          }
          int code = 200;
          try {
            code = status == null ? 200 : Integer.parseInt(status.trim());
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            if (query.containsKey("delay")) {
              Thread.sleep(millis(query.get("delay")));
            }
            if (query.containsKey("responseCode")
                && failuresSeen
                        .computeIfAbsent(query.getOrDefault("uuid", ""), k -> new AtomicInteger())
                        .incrementAndGet()
                    <= Integer.parseInt(query.getOrDefault("succeedAfter", "0"))) {
              code = Integer.parseInt(query.get("responseCode"));
            }
          } catch (NumberFormatException e) {
            code = 400;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 503;
          }
          code = code < 100 || code > 599 ? 400 : code;
          if (code == 204 || code == 304 || "HEAD".equals(x.getRequestMethod())) {
            x.sendResponseHeaders(code, -1);
          } else {
            x.sendResponseHeaders(code, out.length);
            x.getResponseBody().write(out);
          }
          x.close();
        });
    server.start();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  /** A duration as the suite writes it: {@code 1s}, {@code 250ms}. */
  private static long millis(String duration) {
    String d = duration.trim();
    if (d.endsWith("ms")) {
      return Long.parseLong(d.substring(0, d.length() - 2));
    }
    if (d.endsWith("s")) {
      return Math.round(Double.parseDouble(d.substring(0, d.length() - 1)) * 1000);
    }
    throw new NumberFormatException("not a duration: " + duration);
  }

  /**
   * Starts an echo backend named {@code name} on {@code 127.0.0.1} and a free port.
   *
   * @throws UncheckedIOException if no socket can be opened
   */
  public static EchoBackend start(String name) {
    return start("", name);
  }

  /**
   * Starts an echo backend named {@code name} on {@code 127.0.0.1} and a free port that reports
   * {@code namespace} as its namespace.
   *
   * @throws UncheckedIOException if no socket can be opened
   */
  public static EchoBackend start(String namespace, String name) {
    try {
      return new EchoBackend(namespace, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start echo backend " + name, e);
    }
  }

  /**
   * Starts an echo backend named {@code service} and creates Service {@code service} on {@code
   * port} ({@link Fixtures#service}) with an EndpointSlice pointing at it ({@link
   * Fixtures#endpointSlice}).
   *
   * @throws UncheckedIOException if no socket can be opened
   */
  public static EchoBackend behindService(
      GatewayCluster cluster, String namespace, String service, int port) {
    EchoBackend b = start(namespace, service);
    try {
      cluster.create(Fixtures.service(namespace, service, port));
      cluster.create(Fixtures.endpointSlice(namespace, service, b.port()));
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
    return b;
  }

  /** The name it reports as {@code backend}. */
  public String name() {
    return name;
  }

  /** The namespace it reports: its Service's, or empty when started without one. */
  public String namespace() {
    return namespace;
  }

  /** Its port on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests received so far. */
  public int requests() {
    return requests.get();
  }

  /**
   * The paths (with query) of the last 10,000 requests received, in arrival order: what a test
   * reads to see that a particular request (a mirrored one, say) arrived.
   */
  public List<String> paths() {
    synchronized (paths) {
      return List.copyOf(paths);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
