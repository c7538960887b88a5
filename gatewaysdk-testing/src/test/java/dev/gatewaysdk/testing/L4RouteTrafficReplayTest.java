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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code tcproute-*} and {@code
 * udproute-*} tests that send traffic, replayed against the embedded Gateway: TCP connections and
 * UDP datagrams to the Gateway's status address and each listener's port reach the echo backend the
 * suite expects (each echo answers with its name), and weighted routes split within the suite's
 * tolerance. One method per suite test, named after it.
 */
@GatewayApiTest(channel = Channel.EXPERIMENTAL)
class L4RouteTrafficReplayTest extends TrafficReplay {

  /** A TCP echo behind Service {@code name} port {@code port}: each line comes back as name. */
  void tcpEcho(String name, int port) throws IOException {
    ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    closeables.add(server);
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  s.setSoTimeout(5000);
                  new BufferedReader(
                          new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                      .readLine();
                  s.getOutputStream().write((name + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  // closed, or a client that went away
                }
              }
            },
            "tcp-echo-" + name);
    t.setDaemon(true);
    t.start();
    service(name, port, server.getLocalPort());
  }

  /**
   * A UDP echo behind Service {@code name} port {@code port}: each datagram is answered by name.
   */
  void udpEcho(String name, int port) throws IOException {
    DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    closeables.add(server);
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[2048];
              while (!server.isClosed()) {
                try {
                  DatagramPacket p = new DatagramPacket(buf, buf.length);
                  server.receive(p);
                  byte[] out = name.getBytes(StandardCharsets.UTF_8);
                  server.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                  return;
                }
              }
            },
            "udp-echo-" + name);
    t.setDaemon(true);
    t.start();
    service(name, port, server.getLocalPort());
  }

  void service(String name, int port, int localPort) {
    cluster.create(Fixtures.service(ns.name(), name, port));
    cluster.create(Fixtures.endpointSlice(ns.name(), name, localPort));
  }

  /** Gateway {@code name} with listeners {@code name: port} of {@code protocol}. */
  EmbeddedGateway gateway(String name, String protocol, Map<String, Integer> listeners) {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                + name
                + ", namespace: "
                + ns.name()
                + "}\nspec:\n  gatewayClassName: "
                + cluster.gatewayClassName().orElseThrow()
                + "\n  listeners:\n");
    listeners.forEach(
        (l, port) ->
            yaml.append("  - {name: ")
                .append(l)
                .append(", protocol: ")
                .append(protocol)
                .append(", port: ")
                .append(port)
                .append("}\n"));
    awaitThat(cluster, cluster.create(Manifests.read(yaml.toString(), Gateway.class)))
        .isProgrammed();
    return cluster.gateway(ns.name(), name);
  }

  /** A TCPRoute or UDPRoute {@code name} with {@code parentRefs} and {@code backendRefs}. */
  void route(String kind, String name, String gateway, String parentRefs, String backendRefs) {
    Class<?> type = "TCPRoute".equals(kind) ? TCPRoute.class : UDPRoute.class;
    Object r =
        cluster.create(
            Manifests.read(
                "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: "
                    + kind
                    + "\nmetadata: {name: "
                    + name
                    + ", namespace: "
                    + ns.name()
                    + "}\nspec:\n  parentRefs: "
                    + parentRefs
                    + "\n  rules: [{backendRefs: "
                    + backendRefs
                    + "}]\n",
                type));
    if (r instanceof TCPRoute t) {
      awaitThat(cluster, t).isAcceptedBy(gateway).hasResolvedRefs();
    } else {
      awaitThat(cluster, (UDPRoute) r).isAcceptedBy(gateway).hasResolvedRefs();
    }
  }

  /** The name the TCP echo behind {@code listener} answers with, on a new connection. */
  static String tcp(EmbeddedGateway gw, String listener) throws IOException {
    try (Socket s = new Socket(gw.address(), gw.port(listener))) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }

  /** The name the UDP echo behind {@code listener} answers with, from a new client socket. */
  static String udp(EmbeddedGateway gw, String listener) throws IOException {
    try (DatagramSocket c = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      c.setSoTimeout(5000);
      byte[] out = "gateway-api-conformance-udp\n".getBytes(StandardCharsets.UTF_8);
      c.send(
          new DatagramPacket(
              out, out.length, new InetSocketAddress(gw.address(), gw.port(listener))));
      DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
      c.receive(in);
      return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void tcpRouteParentRefAttachAll() throws Exception {
    tcpEcho("tcp-echo-attach-all", 3000);
    EmbeddedGateway gw =
        gateway(
            "tcp-attach-all-gateway",
            "TCP",
            Map.of("one", 9310, "two", 9311, "three", 9312, "four", 9313));
    route(
        "TCPRoute",
        "tcp-route-attach-all",
        "tcp-attach-all-gateway",
        "[{name: tcp-attach-all-gateway}]",
        "[{name: tcp-echo-attach-all, port: 3000}]");
    for (String listener : List.of("one", "two", "three", "four")) {
      assertThat(tcp(gw, listener)).as(listener).isEqualTo("tcp-echo-attach-all");
    }
  }

  @Test
  void tcpRouteParentRefPortAndSectionName() throws Exception {
    for (String b : List.of("tcp-echo-one", "tcp-echo-two", "tcp-echo-three")) {
      tcpEcho(b, 3000);
    }
    String gwName = "tcp-multi-listener-gateway";
    EmbeddedGateway gw = gateway(gwName, "TCP", Map.of("one", 9300, "two", 9301, "three", 9302));
    route(
        "TCPRoute",
        "tcp-route-by-port",
        gwName,
        "[{name: " + gwName + ", port: 9300}]",
        "[{name: tcp-echo-one, port: 3000}]");
    route(
        "TCPRoute",
        "tcp-route-by-section",
        gwName,
        "[{name: " + gwName + ", sectionName: two}]",
        "[{name: tcp-echo-two, port: 3000}]");
    route(
        "TCPRoute",
        "tcp-route-by-section-and-port",
        gwName,
        "[{name: " + gwName + ", sectionName: three, port: 9302}]",
        "[{name: tcp-echo-three, port: 3000}]");
    assertThat(tcp(gw, "one")).isEqualTo("tcp-echo-one");
    assertThat(tcp(gw, "two")).isEqualTo("tcp-echo-two");
    assertThat(tcp(gw, "three")).isEqualTo("tcp-echo-three");
  }

  @Test
  void tcpRouteWeightedRouting() throws Exception {
    for (String b : List.of("tcp-backend-v1", "tcp-backend-v2", "tcp-backend-v3")) {
      tcpEcho(b, 3000);
    }
    EmbeddedGateway gw = gateway("tcp-weighted-gateway", "TCP", Map.of("tcp", 9300));
    route(
        "TCPRoute",
        "tcp-weighted-route",
        "tcp-weighted-gateway",
        "[{name: tcp-weighted-gateway, sectionName: tcp}]",
        "[{name: tcp-backend-v1, port: 3000, weight: 70}, {name: tcp-backend-v2, port: 3000,"
            + " weight: 30}, {name: tcp-backend-v3, port: 3000, weight: 0}]");
    assertThat(
            Weights.withinSuiteTolerance(
                Map.of("tcp-backend-v1", 0.7, "tcp-backend-v2", 0.3), () -> tcp(gw, "tcp")))
        .isEmpty();
  }

  @Test
  void udpRouteSimple() throws Exception {
    // the suite sends a DNS query to CoreDNS; any datagram and its answer prove the same routing
    udpEcho("coredns", 53);
    EmbeddedGateway gw = gateway("udp-gateway", "UDP", Map.of("coredns", 5300));
    route(
        "UDPRoute",
        "udp-coredns",
        "udp-gateway",
        "[{name: udp-gateway, sectionName: coredns}]",
        "[{name: coredns, port: 53}]");
    assertThat(udp(gw, "coredns")).isEqualTo("coredns");
  }

  @Test
  void udpRouteParentRefAttachAllListeners() throws Exception {
    udpEcho("udp-echo-attach-all", 8080);
    String gwName = "udp-attach-all-listeners-gateway";
    EmbeddedGateway gw =
        gateway(gwName, "UDP", Map.of("udp-1", 5310, "udp-2", 5311, "udp-3", 5312));
    route(
        "UDPRoute",
        "udp-route-attach-all",
        gwName,
        "[{name: " + gwName + "}]",
        "[{name: udp-echo-attach-all, port: 8080}]");
    awaitThat(cluster, cluster.get(Gateway.class, ns.name(), gwName))
        .hasAttachedRoutes("udp-1", 1)
        .hasAttachedRoutes("udp-2", 1)
        .hasAttachedRoutes("udp-3", 1);
    for (String listener : List.of("udp-1", "udp-2", "udp-3")) {
      assertThat(udp(gw, listener)).as(listener).isEqualTo("udp-echo-attach-all");
    }
  }

  @Test
  void udpRouteParentRefPortAndSectionName() throws Exception {
    for (String b :
        List.of("udp-echo-by-port", "udp-echo-by-section", "udp-echo-by-section-and-port")) {
      udpEcho(b, 8080);
    }
    String gwName = "udp-multi-listener-gateway";
    EmbeddedGateway gw =
        gateway(
            gwName,
            "UDP",
            Map.of("by-port", 5300, "by-section", 5301, "by-section-and-port", 5302));
    route(
        "UDPRoute",
        "udp-route-by-port",
        gwName,
        "[{name: " + gwName + ", port: 5300}]",
        "[{name: udp-echo-by-port, port: 8080}]");
    route(
        "UDPRoute",
        "udp-route-by-section",
        gwName,
        "[{name: " + gwName + ", sectionName: by-section}]",
        "[{name: udp-echo-by-section, port: 8080}]");
    route(
        "UDPRoute",
        "udp-route-by-section-and-port",
        gwName,
        "[{name: " + gwName + ", sectionName: by-section-and-port, port: 5302}]",
        "[{name: udp-echo-by-section-and-port, port: 8080}]");
    assertThat(udp(gw, "by-port")).isEqualTo("udp-echo-by-port");
    assertThat(udp(gw, "by-section")).isEqualTo("udp-echo-by-section");
    assertThat(udp(gw, "by-section-and-port")).isEqualTo("udp-echo-by-section-and-port");
  }

  @Test
  void udpRouteWeightedRouting() throws Exception {
    for (String b : List.of("udp-backend-v1", "udp-backend-v2", "udp-backend-v3")) {
      udpEcho(b, 8080);
    }
    EmbeddedGateway gw = gateway("udp-weighted-gateway", "UDP", Map.of("udp", 5300));
    route(
        "UDPRoute",
        "udp-weighted-route",
        "udp-weighted-gateway",
        "[{name: udp-weighted-gateway, sectionName: udp}]",
        "[{name: udp-backend-v1, port: 8080, weight: 70}, {name: udp-backend-v2, port: 8080,"
            + " weight: 30}, {name: udp-backend-v3, port: 8080, weight: 0}]");
    assertThat(
            Weights.withinSuiteTolerance(
                Map.of("udp-backend-v1", 0.7, "udp-backend-v2", 0.3), () -> udp(gw, "udp")))
        .isEmpty();
  }
}
