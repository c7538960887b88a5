package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.StatusFixture.caConfigMapYaml;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Gateway and listener status, written from the Gateway API v1.6.1 types' comments
 * (gateway_types.go).
 */
class GatewayStatusTest {
  static final String HEAD = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n";

  static String gateway(String name, long generation, String specExtra, String listeners) {
    return HEAD
        + "metadata: {name: "
        + name
        + ", namespace: a, generation: "
        + generation
        + "}\n"
        + "spec:\n  gatewayClassName: sim\n"
        + specExtra
        + "  listeners:\n"
        + listeners;
  }

  static final String HTTP = "  - {name: http, port: 80, protocol: HTTP}\n";
  static final String HTTPS =
      "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: tls}]}}\n";

  @Test
  void validGatewayHasEveryConditionOfItsCurrentGeneration() {
    StatusFixture f = new StatusFixture().add(gateway("gw", 3, "", HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Programmed")).isEqualTo("True:Programmed");
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs")).isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Conflicted"))
        .isEqualTo("False:NoConflicts");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Programmed"))
        .isEqualTo("True:Programmed");
    JsonNode l = f.listener("Gateway", "gw", "http");
    assertThat(l.path("supportedKinds").findValuesAsText("kind"))
        .containsExactly("HTTPRoute", "GRPCRoute");
    assertThat(l.path("supportedKinds").findValuesAsText("group"))
        .containsOnly("gateway.networking.k8s.io");
    assertThat(l.path("attachedRoutes").asInt(-1)).isZero();
    assertThat(f.get("Gateway", "gw").path("status").path("attachedListenerSets").asInt(-1))
        .isZero();
    assertThat(f.events).isEmpty();

    // A spec change: every condition moves to the new generation.
    f.replace(
        "Gateway",
        "gw",
        gateway("gw", 3, "", HTTP + "  - {name: http2, port: 8080, protocol: HTTP}\n"));
    assertThat(f.reconcile()).containsKey("Gateway/gw");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("Gateway", "gw", "http2", "Programmed"))
        .isEqualTo("True:Programmed");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Accepted")).isEqualTo("True:Accepted");
  }

  @Test
  void missingCertificateSecretIsInvalidCertificateRefUntilItAppears() {
    StatusFixture f = new StatusFixture().add(gateway("gw", 1, "", HTTPS));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:InvalidCertificateRef");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Programmed"))
        .isEqualTo("False:Invalid");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("False:ListenersNotValid");
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:ListenersNotResolved");
    assertThat(f.eventReasons()).contains("Gateway/gw:InvalidCertificateRef");

    f.add(tlsSecretYaml("a", "tls"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Programmed"))
        .isEqualTo("True:Programmed");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.events).isEmpty();

    f.remove("Secret", "tls");
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:InvalidCertificateRef");
  }

  @Test
  void listenersThatAreNotDistinctAreConflictedAndNotAccepted() {
    StatusFixture f =
        new StatusFixture()
            .add(
                gateway(
                    "gw",
                    1,
                    "",
                    "  - {name: one, port: 80, protocol: HTTP, hostname: x.test}\n"
                        + "  - {name: two, port: 80, protocol: HTTP, hostname: x.test}\n"
                        + "  - {name: three, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    for (String l : new String[] {"one", "two"}) {
      assertThat(f.listenerCondition("Gateway", "gw", l, "Conflicted"))
          .isEqualTo("True:HostnameConflict");
      assertThat(f.listenerCondition("Gateway", "gw", l, "Accepted"))
          .isEqualTo("False:HostnameConflict");
      assertThat(f.listenerCondition("Gateway", "gw", l, "Programmed")).isEqualTo("False:Invalid");
    }
    assertThat(f.listenerCondition("Gateway", "gw", "three", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:ListenersNotValid");
    assertThat(f.get("Gateway", "gw").path("status").path("conditions").toString())
        .contains("one (HostnameConflict)");
  }

  static final String FRONTEND =
      "  tls:\n    frontend:\n"
          + "      default: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: does-not-exist}]}}\n"
          + "      perPort:\n      - {port: 8443, tls: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}}}\n";

  @Test
  void frontendValidationWithNoValidCaCertificateRejectsTheHttpsListenerOnly() {
    StatusFixture f =
        new StatusFixture()
            .add(tlsSecretYaml("a", "tls"))
            .add(caConfigMapYaml("a", "ca"))
            .add(
                gateway(
                    "gw",
                    2,
                    FRONTEND,
                    HTTPS
                        + HTTP
                        + "  - {name: https-8443, port: 8443, protocol: HTTPS, tls: {certificateRefs: [{name: tls}]}}\n"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateRef");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Accepted"))
        .isEqualTo("False:NoValidCACertificate");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Programmed")).startsWith("False:");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.listenerCondition("Gateway", "gw", "http", "Programmed"))
        .isEqualTo("True:Programmed");
    assertThat(f.listenerCondition("Gateway", "gw", "https-8443", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "https-8443", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:ListenersNotValid");
    assertThat(f.get("Gateway", "gw").path("status").path("conditions").findValuesAsText("type"))
        .doesNotContain("InsecureFrontendValidationMode");

    // The referenced ConfigMap appears: the listener recovers.
    f.add(caConfigMapYaml("a", "does-not-exist"));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Accepted"))
        .isEqualTo("True:Accepted");
  }

  @Test
  void frontendCaReferencesOfWrongKindOrNamespaceHaveTheirOwnReasons() {
    String refs =
        "  tls:\n    frontend:\n      default:\n        validation:\n          caCertificateRefs:\n"
            + "          - {group: '', kind: Secret, name: tls}\n";
    StatusFixture f =
        new StatusFixture().add(tlsSecretYaml("a", "tls")).add(gateway("gw", 1, refs, HTTPS));
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateKind");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Accepted"))
        .isEqualTo("False:NoValidCACertificate");

    String crossNs =
        refs.replace(
                "{group: '', kind: Secret, name: tls}",
                "{group: '', kind: ConfigMap, name: ca, namespace: b}")
            + "          - {group: '', kind: ConfigMap, name: ca}\n";
    f.add(caConfigMapYaml("a", "ca"))
        .add(caConfigMapYaml("b", "ca"))
        .replace("Gateway", "gw", gateway("gw", 1, crossNs, HTTPS));
    f.reconcile();
    // One of two references is valid: refs unresolved, listener still accepted.
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
    assertThat(f.listenerCondition("Gateway", "gw", "https", "Accepted"))
        .isEqualTo("True:Accepted");

    f.add(
        "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: b}\n"
            + "spec:\n  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: a}]\n  to: [{group: '', kind: ConfigMap}]\n");
    f.reconcile();
    assertThat(f.listenerCondition("Gateway", "gw", "https", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @Test
  void insecureFallbackIsReportedUntilTheModeChangesBack() {
    String insecure =
        "  tls:\n    frontend:\n      default:\n        validation:\n"
            + "          mode: AllowInsecureFallback\n          caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]\n";
    StatusFixture f =
        new StatusFixture()
            .add(tlsSecretYaml("a", "tls"))
            .add(caConfigMapYaml("a", "ca"))
            .add(gateway("gw", 1, insecure, HTTPS));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "InsecureFrontendValidationMode"))
        .isEqualTo("True:ConfigurationChanged");
    f.replace(
        "Gateway",
        "gw",
        gateway("gw", 1, insecure.replace("AllowInsecureFallback", "AllowValidOnly"), HTTPS));
    f.reconcile();
    assertThat(f.get("Gateway", "gw").path("status").path("conditions").findValuesAsText("type"))
        .doesNotContain("InsecureFrontendValidationMode");
  }

  @Test
  void backendClientCertificateRefIsResolvedOnTheGateway() {
    String missing = "  tls:\n    backend:\n      clientCertificateRef: {name: client}\n";
    StatusFixture f = new StatusFixture().add(gateway("gw", 1, missing, HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidClientCertificateRef");
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.eventReasons()).containsExactly("Gateway/gw:InvalidClientCertificateRef");

    f.add(
        "apiVersion: v1\nkind: Secret\nmetadata: {name: client, namespace: a}\ndata: {other: eA==}\n");
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidClientCertificateRef");
    assertThat(f.get("Gateway", "gw").path("status").path("conditions").toString())
        .contains("has no tls.crt");

    f.remove("Secret", "client").add(tlsSecretYaml("a", "client"));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs")).isEqualTo("True:ResolvedRefs");

    f.replace(
        "Gateway",
        "gw",
        gateway(
            "gw",
            1,
            "  tls:\n    backend:\n      clientCertificateRef: {group: example.com, kind: Cert, name: client}\n",
            HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:InvalidClientCertificateRef");

    f.add(tlsSecretYaml("b", "client"))
        .replace(
            "Gateway",
            "gw",
            gateway(
                "gw",
                1,
                "  tls:\n    backend:\n      clientCertificateRef: {name: client, namespace: b}\n",
                HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "ResolvedRefs"))
        .isEqualTo("False:RefNotPermitted");
  }

  @Test
  void unsupportedAddressTypeIsNotAcceptedAndUnusableAddressIsNotProgrammed() {
    StatusFixture f =
        new StatusFixture()
            .add(
                gateway(
                    "gw",
                    1,
                    "  addresses:\n  - {type: test/fake-invalid-type, value: 'fake address'}\n  - {value: 224.0.0.1}\n  - {value: 10.1.2.3}\n",
                    HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted"))
        .isEqualTo("False:UnsupportedAddress");
    assertThat(f.objectCondition("Gateway", "gw", "Programmed")).isEqualTo("False:Invalid");

    f.replace(
        "Gateway",
        "gw",
        gateway("gw", 1, "  addresses:\n  - {value: 224.0.0.1}\n  - {value: 10.1.2.3}\n", HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "gw", "Programmed"))
        .isEqualTo("False:AddressNotUsable");
    assertThat(f.get("Gateway", "gw").path("status").has("addresses")).isFalse();

    f.replace("Gateway", "gw", gateway("gw", 1, "  addresses:\n  - {value: 10.1.2.3}\n", HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Programmed")).isEqualTo("True:Programmed");
    assertThat(f.get("Gateway", "gw").path("status").path("addresses").findValuesAsText("value"))
        .containsExactly("10.1.2.3");
  }

  @Test
  void infrastructureParametersRefMustResolve() {
    String ref =
        "  infrastructure:\n    parametersRef: {group: invalid.io, kind: InvalidParameters, name: invalid}\n";
    StatusFixture f = new StatusFixture().add(gateway("gw", 1, ref, HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("False:InvalidParameters");
    f.replace(
        "Gateway",
        "gw",
        gateway(
            "gw",
            1,
            "  infrastructure:\n    parametersRef: {group: '', kind: ConfigMap, name: params}\n",
            HTTP));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("False:InvalidParameters");
    f.add("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: params, namespace: a}\ndata: {}\n");
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "gw", "Accepted")).isEqualTo("True:Accepted");
  }
}
