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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bodies larger than one chunk stream through the Gateway with back-pressure instead of being held
 * whole: a backend counting the bytes it has read or written shows that a 50 MiB upload reaches it
 * while the client is still sending, and that a client not reading a 50 MiB download stops the
 * backend long before the end.
 */
@GatewayApiTest
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedGatewayStreamingTest {
  private static final int SIZE = 50 << 20;

  GatewayCluster cluster;
  TestNamespace ns;
  ServerSocket backend;

  /** Body bytes the backend has read (uploads) or written (downloads). */
  final AtomicLong counted = new AtomicLong();

  URI gateway;

  @BeforeEach
  void start() throws Exception {
    backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "counting-backend");
    t.setDaemon(true);
    t.start();
    cluster.create(Fixtures.service(ns.name(), "counting", 8080));
    cluster.create(Fixtures.endpointSlice(ns.name(), "counting", backend.getLocalPort()));
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
                        + "metadata: {name: counting, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: gw}]\n"
                        + "  rules: [{backendRefs: [{name: counting, port: 8080}]}]\n",
                    HTTPRoute.class)))
        .isAcceptedBy("gw");
    gateway = cluster.gateway(ns.name(), "gw").url("http");
  }

  @AfterEach
  void stop() throws IOException {
    backend.close();
  }

  /**
   * One request per connection: {@code POST} reads the declared body and answers with its length;
   * {@code GET} answers with {@link #SIZE} bytes of a repeating pattern, written 64 KiB at a time
   * through a small send buffer.
   */
  private void serve() {
    while (!backend.isClosed()) {
      try (Socket s = backend.accept()) {
        s.setSendBufferSize(64 << 10);
        InputStream in = s.getInputStream();
        String head = RawHttp.head(in);
        OutputStream out = s.getOutputStream();
        if (head.startsWith("POST")) {
          long length = RawHttp.contentLength(head);
          byte[] buf = new byte[64 << 10];
          long read = 0;
          while (read < length) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, length - read));
            if (n < 0) {
              break;
            }
            read += n;
            counted.addAndGet(n);
          }
          byte[] body = Long.toString(read).getBytes(StandardCharsets.US_ASCII);
          out.write(
              ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(body);
        } else {
          out.write(
              ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + SIZE + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          byte[] block = pattern(64 << 10);
          for (int i = 0; i < SIZE / block.length; i++) {
            out.write(block);
            counted.addAndGet(block.length);
          }
        }
        out.flush();
      } catch (IOException e) {
        // the client or the test went away
      }
    }
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % 251);
    }
    return b;
  }

  /** Waits up to 10 s for {@link #counted} to pass {@code bytes}. */
  private boolean countedPasses(long bytes) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (counted.get() <= bytes && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return counted.get() > bytes;
  }

  @Test
  void aLargeUploadReachesTheBackendWhileTheClientIsStillSending() throws Exception {
    try (Socket s = new Socket(gateway.getHost(), gateway.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: " + SIZE + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] block = pattern(1 << 20);
      for (int i = 0; i < 4; i++) {
        out.write(block);
      }
      out.flush();
      assertThat(countedPasses(1 << 20))
          .as(
              "the backend reads the body before the client has sent all of it (%d bytes read)",
              counted.get())
          .isTrue();
      for (int i = 4; i < SIZE / block.length; i++) {
        out.write(block);
      }
      out.flush();
      InputStream in = s.getInputStream();
      String head = RawHttp.head(in);
      assertThat(head).startsWith("HTTP/1.1 200");
      byte[] body = in.readNBytes((int) RawHttp.contentLength(head));
      assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(Integer.toString(SIZE));
    }
    assertThat(RawHttp.request(gateway, "POST", "h", "/small", "hello").body)
        .as("a small body on a new connection")
        .isEqualTo("5");
  }

  @Test
  void aLargeDownloadStreamsAndASlowReaderHoldsTheBackendBack() throws Exception {
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(64 << 10);
      s.connect(new java.net.InetSocketAddress(gateway.getHost(), gateway.getPort()), 5000);
      s.setSoTimeout(30_000);
      s.getOutputStream()
          .write("GET /download HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      String head = RawHttp.head(in);
      assertThat(head).startsWith("HTTP/1.1 200");
      assertThat(RawHttp.contentLength(head)).isEqualTo(SIZE);
      assertThat(countedPasses(1 << 20)).as("the backend started writing").isTrue();
      Thread.sleep(1500); // the client reads nothing meanwhile
      assertThat(counted.get())
          .as("bytes the backend could write while the client read none of the body")
          .isLessThan(8 << 20);
      byte[] expected = pattern(64 << 10);
      byte[] buf = new byte[64 << 10];
      long total = 0;
      while (total < SIZE) {
        int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, SIZE - total));
        if (n <= 0) {
          break;
        }
        assertThat(java.util.Arrays.equals(buf, 0, n, expected, 0, n))
            .as("bytes %d..%d", total, total + n)
            .isTrue();
        total += n;
      }
      assertThat(total).isEqualTo(SIZE);
      // the connection is still usable: keep-alive after a streamed response
      s.getOutputStream()
          .write(
              "POST /again HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                  .getBytes(StandardCharsets.US_ASCII));
      String again = RawHttp.head(in);
      assertThat(again).startsWith("HTTP/1.1 200");
      assertThat(
              new String(
                  in.readNBytes((int) RawHttp.contentLength(again)), StandardCharsets.US_ASCII))
          .isEqualTo("3");
    }
  }
}
