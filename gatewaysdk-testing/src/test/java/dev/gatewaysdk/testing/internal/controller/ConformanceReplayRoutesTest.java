package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.grant;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.kinds;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.testing.internal.controller.StatusFixture.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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
@ParameterizedClass(name = "{0}")
@EnumSource(Mode.class)
class ConformanceReplayRoutesTest {
  @Parameter Mode mode;

  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  static final String GATEWAY_V1 = "apiVersion: gateway.networking.k8s.io/v1\n";

  StatusFixture fixture() {
    StatusFixture f = StatusFixture.of(mode);
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
  String gateway(String name, String... listeners) {
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
  String route(
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

  String route(String kind, String name, String parentRefs, String backendRefs) {
    return route(kind, name, "2026-01-01T00:00:00Z", parentRefs, null, backendRefs);
  }

  String tlsRoute(String name, String parentRefs, String hostnames, String backendRefs) {
    return route("TLSRoute", name, "2026-01-01T00:00:00Z", parentRefs, hostnames, backendRefs);
  }

  /** A listener of {@code protocol} admitting only {@code kind}, from any namespace by default. */
  String listener(String name, String protocol, int port, String kind) {
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

  String tlsListener(String name, int port, String hostname, String tls) {
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
  void gatewayAndRoutesAccepted(
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
  void gatewayAndTlsRoutesAccepted(StatusFixture f, String gw, String... routes) {
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
  void routeAccepted(StatusFixture f, String kind, String route, String gw) {
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
  void onlyListener(
      StatusFixture f, String gw, String name, String kind, String accepted, int attached) {
    assertThat(f.get("Gateway", gw).path("status").path("listeners")).hasSize(1);
    listener(f, gw, name, kind, accepted, attached);
  }

  void listener(
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
  void noAcceptedParents(StatusFixture f, String kind, String route) {
    for (JsonNode p : f.get(kind, route).path("status").path("parents")) {
      JsonNode c = ReconcilerTest.condition(p.path("conditions"), "Accepted");
      assertThat(c == null ? "" : c.path("status").asText()).isNotEqualTo("True");
    }
  }

  /** GatewayMustHaveZeroRoutes: every listener has attachedRoutes 0. */
  void zeroRoutes(StatusFixture f, String gw) {
    JsonNode listeners = f.get("Gateway", gw).path("status").path("listeners");
    assertThat(listeners).isNotEmpty();
    for (JsonNode l : listeners) {
      assertThat(l.path("attachedRoutes").asInt(-1)).as(l.path("name").asText()).isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // TCPRoute and UDPRoute: the suite's tests of each kind have the same shape

  /** A Service for each name, on {@code port}. */
  StatusFixture withServices(int port, String... names) {
    StatusFixture f = fixture();
    for (String n : names) {
      f.add(service("infra", n, port));
    }
    return f;
  }

  /**
   * *RouteMultipleRoutesAttachment: a second route for the same listener, created later; both are
   * accepted and the listener counts both.
   */
  void multipleRoutesAttachment(String kind, String protocol, int port, int backendPort) {
    String backends = "[{name: %s, port: " + backendPort + "}]";
    StatusFixture f =
        withServices(backendPort, "backend-1", "backend-2")
            .add(
                gateway(
                    "gw",
                    "{name: l, protocol: "
                        + protocol
                        + ", port: "
                        + port
                        + ", allowedRoutes: {kinds: [{kind: "
                        + kind
                        + ", group: gateway.networking.k8s.io}], namespaces: {from: Same}}}"))
            .add(
                route(
                    kind,
                    "older",
                    "2026-01-01T00:00:00Z",
                    "[{name: gw, sectionName: l}]",
                    null,
                    String.format(backends, "backend-1")));
    f.reconcile();
    gatewayAndRoutesAccepted(f, kind, "gw", List.of("l"), "older");

    f.add(
        route(
            kind,
            "newer",
            "2026-01-01T00:00:01Z",
            "[{name: gw, sectionName: l}]",
            null,
            String.format(backends, "backend-2")));
    f.reconcile();
    routeAccepted(f, kind, "older", "gw");
    routeAccepted(f, kind, "newer", "gw");
    onlyListener(f, "gw", "l", kind, "True:Accepted", 2);
  }

  /**
   * *RouteParentRefAttachAll(Listeners): a parentRef without sectionName or port attaches to every
   * listener of the Gateway (the suite then dials each on the Gateway's address).
   */
  void parentRefAttachAll(String kind, String protocol, int backendPort, int listeners) {
    String[] ls = new String[listeners];
    for (int i = 0; i < listeners; i++) {
      ls[i] = listener("l" + i, protocol, 9310 + i, kind);
    }
    StatusFixture f =
        withServices(backendPort, "echo")
            .add(gateway("gw", ls))
            .add(route(kind, "r", "[{name: gw}]", "[{name: echo, port: " + backendPort + "}]"));
    f.reconcile();
    routeAccepted(f, kind, "r", "gw");
    assertThat(f.get(kind, "r").path("status").path("parents")).hasSize(1);
    gatewayHasAddress(f, "gw");
    assertThat(f.get("Gateway", "gw").path("status").path("listeners")).hasSize(listeners);
    for (int i = 0; i < listeners; i++) {
      listener(f, "gw", "l" + i, kind, "True:Accepted", 1);
      assertThat(f.listenerCondition("Gateway", "gw", "l" + i, "ResolvedRefs")).startsWith("True:");
    }
  }

  /**
   * *RouteParentRefPortAndSectionName: routes attached by port, by sectionName, and by both, each
   * to its own listener only.
   */
  void parentRefPortAndSectionName(String kind, String protocol, int backendPort) {
    String[] refs = {"port: 9300", "sectionName: two", "sectionName: three, port: 9302"};
    String[] names = {"one", "two", "three"};
    StatusFixture f =
        withServices(backendPort, "echo-one", "echo-two", "echo-three")
            .add(
                gateway(
                    "gw",
                    listener("one", protocol, 9300, kind),
                    listener("two", protocol, 9301, kind),
                    listener("three", protocol, 9302, kind)));
    for (int i = 0; i < 3; i++) {
      f.add(
          route(
              kind,
              "by-" + names[i],
              "[{name: gw, " + refs[i] + "}]",
              "[{name: echo-" + names[i] + ", port: " + backendPort + "}]"));
    }
    f.reconcile();
    for (String n : names) {
      routeAccepted(f, kind, "by-" + n, "gw");
      listener(f, "gw", n, kind, "True:Accepted", 1);
    }
    gatewayHasAddress(f, "gw");
  }

  /**
   * *RouteWeightedRouting: the precondition of the weighted traffic (weights 70, 30 and 0) is the
   * Gateway and route accepted, with resolved references.
   */
  void weightedRouting(String kind, String protocol, int backendPort) {
    StatusFixture f =
        withServices(backendPort, "backend-v1", "backend-v2", "backend-v3")
            .add(gateway("gw", listener("l", protocol, 9300, kind)))
            .add(
                route(
                    kind,
                    "weighted",
                    "[{name: gw, sectionName: l}]",
                    String.format(
                        "[{name: backend-v1, port: %d, weight: 70}, {name: backend-v2, port: %d,"
                            + " weight: 30}, {name: backend-v3, port: %d, weight: 0}]",
                        backendPort, backendPort, backendPort)));
    f.reconcile();
    gatewayAndRoutesAccepted(f, kind, "gw", List.of("l"), "weighted");
    assertThat(f.routeCondition(kind, "weighted", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @Test
  void tcpRouteMultipleRoutesAttachment() {
    multipleRoutesAttachment("TCPRoute", "TCP", 9310, 3000);
  }

  @Test
  void tcpRouteParentRefAttachAll() {
    parentRefAttachAll("TCPRoute", "TCP", 3000, 4);
  }

  @Test
  void tcpRouteParentRefPortAndSectionName() {
    parentRefPortAndSectionName("TCPRoute", "TCP", 3000);
  }

  @Test
  void tcpRouteWeightedRouting() {
    weightedRouting("TCPRoute", "TCP", 3000);
  }

  @Test
  void udpRouteMultipleRoutesAttachment() {
    multipleRoutesAttachment("UDPRoute", "UDP", 5301, 8080);
  }

  @Test
  void udpRouteParentRefAttachAllListeners() {
    parentRefAttachAll("UDPRoute", "UDP", 8080, 3);
  }

  @Test
  void udpRouteParentRefPortAndSectionName() {
    parentRefPortAndSectionName("UDPRoute", "UDP", 8080);
  }

  @Test
  void udpRouteWeightedRouting() {
    weightedRouting("UDPRoute", "UDP", 8080);
  }

  @Test
  void udpRouteSimple() {
    StatusFixture f =
        withServices(53, "coredns")
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

  /** A UDPRoute to a Service in {@code web}, and {@code extra} objects. */
  StatusFixture crossNamespaceUdpRoute(String... extra) {
    StatusFixture f =
        fixture()
            .add(service("web", "udp-echo", 8080))
            .add(gateway("gw", listener("udp", "UDP", 5300, "UDPRoute")))
            .add(
                route(
                    "UDPRoute",
                    "r",
                    "[{name: gw, sectionName: udp}]",
                    "[{name: udp-echo, namespace: web, port: 8080}]"));
    for (String e : extra) {
      f.add(e);
    }
    f.reconcile();
    gatewayAndRoutesAccepted(f, "UDPRoute", "gw", List.of(), "r");
    return f;
  }

  @Test
  void udpRouteInvalidCrossNamespaceBackendRef() {
    StatusFixture f = crossNamespaceUdpRoute();
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @Test
  void udpRouteReferenceGrant() {
    StatusFixture f =
        crossNamespaceUdpRoute(
            grant("udp-grant", "web", "UDPRoute", "infra", "{group: '', kind: Service}"));
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");

    f.remove("ReferenceGrant", "udp-grant");
    f.reconcile();
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
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

  /**
   * TLSRouteInvalidBackendRef*: the route is accepted on a passthrough listener; its only backend
   * reference does not resolve, for {@code reason}.
   */
  void invalidTlsBackendRef(String backendRef, String reason) {
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
                    "[" + backendRef + "]"));
    f.reconcile();
    gatewayAndTlsRoutesAccepted(f, "gw", "r");
    assertThat(f.routeCondition("TLSRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:" + reason);
  }

  @Test
  void tlsRouteInvalidBackendRefNonexistent() {
    invalidTlsBackendRef("{name: nonexistent, namespace: infra, port: 443}", "BackendNotFound");
  }

  @Test
  void tlsRouteInvalidBackendRefUnknownKind() {
    invalidTlsBackendRef(
        "{group: unknownkind.example.com, kind: NonExistent, name: tls-backend, port: 443}",
        "InvalidKind");
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
  void reconcileSupporting(StatusFixture f, Set<String> tlsFeatures) {
    assumeTrue(
        mode == Mode.RECONCILER,
        "the served controller supports every TLS listener mode; the suite's not-supported variant"
            + " runs against a reconciler built without them");
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
