package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.ParentReference;
import org.junit.jupiter.api.Test;

class GatewayApiAssertionsTest {
  static final String CONDITION =
      "{type: %s, status: '%s', reason: %s, message: '', observedGeneration: %d, "
          + "lastTransitionTime: '2024-01-01T00:00:00Z'}";

  static HTTPRoute route(long generation, String parentsYaml) {
    return route(generation, "{name: gw}", parentsYaml);
  }

  static HTTPRoute route(long generation, String parentRefsYaml, String parentsYaml) {
    return Manifests.read(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
            + "metadata: {name: app, namespace: shop, generation: "
            + generation
            + "}\n"
            + "spec:\n  parentRefs: ["
            + parentRefsYaml
            + "]\n  rules:\n  - backendRefs:\n"
            + "    - {name: app-stable, port: 8080, weight: 90}\n    - {name: app-canary, port: 8080, weight: 10}\n"
            + "    - {name: app-default, port: 8080}\n"
            + (parentsYaml == null ? "" : "status:\n  parents:\n" + parentsYaml),
        HTTPRoute.class);
  }

  static String parent(String gateway, String accepted, String resolved, long generation) {
    return parentOf("{name: " + gateway + "}", accepted, resolved, generation);
  }

  static String parentOf(String parentRefYaml, String accepted, String resolved, long generation) {
    return "  - parentRef: "
        + parentRefYaml
        + "\n    controllerName: example.net/gw\n    conditions:\n"
        + "    - "
        + String.format(
            CONDITION, "Accepted", accepted.split(":")[0], accepted.split(":")[1], generation)
        + "\n"
        + "    - "
        + String.format(
            CONDITION, "ResolvedRefs", resolved.split(":")[0], resolved.split(":")[1], generation)
        + "\n";
  }

  @Test
  void acceptedRoutePasses() {
    HTTPRoute r = route(2, parent("gw", "True:Accepted", "True:ResolvedRefs", 2));
    assertThat(r)
        .isAcceptedBy("gw")
        .isAcceptedBy("shop/gw")
        .hasResolvedRefs()
        .hasParent("gw")
        .hasBackendWeight("app-canary", 10)
        .hasBackendWeight("app-stable", 90)
        .hasBackendWeight("app-default", 1);
  }

