package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.HTTP;
import static dev.gatewaysdk.testing.internal.controller.GatewayStatusTest.gateway;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.SVC;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.TO_SVC;
import static dev.gatewaysdk.testing.internal.controller.RouteStatusTest.route;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.caConfigMapYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * BackendTLSPolicy {@code status.ancestors[]} (GEP-1897, backendtlspolicy_types.go and
 * policy_types.go v1.6.1).
 */
class BackendTlsPolicyStatusTest {
  static String policy(String name, String created, String target, String validation) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: {name: "
        + name
        + ", namespace: a, generation: 5, creationTimestamp: '"
        + created
        + "'}\nspec:\n  targetRefs: ["
        + target
        + "]\n"
        + "  validation:\n"
        + validation;
  }

  static final String TARGET = "{group: '', kind: Service, name: svc}";
  static final String CA =
      "    hostname: svc.test\n    caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]\n";

  static StatusFixture cluster() {
    return new StatusFixture()
        .add(SVC)
        .add(gateway("gw", 1, "", HTTP))
        .add(route("r", "a", 1, "[{name: gw}]", TO_SVC));
  }

  @Test
  void validPolicyIsAcceptedForEachGatewayWhoseRoutesUseTheService() {
    String otherAncestor =
        "status:\n  ancestors:\n  - ancestorRef: {group: gateway.networking.k8s.io, kind: Gateway, name: theirs}\n"
            + "    controllerName: example.com/other\n    conditions: [{type: Accepted, status: 'True', reason: Accepted,"
            + " message: '', observedGeneration: 5, lastTransitionTime: '2020-01-01T00:00:00Z'}]\n";
    StatusFixture f =
        cluster()
            .add(caConfigMapYaml("a", "ca"))
            .add(
                policy(
                    "p",
                    "2026-01-01T00:00:00Z",
                    TARGET,
                    CA
                        + "    subjectAltNames: [{type: Hostname, hostname: svc.test}]\n"
                        + otherAncestor));
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("p", "gw", "ResolvedRefs")).isEqualTo("True:ResolvedRefs");
    JsonNode ancestors = f.get("BackendTLSPolicy", "p").path("status").path("ancestors");
    assertThat(ancestors).hasSize(2);
    assertThat(ancestors.get(0).path("controllerName").asText()).isEqualTo("example.com/other");
    assertThat(ancestors.get(1).path("ancestorRef").path("namespace").asText()).isEqualTo("a");
    assertThat(f.reconcile()).isEmpty();

