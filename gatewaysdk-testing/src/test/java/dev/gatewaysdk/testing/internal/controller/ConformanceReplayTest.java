package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.testing.internal.controller.StatusFixture.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The status expectations of the Gateway API conformance suite (v1.6.1, {@code conformance/tests}),
 * replayed against the reconciler: each test is named after the conformance test whose objects it
 * rebuilds (our own manifests, in namespaces {@code infra} and {@code web} standing for the suite's
 * infrastructure and web-backend namespaces) and asserts what that test waits for.
 * docs/conformance.md lists every conformance test and its state.
 *
 * <p>Every scenario runs in each {@link Mode}: against the reconciler, and through what {@code
 * gatewaysdk serve} runs (embedded API server and simulated controller) with the standard and the
 * experimental channel's CRDs. Every kind used here is served by both channels of v1.6.1.
 */
class ConformanceReplayTest {
  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  static final String GW = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n";
  static final String SVC =
      "apiVersion: v1\nkind: Service\nmetadata: {name: backend, namespace: infra}\nspec: {ports: [{port: 8080}]}\n";
  static final String WEB_SVC =
      "apiVersion: v1\nkind: Service\nmetadata: {name: backend, namespace: web}\nspec: {ports: [{port: 8080}]}\n";

  static String gateway(String name, String specExtra, String listeners) {
    return GW
        + "metadata: {name: "
        + name
        + ", namespace: infra, generation: 1}\nspec:\n  gatewayClassName: sim\n"
        + specExtra
        + "  listeners:\n"
        + listeners;
  }

