package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server to put behind a Service for the embedded Gateway, like the conformance
 * suite's echo backend: it answers every request with JSON naming itself and echoing what it
 * received — {@code {"backend", "method", "path" (with query), "host", "body", "headers"
 * (lower-case names)}} — and the header {@code X-Backend: <name>}. A request header {@code
 * X-Echo-Status: <code>} sets the response status. Thread-safe; close it with the test.
 *
 * <pre>{@code
 * try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
 *   // an HTTPRoute with backendRef app:8080 now reaches it; app.requests() counts what arrived
 * }
 * }</pre>
 */
public final class EchoBackend implements AutoCloseable {
  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();

  private EchoBackend(String name) throws IOException {
    this.name = name;
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
          requests.incrementAndGet();
          byte[] in;
          try (InputStream is = x.getRequestBody()) {
            in = is.readAllBytes();
          }
          ObjectNode o = Kube.JSON.createObjectNode();
          o.put("backend", name);
          o.put("method", x.getRequestMethod());
          o.put(
              "path",
              x.getRequestURI().getRawPath()
                  + (x.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + x.getRequestURI().getRawQuery()));
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
          int code = 200;
          try {
            code = status == null ? 200 : Integer.parseInt(status.trim());
          } catch (NumberFormatException e) {
            code = 400;
          }
          x.sendResponseHeaders(code < 100 || code > 599 ? 400 : code, out.length);
          x.getResponseBody().write(out);
          x.close();
        });
    server.start();
  }

  /**
   * Starts an echo backend named {@code name} on {@code 127.0.0.1} and a free port.
   *
   * @throws UncheckedIOException if no socket can be opened
   */
  public static EchoBackend start(String name) {
    try {
      return new EchoBackend(name);
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
    EchoBackend b = start(service);
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

  /** Its port on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests received so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
