package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP/2 streams carry bodies through the Gateway as HTTP/1.1 connections do, with each stream's
 * flow control as the back-pressure: 64 MiB uploads and downloads over h2c prior knowledge and TLS
 * ALPN h2, to h2c and HTTP/1.1 backends, never have more than a few stream windows between the
 * sender and the receiver, and a stream whose client stops reading holds back only its own backend,
 * not its siblings on the same connection.
 */
@GatewayApiTest
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedGatewayHttp2StreamingTest {
  private static final int SIZE = 64 << 20;

  /**
   * What may be on its way between a sender and a receiver at any moment, over the Gateway's 64 KiB
   * stream windows and write buffers on either side (HTTP/2 to both ends), and over loopback socket
   * buffers (an HTTP/1.1 backend). Aggregating a body would put the whole body there.
   */
  private static final long H2_BOUND = 1 << 20;

  private static final long H1_BOUND = 8 << 20;

  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();
  Http2Peers.CountingBackend h2;
  Http2Peers.CountingBackend plain;
  EmbeddedGateway gw;

  @BeforeEach
  void start() throws Exception {
    h2 = new Http2Peers.CountingBackend(true);
    plain = new Http2Peers.CountingBackend(false);
    closeables.add(h2);
    closeables.add(plain);
    EmbeddedGatewayBackendProtocolTest.service(
        cluster, ns.name(), "h2", "kubernetes.io/h2c", h2.port());
    EmbeddedGatewayBackendProtocolTest.service(cluster, ns.name(), "plain", null, plain.port());
    SelfSignedCertificate cert = SelfSignedCertificate.generate("h.example.com");
    cluster.create(Fixtures.tlsSecret(ns.name(), "h-tls", cert));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gw", cluster.gatewayClassName().orElseThrow())
                    .http("http", 80, null)
                    .https("https", 443, "h.example.com", "h-tls")
                    .build()))
        .isProgrammed();
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: r, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /h2}}]\n"
                        + "    backendRefs: [{name: h2, port: 8080}]\n"
                        + "  - backendRefs: [{name: plain, port: 8080}]\n",
                    HTTPRoute.class)))
        .isAcceptedBy("gw");
    gw = cluster.gateway(ns.name(), "gw");
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private Http2Peers.Client client(boolean tls) throws Exception {
    URI u = gw.url(tls ? "https" : "http");
    Http2Peers.Client c = new Http2Peers.Client(u.getHost(), u.getPort(), tls);
    closeables.add(c);
    return c;
  }

  /**
   * Uploads {@link #SIZE} bytes on a stream of {@code c} to {@code path}, the backend answering
   * with the length it read; returns the most bytes sent but not yet read by the backend.
   */
  private long upload(Http2Peers.Client c, Http2Peers.CountingBackend backend, String path)
      throws Exception {
    long before = backend.counted.get();
    Http2Peers.Stream s = c.open("POST", "h.example.com", path, false);
    AtomicLong lag = new AtomicLong();
    s.send(
        SIZE / Http2Peers.BLOCK.length,
        true,
        sent -> lag.accumulateAndGet(sent - (backend.counted.get() - before), Math::max));
    assertThat(s.ended.get(60, TimeUnit.SECONDS)).isPositive();
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.text()).as("the length the backend read").isEqualTo(Integer.toString(SIZE));
    return lag.get();
  }

  /**
   * Downloads {@link #SIZE} bytes from {@code path} on a stream of {@code c} that reads nothing for
   * 1.5 s first; returns what the backend wrote meanwhile, after checking every byte arrived.
   */
  private long download(Http2Peers.Client c, Http2Peers.CountingBackend backend, String path)
      throws Exception {
    long before = backend.counted.get();
    Http2Peers.Stream s = c.open("GET", "h.example.com", path + "?bytes=" + SIZE, true);
    assertThat(s.status()).isEqualTo(200);
    s.pause();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (backend.counted.get() == before && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    Thread.sleep(1500);
    long written = backend.counted.get() - before - s.received.get();
    s.resume();
    assertThat(s.ended.get(60, TimeUnit.SECONDS)).isEqualTo(SIZE);
    assertThat(s.patternHeld).as("the body arrived byte for byte").isTrue();
    return written;
  }

  @Test
  void largeBodiesStreamBothWaysOverH2cPriorKnowledge() throws Exception {
    Http2Peers.Client c = client(false);
    assertThat(upload(c, h2, "/h2/up"))
        .as("bytes on their way from the client to the h2c backend at most")
        .isLessThan(H2_BOUND);
    assertThat(download(c, h2, "/h2/down"))
        .as("bytes the h2c backend wrote that the paused client had not read")
        .isLessThan(H2_BOUND);
    assertThat(upload(c, plain, "/up")).isLessThan(H1_BOUND);
    assertThat(download(c, plain, "/down")).isLessThan(H1_BOUND);
  }

  @Test
  void largeBodiesStreamBothWaysOverTlsAlpnH2() throws Exception {
    Http2Peers.Client c = client(true);
    assertThat(upload(c, h2, "/h2/up")).isLessThan(H2_BOUND);
    assertThat(download(c, h2, "/h2/down")).isLessThan(H2_BOUND);
    assertThat(upload(c, plain, "/up")).isLessThan(H1_BOUND);
    assertThat(download(c, plain, "/down")).isLessThan(H1_BOUND);
  }

  @Test
  void anHttp11ClientStreamsALargeBodyFromAnH2cBackend() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(gw.url("http").resolve("/h2/down?bytes=" + SIZE)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    try (InputStream in = r.body()) {
      byte[] buf = new byte[Http2Peers.BLOCK.length];
      long total = 0;
      for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; total += n) {
        assertThat(java.util.Arrays.equals(buf, 0, n, Http2Peers.BLOCK, 0, n)).isTrue();
      }
      assertThat(total).isEqualTo(SIZE);
    }
  }

  /**
   * A stream whose client reads nothing holds back its own backend stream only: other streams of
   * the same client connection, to the same h2c backend connection and to an HTTP/1.1 backend,
   * complete meanwhile.
   */
  @Test
  void aStreamTheClientDoesNotReadHoldsBackOnlyItself() throws Exception {
    Http2Peers.Client c = client(false);
    Http2Peers.Stream stalled = c.open("GET", "h.example.com", "/h2/down?bytes=" + SIZE, true);
    assertThat(stalled.status()).isEqualTo(200);
    stalled.pause();
    Thread.sleep(500);
    long held = h2.counted.get();
    assertThat(held).as("what the backend wrote for the stalled stream").isLessThan(H2_BOUND);
    for (String path : List.of("/h2/down?bytes=" + (4 << 20), "/down?bytes=" + (4 << 20))) {
      Http2Peers.Stream s = c.open("GET", "h.example.com", path, true);
      assertThat(s.ended.get(30, TimeUnit.SECONDS)).as(path).isEqualTo(4 << 20);
      assertThat(s.patternHeld).isTrue();
    }
    assertThat(upload(c, h2, "/h2/up")).isLessThan(H2_BOUND);
    assertThat(stalled.received.get()).isLessThan(H2_BOUND);
    stalled.resume();
    assertThat(stalled.ended.get(60, TimeUnit.SECONDS)).isEqualTo(SIZE);
    assertThat(stalled.patternHeld).isTrue();
  }
}
