package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server answering every request with JSON naming itself and echoing what it received
 * (method, path with query, host, headers, body), like the conformance suite's echo backend. Closed with the test.
 */
final class EchoBackend implements AutoCloseable {
  final String name;
  final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  EchoBackend(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "echo-" + name);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", x -> {
      requests.incrementAndGet();
      byte[] in;
      try (InputStream is = x.getRequestBody()) {
        in = is.readAllBytes();
      }
      ObjectNode o = Kube.JSON.createObjectNode();
      o.put("backend", name);
      o.put("method", x.getRequestMethod());
      o.put("path", x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()));
      o.put("host", x.getRequestHeaders().getFirst("Host"));
      o.put("body", new String(in, StandardCharsets.UTF_8));
      ObjectNode h = o.putObject("headers");
      for (Map.Entry<String, List<String>> e : x.getRequestHeaders().entrySet()) {
        h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), String.join(",", e.getValue()));
      }
      String status = x.getRequestHeaders().getFirst("X-Echo-Status");
      byte[] out = o.toString().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.getResponseHeaders().set("X-Backend", name);
      x.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status), out.length);
      x.getResponseBody().write(out);
      x.close();
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
