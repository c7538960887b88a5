package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backend protocols from the Service port's {@code appProtocol} (GEP-1911): {@code
 * kubernetes.io/ws} and {@code kubernetes.io/wss} (WebSocket, the latter over TLS verified as the
 * BackendTLSPolicy says) with the JDK's WebSocket client sending and receiving real frames and
 * closing, and {@code kubernetes.io/h2c} (HTTP/1.1 from the client, cleartext HTTP/2 to the
 * backend).
 */
@GatewayApiTest
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedGatewayBackendProtocolTest {
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
   * A WebSocket server (RFC 6455, written out so that nothing is taken on trust): answers the
   * upgrade with a correct {@code Sec-WebSocket-Accept}, greets with {@code <name>:welcome},
   * answers each text frame with {@code <name>:<text>} and a close frame with a close frame of the
   * same code; records the close codes it received.
   */
  static final class WebSocketEcho implements AutoCloseable {
    final ServerSocket server;
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

    WebSocketEcho(String name, SSLContext tls) throws IOException {
      server =
          tls == null
              ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
              : tls.getServerSocketFactory()
                  .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket s = server.accept();
                    Thread h = new Thread(() -> serve(name, s), "ws-" + name + "-conn");
                    h.setDaemon(true);
                    h.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "ws-" + name);
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve(String name, Socket s) {
      try (s) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        String key = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
            key = line.substring(line.indexOf(':') + 1).trim();
          }
        }
        String accept =
            Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-1")
                        .digest(
                            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                .getBytes(StandardCharsets.US_ASCII)));
        out.write(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: "
                    + accept
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        writeFrame(out, 1, (name + ":welcome").getBytes(StandardCharsets.UTF_8));
        while (true) {
          int b0 = in.readUnsignedByte();
          int b1 = in.readUnsignedByte();
          long length = b1 & 0x7f;
          if (length == 126) {
            length = in.readUnsignedShort();
          } else if (length == 127) {
            length = in.readLong();
          }
          byte[] mask = new byte[4];
          if ((b1 & 0x80) != 0) {
            in.readFully(mask);
          }
          byte[] payload = new byte[(int) length];
          in.readFully(payload);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
          int opcode = b0 & 0x0f;
          if (opcode == 1) {
            writeFrame(
                out,
                1,
                (name + ":" + new String(payload, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
          } else if (opcode == 8) {
            closeCodes.add(
                payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
            writeFrame(out, 8, payload);
            return;
          } else if (opcode == 9) {
            writeFrame(out, 10, payload);
          }
        }
      } catch (Exception e) {
        // the client went away
      }
    }

    private static String readLine(DataInputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("end of stream in the upgrade request");
        }
        if (c != '\r') {
          line.write(c);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }

    /** One unmasked, final frame (servers do not mask). */
    private static void writeFrame(OutputStream out, int opcode, byte[] payload)
        throws IOException {
      out.write(0x80 | opcode);
      if (payload.length < 126) {
        out.write(payload.length);
      } else {
        out.write(126);
        out.write(payload.length >> 8);
        out.write(payload.length & 0xff);
      }
      out.write(payload);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** The JDK's WebSocket client, collecting what arrives. */
  static final class Client implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }

    String next() throws InterruptedException {
      String t = texts.poll(10, TimeUnit.SECONDS);
      assertThat(t).as("a text frame within 10 s").isNotNull();
      return t;
    }
  }

  void service(String name, String appProtocol, int localPort) {
    service(cluster, ns.name(), name, appProtocol, localPort);
  }

  /**
   * Service {@code name} (port 8080, named {@code http}, with {@code appProtocol} unless null) and
   * an EndpointSlice pointing it at {@code 127.0.0.1:localPort}.
   */
  static void service(
      GatewayCluster cluster, String namespace, String name, String appProtocol, int localPort) {
    V1ServicePort port =
        new V1ServicePort().name("http").port(8080).targetPort(new IntOrString(8080));
    if (appProtocol != null) {
      port.appProtocol(appProtocol);
    }
    cluster.create(
        new V1Service()
            .apiVersion("v1")
            .kind("Service")
            .metadata(new V1ObjectMeta().name(name).namespace(namespace))
            .spec(new V1ServiceSpec().addPortsItem(port)));
    cluster.create(Fixtures.endpointSlice(namespace, name, localPort));
  }

  /** Gateway {@code gw} (HTTP on 80), and an HTTPRoute sending {@code /<svc>} to each service. */
  URI gatewayRoutingTo(String... services) {
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.httpGateway(
                    ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
        .isProgrammed();
    StringBuilder rules = new StringBuilder();
    for (String svc : services) {
      rules
          .append("  - matches: [{path: {type: PathPrefix, value: /")
          .append(svc)
          .append("}}]\n    backendRefs: [{name: ")
          .append(svc)
          .append(", port: 8080}]\n");
    }
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: protocols, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                        + rules,
                    HTTPRoute.class)))
        .isAcceptedBy("gw");
    return cluster.gateway(ns.name(), "gw").url("http");
  }

  /** Opens a WebSocket to {@code url}, says hello twice, closes with 1000; returns the client. */
  static Client converse(HttpClient http, URI url) throws Exception {
    Client c = new Client();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(url, c).get(10, TimeUnit.SECONDS);
    ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
    ws.sendText("again", true).get(5, TimeUnit.SECONDS);
    return c;
  }

  @Test
  void wsBackendTheUpgradeIsPassedThroughFramesFlowBothWaysAndTheCloseHandshakeCompletes()
      throws Exception {
    WebSocketEcho backend = new WebSocketEcho("ws", null);
    closeables.add(backend);
    service("ws", "kubernetes.io/ws", backend.port());
    URI gw = gatewayRoutingTo("ws");
    URI url = URI.create("ws://" + gw.getHost() + ":" + gw.getPort() + "/ws/chat");

    Client c = new Client();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(url, c)
            .get(10, TimeUnit.SECONDS); // the JDK checks Sec-WebSocket-Accept
    assertThat(c.next()).as("a frame the backend sends unasked").isEqualTo("ws:welcome");
    ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
    assertThat(c.next()).isEqualTo("ws:hello");
    ws.sendText("x".repeat(1000), true).get(5, TimeUnit.SECONDS);
    assertThat(c.next()).as("a frame with a 16-bit length").isEqualTo("ws:" + "x".repeat(1000));
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    assertThat(backend.closeCodes.poll(10, TimeUnit.SECONDS))
        .as("the client's close frame reached the backend")
        .isEqualTo(1000);
    assertThat(c.closed.get(10, TimeUnit.SECONDS))
        .as("the backend's close frame reached the client")
        .isEqualTo(1000);
  }

  @Test
  void wssBackendIsReachedOverTlsVerifiedByItsBackendTlsPolicy() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.generate("chat.example.com");
    SelfSignedCertificate stranger = SelfSignedCertificate.generate("chat.example.com");
    WebSocketEcho backend = new WebSocketEcho("wss", TlsCalls.serverContext(cert));
    closeables.add(backend);
    for (String svc : List.of("wss", "wrongca")) {
      service(svc, "kubernetes.io/wss", backend.port());
    }
    Map<String, SelfSignedCertificate> cas = Map.of("wss", cert, "wrongca", stranger);
    for (Map.Entry<String, SelfSignedCertificate> ca : cas.entrySet()) {
      cluster.create(
          new V1ConfigMap()
              .apiVersion("v1")
              .kind("ConfigMap")
              .metadata(new V1ObjectMeta().name(ca.getKey() + "-ca").namespace(ns.name()))
              .putDataItem("ca.crt", ca.getValue().certificatePem()));
      cluster.create(
          TlsCalls.backendTlsPolicy(
              ns.name(), ca.getKey(), ca.getKey() + "-ca", "chat.example.com"));
    }
    URI gw = gatewayRoutingTo("wss", "wrongca");
    String base = "ws://" + gw.getHost() + ":" + gw.getPort();

    Client c = converse(HttpClient.newHttpClient(), URI.create(base + "/wss/chat"));
    assertThat(c.next()).isEqualTo("wss:welcome");
    assertThat(c.next()).isEqualTo("wss:hello");
    assertThat(c.next()).isEqualTo("wss:again");

    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create(base + "/wrongca/chat"), new Client())
                    .get(10, TimeUnit.SECONDS))
        .as("a certificate the policy's CA did not sign: no tunnel")
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(502));
  }

  @Test
  void wssBackendWithoutABackendTlsPolicyIsAnInvalidBackend() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.generate("chat.example.com");
    WebSocketEcho backend = new WebSocketEcho("wss", TlsCalls.serverContext(cert));
    closeables.add(backend);
    service("wss", "kubernetes.io/wss", backend.port());
    URI gw = gatewayRoutingTo("wss");

    HttpResponse<String> plain =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(gw.resolve("/wss/page")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode())
        .as("GEP-1911: wss from an HTTPRoute needs a BackendTLSPolicy; without one, 500")
        .isEqualTo(500);
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                        URI.create("ws://" + gw.getHost() + ":" + gw.getPort() + "/wss/chat"),
                        new Client())
                    .join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(500));
  }

  @Test
  void webSocketFromATlsClientThroughAnHttpsListenerKeepsTheClientsTls() throws Exception {
    SelfSignedCertificate site = SelfSignedCertificate.generate("chat.example.com");
    WebSocketEcho backend = new WebSocketEcho("ws", null);
    closeables.add(backend);
    service("ws", "kubernetes.io/ws", backend.port());
    cluster.create(Fixtures.tlsSecret(ns.name(), "site", site));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "secure", cluster.gatewayClassName().orElseThrow())
                    .https("https", 443, null, "site")
                    .build()))
        .isProgrammed();
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: chat, namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: secure}]\n"
                        + "  rules: [{backendRefs: [{name: ws, port: 8080}]}]\n",
                    HTTPRoute.class)))
        .isAcceptedBy("secure");
    EmbeddedGateway secure = cluster.gateway(ns.name(), "secure");
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new Trusting(site)}, null);
    HttpClient http =
        HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    Client c =
        converse(
            http, URI.create("wss://" + secure.address() + ":" + secure.port("https") + "/chat"));
    assertThat(c.next()).isEqualTo("ws:welcome");
    assertThat(c.next()).isEqualTo("ws:hello");
    assertThat(c.next()).isEqualTo("ws:again");
  }

  /**
   * Trusts exactly {@code certificate}, whatever the name asked: the client connects to the
   * Gateway's IP address, which the certificate does not name.
   */
  static final class Trusting extends javax.net.ssl.X509ExtendedTrustManager {
    private final java.security.cert.X509Certificate certificate;

    Trusting(SelfSignedCertificate certificate) {
      this.certificate = certificate.certificate();
    }

    private void check(java.security.cert.X509Certificate[] chain)
        throws java.security.cert.CertificateException {
      if (chain.length == 0 || !chain[0].equals(certificate)) {
        throw new java.security.cert.CertificateException("not the listener's certificate");
      }
    }

    @Override
    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(
        java.security.cert.X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(
        java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws java.security.cert.CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(
        java.security.cert.X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(
        java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public java.security.cert.X509Certificate[] getAcceptedIssuers() {
      return new java.security.cert.X509Certificate[] {certificate};
    }
  }

  @Test
  void h2cBackendGetsHttp2FromAnHttp11Client() throws Exception {
    GrpcEcho h2 = new GrpcEcho("h2only");
    closeables.add(h2);
    service("h2", "kubernetes.io/h2c", h2.port());
    service("plain", null, h2.port());
    URI gw = gatewayRoutingTo("h2", "plain");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(gw.resolve("/h2/x"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(GrpcEcho.frame("ping").array(), 0, 9))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(GrpcEcho.unframe(io.netty.buffer.Unpooled.wrappedBuffer(r.body())))
        .as("the HTTP/2-only backend answered")
        .startsWith("h2only /h2/x ");
    assertThat(
            http.send(
                    HttpRequest.newBuilder(gw.resolve("/plain/x")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .as("without appProtocol the Gateway speaks HTTP/1.1, which that backend refuses")
        .isEqualTo(502);
    assertThat(h2.calls.get()).isEqualTo(1);
  }
}
