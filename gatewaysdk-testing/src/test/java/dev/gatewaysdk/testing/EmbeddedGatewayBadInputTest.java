package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input and bad backends end only their own request, with the status HTTP says (RFC 9110, RFC
 * 9112); each test checks that the next request still flows. Complements {@code
 * EmbeddedGatewayTrafficTest.badInputAndBadBackendsEndOnlyTheirRequest} (garbage, 431, hang,
 * reset).
 */
@GatewayApiTest
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedGatewayBadInputTest {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  /**
   * Gateway {@code gw} with an HTTPRoute: {@code /bad} to a backend answering every connection with
   * {@code badAnswer} (then closing), the rest to an echo backend {@code app}.
   */
  URI gateway(String badAnswer) throws IOException {
    EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080);
    closeables.add(app);
    ServerSocket bad = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeables.add(bad);
    Thread t =
        new Thread(
            () -> {
              while (!bad.isClosed()) {
                try (Socket s = bad.accept()) {
                  InputStream in = s.getInputStream();
                  byte[] head = new byte[4096];
                  int n = 0;
                  // read the request head, then answer
                  while (n < 4
                      || !new String(head, 0, n, StandardCharsets.ISO_8859_1)
                          .contains("\r\n\r\n")) {
                    int r = in.read(head, n, head.length - n);
                    if (r < 0) {
                      break;
                    }
                    n += r;
                  }
                  OutputStream out = s.getOutputStream();
                  out.write(badAnswer.getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (IOException e) {
                  // closed
                }
              }
            },
            "bad-backend");
    t.setDaemon(true);
    t.start();
    cluster.create(Fixtures.service(ns.name(), "bad", 8080));
    cluster.create(Fixtures.endpointSlice(ns.name(), "bad", bad.getLocalPort()));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.httpGateway(
                    ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
        .isProgrammed();
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: app, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /bad}}]\n"
                        + "    backendRefs: [{name: bad, port: 8080}]\n"
                        + "  - backendRefs: [{name: app, port: 8080}]\n",
                    HTTPRoute.class)))
        .isAcceptedBy("gw");
    return cluster.gateway(ns.name(), "gw").url("http");
  }

  static void stillFlows(URI u) throws IOException {
    assertThat(RawHttp.get(u, "h", "/").backend()).as("the rest keep flowing").isEqualTo("app");
  }

  @Test
  void malformedRequestsGetTheStatusHttpSays() throws Exception {
    URI u = gateway("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    assertThat(RawHttp.get(u, "h", "/" + "a".repeat(20_000)).status)
        .as("a request line over the limit")
        .isEqualTo(414);
    assertThat(
            RawHttp.raw(
                    u,
                    "POST / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: "
                        + (64L << 20)
                        + "\r\n\r\n")
                .status)
        .as("a body over the limit, refused before it is sent")
        .isEqualTo(413);
    assertThat(RawHttp.raw(u, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").status)
        .as("RFC 9112 3.2: HTTP/1.1 without Host")
        .isEqualTo(400);
    assertThat(
            RawHttp.raw(u, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n")
                .status)
        .as("RFC 9112 3.2: two Host fields")
        .isEqualTo(400);
    assertThat(
            RawHttp.raw(u, "GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\nConnection: close\r\n\r\n")
                .status)
        .as("a space in a field name")
        .isEqualTo(400);
    assertThat(RawHttp.raw(u, "GET / HTTP/1.0\r\n\r\n").backend())
        .as("HTTP/1.0 needs no Host")
        .isEqualTo("app");
    stillFlows(u);
  }

  @Test
  void aMalformedBackendResponseIs502() throws Exception {
    URI u = gateway("NOT HTTP AT ALL\r\n\r\n");
    assertThat(RawHttp.get(u, "h", "/bad").status).isEqualTo(502);
    stillFlows(u);
  }

  @Test
  void aBackendClosingMidResponseIs502() throws Exception {
    URI u = gateway("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
    assertThat(RawHttp.get(u, "h", "/bad").status).isEqualTo(502);
    stillFlows(u);
  }

  @Test
  void aClientLeavingMidRequestOrBeforeItsAnswerEndsOnlyItsConnection() throws Exception {
    URI u = gateway("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket(u.getHost(), u.getPort())) {
        s.getOutputStream()
            .write(
                (i % 2 == 0
                        ? "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\nhalf a bo"
                        : "GET / HTTP/1.1\r\nHost: h\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
      }
    }
    stillFlows(u);
  }
}
