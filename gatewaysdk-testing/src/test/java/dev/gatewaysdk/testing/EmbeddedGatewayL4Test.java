package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.TCPRoute;
import dev.gatewaysdk.model.UDPRoute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TCPRoute and UDPRoute (experimental channel) through the embedded Gateway's TCP and UDP
 * listeners, with real sockets.
 */
@GatewayApiTest(channel = Channel.EXPERIMENTAL)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayL4Test {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  /** A TCP server answering each line with {@code <name>:<line>}; counts connections. */
  AtomicInteger tcpBackend(String name) throws IOException {
    ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    closeables.add(server);
    AtomicInteger connections = new AtomicInteger();
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  connections.incrementAndGet();
                  Thread h =
                      new Thread(
                          () -> {
                            try (s) {
                              BufferedReader in =
                                  new BufferedReader(
                                      new InputStreamReader(
                                          s.getInputStream(), StandardCharsets.UTF_8));
                              String line;
                              while ((line = in.readLine()) != null) {
                                s.getOutputStream()
                                    .write(
                                        (name + ":" + line + "\n")
                                            .getBytes(StandardCharsets.UTF_8));
                              }
                            } catch (IOException e) {
                              // the client went away
                            }
                          });
                  h.setDaemon(true);
                  h.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    service(name, server.getLocalPort());
    return connections;
  }

  /** A UDP server answering each datagram with {@code <name>:<datagram>}; counts datagrams. */
  AtomicInteger udpBackend(String name) throws IOException {
    DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    closeables.add(server);
    AtomicInteger datagrams = new AtomicInteger();
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[2048];
              while (!server.isClosed()) {
                try {
                  DatagramPacket p = new DatagramPacket(buf, buf.length);
                  server.receive(p);
                  datagrams.incrementAndGet();
                  byte[] out =
                      (name
                              + ":"
                              + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
                          .getBytes(StandardCharsets.UTF_8);
                  server.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    service(name, server.getLocalPort());
    return datagrams;
  }

  void service(String name, int port) {
    cluster.create(Fixtures.service(ns.name(), name, 7000));
    cluster.create(Fixtures.endpointSlice(ns.name(), name, port));
  }

  EmbeddedGateway gateway() {
    Gateway g =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                        + "metadata: {name: gw, namespace: $NS}\nspec:\n  gatewayClassName: "
                        + cluster.gatewayClassName().orElseThrow()
                        + "\n"
                        + "  listeners:\n  - {name: tcp, protocol: TCP, port: 7001}\n  - {name: udp, protocol: UDP, port: 7002}\n")
                    .replace("$NS", ns.name()),
                Gateway.class));
    awaitThat(cluster, g).isProgrammed();
    return cluster.gateway(ns.name(), "gw");
  }

  void tcpRoute(String backendRefs) {
    TCPRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\n"
                        + "metadata: {name: tcp, namespace: $NS}\nspec:\n  parentRefs: [{name: gw, sectionName: tcp}]\n  rules:\n"
                        + "  - backendRefs: "
                        + backendRefs
                        + "\n")
                    .replace("$NS", ns.name()),
                TCPRoute.class));
    awaitThat(cluster, r).isAcceptedBy("gw");
  }

  void udpRoute(String backendRefs) {
    UDPRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: UDPRoute\n"
                        + "metadata: {name: udp, namespace: $NS}\nspec:\n  parentRefs: [{name: gw, sectionName: udp}]\n  rules:\n"
                        + "  - backendRefs: "
                        + backendRefs
                        + "\n")
                    .replace("$NS", ns.name()),
                UDPRoute.class));
    awaitThat(cluster, r).isAcceptedBy("gw");
  }

  static String tcpExchange(EmbeddedGateway gw, String line) throws IOException {
    try (Socket s = new Socket(gw.address(), gw.port("tcp"))) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }

  static String udpExchange(EmbeddedGateway gw, String text) throws IOException {
    try (DatagramSocket c = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      c.setSoTimeout(5_000);
      byte[] out = text.getBytes(StandardCharsets.UTF_8);
      c.send(
          new DatagramPacket(out, out.length, new InetSocketAddress(gw.address(), gw.port("udp"))));
      DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
      c.receive(in);
      return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void tcpRouteRelaysBytesBothWaysOnOneConnection() throws Exception {
    tcpBackend("db");
    EmbeddedGateway gw = gateway();
    tcpRoute("[{name: db, port: 7000}]");
    try (Socket s = new Socket(gw.address(), gw.port("tcp"))) {
      s.setSoTimeout(10_000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      s.getOutputStream().write("one\n".getBytes(StandardCharsets.UTF_8));
      assertThat(in.readLine()).isEqualTo("db:one");
      s.getOutputStream().write("two\n".getBytes(StandardCharsets.UTF_8));
      assertThat(in.readLine()).isEqualTo("db:two");
    }
  }

  @Test
  void tcpConnectionsAreSplitByWeight() throws Exception {
    AtomicInteger a = tcpBackend("a");
    AtomicInteger b = tcpBackend("b");
    AtomicInteger zero = tcpBackend("zero");
    EmbeddedGateway gw = gateway();
    tcpRoute(
        "[{name: a, port: 7000, weight: 3}, {name: b, port: 7000, weight: 1}, {name: zero, port: 7000, weight: 0}]");
    Map<String, Integer> seen = new HashMap<>();
    int n = 200;
    for (int i = 0; i < n; i++) {
      seen.merge(tcpExchange(gw, "x").split(":")[0], 1, Integer::sum);
    }
    // a's expected share 150 of 200 (sd ~6.1): 6 standard deviations either side.
    assertThat(seen.getOrDefault("a", 0)).isBetween(113, 187);
    assertThat(seen.getOrDefault("a", 0) + seen.getOrDefault("b", 0)).isEqualTo(n);
    assertThat(zero.get()).isZero();
    assertThat(a.get() + b.get()).isEqualTo(n);
  }

  @Test
  void tcpConnectionToAServiceWithoutEndpointsIsClosed() throws Exception {
    cluster.create(Fixtures.service(ns.name(), "empty", 7000));
    EmbeddedGateway gw = gateway();
    tcpRoute("[{name: empty, port: 7000}]");
    try (Socket s = new Socket(gw.address(), gw.port("tcp"))) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("x\n".getBytes(StandardCharsets.UTF_8));
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void udpRouteRelaysDatagramsAndRepliesComeBackToTheSender() throws Exception {
    AtomicInteger dns = udpBackend("dns");
    EmbeddedGateway gw = gateway();
    udpRoute("[{name: dns, port: 7000}]");
    String first = null;
    for (int i = 0; i < 20 && first == null; i++) {
      try {
        first = udpExchange(gw, "query");
      } catch (SocketTimeoutException e) {
        // a datagram may be lost; UDP gives no guarantee, so send again
      }
    }
    assertThat(first).isEqualTo("dns:query");
    try (DatagramSocket c = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      c.setSoTimeout(5_000);
      InetSocketAddress to = new InetSocketAddress(gw.address(), gw.port("udp"));
      for (String q : List.of("a", "b")) {
        byte[] out = q.getBytes(StandardCharsets.UTF_8);
        c.send(new DatagramPacket(out, out.length, to));
        DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
        c.receive(in);
        assertThat(in.getSocketAddress())
            .as("replies come from the listener's address")
            .isEqualTo(to);
        assertThat(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8))
            .isEqualTo("dns:" + q);
      }
    }
    assertThat(dns.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void udpClientsAreSplitByWeight() throws Exception {
    udpBackend("a");
    udpBackend("b");
    AtomicInteger zero = udpBackend("zero");
    EmbeddedGateway gw = gateway();
    udpRoute(
        "[{name: a, port: 7000, weight: 1}, {name: b, port: 7000, weight: 1}, {name: zero, port: 7000, weight: 0}]");
    Map<String, Integer> seen = new HashMap<>();
    int n = 200;
    for (int i = 0; i < n; i++) {
      seen.merge(udpExchange(gw, "q").split(":")[0], 1, Integer::sum);
    }
    // each expected 100 of 200 (sd ~7.1): 6 standard deviations either side.
    assertThat(seen.getOrDefault("a", 0)).isBetween(58, 142);
    assertThat(seen.getOrDefault("a", 0) + seen.getOrDefault("b", 0)).isEqualTo(n);
    assertThat(zero.get()).isZero();
  }
}
