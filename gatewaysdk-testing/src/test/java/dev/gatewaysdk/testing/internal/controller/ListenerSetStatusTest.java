package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.HTTP;
import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.gateway;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.SVC;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.TO_SVC;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.route;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * ListenerSet status (GEP-1713, listenerset_types.go v1.6.1) and its effect on the parent Gateway
 * and routes.
 */
class ListenerSetStatusTest {
  static final String ALLOW_SAME = "  allowedListeners: {namespaces: {from: Same}}\n";

  static String listenerSet(
      String name, String namespace, String created, String parent, String listeners) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + ", generation: 2, creationTimestamp: '"
        + created
        + "'}\nspec:\n  parentRef: "
        + parent
        + "\n  listeners:\n"
        + listeners;
  }

  static final String T1 = "2026-01-01T00:00:01Z";
  static final String T2 = "2026-01-01T00:00:02Z";

  @Test
  void gatewaysAllowNoListenerSetsByDefault() {
    StatusFixture f =
        new StatusFixture()
            .add(gateway("gw", 1, "", HTTP))
            .add(
                listenerSet(
                    "ls",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - {name: extra, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    assertThat(f.objectCondition("ListenerSet", "ls", "Accepted")).isEqualTo("False:NotAllowed");
    assertThat(f.objectCondition("ListenerSet", "ls", "Programmed")).isEqualTo("False:NotAllowed");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt(-1))
        .isZero();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.eventReasons()).contains("ListenerSet/ls:NotAllowed");

    // The Gateway starts allowing ListenerSets of its namespace.
    f.replace("Gateway", "gw", gateway("gw", 1, ALLOW_SAME, HTTP));
    f.reconcile();
    assertThat(f.objectCondition("ListenerSet", "ls", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("ListenerSet", "ls", "Programmed")).isEqualTo("True:Programmed");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(1);
    assertThat(f.listenerCondition("ListenerSet", "ls", "extra", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("ListenerSet", "ls", "extra", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("ListenerSet", "ls", "extra", "Conflicted"))
        .isEqualTo("False:NoConflicts");
    assertThat(f.listenerCondition("ListenerSet", "ls", "extra", "Programmed"))
        .isEqualTo("True:Programmed");
    assertThat(
            f.listener("ListenerSet", "ls", "extra")
                .path("supportedKinds")
                .findValuesAsText("kind"))
        .containsExactly("HTTPRoute", "GRPCRoute");
  }

  @Test
  void allowedListenersSelectNamespaces() {
    StatusFixture f =
        new StatusFixture()
            .add(
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {listeners: ok}}\n")
            .add(
                gateway(
                    "gw",
                    1,
                    "  allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {listeners: ok}}}}\n",
                    HTTP))
            .add(
                listenerSet(
                    "in",
                    "team",
                    T1,
                    "{name: gw, namespace: a}",
                    "  - {name: l, port: 8080, protocol: HTTP}\n"))
            .add(
                listenerSet(
                    "out",
                    "other",
                    T1,
                    "{name: gw, namespace: a}",
                    "  - {name: l, port: 8081, protocol: HTTP}\n"))
            .add(
                listenerSet(
                    "same", "a", T1, "{name: gw}", "  - {name: l, port: 8082, protocol: HTTP}\n"));
    f.reconcile();
    assertThat(f.objectCondition("ListenerSet", "in", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("ListenerSet", "out", "Accepted")).isEqualTo("False:NotAllowed");
    assertThat(f.objectCondition("ListenerSet", "same", "Accepted")).isEqualTo("False:NotAllowed");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(1);

    f.replace(
        "Gateway", "gw", gateway("gw", 1, "  allowedListeners: {namespaces: {from: All}}\n", HTTP));
    f.reconcile();
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(3);
  }

  @Test
  void hostnameConflictsFollowListenerPrecedence() {
    StatusFixture f =
        new StatusFixture()
            .add(
                gateway(
                    "gw",
                    1,
                    ALLOW_SAME,
                    "  - {name: gateway-listener, port: 80, protocol: HTTP, hostname: gw.test}\n"))
            .add(
                listenerSet(
                    "ls-2",
                    "a",
                    T2,
                    "{name: gw}",
                    "  - {name: conflicts-with-gateway, port: 80, protocol: HTTP, hostname: gw.test}\n"
                        + "  - {name: conflicts-with-ls, port: 80, protocol: HTTP, hostname: ls.test}\n"))
            .add(
                listenerSet(
                    "ls-1",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - {name: conflicts-with-gateway, port: 80, protocol: HTTP, hostname: gw.test}\n"
                        + "  - {name: conflicts-with-ls, port: 80, protocol: HTTP, hostname: ls.test}\n"
                        + "  - {name: own, port: 80, protocol: HTTP, hostname: own.test}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "gateway-listener", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    // ls-1 is older: its listener wins against ls-2; both lose against the Gateway's own listener.
    for (String ls : new String[] {"ls-1", "ls-2"}) {
      assertThat(f.listenerCondition("ListenerSet", ls, "conflicts-with-gateway", "Accepted"))
          .isEqualTo("False:HostnameConflict");
      assertThat(f.listenerCondition("ListenerSet", ls, "conflicts-with-gateway", "Programmed"))
          .isEqualTo("False:HostnameConflict");
      assertThat(f.listenerCondition("ListenerSet", ls, "conflicts-with-gateway", "Conflicted"))
          .isEqualTo("True:HostnameConflict");
    }
    assertThat(f.listenerCondition("ListenerSet", "ls-1", "conflicts-with-ls", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("ListenerSet", "ls-2", "conflicts-with-ls", "Conflicted"))
        .isEqualTo("True:HostnameConflict");
    assertThat(f.objectCondition("ListenerSet", "ls-1", "Accepted"))
        .isEqualTo("True:ListenersNotValid");
    assertThat(f.objectCondition("ListenerSet", "ls-1", "Programmed")).isEqualTo("True:Programmed");
    assertThat(f.objectCondition("ListenerSet", "ls-2", "Accepted"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(f.objectCondition("ListenerSet", "ls-2", "Programmed"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt())
        .isEqualTo(1);
  }

  @Test
  void protocolConflictsLoseToTheGatewaysListener() {
    StatusFixture f =
        new StatusFixture()
            .add(gateway("gw", 1, ALLOW_SAME, HTTP))
            .add(
                listenerSet(
                    "ls",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - {name: tcp, port: 80, protocol: TCP}\n"
                        + "  - {name: ok, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("ListenerSet", "ls", "tcp", "Accepted"))
        .isEqualTo("False:ProtocolConflict");
    assertThat(f.listenerCondition("ListenerSet", "ls", "tcp", "Conflicted"))
        .isEqualTo("True:ProtocolConflict");
    assertThat(f.listenerCondition("ListenerSet", "ls", "ok", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Conflicted"))
        .isEqualTo("False:NoConflicts");
  }

  @Test
  void routesAttachThroughTheListenerSetAsTheirParent() {
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(gateway("gw", 1, ALLOW_SAME, HTTP))
            .add(
                listenerSet(
                    "ls", "a", T1, "{name: gw}", "  - {name: extra, port: 8080, protocol: HTTP}\n"))
            .add(route("via-ls", "a", 3, "[{kind: ListenerSet, name: ls}]", TO_SVC))
            .add(
                route(
                    "both",
                    "a",
                    1,
                    "[{name: gw}, {kind: ListenerSet, name: ls, sectionName: extra}]",
                    TO_SVC))
            .add(route("gw-section", "a", 1, "[{name: gw, sectionName: extra}]", TO_SVC));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "via-ls", "ListenerSet", "ls", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(
            StatusFixture.parent(f.get("HTTPRoute", "via-ls"), "ListenerSet", "ls")
                .path("parentRef")
                .path("group")
                .asText())
        .isEqualTo("gateway.networking.k8s.io");
    assertThat(f.routeCondition("HTTPRoute", "both", "ListenerSet", "ls", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "both", "Gateway", "gw", "Accepted"))
        .isEqualTo("True:Accepted");
    // The Gateway parentRef sees only the Gateway's own listeners.
    assertThat(f.routeCondition("HTTPRoute", "gw-section", "Gateway", "gw", "Accepted"))
        .isEqualTo("False:NoMatchingParent");
    assertThat(f.listener("ListenerSet", "ls", "extra").path("attachedRoutes").asInt())
        .isEqualTo(2);
    assertThat(f.listener("Gateway", "gw", "http").path("attachedRoutes").asInt()).isEqualTo(1);

    // The ListenerSet is no longer allowed: routes through it are refused.
    f.replace("Gateway", "gw", gateway("gw", 1, "", HTTP));
    f.reconcile();
    assertThat(f.routeCondition("HTTPRoute", "via-ls", "ListenerSet", "ls", "Accepted"))
        .isEqualTo("False:NotAllowedByListeners");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt(-1))
        .isZero();
  }

  @Test
  void referenceGrantsOfTheGatewayAreNotInheritedByListenerSets() {
    String grantFrom =
        "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: NAME, namespace: certs}\n"
            + "spec:\n  from: [{group: gateway.networking.k8s.io, kind: KIND, namespace: a}]\n  to: [{group: '', kind: Secret}]\n";
    StatusFixture f =
        new StatusFixture()
            .add(tlsSecretYaml("certs", "tls"))
            .add(grantFrom.replace("NAME", "for-gateways").replace("KIND", "Gateway"))
            .add(gateway("gw", 1, ALLOW_SAME, HTTP))
            .add(
                listenerSet(
                    "ls",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: tls, namespace: certs}]}}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("ListenerSet", "ls", "https", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    assertThat(f.objectCondition("ListenerSet", "ls", "Accepted"))
        .isEqualTo("False:ListenersNotValid");
    assertThat(f.objectCondition("ListenerSet", "ls", "Programmed"))
        .isEqualTo("False:ListenersNotValid");

    f.add(grantFrom.replace("NAME", "for-listenersets").replace("KIND", "ListenerSet"));
    f.reconcile();
    assertThat(f.listenerCondition("ListenerSet", "ls", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.objectCondition("ListenerSet", "ls", "Accepted")).isEqualTo("True:Accepted");
  }

  @Test
  void unsupportedRouteKindsAndOtherControllersGateways() {
    StatusFixture f =
        new StatusFixture()
            .add(gateway("gw", 1, ALLOW_SAME, HTTP))
            .add(RouteStatusTest.HEAD_OTHER_GW)
            .add(
                listenerSet(
                    "kinds",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - name: l\n    port: 8080\n    protocol: HTTP\n"
                        + "    allowedRoutes: {kinds: [{kind: HTTPRoute}, {kind: TCPRoute}]}\n"))
            .add(
                listenerSet(
                    "theirs",
                    "a",
                    T1,
                    "{name: theirs}",
                    "  - {name: l, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("ListenerSet", "kinds", "l", "ResolvedRefs"))
        .isEqualTo("False:InvalidRouteKinds");
    assertThat(
            f.listener("ListenerSet", "kinds", "l").path("supportedKinds").findValuesAsText("kind"))
        .containsExactly("HTTPRoute");
    assertThat(f.get("ListenerSet", "theirs").has("status")).isFalse();
  }

  @Test
  void aListenerSetOfARefusedGatewayIsParentNotAccepted() {
    StatusFixture f =
        new StatusFixture()
            .add(
                gateway(
                    "gw",
                    1,
                    ALLOW_SAME + "  addresses: [{type: example.com/custom, value: x}]\n",
                    HTTP))
            .add(
                listenerSet(
                    "ls",
                    "a",
                    T1,
                    "{name: gw}",
                    "  - {name: extra, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted"))
        .isEqualTo("False:UnsupportedAddress");
    assertThat(f.objectCondition("ListenerSet", "ls", "Accepted"))
        .isEqualTo("False:ParentNotAccepted");
    assertThat(f.objectCondition("ListenerSet", "ls", "Programmed"))
        .isEqualTo("False:ParentNotAccepted");
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt(-1))
        .isZero();
  }
}