  @Test
  void staleAcceptanceFromAnOlderGenerationFails() {
    HTTPRoute r = route(3, parent("gw", "True:Accepted", "True:ResolvedRefs", 2));
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("HTTPRoute shop/app")
        .hasMessageContaining("absent (or stale)");
    assertThatThrownBy(() -> assertThat(r).hasResolvedRefs()).isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectionIsReportedWithReason() {
    HTTPRoute r = route(1, parent("gw", "False:NotAllowedByListeners", "False:BackendNotFound", 1));
    assertThat(r)
        .isNotAcceptedBy("gw", "NotAllowedByListeners")
        .hasUnresolvedRefs("BackendNotFound");
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Accepted=True from parent Gateway shop/gw but was False (NotAllowedByListeners");
    assertThatThrownBy(() -> assertThat(r).isNotAcceptedBy("gw", "NoMatchingParent"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(r).hasUnresolvedRefs("RefNotPermitted"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void otherParentsAndMissingStatusFail() {
    HTTPRoute r = route(1, parent("other", "True:Accepted", "True:ResolvedRefs", 1));
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a status entry for parent Gateway shop/gw")
        .hasMessageContaining("but it has none");
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("elsewhere/other"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(route(1, null)).hasResolvedRefs())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no controller has written status.parents");
  }

  @Test
  void bareGatewayNameFollowsTheParentRefIntoAnotherNamespace() {
    HTTPRoute r =
        route(
            1,
            "{name: gw, namespace: infra}",
            parentOf(
                "{name: gw, namespace: infra}",
                "False:NotAllowedByListeners",
                "True:ResolvedRefs",
                1));
    assertThat(r)
        .isNotAcceptedBy("gw", "NotAllowedByListeners")
        .isNotAcceptedBy("infra/gw", "NotAllowedByListeners")
        .isNotAcceptedBy(ParentReference.gateway("infra", "gw"), "NotAllowedByListeners")
        .hasResolvedRefs(ParentReference.gateway("infra", "gw"))
        .hasParent("gw");
    assertThatThrownBy(() -> assertThat(r).isNotAcceptedBy("shop/gw", "NotAllowedByListeners"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a status entry for parent Gateway shop/gw");
    assertThatThrownBy(
            () ->
                assertThat(r)
                    .isNotAcceptedBy(ParentReference.gateway("gw"), "NotAllowedByListeners"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("from parent Gateway infra/gw but was False");
  }

  @Test
  void parentReferenceMatchesGroupKindNamespaceNameSectionAndPort() {
    HTTPRoute r =
        route(
            1,
            "{name: gw, sectionName: a}, {name: gw, sectionName: b}, {name: gw, port: 8443},"
                + " {group: example.com, kind: Gateway, name: gw}",
            parentOf("{name: gw, sectionName: a}", "True:Accepted", "True:ResolvedRefs", 1)
                + parentOf(
                    "{name: gw, namespace: shop, sectionName: b}",
                    "False:NoMatchingParent",
                    "True:ResolvedRefs",
                    1)
                + parentOf(
                    "{group: gateway.networking.k8s.io, kind: Gateway, name: gw, port: 8443}",
                    "True:Accepted",
                    "False:RefNotPermitted",
                    1)
                + parentOf(
                    "{group: example.com, kind: Gateway, name: gw}",
                    "True:Accepted",
                    "True:ResolvedRefs",
                    1));
    ParentReference a = ParentReference.gateway("gw").withSectionName("a");
    ParentReference b = ParentReference.gateway("shop", "gw").withSectionName("b");
    ParentReference port = ParentReference.gateway("gw").withPort(8443);
    assertThat(r)
        .isAcceptedBy(a)
        .hasResolvedRefs(a)
        .isNotAcceptedBy(b, "NoMatchingParent")
        .isAcceptedBy(port)
        .isAcceptedBy(
            ParentReference.builder().group("example.com").kind("Gateway").name("gw").build());
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy(b))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "from parent Gateway shop/gw section b but was False (NoMatchingParent");
    assertThatThrownBy(() -> assertThat(r).hasResolvedRefs(port))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("port 8443");
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy(ParentReference.gateway("gw")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has none");
    assertThatThrownBy(
            () ->
                assertThat(r)
                    .isAcceptedBy(
                        ParentReference.builder()
                            .group("example.com")
                            .kind("Gateway")
                            .name("gw")
                            .sectionName("a")
                            .build()))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .as("by name: every entry of the Gateway, across sections")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("section b");
  }

  @Test
  void bareNameNamedInSeveralNamespacesIsAmbiguous() {
    HTTPRoute r =
        route(
            1,
            "{name: gw}, {name: gw, namespace: infra}",
            parent("gw", "True:Accepted", "True:ResolvedRefs", 1)
                + parentOf(
                    "{name: gw, namespace: infra}", "True:Accepted", "True:ResolvedRefs", 1));
    assertThat(r).isAcceptedBy("shop/gw").isAcceptedBy("infra/gw");
    assertThatThrownBy(() -> assertThat(r).isAcceptedBy("gw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("namespaces [infra, shop]");
  }

  @Test
  void wrongBackendWeightListsTheBackends() {
    assertThatThrownBy(() -> assertThat(route(1, null)).hasBackendWeight("app-canary", 20))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[app-stable=90, app-canary=10, app-default=1]");
  }

  static Gateway gateway(String programmed, String httpsResolved) {
    return Manifests.read(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: gw, namespace: shop, generation: 1}\n"
            + "spec:\n  gatewayClassName: x\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n"
            + "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: c}]}}\n"
            + "status:\n  addresses: [{type: IPAddress, value: 192.0.2.1}]\n  conditions:\n"
            + "  - "
            + String.format(CONDITION, "Accepted", "True", "Accepted", 1)
            + "\n"
            + "  - "
            + String.format(
                CONDITION, "Programmed", programmed.split(":")[0], programmed.split(":")[1], 1)
            + "\n"
            + "  listeners:\n"
            + "  - name: https\n    attachedRoutes: 2\n    supportedKinds: [{kind: HTTPRoute}]\n    conditions:\n"
            + "    - "
            + String.format(
                CONDITION,
                "ResolvedRefs",
                httpsResolved.split(":")[0],
                httpsResolved.split(":")[1],
                1)
            + "\n",
        Gateway.class);
  }

  @Test
  void gatewayAssertions() {
    Gateway g = gateway("True:Programmed", "True:ResolvedRefs");
    assertThat(g)
        .isAccepted()
        .isProgrammed()
        .hasListener("https")
        .hasAttachedRoutes("https", 2)
        .hasAddress()
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs");
    assertThatThrownBy(() -> assertThat(g).hasListener("http"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("report status for listener http");
    assertThatThrownBy(() -> assertThat(g).hasListener("grpc"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("its listeners are [http, https]");
    assertThatThrownBy(() -> assertThat(g).hasAttachedRoutes("https", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 attached routes but had 2");

    Gateway pending = gateway("False:Pending", "False:InvalidCertificateRef");
    assertThat(pending)
        .isNotProgrammed("Pending")
        .hasListenerCondition("https", "ResolvedRefs", false, "InvalidCertificateRef");
    assertThatThrownBy(() -> assertThat(pending).isProgrammed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Programmed=True but was False (Pending");
  }

  @Test
  void gatewayClassAssertion() {
    GatewayClass accepted =
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: c, generation: 1}\nspec: {controllerName: example.net/c}\nstatus:\n  conditions:\n"
                + "  - "
                + String.format(CONDITION, "Accepted", "True", "Accepted", 1)
                + "\n",
            GatewayClass.class);
    assertThat(accepted).isAccepted();
    GatewayClass none =
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: c}\nspec: {controllerName: example.net/c}\n",
            GatewayClass.class);
    assertThatThrownBy(() -> assertThat(none).isAccepted()).isInstanceOf(AssertionError.class);
  }
}
