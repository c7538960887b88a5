package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Experimental-channel HTTPRoute fields through the embedded Gateway: retries, backendRequest
 * timeouts.
 */
@GatewayApiTest(channel = Channel.EXPERIMENTAL)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayExperimentalTest {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  /** A backend answering 503 to its first {@code failures} requests, then 200 with body "ok". */
  static final class Flaky implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger seen = new AtomicInteger();

    Flaky(int failures) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                      int c = in.read();
                      if (c < 0) {
                        break;
                      }
                      head.append((char) c);
                    }
                    boolean fail = seen.incrementAndGet() <= failures;
                    String body = fail ? "no" : "ok";
                    s.getOutputStream()
                        .write(
                            ((fail ? "HTTP/1.1 503 Service Unavailable" : "HTTP/1.1 200 OK")
                                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n"
                                    + body)
                                .getBytes(StandardCharsets.US_ASCII));
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** A {@link Flaky} backend behind Service {@code flaky}. */
  Flaky flaky(int failures) throws IOException {
    Flaky flaky = new Flaky(failures);
    closeables.add(flaky);
    cluster.create(Fixtures.service(ns.name(), "flaky", 8080));
    cluster.create(Fixtures.endpointSlice(ns.name(), "flaky", flaky.socket.getLocalPort()));
    return flaky;
  }

  EmbeddedGateway gateway() {
    Gateway gw =
        cluster.create(
            Fixtures.httpGateway(ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80));
    awaitThat(cluster, gw).isProgrammed();
    return cluster.gateway(ns.name(), "gw");
  }

  HTTPRoute route(String yaml) {
    HTTPRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: r, namespace: $NS}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                        + yaml)
                    .replace("$NS", ns.name()),
                HTTPRoute.class));
    awaitThat(cluster, r).isAcceptedBy("gw");
    return r;
  }

  @Test
  void retriesRepeatRequestsAnsweredWithARetryCode() throws Exception {
    Flaky flaky = flaky(2);
    EmbeddedGateway gw = gateway();
    route(
        "  - retry: {codes: [503], attempts: 2, backoff: 10ms}\n    backendRefs: [{name: flaky, port: 8080}]\n");
    RawHttp.Response r = RawHttp.get(gw.url("http"), "h", "/");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.body).isEqualTo("ok");
    assertThat(flaky.seen.get()).isEqualTo(3);
  }

  @Test
  void retriesStopAfterTheAttempts() throws Exception {
    Flaky flaky = flaky(10);
    EmbeddedGateway gw = gateway();
    route("  - retry: {codes: [503], attempts: 1}\n    backendRefs: [{name: flaky, port: 8080}]\n");
    assertThat(RawHttp.get(gw.url("http"), "h", "/").status).isEqualTo(503);
    assertThat(flaky.seen.get()).isEqualTo(2);
  }

  @Test
  void backendRequestTimeoutEndsAHangingAttemptWith504() throws Exception {
    try (ServerSocket hang = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      cluster.create(Fixtures.service(ns.name(), "hang", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "hang", hang.getLocalPort()));
      EmbeddedGateway gw = gateway();
      route(
          "  - timeouts: {request: 5s, backendRequest: 300ms}\n    backendRefs: [{name: hang, port: 8080}]\n");
      long start = System.nanoTime();
      URI u = gw.url("http");
      assertThat(RawHttp.get(u, "h", "/").status).isEqualTo(504);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 4_000L);
    }
  }
}