  static String route(String name, String namespace, String parentRefs, String rules) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + ", generation: 1}\nspec:\n  parentRefs: "
        + parentRefs
        + "\n  rules: "
        + rules
        + "\n";
  }

  static String grant(String name, String namespace, String fromKind, String fromNs, String to) {
    return "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: "
        + fromKind
        + ", namespace: "
        + fromNs
        + "}]\n  to: ["
        + to
        + "]\n";
  }

  static String namespace(String name, String labels) {
    return "apiVersion: v1\nkind: Namespace\nmetadata: {name: "
        + name
        + ", labels: {"
        + labels
        + "}}\n";
  }

  static final String SAME =
      "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n";
  static final String TO_BACKEND = "[{backendRefs: [{name: backend, port: 8080}]}]";

  static String https(String name, String certNs) {
    return "  - {name: "
        + name
        + ", port: 443, protocol: HTTPS, hostname: "
        + name
        + ".example.com,"
        + " allowedRoutes: {namespaces: {from: All}}, tls: {certificateRefs: [{group: '', kind: Secret, name: cert, namespace: "
        + certNs
        + "}]}}\n";
  }

  static String kinds(JsonNode listener) {
    return String.join(",", listener.path("supportedKinds").findValuesAsText("kind"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidRouteKind(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(
                gateway(
                    "only-invalid",
                    "",
                    "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: InvalidRoute}]}}\n"))
            .add(
                gateway(
                    "invalid-and-http",
                    "",
                    "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: InvalidRoute}, {kind: HTTPRoute}]}}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "only-invalid", "http", "ResolvedRefs"))
        .isEqualTo("False:InvalidRouteKinds");
    assertThat(kinds(f.listener("Gateway", "only-invalid", "http"))).isEmpty();
    assertThat(f.listenerCondition("Gateway", "invalid-and-http", "http", "ResolvedRefs"))
        .isEqualTo("False:InvalidRouteKinds");
    assertThat(kinds(f.listener("Gateway", "invalid-and-http", "http"))).isEqualTo("HTTPRoute");
    assertThat(f.listener("Gateway", "invalid-and-http", "http").path("attachedRoutes").asInt(-1))
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidListenersUnsupportedProtocol(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(gateway("gw", "", "  - {name: bad, port: 80, protocol: example.com/Nope}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "bad", "Accepted"))
        .isEqualTo("False:UnsupportedProtocol");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("False:ListenersNotValid");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewaySecretReferenceGrants(Mode mode) {
    // GatewaySecretMissingReferenceGrant, ...InvalidReferenceGrant, ...ReferenceGrantSpecific,
    // ...AllInNamespace.
    StatusFixture f =
        StatusFixture.of(mode)
            .add(tlsSecretYaml("web", "cert"))
            .add(gateway("gw", "", https("https", "web")));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    assertThat(kinds(f.listener("Gateway", "gw", "https"))).isEqualTo("HTTPRoute,GRPCRoute");
    assertThat(f.listener("Gateway", "gw", "https").path("attachedRoutes").asInt(-1)).isZero();

    f.add(
        grant(
            "wrong-name", "web", "Gateway", "infra", "{group: '', kind: Secret, name: not-cert}"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");

    f.add(grant("specific", "web", "Gateway", "infra", "{group: '', kind: Secret, name: cert}"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Programmed"))
        .isEqualTo("True:Programmed");

    f.remove("ReferenceGrant", "specific")
        .add(grant("all", "web", "Gateway", "infra", "{group: '', kind: Secret}"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");

    f.remove("ReferenceGrant", "all");
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayObservedGenerationBump(Mode mode) {
    StatusFixture f = StatusFixture.of(mode).add(gateway("gw", "", SAME));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Programmed")).isEqualTo("True:Programmed");
    f.replace(
        "Gateway",
        "gw",
        gateway("gw", "", SAME + "  - {name: other, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    // objectCondition/listenerCondition check observedGeneration is the bumped generation 2.
    assertThat(StatusFixture.generation(f.get("Gateway", "gw"))).isEqualTo(2);
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Programmed")).isEqualTo("True:Programmed");
    assertThat(f.listenerCondition("Gateway", "gw", "other", "Accepted"))
        .isEqualTo("True:Accepted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayWithAttachedRoutes(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n"
                        + "  - {name: unused, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n"))
            .add(route("r", "infra", "[{name: gw, sectionName: http}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt()).isEqualTo(1);
    assertThat(f.listener("Gateway", "gw", "unused").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void httpRouteInvalidCrossNamespaceParentRef(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(WEB_SVC)
            .add(gateway("same-namespace", "", SAME))
            .add(route("r", "web", "[{name: same-namespace, namespace: infra}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "same-namespace", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "same-namespace", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listener("Gateway", "same-namespace", "http").path("attachedRoutes").asInt(-1))
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void httpRouteDisallowedKind(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(
                gateway(
                    "tlsroutes-only",
                    "",
                    "  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n"))
            .add(route("r", "infra", "[{name: tlsroutes-only, namespace: infra}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "tlsroutes-only", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "tlsroutes-only", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listener("Gateway", "tlsroutes-only", "tls").path("attachedRoutes").asInt(-1))
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void httpRouteInvalidBackendRefs(Mode mode) {
    // HTTPRouteInvalidNonExistentBackendRef, ...BackendRefUnknownKind, ...CrossNamespaceBackendRef,
    // HTTPRouteInvalidReferenceGrant, HTTPRouteReferenceGrant,
    // HTTPRoutePartiallyInvalidViaInvalidReferenceGrant.
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(WEB_SVC)
            .add(gateway("gw", "", SAME))
            .add(
                route(
                    "missing",
                    "infra",
                    "[{name: gw}]",
                    "[{backendRefs: [{name: nonexistent, port: 8080}]}]"))
            .add(
                route(
                    "unknown-kind",
                    "infra",
                    "[{name: gw}]",
                    "[{backendRefs: [{group: unknown.example.com, kind: Unknown, name: backend, port: 8080}]}]"))
            .add(
                route(
                    "cross",
                    "infra",
                    "[{name: gw}]",
                    "[{backendRefs: [{name: backend, namespace: web, port: 8080}]}]"));
    f.reconcile();
    for (String r : new String[] {"missing", "unknown-kind", "cross"}) {
      assertThat(f.routeCondition("HTTPRoute", r, "Gateway", "gw", "Accepted"))
          .isEqualTo("True:Accepted");
    }
    assertThat(f.routeCondition("HTTPRoute", "missing", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
    assertThat(f.routeCondition("HTTPRoute", "unknown-kind", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidKind");
    assertThat(f.routeCondition("HTTPRoute", "cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    f.add(
        grant(
            "wrong", "web", "HTTPRoute", "infra", "{group: '', kind: Service, name: not-backend}"));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    f.add(grant("right", "web", "HTTPRoute", "infra", "{group: '', kind: Service, name: backend}"));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    f.remove("ReferenceGrant", "right");
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void httpRouteInvalidParentRefs(Mode mode) {
    // HTTPRouteInvalidParentRefNotMatchingSectionName, ...NotMatchingListenerPort,
    // ...SectionNameNotMatchingPort.
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(gateway("gw", "", SAME))
            .add(route("section", "infra", "[{name: gw, sectionName: nope}]", TO_BACKEND))
            .add(route("port", "infra", "[{name: gw, port: 81}]", TO_BACKEND))
            .add(
                route(
                    "section-port",
                    "infra",
                    "[{name: gw, sectionName: http, port: 81}]",
                    TO_BACKEND));
    f.reconcile();
    for (String r : new String[] {"section", "port", "section-port"}) {
      assertThat(f.routeCondition("HTTPRoute", r, "Gateway", "gw", "Accepted"))
          .as(r)
          .isEqualTo("False:NoMatchingParent");
    }
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void httpRouteObservedGenerationBump(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(gateway("gw", "", SAME))
            .add(route("r", "infra", "[{name: gw}]", TO_BACKEND));
    f.reconcile();
    f.replace(
        "HTTPRoute",
        "r",
        route(
            "r",
            "infra",
            "[{name: gw}]",
            "[{matches: [{path: {type: PathPrefix, value: /v2}}], backendRefs: [{name: backend, port: 8080}]}]"));
    f.reconcile();
    assertThat(StatusFixture.generation(f.get("HTTPRoute", "r"))).isEqualTo(2);
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void routeDetachedFromTheGatewayLosesOurParentEntry(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(gateway("gw", "", SAME))
            .add(gateway("gw2", "", SAME))
            .add(route("r", "infra", "[{name: gw}, {name: gw2}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.get("HTTPRoute", "r").path("status").path("parents")).hasSize(2);
    f.replace("HTTPRoute", "r", route("r", "infra", "[{name: gw2}]", TO_BACKEND));
    f.reconcile();
    JsonNode parents = f.get("HTTPRoute", "r").path("status").path("parents");
    assertThat(parents).hasSize(1);
    assertThat(parents.get(0).path("parentRef").path("name").asText()).isEqualTo("gw2");
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt(-1)).isZero();
    // Detached from every Gateway of ours: our last entry goes too.
    f.replace("HTTPRoute", "r", route("r", "infra", "[{name: elsewhere}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.get("HTTPRoute", "r").path("status").path("parents")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void namespaceLabelsDecideSelectorAttachmentAsTheyChange(Mode mode) {
    // HTTPRouteCrossNamespace / the base manifests' "all-namespaces"/selector listeners: a label
    // edit re-decides.
    StatusFixture f =
        StatusFixture.of(mode)
            .add(namespace("web", "gateway-conformance: web-backend"))
            .add(WEB_SVC)
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector,"
                        + " selector: {matchLabels: {gateway-conformance: web-backend}}}}}\n"))
            .add(route("r", "web", "[{name: gw, namespace: infra}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    f.remove("Namespace", "web").add(namespace("web", "other: x"));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void listenerSetReferenceGrant(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(tlsSecretYaml("web", "cert"))
            .add(
                gateway(
                    "gw",
                    "  allowedListeners: {namespaces: {from: All}}\n",
                    https("gateway-listener", "web")))
            .add(grant("for-gateway", "web", "Gateway", "infra", "{group: '', kind: Secret}"))
            .add(listenerSet("with-grant", "infra", https("ls-with-grant", "web")))
            .add(
                grant(
                    "for-listener-set", "web", "ListenerSet", "infra", "{group: '', kind: Secret}"))
            .add(namespace("ls-ns", ""))
            .add(listenerSet("without-grant", "ls-ns", https("ls-without-grant", "web")));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("Gateway", "gw", "gateway-listener", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.objectCondition("ListenerSet", "with-grant", "Accepted")).startsWith("True:");
    assertThat(f.objectCondition("ListenerSet", "with-grant", "Programmed")).startsWith("True:");
    assertThat(f.listenerCondition("ListenerSet", "with-grant", "ls-with-grant", "ResolvedRefs"))
        .startsWith("True:");
    assertThat(f.objectCondition("ListenerSet", "without-grant", "Accepted"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(f.objectCondition("ListenerSet", "without-grant", "Programmed"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(
            f.listenerCondition("ListenerSet", "without-grant", "ls-without-grant", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");

    // The Gateway's grant does not cover its ListenerSets: only a grant from kind ListenerSet does.
    f.remove("ReferenceGrant", "for-listener-set");
    f.reconcile();
    assertThat(f.listenerCondition("ListenerSet", "with-grant", "ls-with-grant", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    assertThat(f.objectCondition("ListenerSet", "with-grant", "Accepted"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(f.listenerCondition("Gateway", "gw", "gateway-listener", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  static String listenerSet(String name, String namespace, String listeners) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + ", generation: 1, creationTimestamp: '2026-01-01T00:00:01Z'}\nspec:\n  parentRef: {kind: Gateway,"
        + " group: gateway.networking.k8s.io, name: gw, namespace: infra}\n  listeners:\n"
        + listeners;
  }

  static String conflictSet(String name, String listeners) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: "
        + name
        + ", namespace: infra,"
        + " generation: 1, creationTimestamp: '2026-01-01T00:00:01Z'}\nspec:\n  parentRef: {name: gw}\n  listeners:\n"
        + listeners;
  }

  static String http(String name, String protocol, boolean hostname) {
    return "  - {name: "
        + name
        + ", port: 80, protocol: "
        + protocol
        + (hostname ? ", hostname: " + name + ".com" : "")
        + ", allowedRoutes: {namespaces: {from: All}}}\n";
  }

  void assertAcceptedListener(StatusFixture f, String kind, String name, String listener) {
    assertThat(f.listenerCondition(kind, name, listener, "Accepted"))
        .as(listener)
        .isEqualTo("True:Accepted");
    assertThat(f.listenerCondition(kind, name, listener, "Programmed"))
        .as(listener)
        .isEqualTo("True:Programmed");
    assertThat(f.listenerCondition(kind, name, listener, "Conflicted"))
        .as(listener)
        .isEqualTo("False:NoConflicts");
  }

  void assertConflicted(StatusFixture f, String name, String listener, String reason) {
    assertThat(f.listenerCondition("ListenerSet", name, listener, "Accepted"))
        .as(listener)
        .isEqualTo("False:" + reason);
    assertThat(f.listenerCondition("ListenerSet", name, listener, "Programmed"))
        .as(listener)
        .isEqualTo("False:" + reason);
    assertThat(f.listenerCondition("ListenerSet", name, listener, "Conflicted"))
        .as(listener)
        .isEqualTo("True:" + reason);
  }

  /**
   * ListenerSetHostnameConflict and ListenerSetProtocolConflict: the Gateway's listeners win, then
   * older sets.
   */
  void listenerSetConflict(Mode mode, String protocol, String reason) {
    boolean host = "HTTP".equals(protocol);
    StatusFixture f =
        StatusFixture.of(mode)
            .add(
                gateway(
                    "gw",
                    "  allowedListeners: {namespaces: {from: Same}}\n",
                    http("gateway-listener", "HTTP", true)
                        + http("conflict-with-gateway", "HTTP", true)))
            .add(
                conflictSet(
                    "ls-gateway-1",
                    http("set-1", "HTTP", true)
                        + http("conflict-with-gateway", protocol, host)
                        + http("conflict-with-set", "HTTP", true)))
            .add(conflictSet("ls-gateway-2", http("conflict-with-gateway", protocol, host)))
            .add(
                conflictSet(
                    "ls-set-1",
                    http("set-2", "HTTP", true) + http("conflict-with-set", protocol, host)))
            .add(conflictSet("ls-set-2", http("conflict-with-set", protocol, host)));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertAcceptedListener(f, "Gateway", "gw", "gateway-listener");
    assertAcceptedListener(f, "Gateway", "gw", "conflict-with-gateway");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(2);
    for (String ls : new String[] {"ls-gateway-1", "ls-set-1"}) {
      assertThat(f.objectCondition("ListenerSet", ls, "Accepted")).startsWith("True:");
      assertThat(f.objectCondition("ListenerSet", ls, "Programmed")).isEqualTo("True:Programmed");
    }
    assertAcceptedListener(f, "ListenerSet", "ls-gateway-1", "set-1");
    assertConflicted(f, "ls-gateway-1", "conflict-with-gateway", reason);
    assertAcceptedListener(f, "ListenerSet", "ls-gateway-1", "conflict-with-set");
    assertAcceptedListener(f, "ListenerSet", "ls-set-1", "set-2");
    assertConflicted(f, "ls-set-1", "conflict-with-set", reason);
    for (String ls : new String[] {"ls-gateway-2", "ls-set-2"}) {
      assertThat(f.objectCondition("ListenerSet", ls, "Accepted"))
          .isEqualTo("False:ListenersNotValid");
      assertThat(f.objectCondition("ListenerSet", ls, "Programmed"))
          .isEqualTo("False:ListenersNotValid");
    }
    assertConflicted(f, "ls-gateway-2", "conflict-with-gateway", reason);
    assertConflicted(f, "ls-set-2", "conflict-with-set", reason);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void listenerSetHostnameConflict(Mode mode) {
    listenerSetConflict(mode, "HTTP", "HostnameConflict");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void listenerSetProtocolConflict(Mode mode) {
    listenerSetConflict(mode, "TCP", "ProtocolConflict");
  }

  static StatusFixture experimental(Mode mode) {
    StatusFixture f = StatusFixture.of(mode);
    f.snapshot.served.addAll(java.util.List.of("TLSRoute", "TCPRoute", "UDPRoute"));
    return f;
  }

  static String l4Route(String kind, String name, String parentRefs, String spec) {
    return "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + ", namespace: infra, generation: 1}\nspec:\n  parentRefs: "
        + parentRefs
        + "\n"
        + spec
        + "  rules: [{backendRefs: [{name: backend, port: 8080}]}]\n";
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void tcpRouteInvalidNonTcpListener(Mode mode) {
    StatusFixture f =
        experimental(mode)
            .add(SVC)
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: only-http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: HTTPRoute}]}}\n"))
            .add(l4Route("TCPRoute", "r", "[{name: gw, sectionName: only-http}]", ""));
    f.reconcile();
    assertThat(f.routeCondition("TCPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.listener("Gateway", "gw", "only-http").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void udpRouteNotAllowedByListeners(Mode mode) {
    StatusFixture f =
        experimental(mode)
            .add(SVC)
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same}}}\n"))
            .add(l4Route("UDPRoute", "r", "[{name: gw, sectionName: tls}]", ""));
    f.reconcile();
    assertThat(f.routeCondition("UDPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.listener("Gateway", "gw", "tls").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void tlsRouteInvalidNoMatchingListenerHostname(Mode mode) {
    StatusFixture f =
        experimental(mode)
            .add(SVC)
            .add(
                gateway(
                    "exact",
                    "",
                    "  - {name: tls, port: 443, protocol: TLS, hostname: www.example.com, tls: {mode: Passthrough},"
                        + " allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n"))
            .add(
                gateway(
                    "wildcard",
                    "",
                    "  - {name: tls, port: 443, protocol: TLS, hostname: '*.example.com', tls: {mode: Passthrough},"
                        + " allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n"))
            .add(l4Route("TLSRoute", "r1", "[{name: exact}]", "  hostnames: [db.example.com]\n"))
            .add(
                l4Route(
                    "TLSRoute", "r2", "[{name: wildcard}]", "  hostnames: [www.example.org]\n"));
    f.reconcile();
    assertThat(f.routeCondition("TLSRoute", "r1", "Gateway", "exact", "Accepted"))
        .isEqualTo("False:NoMatchingListenerHostname");
    assertThat(f.routeCondition("TLSRoute", "r2", "Gateway", "wildcard", "Accepted"))
        .isEqualTo("False:NoMatchingListenerHostname");
    assertThat(f.listener("Gateway", "exact", "tls").path("attachedRoutes").asInt(-1)).isZero();
    assertThat(f.listener("Gateway", "wildcard", "tls").path("attachedRoutes").asInt(-1)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void tlsRouteListenerSupportedKinds(Mode mode) {
    // TLSRouteListenerTerminateSupportedKinds and ...PassthroughSupportedKinds.
    StatusFixture f =
        experimental(mode)
            .add(tlsSecretYaml("infra", "cert"))
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: terminate, port: 443, protocol: TLS, hostname: terminate.example.com, tls: {mode: Terminate,"
                        + " certificateRefs: [{name: cert}]}, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n"
                        + "  - {name: passthrough, port: 443, protocol: TLS, hostname: passthrough.example.com, tls: {mode: Passthrough},"
                        + " allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n"));
    f.reconcile();
    for (String l : new String[] {"terminate", "passthrough"}) {
      assertThat(kinds(f.listener("Gateway", "gw", l))).as(l).isEqualTo("TLSRoute");
      assertThat(f.listenerCondition("Gateway", "gw", l, "Accepted"))
          .as(l)
          .isEqualTo("True:Accepted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void tcpAndUdpRoutesBackendRefs(Mode mode) {
    // TCPRouteInvalidBackendRefNonexistent, UDPRouteInvalidBackendRefNonexistent,
    // *InvalidCrossNamespaceBackendRef, *ReferenceGrant.
    StatusFixture f =
        experimental(mode)
            .add(WEB_SVC)
            .add(
                gateway(
                    "gw",
                    "",
                    "  - {name: tcp, port: 9000, protocol: TCP, allowedRoutes: {namespaces: {from: Same}}}\n"
                        + "  - {name: udp, port: 9000, protocol: UDP, allowedRoutes: {namespaces: {from: Same}}}\n"))
            .add(l4Route("TCPRoute", "tcp-missing", "[{name: gw, sectionName: tcp}]", ""))
            .add(l4Route("UDPRoute", "udp-missing", "[{name: gw, sectionName: udp}]", ""))
            .add(
                l4Route("TCPRoute", "tcp-cross", "[{name: gw, sectionName: tcp}]", "")
                    .replace(
                        "{name: backend, port: 8080}",
                        "{name: backend, namespace: web, port: 8080}"));
    f.reconcile();
    assertThat(f.routeCondition("TCPRoute", "tcp-missing", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("TCPRoute", "tcp-missing", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
    assertThat(f.routeCondition("UDPRoute", "udp-missing", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
    assertThat(f.routeCondition("TCPRoute", "tcp-cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    f.add(grant("tcp", "web", "TCPRoute", "infra", "{group: '', kind: Service}"));
    f.reconcile();
    assertThat(f.routeCondition("TCPRoute", "tcp-cross", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listener("Gateway", "gw", "tcp").path("attachedRoutes").asInt()).isEqualTo(2);
    assertThat(f.listener("Gateway", "gw", "udp").path("attachedRoutes").asInt()).isEqualTo(1);
  }

  static String sameListener(String name) {
    return "  - {name: "
        + name
        + ", port: 80, protocol: HTTP, hostname: "
        + name
        + ".com, allowedRoutes: {namespaces: {from: Same}}}\n";
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void listenerSetRouteStatusScopedToParentRef(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(
                gateway(
                    "gw",
                    "  allowedListeners: {namespaces: {from: Same}}\n",
                    sameListener("gw-listener")))
            .add(conflictSet("ls", sameListener("ls-listener")))
            .add(route("gw-only", "infra", "[{name: gw}]", TO_BACKEND))
            .add(route("ls-only", "infra", "[{kind: ListenerSet, name: ls}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(1);
    assertThat(f.listener("ListenerSet", "ls", "ls-listener").path("attachedRoutes").asInt())
        .isEqualTo(1);
    assertThat(f.listener("Gateway", "gw", "gw-listener").path("attachedRoutes").asInt())
        .isEqualTo(1);
    assertThat(f.get("HTTPRoute", "gw-only").path("status").path("parents")).hasSize(1);
    assertThat(f.routeCondition("HTTPRoute", "gw-only", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.get("HTTPRoute", "ls-only").path("status").path("parents")).hasSize(1);
    assertThat(f.routeCondition("HTTPRoute", "ls-only", "ListenerSet", "ls", "Accepted"))
        .isEqualTo("True:Accepted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void listenerSetGatewayParentSectionNameNotFound(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(
                gateway(
                    "gw",
                    "  allowedListeners: {namespaces: {from: Same}}\n",
                    sameListener("gw-listener")))
            .add(conflictSet("ls", sameListener("ls-only-listener")))
            .add(
                route(
                    "via-ls",
                    "infra",
                    "[{kind: ListenerSet, name: ls, sectionName: ls-only-listener}]",
                    TO_BACKEND))
            .add(
                route(
                    "via-gw", "infra", "[{name: gw, sectionName: ls-only-listener}]", TO_BACKEND));
    f.reconcile();
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(1);
    assertThat(f.routeCondition("HTTPRoute", "via-ls", "ListenerSet", "ls", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "via-gw", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayClassObservedGenerationBump(Mode mode) {
    StatusFixture f = StatusFixture.of(mode);
    f.reconcile();
    assertThat(f.objectCondition("GatewayClass", "sim", "Accepted")).isEqualTo("True:Accepted");
    f.replace(
        "GatewayClass",
        "sim",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
            + "metadata: {name: sim, generation: 1}\nspec: {controllerName: "
            + StatusFixture.CONTROLLER
            + ", description: bumped}\n");
    f.reconcile();
    assertThat(StatusFixture.generation(f.get("GatewayClass", "sim"))).isEqualTo(2);
    assertThat(f.objectCondition("GatewayClass", "sim", "Accepted")).isEqualTo("True:Accepted");
  }
}
