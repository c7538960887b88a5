package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.HTTP;
import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.HTTPS;
import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.gateway;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Route {@code status.parents[]}, written from httproute_types.go and shared_types.go (v1.6.1). */
class RouteStatusTest {
  static String route(
      String name, String namespace, long generation, String parentRefs, String extra) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + ", generation: "
        + generation
        + "}\nspec:\n  parentRefs: "
        + parentRefs
        + "\n"
        + extra;
  }

  static final String SVC =
      "apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: a}\nspec: {ports: [{port: 8080}]}\n";
  static final String TO_SVC = "  rules: [{backendRefs: [{name: svc, port: 8080}]}]\n";

  @Test
  void routeToAListenerWhoseCertificateIsMissingIsAttachedAndTheListenerSaysWhy() {
    // Fails on the old code: it answered NotAllowedByListeners "... from namespace a" and counted 0
    // routes.
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(gateway("gw", 1, "", HTTPS))
            .add(route("r", "a", 4, "[{name: gw}]", TO_SVC));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listener("Gateway", "gw", "https").path("attachedRoutes").asInt()).isEqualTo(1);
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:InvalidCertificateRef");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Programmed"))
        .isEqualTo("False:Invalid");
    assertThat(f.eventReasons())
        .containsExactly(
            "Gateway/gw:InvalidCertificateRef",
            "Gateway/gw:Invalid",
            "Gateway/gw:ListenersNotValid",
            "Gateway/gw:Invalid",
            "Gateway/gw:ListenersNotResolved");
    assertThat(f.get("Gateway", "gw").path("status").path("listeners").get(0).toString())
        .contains("Secret a/tls does not exist");
  }

  @Test
  void refusalsHaveTheirSpecReasonsAndOneEventEach() {
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(gateway("gw", 1, "", HTTP))
            .add(route("other-ns", "b", 1, "[{name: gw, namespace: a}]", ""))
            .add(route("no-section", "a", 1, "[{name: gw, sectionName: nope}]", ""))
            .add(route("wrong-port", "a", 1, "[{name: gw, port: 81}]", ""))
            .add(route("wrong-host", "a", 1, "[{name: gw}]", "  hostnames: [x.test]\n"));
    f.replace(
        "Gateway",
        "gw",
        gateway("gw", 1, "", "  - {name: http, port: 80, protocol: HTTP, hostname: y.test}\n"));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "other-ns", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.routeCondition("HTTPRoute", "no-section", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
    assertThat(f.routeCondition("HTTPRoute", "wrong-port", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
    assertThat(f.routeCondition("HTTPRoute", "wrong-host", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingListenerHostname");
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt()).isZero();
    assertThat(f.eventReasons())
        .contains(
            "HTTPRoute/other-ns:NotAllowedByListeners",
            "HTTPRoute/no-section:NoMatchingParent",
            "HTTPRoute/wrong-port:NoMatchingParent",
            "HTTPRoute/wrong-host:NoMatchingListenerHostname");
    JsonNode event =
        f.events.stream()
            .filter(e -> e.path("involvedObject").path("name").asText().equals("other-ns"))
            .findFirst()
            .orElseThrow();
    assertThat(event.path("metadata").path("namespace").asText()).isEqualTo("b");
    assertThat(event.path("involvedObject").path("kind").asText()).isEqualTo("HTTPRoute");
    assertThat(event.path("message").asText()).contains("Gateway a/gw").contains("namespace b");
    assertThat(event.path("source").path("component").asText()).isEqualTo(StatusFixture.CONTROLLER);

    // Nothing changed: no status written, no event repeated.
    assertThat(f.reconcile()).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void backendRefsResolveWhenTheServiceAppearsAndNotAfterItGoes() {
    StatusFixture f =
        new StatusFixture()
            .add(gateway("gw", 1, "", HTTP))
            .add(route("r", "a", 2, "[{name: gw}]", TO_SVC));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
    assertThat(f.eventReasons()).containsExactly("HTTPRoute/r:BackendNotFound");
    f.add(SVC);
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    f.remove("Service", "svc");
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:BackendNotFound");
  }

  /**
   * GEP-1911: a WebSocket-over-TLS backend ({@code appProtocol: kubernetes.io/wss}) from an
   * HTTPRoute needs a BackendTLSPolicy for the Gateway to originate the TLS; without one the
   * reference is unresolved with reason {@code UnsupportedProtocol}, as the data plane answers its
   * share with 500.
   */
  @Test
  void aWssBackendWithoutABackendTlsPolicyIsAnUnsupportedProtocol() {
    String wss =
        "apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: a}\n"
            + "spec: {ports: [{port: 8080, appProtocol: kubernetes.io/wss}]}\n";
    StatusFixture f =
        new StatusFixture()
            .add(wss)
            .add(gateway("gw", 1, "", HTTP))
            .add(route("r", "a", 2, "[{name: gw}]", TO_SVC));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:UnsupportedProtocol");
    assertThat(f.eventReasons()).containsExactly("HTTPRoute/r:UnsupportedProtocol");
    f.add(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
            + "metadata: {name: tls, namespace: a}\nspec:\n"
            + "  targetRefs: [{group: '', kind: Service, name: svc}]\n"
            + "  validation: {wellKnownCACertificates: System, hostname: svc.example.com}\n");
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @Test
  void parentsOfOtherControllersAreLeftAlone() {
    String otherEntry =
        "status:\n  parents:\n  - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: theirs}\n"
            + "    controllerName: example.com/other\n    conditions: [{type: Accepted, status: 'True', reason: Accepted,"
            + " message: '', observedGeneration: 1, lastTransitionTime: '2020-01-01T00:00:00Z'}]\n";
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(gateway("gw", 1, "", HTTP))
            .add(HEAD_OTHER_GW)
            .add(
                route(
                    "r",
                    "a",
                    1,
                    "[{name: gw}, {name: theirs}, {name: absent}]",
                    TO_SVC + otherEntry));
    f.reconcile();
    JsonNode parents = f.get("HTTPRoute", "r").path("status").path("parents");
    assertThat(parents).hasSize(2);
    assertThat(parents.get(0).path("controllerName").asText()).isEqualTo("example.com/other");
    assertThat(parents.get(0).path("conditions").get(0).path("lastTransitionTime").asText())
        .isEqualTo("2020-01-01T00:00:00Z");
    assertThat(
            StatusFixture.parent(f.get("HTTPRoute", "r"), "Gateway", "gw")
                .path("controllerName")
                .asText())
        .isEqualTo(StatusFixture.CONTROLLER);
    // A route whose only parent is another controller's Gateway gets no status from us.
    f.add(route("only-theirs", "a", 1, "[{name: theirs}]", TO_SVC));
    assertThat(f.reconcile()).doesNotContainKey("HTTPRoute/only-theirs");
  }

  static final String HEAD_OTHER_GW =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
          + "metadata: {name: theirs, namespace: a}\nspec:\n  gatewayClassName: other\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n";

  @Test
  void attachedRoutesCountOnlyAcceptedRoutesPerListener() {
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(tlsSecretYaml("a", "tls"))
            .add(gateway("gw", 1, "", HTTP + HTTPS))
            .add(route("both", "a", 1, "[{name: gw}]", TO_SVC))
            .add(route("https-only", "a", 1, "[{name: gw, sectionName: https}]", TO_SVC))
            .add(route("refused", "b", 1, "[{name: gw, namespace: a}]", TO_SVC));
    f.reconcile();
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt()).isEqualTo(1);
    assertThat(f.listener("Gateway", "gw", "https").path("attachedRoutes").asInt()).isEqualTo(2);
    f.remove("HTTPRoute", "both");
    f.reconcile();
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt()).isZero();
    assertThat(f.listener("Gateway", "gw", "https").path("attachedRoutes").asInt()).isEqualTo(1);
  }
}
