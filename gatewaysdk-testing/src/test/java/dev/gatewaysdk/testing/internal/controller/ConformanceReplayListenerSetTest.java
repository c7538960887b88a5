package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayRoutesTest.gatewayHasAddress;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayRoutesTest.service;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.testing.internal.controller.StatusFixture.Mode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The status expectations of the Gateway API v1.6.1 ListenerSet conformance tests not replayed by
 * {@link ConformanceReplayTest}, one-to-one: each method is named after the conformance test whose
 * objects it rebuilds (our own manifests; {@code infra} stands for the suite's infrastructure
 * namespace) and asserts what that test waits for: the Gateway's {@code Accepted} and {@code
 * attachedListenerSets}, the ListenerSets' and their listeners' conditions, supported kinds and
 * attached routes, and the routes' parent entries. The HTTP traffic those tests then send belongs
 * to the data plane.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Mode.class)
class ConformanceReplayListenerSetTest {
  @Parameter Mode mode;

  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  /** A Gateway in {@code infra}; {@code allowed} is its allowedListeners (null: left out). */
  String gateway(String name, String allowed, String... listeners) {
    StringBuilder b =
        new StringBuilder(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ")
            .append(name)
            .append(", namespace: infra, generation: 1}\nspec:\n  gatewayClassName: sim\n");
    if (allowed != null) {
      b.append("  allowedListeners: {namespaces: ").append(allowed).append("}\n");
    }
    b.append("  listeners:\n");
    for (String l : listeners) {
      b.append("  - ").append(l).append('\n');
    }
    return b.toString();
  }

  String listenerSet(String name, String namespace, String gateway, String... listeners) {
    StringBuilder b =
        new StringBuilder(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ")
            .append(name)
            .append(", namespace: ")
            .append(namespace)
            .append(", generation: 1, creationTimestamp: '2026-01-01T00:00:01Z'}\nspec:\n")
            .append("  parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: ")
            .append(gateway)
            .append(", namespace: infra}\n  listeners:\n");
    for (String l : listeners) {
      b.append("  - ").append(l).append('\n');
    }
    return b.toString();
  }

  /** An HTTP listener on port 80 with hostname {@code name}.com. */
  String http(String name, String routesFrom) {
    return "{name: "
        + name
        + ", port: 80, protocol: HTTP, hostname: "
        + name
        + ".com, allowedRoutes: {namespaces: "
        + routesFrom
        + "}}";
  }

  static final String ALL = "{from: All}";
  static final String SAME = "{from: Same}";

  String route(String name, String namespace, String parentRefs, String backendRefs) {
    return ConformanceReplayTest.route(
        name, namespace, parentRefs, "[{backendRefs: " + backendRefs + "}]");
  }

  String toListenerSet(String name, String namespace, String section) {
    return "{group: gateway.networking.k8s.io, kind: ListenerSet, name: "
        + name
        + ", namespace: "
        + namespace
        + (section == null ? "" : ", sectionName: " + section)
        + "}";
  }

  String backend(String name, String namespace) {
    return "[{name: "
        + name
        + (namespace == null ? "" : ", namespace: " + namespace)
        + ", port: 8080}]";
  }

  StatusFixture fixture() {
    return StatusFixture.of(mode)
        .add(service("infra", "infra-backend-v1", 8080))
        .add(service("infra", "infra-backend-v2", 8080))
        .add(service("infra", "infra-backend-v3", 8080));
  }

  // ---------------------------------------------------------------------------------------------
  // What the suite's helpers wait for

  void gatewayAccepted(StatusFixture f, String gw, int attachedListenerSets) {
    assertThat(f.objectCondition("Gateway", gw, "Accepted")).startsWith("True:");
    assertThat(f.get("Gateway", gw).path("status").path("attachedListenerSets").asInt(-1))
        .as("attachedListenerSets of %s", gw)
        .isEqualTo(attachedListenerSets);
  }

  void listenerSet(StatusFixture f, String ls, String accepted, String programmed) {
    assertThat(f.objectCondition("ListenerSet", ls, "Accepted")).isEqualTo(accepted);
    assertThat(f.objectCondition("ListenerSet", ls, "Programmed")).isEqualTo(programmed);
  }

  void notAllowed(StatusFixture f, String ls) {
    listenerSet(f, ls, "False:NotAllowed", "False:NotAllowed");
  }

  /** ListenerSetListenersMustHaveConditions with the accepted-listener conditions. */
  void listenersReady(StatusFixture f, String kind, String owner, String... listeners) {
    for (String l : listeners) {
      for (String type : new String[] {"ResolvedRefs", "Accepted", "Programmed"}) {
        assertThat(f.listenerCondition(kind, owner, l, type))
            .as(l + " " + type)
            .startsWith("True:");
      }
    }
  }

  /**
   * ListenerSetStatusMustHaveListeners: exactly these listeners, each supporting HTTPRoute, ready,
   * with this many attached routes.
   */
  void listenerSetListeners(StatusFixture f, String ls, Map<String, Integer> attached) {
    assertThat(f.get("ListenerSet", ls).path("status").path("listeners")).hasSize(attached.size());
    attached.forEach(
        (name, n) -> {
          JsonNode l = f.listener("ListenerSet", ls, name);
          assertThat(l.path("supportedKinds").findValuesAsText("kind")).contains("HTTPRoute");
          assertThat(l.path("attachedRoutes").asInt(-1))
              .as("attachedRoutes of %s", name)
              .isEqualTo(n);
          listenersReady(f, "ListenerSet", ls, name);
        });
  }

  /** The route's parent entry for {@code parentKind} {@code parent}: ours, Accepted. */
  void acceptedBy(StatusFixture f, String route, String parentKind, String parent) {
    JsonNode p = StatusFixture.parent(f.get("HTTPRoute", route), parentKind, parent);
    assertThat(p.path("controllerName").asText()).isEqualTo(StatusFixture.CONTROLLER);
    assertThat(p.path("parentRef").path("group").asText()).isEqualTo("gateway.networking.k8s.io");
    assertThat(f.routeCondition("HTTPRoute", route, parentKind, parent, "Accepted"))
        .as("%s by %s %s", route, parentKind, parent)
        .isEqualTo("True:Accepted");
  }

  Map<String, Integer> attached(Object... nameThenCount) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenCount.length; i += 2) {
      m.put((String) nameThenCount[i], (Integer) nameThenCount[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------------------------------------

  /** A ListenerSet whose Gateway's allowedListeners ({@code allowed}) does not admit it. */
  void notAdmitted(String allowed) {
    StatusFixture f =
        fixture()
            .add(gateway("gw", allowed, http("gateway-listener", ALL)))
            .add(listenerSet("ls", "infra", "gw", http("listener-set-listener", ALL)));
    f.reconcile();
    gatewayAccepted(f, "gw", 0);
    notAllowed(f, "ls");
  }

  @Test
  void listenerSetAllowedNamespaceNone() {
    notAdmitted("{from: None}");
  }

  @Test
  void listenerSetDefaultNotAllowed() {
    notAdmitted(null);
  }

  @Test
  void listenerSetAllowedNamespaceSame() {
    StatusFixture f =
        fixture()
            .add(gateway("gw", SAME, http("gateway-listener", ALL)))
            .add(listenerSet("same-ns", "infra", "gw", http("same-ns-listener", ALL)))
            .add(namespace("other", ""))
            .add(listenerSet("other-ns", "other", "gw", http("other-ns-listener", ALL)));
    f.reconcile();
    gatewayAccepted(f, "gw", 1);
    listenerSet(f, "same-ns", "True:Accepted", "True:Programmed");
    listenersReady(f, "ListenerSet", "same-ns", "same-ns-listener");
    notAllowed(f, "other-ns");
  }

  @Test
  void listenerSetAllowedNamespaceSelector() {
    StatusFixture f =
        fixture()
            .add(
                gateway(
                    "gw",
                    "{from: Selector, selector: {matchLabels: {allowed: ns}}}",
                    http("gateway-listener", ALL)))
            .add(namespace("selected", "allowed: ns"))
            .add(listenerSet("in-selected", "selected", "gw", http("selected-listener", ALL)))
            .add(namespace("unselected", ""))
            .add(listenerSet("not-selected", "unselected", "gw", http("unselected-listener", ALL)));
    f.reconcile();
    gatewayAccepted(f, "gw", 1);
    listenerSet(f, "in-selected", "True:Accepted", "True:Programmed");
    listenersReady(f, "ListenerSet", "in-selected", "selected-listener");
    notAllowed(f, "not-selected");
  }

  @Test
  void listenerSetAllowedRoutesSupportedKinds() {
    StatusFixture f =
        fixture()
            .add(gateway("gw", ALL, http("gateway-listener", ALL)))
            .add(
                listenerSet(
                    "ls",
                    "infra",
                    "gw",
                    "{name: tls-only, port: 443, protocol: TLS, hostname: tls-only.com,"
                        + " allowedRoutes: {namespaces: {from: All}, kinds: [{kind: HTTPRoute}]},"
                        + " tls: {mode: Passthrough}}"));
    f.snapshot.served.add("TLSRoute");
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).startsWith("True:");
    assertThat(f.listenerCondition("ListenerSet", "ls", "tls-only", "ResolvedRefs"))
        .isEqualTo("False:InvalidRouteKinds");
  }

  @Test
  void listenerSetAllowedRoutesNamespaces() {
    String ls = "ls";
    String toLs = "[" + toListenerSet(ls, "infra", null) + "]";
    String crossLs = "ls-cross-ns";
    String toCrossLs = "[" + toListenerSet(crossLs, "cross", null) + "]";
    StatusFixture f =
        fixture()
            .add(gateway("gw", ALL, http("gateway-listener", ALL)))
            .add(
                listenerSet(
                    ls,
                    "infra",
                    "gw",
                    http("routes-all", ALL),
                    http("routes-same", SAME),
                    http(
                        "routes-selector",
                        "{from: Selector, selector: {matchLabels: {allowed: ns}}}")))
            .add(namespace("routes-allowed", "allowed: ns"))
            .add(namespace("routes-not-allowed", ""))
            .add(namespace("cross", ""))
            .add(listenerSet(crossLs, "cross", "gw", http("cross-ns-same", SAME)))
            .add(route("in-same", "infra", toLs, backend("infra-backend-v1", null)))
            .add(route("in-selected", "routes-allowed", toLs, backend("infra-backend-v2", "infra")))
            .add(
                route(
                    "not-in-selected",
                    "routes-not-allowed",
                    toLs,
                    backend("infra-backend-v3", "infra")))
            .add(route("in-ls-ns", "cross", toCrossLs, backend("infra-backend-v1", "infra")))
            .add(route("in-gw-ns", "infra", toCrossLs, backend("infra-backend-v2", null)))
            .add(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\n"
                    + "metadata: {name: services, namespace: infra}\nspec:\n"
                    + "  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: routes-allowed},"
                    + " {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: routes-not-allowed},"
                    + " {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: cross}]\n"
                    + "  to: [{group: '', kind: Service}]\n");
    f.reconcile();
    gatewayHasAddress(f, "gw");
    gatewayAccepted(f, "gw", 2);

    // Same-namespace ListenerSet.
    for (String r : new String[] {"in-same", "in-selected", "not-in-selected"}) {
      acceptedBy(f, r, "ListenerSet", ls);
    }
    listenerSetListeners(f, ls, attached("routes-all", 3, "routes-same", 1, "routes-selector", 1));

    // Cross-namespace ListenerSet: its listener's "Same" is the ListenerSet's namespace.
    acceptedBy(f, "in-ls-ns", "ListenerSet", crossLs);
    listenersReady(f, "ListenerSet", crossLs, "cross-ns-same");
    assertThat(f.routeCondition("HTTPRoute", "in-gw-ns", "ListenerSet", crossLs, "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    listenerSetListeners(f, crossLs, attached("cross-ns-same", 1));
  }

  @Test
  void listenerSetDualParentRefIndependence() {
    StatusFixture f =
        fixture()
            .add(gateway("gw", SAME, http("gw-dual", SAME)))
            .add(listenerSet("ls", "infra", "gw", http("ls-dual", SAME)))
            .add(
                route(
                    "both",
                    "infra",
                    "[{name: gw, namespace: infra}, " + toListenerSet("ls", "infra", null) + "]",
                    backend("infra-backend-v1", null)))
            .add(
                route(
                    "one",
                    "infra",
                    "[{name: gw, namespace: infra, sectionName: ls-dual}, "
                        + toListenerSet("ls", "infra", "ls-dual")
                        + "]",
                    backend("infra-backend-v2", null)));
    f.reconcile();
    gatewayHasAddress(f, "gw");
    gatewayAccepted(f, "gw", 1);
    listenerSetListeners(f, "ls", attached("ls-dual", 2));

    // Both parentRefs accepted.
    acceptedBy(f, "both", "Gateway", "gw");
    acceptedBy(f, "both", "ListenerSet", "ls");

    // One of two: the Gateway has no listener named after the ListenerSet's.
    assertThat(f.routeCondition("HTTPRoute", "one", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
    acceptedBy(f, "one", "ListenerSet", "ls");
    listenersReady(f, "ListenerSet", "ls", "ls-dual");
  }

  @Test
  void listenerSetHttpRouting() {
    String toGw = "{name: gw, namespace: infra}";
    StatusFixture f =
        fixture()
            .add(
                gateway(
                    "gw", ALL, http("gateway-listener-1", ALL), http("gateway-listener-2", ALL)))
            .add(
                listenerSet(
                    "ls-1",
                    "infra",
                    "gw",
                    http("ls-1-listener-1", ALL),
                    http("ls-1-listener-2", ALL)))
            .add(
                listenerSet(
                    "ls-2",
                    "infra",
                    "gw",
                    http("ls-2-listener-1", ALL),
                    http("ls-2-listener-2", ALL)))
            .add(
                route(
                    "attaches-to-all",
                    "infra",
                    "["
                        + toGw
                        + ", "
                        + toListenerSet("ls-1", "infra", null)
                        + ", "
                        + toListenerSet("ls-2", "infra", null)
                        + "]",
                    backend("infra-backend-v1", null)))
            .add(
                route(
                    "gateway-route", "infra", "[" + toGw + "]", backend("infra-backend-v2", null)))
            .add(
                route(
                    "gateway-section-route",
                    "infra",
                    "[{name: gw, namespace: infra, sectionName: gateway-listener-1}]",
                    backend("infra-backend-v3", null)))
            .add(
                route(
                    "ls-1-route",
                    "infra",
                    "[" + toListenerSet("ls-1", "infra", null) + "]",
                    backend("infra-backend-v2", null)))
            .add(
                route(
                    "ls-1-section-route",
                    "infra",
                    "[" + toListenerSet("ls-1", "infra", "ls-1-listener-1") + "]",
                    backend("infra-backend-v3", null)))
            .add(
                route(
                    "ls-2-route",
                    "infra",
                    "[" + toListenerSet("ls-2", "infra", null) + "]",
                    backend("infra-backend-v2", null)));
    f.reconcile();
    gatewayHasAddress(f, "gw");
    for (String r : new String[] {"attaches-to-all", "gateway-route", "gateway-section-route"}) {
      acceptedBy(f, r, "Gateway", "gw");
    }
    listenersReady(f, "Gateway", "gw", "gateway-listener-1", "gateway-listener-2");
    gatewayAccepted(f, "gw", 2);

    for (String r : new String[] {"attaches-to-all", "ls-1-route", "ls-1-section-route"}) {
      acceptedBy(f, r, "ListenerSet", "ls-1");
    }
    listenerSetListeners(f, "ls-1", attached("ls-1-listener-1", 3, "ls-1-listener-2", 2));

    for (String r : new String[] {"attaches-to-all", "ls-2-route"}) {
      acceptedBy(f, r, "ListenerSet", "ls-2");
    }
    listenerSetListeners(f, "ls-2", attached("ls-2-listener-1", 2, "ls-2-listener-2", 2));
  }
}
