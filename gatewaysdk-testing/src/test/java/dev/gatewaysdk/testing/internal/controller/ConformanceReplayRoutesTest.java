package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.grant;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.kinds;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The status expectations of the Gateway API v1.6.1 conformance tests for TCPRoute, UDPRoute and
 * TLSRoute, replayed one-to-one against the reconciler: each method is named after the conformance
 * test whose objects it rebuilds (our own manifests; namespace {@code infra} stands for the suite's
 * infrastructure namespace, {@code web} for its app-backend namespace) and asserts the statuses
 * that test waits for, in the order it drives them. Where a test sends traffic after its status
 * precondition ("the Gateway has an address, its listeners are accepted, resolved and programmed,
 * the route is accepted by it"), the precondition is asserted here and the traffic belongs to the
 * data plane. docs/conformance.md lists every conformance test and its state.
 */
class ConformanceReplayRoutesTest {
  static final String GATEWAY_V1 = "apiVersion: gateway.networking.k8s.io/v1\n";

  static StatusFixture fixture() {
    StatusFixture f = new StatusFixture();
    f.snapshot.served.addAll(List.of("TLSRoute", "TCPRoute", "UDPRoute"));
    return f;
  }

  static String service(String namespace, String name, int port) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\nspec: {ports: [{port: "
        + port
        + "}]}\n";
  }

  /** A Gateway in {@code infra}; {@code listeners} are flow-style YAML maps, one per line. */
  static String gateway(String name, String... listeners) {
    StringBuilder b =
        new StringBuilder(GATEWAY_V1)
            .append("kind: Gateway\nmetadata: {name: ")
            .append(name)
            .append(", namespace: infra, generation: 1}\nspec:\n  gatewayClassName: sim\n")
            .append("  listeners:\n");
    for (String l : listeners) {
      b.append("  - ").append(l).append('\n');
    }
    return b.toString();
  }

  /**
   * A route of {@code kind} in {@code infra} with one rule of these flow-style backendRefs; {@code
   * hostnames} is a flow-style list or null.
   */
  static String route(
      String kind,
      String name,
      String created,
      String parentRefs,
      String hostnames,
      String backendRefs) {
    return GATEWAY_V1
        + "kind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + ", namespace: infra, generation: 1, creationTimestamp: '"
        + created
        + "'}\nspec:\n  parentRefs: "
        + parentRefs
        + "\n"
        + (hostnames == null ? "" : "  hostnames: " + hostnames + "\n")
        + "  rules: [{backendRefs: "
        + backendRefs
        + "}]\n";
  }

  static String route(String kind, String name, String parentRefs, String backendRefs) {
    return route(kind, name, "2026-01-01T00:00:00Z", parentRefs, null, backendRefs);
  }

  static String tlsRoute(String name, String parentRefs, String hostnames, String backendRefs) {
    return route("TLSRoute", name, "2026-01-01T00:00:00Z", parentRefs, hostnames, backendRefs);
  }

  /** A listener of {@code protocol} admitting only {@code kind}, from any namespace by default. */
  static String listener(String name, String protocol, int port, String kind) {
    return "{name: "
        + name
        + ", protocol: "
        + protocol
        + ", port: "
        + port
        + ", allowedRoutes: {kinds: [{kind: "
        + kind
        + "}]}}";
  }

  static String tlsListener(String name, int port, String hostname, String tls) {
    return "{name: "
        + name
        + ", protocol: TLS, port: "
        + port
        + (hostname == null ? "" : ", hostname: '" + hostname + "'")
        + ", allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}, tls: "
        + tls
        + "}";
  }

  static final String PASSTHROUGH = "{mode: Passthrough}";
  static final String TERMINATE = "{mode: Terminate, certificateRefs: [{name: cert}]}";

  // ---------------------------------------------------------------------------------------------
  // What the suite's helpers wait for

  /**
   * GatewayAnd{TCP,UDP}RoutesMustBeAccepted: an address in the Gateway's status; each route has a
   * parent entry of ours for the Gateway (group and kind set) with {@code Accepted=True Accepted};
   * and the named listeners (all when none is named) have {@code ResolvedRefs}, {@code Accepted}
   * and {@code Programmed} True.
   */
  static void gatewayAndRoutesAccepted(
      StatusFixture f, String kind, String gw, List<String> listeners, String... routes) {
    gatewayHasAddress(f, gw);
    for (String r : routes) {
      routeAccepted(f, kind, r, gw);
    }
    List<String> names = new ArrayList<>(listeners);
    if (names.isEmpty()) {
      for (JsonNode l : f.get("Gateway", gw).path("spec").path("listeners")) {
        names.add(l.path("name").asText());
      }
    }
    for (String l : names) {
      for (String type : new String[] {"ResolvedRefs", "Accepted", "Programmed"}) {
        assertThat(f.listenerCondition("Gateway", gw, l, type))
            .as(l + " " + type)
            .startsWith("True:");
      }
    }
  }

  /**
   * GatewayAndTLSRoutesMustBeAccepted: an address in the Gateway's status and each route accepted
   * by it (the helper reads no listener condition).
   */
  static void gatewayAndTlsRoutesAccepted(StatusFixture f, String gw, String... routes) {
    gatewayHasAddress(f, gw);
    for (String r : routes) {
      routeAccepted(f, "TLSRoute", r, gw);
    }
  }

  static void gatewayHasAddress(StatusFixture f, String gw) {
    JsonNode addresses = f.get("Gateway", gw).path("status").path("addresses");
    assertThat(addresses).as("addresses of %s", gw).isNotEmpty();
    assertThat(addresses.get(0).path("type").asText()).isNotEmpty();
    assertThat(addresses.get(0).path("value").asText()).isNotEmpty();
  }

  /** The route's parent entry for Gateway {@code gw}: ours, group and kind set, Accepted. */
  static void routeAccepted(StatusFixture f, String kind, String route, String gw) {
    JsonNode p = StatusFixture.parent(f.get(kind, route), "Gateway", gw);
    assertThat(p.path("controllerName").asText()).isEqualTo(StatusFixture.CONTROLLER);
    assertThat(p.path("parentRef").path("group").asText()).isEqualTo("gateway.networking.k8s.io");
    assertThat(f.routeCondition(kind, route, "Gateway", gw, "Accepted"))
        .as("%s %s Accepted", kind, route)
        .isEqualTo("True:Accepted");
  }

  /**
   * GatewayStatusMustHaveListeners for one listener: the only listener status, supporting exactly
   * {@code kind}, {@code Accepted} as given, with this many attached routes.
   */
  static void onlyListener(
      StatusFixture f, String gw, String name, String kind, String accepted, int attached) {
    assertThat(f.get("Gateway", gw).path("status").path("listeners")).hasSize(1);
    listener(f, gw, name, kind, accepted, attached);
  }

  static void listener(
      StatusFixture f, String gw, String name, String kind, String accepted, int attached) {
    JsonNode l = f.listener("Gateway", gw, name);
    assertThat(kinds(l)).as("supportedKinds of %s", name).isEqualTo(kind);
    if (!kind.isEmpty()) {
      assertThat(l.path("supportedKinds").get(0).path("group").asText())
          .isEqualTo("gateway.networking.k8s.io");
    }
    assertThat(f.listenerCondition("Gateway", gw, name, "Accepted")).as(name).isEqualTo(accepted);
    assertThat(l.path("attachedRoutes").asInt(-1))
        .as("attachedRoutes of %s", name)
        .isEqualTo(attached);
  }

  /** TLSRouteMustHaveNoAcceptedParents: no parent entry says Accepted=True. */
  static void noAcceptedParents(StatusFixture f, String kind, String route) {
    for (JsonNode p : f.get(kind, route).path("status").path("parents")) {
      JsonNode c = ReconcilerTest.condition(p.path("conditions"), "Accepted");
      assertThat(c == null ? "" : c.path("status").asText()).isNotEqualTo("True");
    }
  }

  /** GatewayMustHaveZeroRoutes: every listener has attachedRoutes 0. */
  static void zeroRoutes(StatusFixture f, String gw) {
    JsonNode listeners = f.get("Gateway", gw).path("status").path("listeners");
    assertThat(listeners).isNotEmpty();
    for (JsonNode l : listeners) {
      assertThat(l.path("attachedRoutes").asInt(-1)).as(l.path("name").asText()).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // TCPRoute

  @Test
  void tcpRouteMultipleRoutesAttachment() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tcp-backend-1", 3000))
            .add(service("infra", "tcp-backend-2", 3000))
            .add(
                gateway(
                    "gw",
                    "{name: tcp, protocol: TCP, port: 9310, allowedRoutes: {kinds: [{kind: TCPRoute,"
                        + " group: gateway.networking.k8s.io}], namespaces: {from: Same}}}"))
            .add(
                route(
                    "TCPRoute",
                    "older",
                    "2026-01-01T00:00:00Z",
                    "[{name: gw, sectionName: tcp}]",
                    null,
                    "[{name: tcp-backend-1, port: 3000}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "TCPRoute", "gw", List.of("tcp"), "older");

    f.add(
        route(
            "TCPRoute",
            "newer",
            "2026-01-01T00:00:01Z",
            "[{name: gw, sectionName: tcp}]",
            null,
            "[{name: tcp-backend-2, port: 3000}]"));
    f.reconcile();
    routeAccepted(f, "TCPRoute", "older", "gw");
    routeAccepted(f, "TCPRoute", "newer", "gw");
    onlyListener(f, "gw", "tcp", "TCPRoute", "True:Accepted", 2);
  }

  @Test
  void tcpRouteParentRefAttachAll() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tcp-echo", 3000))
            .add(
                gateway(
                    "gw",
                    listener("one", "TCP", 9310, "TCPRoute"),
                    listener("two", "TCP", 9311, "TCPRoute"),
                    listener("three", "TCP", 9312, "TCPRoute"),
                    listener("four", "TCP", 9313, "TCPRoute")))
            .add(route("TCPRoute", "r", "[{name: gw}]", "[{name: tcp-echo, port: 3000}]"));
    f.reconcile();
    routeAccepted(f, "TCPRoute", "r", "gw");
    assertThat(f.get("TCPRoute", "r").path("status").path("parents")).hasSize(1);
    // Each listener is then dialled on the Gateway's address: it has one, and the route is on all.
    gatewayHasAddress(f, "gw");
    for (String l : new String[] {"one", "two", "three", "four"}) {
      listener(f, "gw", l, "TCPRoute", "True:Accepted", 1);
    }
  }

  @Test
  void tcpRouteParentRefPortAndSectionName() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tcp-echo-one", 3000))
            .add(service("infra", "tcp-echo-two", 3000))
            .add(service("infra", "tcp-echo-three", 3000))
            .add(
                gateway(
                    "gw",
                    listener("one", "TCP", 9300, "TCPRoute"),
                    listener("two", "TCP", 9301, "TCPRoute"),
                    listener("three", "TCP", 9302, "TCPRoute")))
            .add(
                route(
                    "TCPRoute",
                    "by-port",
                    "[{name: gw, port: 9300}]",
                    "[{name: tcp-echo-one, port: 3000}]"))
            .add(
                route(
                    "TCPRoute",
                    "by-section",
                    "[{name: gw, sectionName: two}]",
                    "[{name: tcp-echo-two, port: 3000}]"))
            .add(
                route(
                    "TCPRoute",
                    "by-section-and-port",
                    "[{name: gw, sectionName: three, port: 9302}]",
                    "[{name: tcp-echo-three, port: 3000}]"));
    f.reconcile();
    for (String r : new String[] {"by-port", "by-section", "by-section-and-port"}) {
      routeAccepted(f, "TCPRoute", r, "gw");
    }
    gatewayHasAddress(f, "gw");
    // Each route attached to its own listener only.
    for (String l : new String[] {"one", "two", "three"}) {
      listener(f, "gw", l, "TCPRoute", "True:Accepted", 1);
    }
  }

  @Test
  void tcpRouteWeightedRouting() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tcp-backend-v1", 3000))
            .add(service("infra", "tcp-backend-v2", 3000))
            .add(service("infra", "tcp-backend-v3", 3000))
            .add(gateway("gw", listener("tcp", "TCP", 9300, "TCPRoute")))
            .add(
                route(
                    "TCPRoute",
                    "weighted",
                    "[{name: gw, sectionName: tcp}]",
                    "[{name: tcp-backend-v1, port: 3000, weight: 70},"
                        + " {name: tcp-backend-v2, port: 3000, weight: 30},"
                        + " {name: tcp-backend-v3, port: 3000, weight: 0}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "TCPRoute", "gw", List.of("tcp"), "weighted");
    assertThat(f.routeCondition("TCPRoute", "weighted", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  // ---------------------------------------------------------------------------------------------
  // UDPRoute

  @Test
  void udpRouteSimple() {
    StatusFixture f =
        fixture()
            .add(service("infra", "coredns", 53))
            .add(gateway("udp-gateway", listener("coredns", "UDP", 5300, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "udp-coredns",
                    "[{name: udp-gateway, sectionName: coredns}]",
                    "[{name: coredns, port: 53}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "udp-gateway", List.of(), "udp-coredns");
  }

  @Test
  void udpRouteInvalidCrossNamespaceBackendRef() {
    StatusFixture f =
        fixture()
            .add(service("web", "udp-echo-no-grant", 8080))
            .add(gateway("gw", listener("udp", "UDP", 5300, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "r",
                    "[{name: gw, sectionName: udp}]",
                    "[{name: udp-echo-no-grant, namespace: web, port: 8080}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "gw", List.of(), "r");
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @Test
  void udpRouteReferenceGrant() {
    StatusFixture f =
        fixture()
            .add(service("web", "udp-echo", 8080))
            .add(gateway("gw", listener("udp", "UDP", 5300, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "r",
                    "[{name: gw, sectionName: udp}]",
                    "[{name: udp-echo, namespace: web, port: 8080}]"))
            .add(grant("udp-grant", "web", "UDPRoute", "infra", "{group: '', kind: Service}"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "gw", List.of(), "r");
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");

    f.remove("ReferenceGrant", "udp-grant");
    f.reconcile();
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @Test
  void udpRouteMultipleRoutesAttachment() {
    StatusFixture f =
        fixture()
            .add(service("infra", "udp-backend-1", 8080))
            .add(service("infra", "udp-backend-2", 8080))
            .add(gateway("gw", listener("udp", "UDP", 5301, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "older",
                    "2026-01-01T00:00:00Z",
                    "[{name: gw, sectionName: udp}]",
                    null,
                    "[{name: udp-backend-1, port: 8080}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "gw", List.of("udp"), "older");

    f.add(
        route(
            "UDPRoute",
            "newer",
            "2026-01-01T00:00:01Z",
            "[{name: gw, sectionName: udp}]",
            null,
            "[{name: udp-backend-2, port: 8080}]"));
    f.reconcile();
    routeAccepted(f, "UDPRoute", "older", "gw");
    routeAccepted(f, "UDPRoute", "newer", "gw");
    onlyListener(f, "gw", "udp", "UDPRoute", "True:Accepted", 2);
  }

  @Test
  void udpRouteParentRefAttachAllListeners() {
    StatusFixture f =
        fixture()
            .add(service("infra", "udp-echo", 8080))
            .add(
                gateway(
                    "gw",
                    listener("udp-1", "UDP", 5310, "UDPRoute"),
                    listener("udp-2", "UDP", 5311, "UDPRoute"),
                    listener("udp-3", "UDP", 5312, "UDPRoute")))
            .add(route("UDPRoute", "r", "[{name: gw}]", "[{name: udp-echo, port: 8080}]"));
    f.reconcile();
    routeAccepted(f, "UDPRoute", "r", "gw");
    assertThat(f.get("Gateway", "gw").path("status").path("listeners")).hasSize(3);
    for (String l : new String[] {"udp-1", "udp-2", "udp-3"}) {
      listener(f, "gw", l, "UDPRoute", "True:Accepted", 1);
      assertThat(f.listenerCondition("Gateway", "gw", l, "ResolvedRefs")).startsWith("True:");
    }
    gatewayHasAddress(f, "gw");
  }

  @Test
  void udpRouteParentRefPortAndSectionName() {
    StatusFixture f =
        fixture()
            .add(service("infra", "udp-echo-by-port", 8080))
            .add(service("infra", "udp-echo-by-section", 8080))
            .add(service("infra", "udp-echo-by-both", 8080))
            .add(
                gateway(
                    "gw",
                    listener("by-port", "UDP", 5300, "UDPRoute"),
                    listener("by-section", "UDP", 5301, "UDPRoute"),
                    listener("by-section-and-port", "UDP", 5302, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "r-by-port",
                    "[{name: gw, port: 5300}]",
                    "[{name: udp-echo-by-port, port: 8080}]"))
            .add(
                route(
                    "UDPRoute",
                    "r-by-section",
                    "[{name: gw, sectionName: by-section}]",
                    "[{name: udp-echo-by-section, port: 8080}]"))
            .add(
                route(
                    "UDPRoute",
                    "r-by-both",
                    "[{name: gw, sectionName: by-section-and-port, port: 5302}]",
                    "[{name: udp-echo-by-both, port: 8080}]"));
    f.reconcile();
    for (String r : new String[] {"r-by-port", "r-by-section", "r-by-both"}) {
      routeAccepted(f, "UDPRoute", r, "gw");
    }
    gatewayHasAddress(f, "gw");
    for (String l : new String[] {"by-port", "by-section", "by-section-and-port"}) {
      listener(f, "gw", l, "UDPRoute", "True:Accepted", 1);
    }
  }

  @Test
  void udpRouteWeightedRouting() {
    StatusFixture f =
        fixture()
            .add(service("infra", "udp-backend-v1", 8080))
            .add(service("infra", "udp-backend-v2", 8080))
            .add(service("infra", "udp-backend-v3", 8080))
            .add(gateway("gw", listener("udp", "UDP", 5300, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "weighted",
                    "[{name: gw, sectionName: udp}]",
                    "[{name: udp-backend-v1, port: 8080, weight: 70},"
                        + " {name: udp-backend-v2, port: 8080, weight: 30},"
                        + " {name: udp-backend-v3, port: 8080, weight: 0}]"));
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "gw", List.of("udp"), "weighted");
    assertThat(f.routeCondition("UDPRoute", "weighted", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  // ---------------------------------------------------------------------------------------------
  // TLSRoute

  @Test
  void tlsRouteSimpleSameNamespace() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tcp-backend", 8443))
            .add(gateway("gw", tlsListener("https", 443, "*.example.com", PASSTHROUGH)))
            .add(
                tlsRoute(
                    "r",
                    "[{name: gw, namespace: infra}]",
                    "[abc.example.com]",
                    "[{name: tcp-backend, port: 8443}]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
    assertThat(f.get("TLSRoute", "r").path("spec").path("hostnames")).hasSize(1);
  }

  @Test
  void tlsRouteTerminateSimpleSameNamespace() {
    StatusFixture f =
        fixture()
            .add(tlsSecretYaml("infra", "cert"))
            .add(service("infra", "tcp-backend", 3000))
            .add(gateway("gw", tlsListener("tlsterminate", 8443, "tls.example.com", TERMINATE)))
            .add(
                tlsRoute(
                    "r",
                    "[{name: gw, namespace: infra}]",
                    "[tls.example.com]",
                    "[{name: tcp-backend, port: 3000}]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
  }

  @Test
  void tlsRouteMixedTerminationSameNamespace() {
    StatusFixture f =
        fixture()
            .add(tlsSecretYaml("infra", "cert"))
            .add(service("infra", "tcp-backend", 8443))
            .add(
                gateway(
                    "gw",
                    tlsListener("tls-terminate", 8883, "tls.example.com", TERMINATE),
                    tlsListener("tls-passthrough", 8883, "abc.example.com", PASSTHROUGH)))
            .add(
                tlsRoute(
                    "passthrough",
                    "[{name: gw, namespace: infra}]",
                    "[abc.example.com]",
                    "[{name: tcp-backend, port: 8443}]"))
            .add(
                tlsRoute(
                    "terminate",
                    "[{name: gw, namespace: infra}]",
                    "[tls.example.com]",
                    "[{name: tcp-backend, port: 8443}]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "passthrough");
    assertThat(f.get("Gateway", "gw").path("status").path("listeners")).hasSize(2);
    listener(f, "gw", "tls-terminate", "TLSRoute", "True:Accepted", 1);
    listener(f, "gw", "tls-passthrough", "TLSRoute", "True:Accepted", 1);
    gatewayAndTlsRoutesAccepted(f, "gw", "terminate");
  }

  @Test
  void tlsRouteHostnameIntersection() {
    String[][] cases = {
      // Gateway, listener hostname (null: none), then its routes as name=hostname.
      {"exact-x-1", "abc.example.com", "more-specific-wc-x-1=*.example.com"},
      {"more-specific-wc-x-2", "*.example.com", "exact-x-2=abc.example.com", "less-wc-x-2=*.com"},
      {"less-specific-wc-x-3", "*.com", "exact-x-3=abc.example.com", "more-wc-x-3=*.example.com"},
      {"empty-x-4", null, "exact-x-4=abc.example.com", "less-wc-x-4=*.com"},
    };
    StatusFixture f =
        fixture()
            .add(service("infra", "tls-backend", 443))
            .add(service("infra", "tls-backend-2", 443));
    for (String[] c : cases) {
      f.add(gateway(c[0], tlsListener("listener", 443, c[1], PASSTHROUGH)));
      for (int i = 2; i < c.length; i++) {
        String[] route = c[i].split("=");
        f.add(
            tlsRoute(
                route[0],
                "[{name: " + c[0] + ", namespace: infra}]",
                "['" + route[1] + "']",
                "[{name: " + (i == 2 ? "tls-backend" : "tls-backend-2") + ", port: 443}]"));
      }
    }
    f.reconcile();
    for (String[] c : cases) {
      for (int i = 2; i < c.length; i++) {
        String route = c[i].split("=")[0];
        gatewayAndTlsRoutesAccepted(f, c[0], route);
        assertThat(f.routeCondition("TLSRoute", route, "Gateway", c[0], "ResolvedRefs"))
            .as(route)
            .isEqualTo("True:ResolvedRefs");
      }
    }
  }

  @Test
  void tlsRouteInvalidBackendRefNonexistent() {
    StatusFixture f =
        fixture()
            .add(
                gateway(
                    "gw",
                    "{name: tls, protocol: TLS, port: 443, allowedRoutes: {namespaces: {from: Same}},"
                        + " tls: {mode: Passthrough}}"))
            .add(
                tlsRoute(
                    "r",
                    "[{name: gw, namespace: infra}]",
                    "[example.com]",
                    "[{name: nonexistent, namespace: infra, port: 443}]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
    assertThat(f.routeCondition("TLSRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
  }

  @Test
  void tlsRouteInvalidBackendRefUnknownKind() {
    StatusFixture f =
        fixture()
            .add(service("infra", "tls-backend", 443))
            .add(
                gateway(
                    "gw",
                    "{name: tls, protocol: TLS, port: 443, allowedRoutes: {namespaces: {from: Same}},"
                        + " tls: {mode: Passthrough}}"))
            .add(
                tlsRoute(
                    "r",
                    "[{name: gw, namespace: infra}]",
                    "[example.com]",
                    "[{group: unknownkind.example.com, kind: NonExistent, name: tls-backend, port:"
                        + " 443}]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
    assertThat(f.routeCondition("TLSRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidKind");
  }

  @Test
  void tlsRouteInvalidNoMatchingListener() {
    StatusFixture f =
        fixture()
            .add(tlsSecretYaml("infra", "cert"))
            .add(service("infra", "tls-backend", 443))
            .add(
                gateway(
                    "passthrough-only",
                    "{name: tls-passthrough, protocol: TLS, port: 443, allowedRoutes: {namespaces:"
                        + " {from: Same}}, tls: {mode: Passthrough}}"))
            .add(
                gateway(
                    "http-only",
                    "{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Same}}}"))
            .add(
                gateway(
                    "https-only",
                    "{name: https, protocol: HTTPS, port: 443, allowedRoutes: {namespaces: {from:"
                        + " Same}}, tls: {mode: Terminate, certificateRefs: [{name: cert, namespace:"
                        + " infra}]}}"))
            .add(
                tlsRoute(
                    "on-http",
                    "[{name: http-only}]",
                    "[tls.example.com]",
                    "[{name: tls-backend, port: 443}]"))
            .add(
                tlsRoute(
                    "on-https",
                    "[{name: https-only}]",
                    "[tls.example.com]",
                    "[{name: tls-backend, port: 443}]"))
            .add(
                tlsRoute(
                    "no-section",
                    "[{name: passthrough-only, sectionName: nonexistent-listener}]",
                    "[tls.example.com]",
                    "[{name: tls-backend, port: 443}]"));
    f.reconcile();
    assertThat(f.routeCondition("TLSRoute", "on-http", "Gateway", "http-only", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.routeCondition("TLSRoute", "on-https", "Gateway", "https-only", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(
            f.routeCondition("TLSRoute", "no-section", "Gateway", "passthrough-only", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
    for (String r : new String[] {"on-http", "on-https", "no-section"}) {
      noAcceptedParents(f, "TLSRoute", r);
    }
    zeroRoutes(f, "http-only");
    zeroRoutes(f, "https-only");
  }

  @Test
  void tlsRouteInvalidReferenceGrant() {
    String route = "{group: gateway.networking.k8s.io, kind: TLSRoute, namespace: infra}";
    String service = "{group: '', kind: Service, name: tls-backend}";
    // Each grant is wrong in one respect: where it lives, from group/kind/namespace, to
    // group/kind/name.
    String[][] grants = {
      {"wrong-namespace", "infra", route, service},
      {
        "wrong-from-group",
        "web",
        route.replace("gateway.networking.k8s.io", "other.example"),
        service
      },
      {"wrong-from-kind", "web", route.replace("TLSRoute", "Gateway"), service},
      {"wrong-from-namespace", "web", route.replace("infra", "elsewhere"), service},
      {"wrong-to-group", "web", route, service.replace("''", "other.example")},
      {"wrong-to-kind", "web", route, service.replace("Service", "Secret")},
      {"wrong-to-name", "web", route, service.replace("tls-backend", "other-service")},
    };
    StatusFixture f =
        fixture()
            .add(service("web", "tls-backend", 443))
            .add(gateway("gw", tlsListener("https", 443, "*.example.com", PASSTHROUGH)))
            .add(
                tlsRoute(
                    "r",
                    "[{name: gw}]",
                    "[abc.example.com]",
                    "[{name: tls-backend, namespace: web, port: 443}]"));
    for (String[] g : grants) {
      f.add(
          "apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: {name: "
              + g[0]
              + ", namespace: "
              + g[1]
              + "}\nspec:\n  from: ["
              + g[2]
              + "]\n  to: ["
              + g[3]
              + "]\n");
    }
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
    assertThat(f.routeCondition("TLSRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  /**
   * Reconciles {@code f}'s snapshot once with a controller that supports only these optional TLS
   * features, and writes the Gateway statuses back (the suite's not-supported variants run only
   * against such implementations).
   */
  static void reconcileSupporting(StatusFixture f, Set<String> tlsFeatures) {
    for (Reconciler.Update u :
        new Reconciler(StatusFixture.CONTROLLER, o -> false, o -> false, tlsFeatures)
            .reconcile(f.snapshot)) {
      if ("Gateway".equals(u.kind)) {
        f.remove("Gateway", u.object.path("metadata").path("name").asText());
        f.snapshot.objects.get("Gateway").add(u.object);
      }
    }
  }

  @Test
  void tlsRouteListenerTerminateNotSupported() {
    StatusFixture f =
        fixture()
            .add(tlsSecretYaml("infra", "cert"))
            .add(
                gateway(
                    "gw", tlsListener("tls-terminate", 8443, "terminate.example.com", TERMINATE)));
    reconcileSupporting(f, Set.of("TLSRouteModeMixed"));
    onlyListener(f, "gw", "tls-terminate", "", "False:UnsupportedValue", 0);

    // This controller supports Terminate, so the suite skips the test; the listener is accepted.
    f.reconcile();
    onlyListener(f, "gw", "tls-terminate", "TLSRoute", "True:Accepted", 0);
  }

  @Test
  void tlsRouteListenerMixedTerminationNotSupported() {
    StatusFixture f =
        fixture()
            .add(tlsSecretYaml("infra", "cert"))
            .add(
                gateway(
                    "gw",
                    tlsListener("tls-terminate", 8443, "terminate.example.com", TERMINATE),
                    tlsListener("tls-passthrough", 8443, "passthrough.example.com", PASSTHROUGH)));
    reconcileSupporting(f, Set.of("TLSRouteModeTerminate"));
    assertThat(f.get("Gateway", "gw").path("status").path("listeners")).hasSize(2);
    listener(f, "gw", "tls-terminate", "", "False:ProtocolConflict", 0);
    listener(f, "gw", "tls-passthrough", "", "False:ProtocolConflict", 0);

    // This controller supports mixed modes, so the suite skips the test; both are accepted.
    f.reconcile();
    listener(f, "gw", "tls-terminate", "TLSRoute", "True:Accepted", 0);
    listener(f, "gw", "tls-passthrough", "TLSRoute", "True:Accepted", 0);
  }
}
