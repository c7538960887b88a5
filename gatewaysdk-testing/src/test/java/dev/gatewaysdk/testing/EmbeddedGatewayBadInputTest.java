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
import java.time.Duration;
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
                        + (2L << 30)
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

  /**
   * A client too slow to send its request (half a request line, or half its declared body) gets 408
   * and a closed connection after the client read timeout, over HTTP and HTTPS, while other
   * connections flow; a keep-alive connection idle between requests gets no 408.
   */
  @Test
  void aClientTooSlowToSendItsRequestGets408AndTheRestFlow() throws Exception {
    String controller = "test.gatewaysdk.dev/read-timeout";
    String className = gatewayClass(controller);
    Duration timeout = Duration.ofMillis(800);
    SelfSignedCertificate cert = SelfSignedCertificate.generate("h.example.com");
    try (SimulatedGatewayController c =
            SimulatedGatewayController.builder()
                .controllerName(controller)
                .clientReadTimeout(timeout)
                .start(cluster.apiClient());
        EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
      EmbeddedGateway gw = slowGateway(c, className, cert);
      URI u = gw.url("http");
      try (Socket halfLine = new Socket(u.getHost(), u.getPort());
          Socket halfBody = new Socket(u.getHost(), u.getPort());
          Socket idle = new Socket(u.getHost(), u.getPort());
          Socket tls = tlsSocket(cert, gw.url("https"))) {
        long start = System.nanoTime();
        send(halfLine, "GET / HT");
        send(halfBody, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\nten bytes.");
        send(tls, "GET / HTTP/1.1\r\nHo");
        send(idle, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(readResponse(idle)).startsWith("HTTP/1.1 200");
        stillFlows(u);
        assertThat(readAll(halfLine)).as("half a request line").startsWith("HTTP/1.1 408 ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
        assertThat(readAll(halfBody)).as("half the declared body").startsWith("HTTP/1.1 408 ");
        assertThat(readAll(tls)).as("half a header over TLS").startsWith("HTTP/1.1 408 ");
        stillFlows(u);
        Thread.sleep(timeout.toMillis() * 2);
        assertThat(available(idle)).as("a keep-alive connection idle between requests").isEmpty();
        send(idle, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(readResponse(idle)).startsWith("HTTP/1.1 200");
      }
    }
  }

  /**
   * HTTP/2 clients too slow to send get the same client read timeout: a connection stalling in the
   * h2c preface, or after it without opening a stream, is closed (no HTTP/1.1 bytes: it never said
   * it speaks HTTP/1.1); a stream whose body stalls gets 408 on that stream, while a sibling stream
   * on the same connection completes and the connection serves the next stream.
   */
  @Test
  void anHttp2ClientTooSlowToSendLosesOnlyItsStreamOrItsUnopenedConnection() throws Exception {
    String controller = "test.gatewaysdk.dev/h2-read-timeout";
    String className = gatewayClass(controller);
    Duration timeout = Duration.ofMillis(800);
    try (SimulatedGatewayController c =
            SimulatedGatewayController.builder()
                .controllerName(controller)
                .clientReadTimeout(timeout)
                .start(cluster.apiClient());
        EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
      URI u =
          slowGateway(c, className, SelfSignedCertificate.generate("h.example.com")).url("http");
      try (Socket partial = new Socket(u.getHost(), u.getPort());
          Socket noStream = new Socket(u.getHost(), u.getPort());
          Http2Peers.Client client = new Http2Peers.Client(u.getHost(), u.getPort(), false)) {
        long start = System.nanoTime();
        send(partial, "PRI * HTTP/2.0\r\n");
        // the preface and an empty SETTINGS frame, then nothing
        send(noStream, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0");
        Http2Peers.Stream stalled = client.open("POST", "h", "/stalled", false);
        stalled.send("ten bytes.", false);
        Http2Peers.Stream sibling = client.open("GET", "h", "/sibling", true);
        assertThat(sibling.status()).as("a sibling stream meanwhile").isEqualTo(200);
        assertThat(sibling.ended.get(10, TimeUnit.SECONDS)).isPositive();
        assertThat(stalled.status()).as("the stalled stream").isEqualTo(408);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
        assertThat(stalled.ended.get(10, TimeUnit.SECONDS)).as("the 408's body").isPositive();
        assertThat(stalled.text()).startsWith("408 Request Timeout");
        assertThat(readAll(partial)).as("half an h2c preface: closed").doesNotContain("HTTP/1.1");
        assertThat(readAll(noStream))
            .as("an h2c connection opening no stream: closed")
            .doesNotContain("HTTP/1.1");
        Http2Peers.Stream next = client.open("GET", "h", "/next", true);
        assertThat(next.status()).as("the next stream of that connection").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      }
      stillFlows(u);
    }
  }

  /**
   * A backend that never answers gets 504 at the controller's default request timeout when the rule
   * sets none, and the rest keep flowing.
   */
  @Test
  void aHangingBackendGets504AtTheDefaultRequestTimeout() throws Exception {
    String controller = "test.gatewaysdk.dev/default-timeout";
    String className = gatewayClass(controller);
    Duration timeout = Duration.ofMillis(600);
    try (SimulatedGatewayController c =
            SimulatedGatewayController.builder()
                .controllerName(controller)
                .requestTimeout(timeout)
                .start(cluster.apiClient());
        EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080);
        ServerSocket hang = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      cluster.create(Fixtures.service(ns.name(), "hang", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "hang", hang.getLocalPort()));
      awaitThat(cluster, cluster.create(Fixtures.httpGateway(ns.name(), "d", className, 8080)))
          .isProgrammed();
      awaitThat(
              cluster,
              cluster.create(
                  Manifests.read(
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                          + "metadata: {name: d, namespace: "
                          + ns.name()
                          + "}\nspec:\n  parentRefs: [{name: d}]\n  rules:\n"
                          + "  - matches: [{path: {type: PathPrefix, value: /hang}}]\n"
                          + "    backendRefs: [{name: hang, port: 8080}]\n"
                          + "  - backendRefs: [{name: app, port: 8080}]\n",
                      HTTPRoute.class)))
          .isAcceptedBy("d");
      URI u = c.gateway(ns.name(), "d").url("http");
      long start = System.nanoTime();
      assertThat(RawHttp.get(u, "h", "/hang").status).isEqualTo(504);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(timeout)
          .isLessThan(Duration.ofSeconds(15));
      stillFlows(u);
    }
  }

  /**
   * Gateway {@code slow} of controller {@code c} (HTTP on 8080, HTTPS for h.example.com on 8443
   * with {@code cert}), its HTTPRoute sending everything to the echo backend {@code app}.
   */
  private EmbeddedGateway slowGateway(
      SimulatedGatewayController c, String className, SelfSignedCertificate cert) {
    cluster.create(Fixtures.tlsSecret(ns.name(), "h-tls", cert));
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                        + "metadata: {name: slow, namespace: "
                        + ns.name()
                        + "}\nspec:\n  gatewayClassName: "
                        + className
                        + "\n  listeners:\n  - {name: http, protocol: HTTP, port: 8080}\n"
                        + "  - {name: https, protocol: HTTPS, port: 8443, hostname: h.example.com,"
                        + " tls: {certificateRefs: [{name: h-tls}]}}\n",
                    dev.gatewaysdk.model.Gateway.class)))
        .isProgrammed();
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: slow, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: slow}]\n"
                        + "  rules: [{backendRefs: [{name: app, port: 8080}]}]\n",
                    HTTPRoute.class)))
        .isAcceptedBy("slow");
    return c.gateway(ns.name(), "slow");
  }

  /** A GatewayClass of {@code controller}, deleted after the test. */
  private String gatewayClass(String controller) {
    String name = controller.substring(controller.indexOf('/') + 1) + "-" + ns.name();
    cluster.create(
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: "
                + name
                + "}\nspec: {controllerName: "
                + controller
                + "}\n",
            dev.gatewaysdk.model.GatewayClass.class));
    closeables.add(
        () -> cluster.delete(cluster.get(dev.gatewaysdk.model.GatewayClass.class, null, name)));
    return name;
  }

  private static Socket tlsSocket(SelfSignedCertificate cert, URI u) throws Exception {
    javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
    client.init(null, TlsCalls.trusting(cert), null);
    javax.net.ssl.SSLSocket s =
        (javax.net.ssl.SSLSocket) client.getSocketFactory().createSocket(u.getHost(), u.getPort());
    javax.net.ssl.SSLParameters p = s.getSSLParameters();
    p.setServerNames(List.of(new javax.net.ssl.SNIHostName("h.example.com")));
    p.setApplicationProtocols(new String[] {"http/1.1"});
    s.setSSLParameters(p);
    s.startHandshake();
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Everything until the server closes (at most 10 s). */
  private static String readAll(Socket s) throws IOException {
    s.setSoTimeout(10_000);
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** One response with a Content-Length, leaving the connection open. */
  private static String readResponse(Socket s) throws IOException {
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    String head = RawHttp.head(in);
    long length = RawHttp.contentLength(head);
    assertThat(length).as("Content-Length in " + head).isNotNegative();
    in.readNBytes((int) length);
    return head;
  }

  /** What the server sent so far without closing: empty if nothing within 200 ms. */
  private static String available(Socket s) throws IOException {
    s.setSoTimeout(200);
    byte[] buf = new byte[4096];
    try {
      int n = s.getInputStream().read(buf);
      assertThat(n).as("the server closed the connection").isGreaterThanOrEqualTo(0);
      return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    } catch (java.net.SocketTimeoutException e) {
      return "";
    }
  }
}