    // The route stops using the Service: our ancestor entry goes, the other controller's stays.
    f.remove("HTTPRoute", "r");
    f.reconcile();
    assertThat(f.get("BackendTLSPolicy", "p").path("status").path("ancestors")).hasSize(1);
  }

  @Test
  void missingOrMalformedCaConfigMapIsNoValidCaCertificateUntilFixed() {
    StatusFixture f = cluster().add(policy("p", "2026-01-01T00:00:00Z", TARGET, CA));
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "Accepted")).isEqualTo("False:NoValidCACertificate");
    assertThat(f.ancestorCondition("p", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateRef");
    assertThat(f.eventReasons())
        .containsExactly(
            "BackendTLSPolicy/p:NoValidCACertificate",
            "BackendTLSPolicy/p:InvalidCACertificateRef");

    f.add(caConfigMapYaml("a", "ca"));
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("p", "gw", "ResolvedRefs")).isEqualTo("True:ResolvedRefs");

    f.remove("ConfigMap", "ca")
        .add(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: a}\ndata: {ca.crt: garbage}\n");
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateRef");
    assertThat(f.get("BackendTLSPolicy", "p").path("status").toString())
        .contains("ConfigMap a/ca holds no");
  }

  @Test
  void caReferenceOfAnUnsupportedKindIsInvalidKind() {
    StatusFixture f =
        cluster()
            .add(
                policy(
                    "p",
                    "2026-01-01T00:00:00Z",
                    TARGET,
                    "    hostname: svc.test\n    caCertificateRefs: [{group: '', kind: Secret, name: ca}]\n"));
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "Accepted")).isEqualTo("False:NoValidCACertificate");
    assertThat(f.ancestorCondition("p", "gw", "ResolvedRefs")).isEqualTo("False:InvalidKind");
  }

  @Test
  void wellKnownCaCertificatesAreSystemOnly() {
    StatusFixture f =
        cluster()
            .add(
                policy(
                    "system",
                    "2026-01-01T00:00:00Z",
                    TARGET,
                    "    hostname: svc.test\n    wellKnownCACertificates: System\n"))
            .add(
                policy(
                    "custom",
                    "2026-01-01T00:00:00Z",
                    "{group: '', kind: Service, name: svc, sectionName: https}",
                    "    hostname: svc.test\n    wellKnownCACertificates: example.com/mine\n"));
    f.reconcile();
    assertThat(f.ancestorCondition("system", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("custom", "gw", "Accepted")).isEqualTo("False:Invalid");
    assertThat(f.ancestorCondition("custom", "gw", "ResolvedRefs")).isEqualTo("True:ResolvedRefs");
  }

  @Test
  void conflictsAreResolvedByCreationTimeThenName() {
    StatusFixture f =
        cluster()
            .add(caConfigMapYaml("a", "ca"))
            .add(policy("b-older", "2026-01-01T00:00:00Z", TARGET, CA))
            .add(policy("a-newer", "2026-01-01T00:00:09Z", TARGET, CA))
            .add(
                policy(
                    "section-1",
                    "2026-01-01T00:00:05Z",
                    "{group: '', kind: Service, name: svc, sectionName: p}",
                    CA))
            .add(
                policy(
                    "section-2",
                    "2026-01-01T00:00:05Z",
                    "{group: '', kind: Service, name: svc, sectionName: p}",
                    CA));
    f.reconcile();
    assertThat(f.ancestorCondition("b-older", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("a-newer", "gw", "Accepted")).isEqualTo("False:Conflicted");
    // A policy with a sectionName does not conflict with one without; between equals, the name
    // decides.
    assertThat(f.ancestorCondition("section-1", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("section-2", "gw", "Accepted")).isEqualTo("False:Conflicted");
    assertThat(f.get("BackendTLSPolicy", "a-newer").path("status").toString())
        .contains("a/b-older");

    // The winner goes: the other one takes over.
    f.remove("BackendTLSPolicy", "b-older");
    f.reconcile();
    assertThat(f.ancestorCondition("a-newer", "gw", "Accepted")).isEqualTo("True:Accepted");
  }

  @Test
  void routesThroughAListenerSetMakeItsGatewayTheAncestor() {
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(caConfigMapYaml("a", "ca"))
            .add(gateway("gw", 1, ListenerSetStatusTest.ALLOW_SAME, HTTP))
            .add(
                ListenerSetStatusTest.listenerSet(
                    "ls",
                    "a",
                    ListenerSetStatusTest.T1,
                    "{name: gw}",
                    "  - {name: extra, port: 8080, protocol: HTTP}\n"))
            .add(route("r", "a", 1, "[{kind: ListenerSet, name: ls}]", TO_SVC))
            .add(policy("p", "2026-01-01T00:00:00Z", TARGET, CA));
    f.reconcile();
    assertThat(f.ancestorCondition("p", "gw", "Accepted")).isEqualTo("True:Accepted");
  }

  @Test
  void ancestorsAreOrderedByGatewayNotByTheOrderRoutesAreListedIn() {
    // A controller whose cache lists routes in another order must not rewrite the same status.
    StatusFixture f =
        new StatusFixture()
            .add(SVC)
            .add(gateway("gw-a", 1, "", HTTP))
            .add(gateway("gw-b", 1, "", HTTP))
            .add(route("to-b", "a", 1, "[{name: gw-b}]", TO_SVC))
            .add(route("to-a", "a", 1, "[{name: gw-a}]", TO_SVC))
            .add(caConfigMapYaml("a", "ca"))
            .add(policy("p", "2026-01-01T00:00:00Z", TARGET, CA));
    f.reconcile();
    JsonNode ancestors = f.get("BackendTLSPolicy", "p").path("status").path("ancestors");
    assertThat(ancestors.findValuesAsText("name")).containsExactly("gw-a", "gw-b");
    java.util.Collections.reverse(f.snapshot.objects.get("HTTPRoute"));
    assertThat(f.reconcile()).isEmpty();
  }
}
