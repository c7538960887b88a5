package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.SVC;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.TO_BACKEND;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.gateway;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.kinds;
import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.route;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.caConfigMapYaml;
import static dev.gatewaysdk.testing.internal.controller.StatusFixture.tlsSecretYaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.testing.internal.controller.StatusFixture.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One-to-one replays of the Gateway conformance tests (v1.6.1) whose status expectations are about
 * a Gateway's own configuration: parametersRef, addresses, listener certificates, frontend client
 * certificate validation and the backend client certificate. Each method is named after the test it
 * replays, rebuilds its objects (our own manifests, namespace {@code infra} standing for the
 * suite's infrastructure namespace) and asserts the status that test waits for, including the
 * transitions it drives. Every scenario runs against the reconciler and through {@code serve}
 * (standard and experimental channel; both serve every field used here).
 */
class GatewayConformanceReplayTest {
  static final String HTTP_SAME =
      "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n";

  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  static String httpsListener(String name, int port, String hostname, String secret) {
    return "  - {name: "
        + name
        + ", port: "
        + port
        + ", protocol: HTTPS"
        + (hostname == null ? "" : ", hostname: " + hostname)
        + ", allowedRoutes: {namespaces: {from: Same}},"
        + " tls: {certificateRefs: [{group: '', kind: Secret, name: "
        + secret
        + ", namespace: infra}]}}\n";
  }

  static String caRef(String kind, String name, String namespace) {
    return "{group: '', kind: "
        + kind
        + ", name: "
        + name
        + (namespace == null ? "" : ", namespace: " + namespace)
        + "}";
  }

  /** {@code spec.tls.frontend} with a default validation and per-port ones ("port: refs"). */
  static String frontend(String mode, String defaultRef, String... perPort) {
    StringBuilder b =
        new StringBuilder("  tls:\n    frontend:\n      default: {validation: {")
            .append(mode == null ? "" : "mode: " + mode + ", ")
            .append("caCertificateRefs: [")
            .append(defaultRef)
            .append("]}}\n");
    if (perPort.length > 0) {
      b.append("      perPort:\n");
      for (String p : perPort) {
        String[] portAndRef = p.split(":", 2);
        b.append("      - {port: ")
            .append(portAndRef[0])
            .append(", tls: {validation: {")
            .append(mode == null ? "" : "mode: " + mode + ", ")
            .append("caCertificateRefs: [")
            .append(portAndRef[1])
            .append("]}}}\n");
      }
    }
    return b.toString();
  }

  /** Asserts "Type=Status[:Reason]" for each entry on the Gateway's listener (no reason: any). */
  static void assertListener(StatusFixture f, String gw, String listener, String... expected) {
    for (String e : expected) {
      String type = e.substring(0, e.indexOf('='));
      String want = e.substring(e.indexOf('=') + 1);
      String got = f.listenerCondition("Gateway", gw, listener, type);
      if (want.contains(":")) {
        assertThat(got).as("%s %s", listener, type).isEqualTo(want);
      } else {
        assertThat(got).as("%s %s", listener, type).startsWith(want + ":");
      }
    }
  }

  static String address(StatusFixture f, String gw) {
    JsonNode addresses = f.get("Gateway", gw).path("status").path("addresses");
    assertThat(addresses).as("status.addresses of %s", gw).isNotEmpty();
    assertThat(addresses.get(0).path("type").asText()).isNotEmpty();
    return addresses.get(0).path("value").asText();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidParametersRef(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(
                gateway(
                    "invalid-parameters",
                    "  infrastructure: {parametersRef: {group: invalid.example.com, kind: Nope,"
                        + " name: nope}}\n",
                    "  - {name: http, port: 80, protocol: HTTP}\n"));
    f.reconcile();
    f.assertLatestConditions("Gateway", "invalid-parameters");
    assertThat(f.objectCondition("Gateway", "invalid-parameters", "Accepted"))
        .isEqualTo("False:InvalidParameters");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidTlsConfiguration(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(tlsSecretYaml("infra", "good-cert"))
            .add(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: malformed, namespace: infra}\n"
                    + "type: kubernetes.io/tls\ndata: {tls.crt: "
                    + StatusFixture.b64("not a certificate")
                    + ", tls.key: "
                    + StatusFixture.b64("not a certificate")
                    + "}\n");
    String[][] cases = {
      {"nonexistent-secret", "{group: '', kind: Secret, name: nowhere}"},
      {"unsupported-group", "{group: wrong.example.com, kind: Secret, name: good-cert}"},
      {"unsupported-kind", "{group: '', kind: WrongKind, name: good-cert}"},
      {"malformed-secret", "{group: '', kind: Secret, name: malformed}"},
    };
    for (String[] c : cases) {
      f.add(
          gateway(
              c[0],
              "",
              "  - {name: https, port: 443, protocol: HTTPS, allowedRoutes: {namespaces: {from: All}},"
                  + " tls: {certificateRefs: ["
                  + c[1]
                  + "]}}\n"));
    }
    f.reconcile();
    for (String[] c : cases) {
      f.assertLatestConditions("Gateway", c[0]);
      JsonNode listeners = f.get("Gateway", c[0]).path("status").path("listeners");
      assertThat(listeners).as(c[0]).hasSize(1);
      assertThat(kinds(listeners.get(0))).as(c[0]).contains("HTTPRoute");
      assertThat(listeners.get(0).path("attachedRoutes").asInt(-1)).as(c[0]).isZero();
      assertThat(f.listenerCondition("Gateway", c[0], "https", "ResolvedRefs"))
          .as(c[0])
          .isEqualTo("False:InvalidCertificateRef");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidDefaultFrontendClientCertificateValidation(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(tlsSecretYaml("infra", "cert"))
            .add(caConfigMapYaml("infra", "per-port-ca"))
            .add(
                gateway(
                    "invalid-default",
                    frontend(
                        null,
                        caRef("ConfigMap", "does-not-exist", null),
                        "80:" + caRef("ConfigMap", "per-port-ca", null)),
                    httpsListener("https", 443, null, "cert") + HTTP_SAME))
            .add(
                route("r", "infra", "[{name: invalid-default}]", TO_BACKEND)
                    .replace("spec:\n", "spec:\n  hostnames: [example.org]\n"));
    f.reconcile();
    address(f, "invalid-default");
    assertListener(
        f, "invalid-default", "http", "ResolvedRefs=True", "Accepted=True", "Programmed=True");
    assertListener(
        f,
        "invalid-default",
        "https",
        "ResolvedRefs=False:InvalidCACertificateRef",
        "Accepted=False:NoValidCACertificate",
        "Programmed=False");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayWithInvalidClientCertificateValidation(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(tlsSecretYaml("infra", "cert"))
            .add(caConfigMapYaml("infra", "ca"))
            .add(caConfigMapYaml("web", "web-ca"))
            .add(
                gateway(
                    "invalid-validation",
                    frontend(
                        null,
                        caRef("ConfigMap", "ca", null),
                        "7443:" + caRef("ConfigMap", "no-such-configmap", null),
                        "8443:" + caRef("Service", "backend", null),
                        "6443:" + caRef("ConfigMap", "web-ca", "web")),
                    httpsListener("https", 443, null, "cert")
                        + httpsListener("https-unresolved", 7443, "first.example.org", "cert")
                        + httpsListener("https-invalid-kind", 8443, "second.example.org", "cert")
                        + httpsListener("https-grant-missing", 6443, "fourth.example.org", "cert")))
            .add(
                route("r", "infra", "[{name: some-other-gateway}]", TO_BACKEND)
                    .replace("spec:\n", "spec:\n  hostnames: [example.org]\n"));
    f.reconcile();
    assertListener(
        f, "invalid-validation", "https", "ResolvedRefs=True", "Accepted=True", "Programmed=True");
    assertListener(
        f,
        "invalid-validation",
        "https-unresolved",
        "ResolvedRefs=False:InvalidCACertificateRef",
        "Accepted=False:NoValidCACertificate",
        "Programmed=False");
    assertListener(
        f,
        "invalid-validation",
        "https-invalid-kind",
        "ResolvedRefs=False:InvalidCACertificateKind",
        "Accepted=False:NoValidCACertificate",
        "Programmed=False");
    assertListener(
        f,
        "invalid-validation",
        "https-grant-missing",
        "ResolvedRefs=False:RefNotPermitted",
        "Accepted=False:NoValidCACertificate",
        "Programmed=False");
    // Each refusal is also a Warning Event (through the API in the served modes).
    assertThat(f.warningEvent("Gateway", "invalid-validation", "NoValidCACertificate"))
        .contains("Accepted=False");
    assertThat(
            f.warningEvent(
                "Gateway", "invalid-validation", "InvalidCACertificateRef", "https-unresolved"))
        .contains("https-unresolved");
    assertThat(
            f.warningEvent(
                "Gateway", "invalid-validation", "InvalidCACertificateKind", "https-invalid-kind"))
        .contains("https-invalid-kind");
  }

  /** GatewayFrontendClientCertificateValidation and its AllowInsecureFallback variant. */
  void clientCertificateValidation(Mode mode, String validationMode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(SVC)
            .add(tlsSecretYaml("infra", "cert"))
            .add(caConfigMapYaml("infra", "ca"))
            .add(caConfigMapYaml("infra", "per-port-ca"))
            .add(
                gateway(
                    "client-validation",
                    frontend(
                        validationMode,
                        caRef("ConfigMap", "ca", null),
                        "8443:" + caRef("ConfigMap", "per-port-ca", null)),
                    httpsListener("https", 443, null, "cert")
                        + httpsListener("https-with-hostname", 8443, "second.example.org", "cert")))
            .add(
                route("with-hostname", "infra", "[{name: client-validation}]", TO_BACKEND)
                    .replace("spec:\n", "spec:\n  hostnames: [example.org]\n"))
            .add(
                route(
                    "no-hostname",
                    "infra",
                    "[{name: client-validation, sectionName: https-with-hostname}]",
                    TO_BACKEND));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "client-validation", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "client-validation", "Programmed"))
        .isEqualTo("True:Programmed");
    address(f, "client-validation");
    for (String r : new String[] {"with-hostname", "no-hostname"}) {
      assertThat(f.routeCondition("HTTPRoute", r, "Gateway", "client-validation", "Accepted"))
          .as(r)
          .isEqualTo("True:Accepted");
      assertThat(f.routeCondition("HTTPRoute", r, "Gateway", "client-validation", "ResolvedRefs"))
          .as(r)
          .isEqualTo("True:ResolvedRefs");
    }
    if (validationMode != null) {
      assertThat(
              f.objectCondition("Gateway", "client-validation", "InsecureFrontendValidationMode"))
          .isEqualTo("True:ConfigurationChanged");
    } else {
      assertThat(
              ReconcilerTest.condition(
                  f.get("Gateway", "client-validation").path("status").path("conditions"),
                  "InsecureFrontendValidationMode"))
          .isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayWithClientCertificateValidation(Mode mode) {
    clientCertificateValidation(mode, null);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayWithClientCertificateValidationInsecureFallback(Mode mode) {
    clientCertificateValidation(mode, "AllowInsecureFallback");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayInvalidTlsBackendConfiguration(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(tlsSecretYaml("infra", "client-cert"))
            .add(tlsSecretYaml("web", "client-cert"))
            .add(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: empty, namespace: infra}\n"
                    + "type: Opaque\ndata: {}\n");
    String[][] cases = {
      {
        "nonexistent-secret",
        "{group: '', kind: Secret, name: nowhere}",
        "InvalidClientCertificateRef"
      },
      {
        "unsupported-group",
        "{group: wrong.example.com, kind: Secret, name: client-cert}",
        "InvalidClientCertificateRef"
      },
      {
        "unsupported-kind",
        "{group: '', kind: WrongKind, name: client-cert}",
        "InvalidClientCertificateRef"
      },
      {"malformed-secret", "{group: '', kind: Secret, name: empty}", "InvalidClientCertificateRef"},
      {
        "missing-reference-grant",
        "{group: '', kind: Secret, name: client-cert, namespace: web}",
        "RefNotPermitted"
      },
    };
    for (String[] c : cases) {
      f.add(gateway(c[0], "  tls: {backend: {clientCertificateRef: " + c[1] + "}}\n", HTTP_SAME));
    }
    f.reconcile();
    for (String[] c : cases) {
      f.assertLatestConditions("Gateway", c[0]);
      assertThat(f.objectCondition("Gateway", c[0], "ResolvedRefs"))
          .as(c[0])
          .isEqualTo("False:" + c[2]);
      assertThat(f.objectCondition("Gateway", c[0], "Accepted"))
          .as(c[0])
          .isEqualTo("True:Accepted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayTlsBackendClientCertificate(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(BackendTlsPolicyConformanceReplayTest.service("tls-backend", "https:443"))
            .add(tlsSecretYaml("infra", "client-cert"))
            .add(caConfigMapYaml("infra", "ca"))
            .add(
                gateway(
                    "backend-client-cert",
                    "  tls: {backend: {clientCertificateRef: {group: '', kind: Secret, name: client-cert}}}\n",
                    HTTP_SAME))
            .add(
                route(
                    "r",
                    "infra",
                    "[{name: backend-client-cert, namespace: infra}]",
                    "[{backendRefs: [{name: tls-backend, port: 443}]}]"))
            .add(
                BackendTlsPolicyConformanceReplayTest.policy(
                    "p",
                    1,
                    "tls-backend",
                    null,
                    BackendTlsPolicyConformanceReplayTest.ca("ca"),
                    ""));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", "backend-client-cert", "Programmed"))
        .isEqualTo("True:Programmed");
    BackendTlsPolicyConformanceReplayTest.assertRouteAccepted(f, "r", "backend-client-cert");
    assertThat(f.ancestorCondition("p", "backend-client-cert", "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "backend-client-cert", "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayOptionalAddressValue(Mode mode) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(
                gateway(
                    "without-address-value",
                    "  addresses: [{type: IPAddress}]\n",
                    "  - {name: http, port: 8080, protocol: HTTP}\n"));
    f.reconcile();
    f.assertLatestConditions("Gateway", "without-address-value");
    assertThat(address(f, "without-address-value")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void gatewayStaticAddresses(Mode mode) {
    String invalid = "  - {type: example.com/fake-type, value: 'not an address at all'}\n";
    String unusable = "  - {type: IPAddress, value: 0.0.0.0}\n";
    String usable = "  - {type: IPAddress, value: 192.0.2.77}\n";
    String listener = "  - {name: http, port: 8080, protocol: HTTP}\n";
    StatusFixture f =
        StatusFixture.of(mode)
            .add(gateway("static", "  addresses:\n" + invalid + unusable + usable, listener));
    f.reconcile();
    f.assertLatestConditions("Gateway", "static");
    assertThat(f.objectCondition("Gateway", "static", "Accepted"))
        .isEqualTo("False:UnsupportedAddress");

    f.replace(
        "Gateway", "static", gateway("static", "  addresses:\n" + unusable + usable, listener));
    f.reconcile();
    f.assertLatestConditions("Gateway", "static");
    assertThat(f.objectCondition("Gateway", "static", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "static", "Programmed"))
        .isEqualTo("False:AddressNotUsable");

    f.replace("Gateway", "static", gateway("static", "  addresses:\n" + usable, listener));
    f.reconcile();
    f.assertLatestConditions("Gateway", "static");
    assertThat(f.objectCondition("Gateway", "static", "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.objectCondition("Gateway", "static", "Programmed")).isEqualTo("True:Programmed");
    JsonNode listeners = f.get("Gateway", "static").path("status").path("listeners");
    assertThat(listeners).hasSize(1);
    assertThat(kinds(listeners.get(0))).contains("HTTPRoute");
    assertThat(listeners.get(0).path("attachedRoutes").asInt(-1)).isZero();
    assertListener(f, "static", "http", "Accepted=True", "ResolvedRefs=True");
    JsonNode addresses = f.get("Gateway", "static").path("status").path("addresses");
    assertThat(addresses).hasSize(1);
    assertThat(addresses.get(0).path("value").asText()).isEqualTo("192.0.2.77");
  }
}
