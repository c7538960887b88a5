package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.ConformanceReplayTest.gateway;
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
 * One-to-one replays of the BackendTLSPolicy conformance tests (v1.6.1): each method is named after
 * the test it replays, rebuilds its objects (our own manifests; {@code infra} stands for the
 * suite's infrastructure namespace, {@code same-namespace} for its base Gateway with an HTTP
 * listener for routes of its namespace) and asserts the {@code status.ancestors[]} conditions that
 * test waits for, for the Gateway ancestor, including the transitions it drives. The traffic part
 * of these tests belongs to the data plane. Every scenario runs against the reconciler and through
 * {@code serve} (standard and experimental channel; both serve BackendTLSPolicy v1).
 */
class BackendTlsPolicyConformanceReplayTest {
  static final String GW = "same-namespace";
  static final String ACCEPTED = "True:Accepted";
  static final String RESOLVED = "True:ResolvedRefs";

  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  /** The suite's base Gateway, a route to {@code services} (each "name:port"), a valid CA. */
  static StatusFixture base(Mode mode, String... services) {
    StatusFixture f =
        StatusFixture.of(mode)
            .add(caConfigMapYaml("infra", "ca"))
            .add(
                gateway(
                    GW,
                    "",
                    "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n"));
    StringBuilder rules = new StringBuilder("[");
    for (String s : services) {
      String[] nameAndPort = s.split(":");
      rules
          .append(rules.length() > 1 ? ", " : "")
          .append("{backendRefs: [{name: ")
          .append(nameAndPort[0])
          .append(", port: ")
          .append(nameAndPort[1])
          .append("}]}");
    }
    f.add(route("r", "infra", "[{name: " + GW + "}]", rules + "]"));
    return f;
  }

  static String service(String name, String... ports) {
    StringBuilder b =
        new StringBuilder("apiVersion: v1\nkind: Service\nmetadata: {name: ")
            .append(name)
            .append(", namespace: infra}\nspec:\n  ports:\n");
    for (String p : ports) {
      String[] nameAndPort = p.split(":");
      b.append("  - {name: ")
          .append(nameAndPort[0])
          .append(", port: ")
          .append(nameAndPort[1])
          .append("}\n");
    }
    return b.toString();
  }

  /**
   * A policy for Service {@code service} (port {@code section}, null: all), created at second
   * {@code second} of the reconciler's clock (the server sets its own, in creation order).
   */
  static String policy(
      String name, int second, String service, String section, String caRef, String extra) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: {name: "
        + name
        + ", namespace: infra, generation: 1, creationTimestamp: '2026-01-01T00:00:"
        + String.format("%02d", second)
        + "Z'}\nspec:\n  targetRefs: [{group: '', kind: Service, name: "
        + service
        + (section == null ? "" : ", sectionName: " + section)
        + "}]\n  validation:\n    hostname: abc.example.com\n    caCertificateRefs: ["
        + caRef
        + "]\n"
        + extra;
  }

  static String ca(String name) {
    return "{group: '', kind: ConfigMap, name: " + name + "}";
  }

  static void assertRouteAccepted(StatusFixture f, String route, String gateway) {
    assertThat(f.objectCondition("Gateway", gateway, "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", route, "Gateway", gateway, "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", route, "Gateway", gateway, "ResolvedRefs"))
        .isEqualTo("True:ResolvedRefs");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicy(Mode mode) {
    StatusFixture f =
        base(mode, "normative:443", "host-mismatch:443", "cert-mismatch:443", "reconcile:443")
            .add(caConfigMapYaml("infra", "other-ca"))
            .add(tlsSecretYaml("infra", "cert"))
            .add(
                gateway(
                    "with-https",
                    "",
                    "  - {name: https, port: 443, protocol: HTTPS, hostname: https-listener.example.org,"
                        + " allowedRoutes: {namespaces: {from: Same}}, tls: {certificateRefs: [{name: cert}]}}\n"))
            .add(
                route(
                    "reencrypt",
                    "infra",
                    "[{name: with-https}]",
                    "[{backendRefs: [{name: normative, port: 443}]}]"));
    for (String s : new String[] {"normative", "host-mismatch", "cert-mismatch", "reconcile"}) {
      f.add(service(s, "btls:443"));
    }
    f.add(policy("normative-test", 1, "normative", "btls", ca("ca"), ""))
        .add(
            policy("host-mismatch", 2, "host-mismatch", "btls", ca("ca"), "")
                .replace("abc.example.com", "mismatch.example.com"))
        .add(policy("cert-mismatch", 3, "cert-mismatch", "btls", ca("other-ca"), ""))
        .add(policy("reconcile-test", 4, "reconcile", "btls", ca("ca"), ""));
    f.reconcile();
    assertRouteAccepted(f, "reencrypt", "with-https");
    assertThat(f.ancestorCondition("normative-test", "with-https", "Accepted")).isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("normative-test", "with-https", "ResolvedRefs"))
        .isEqualTo(RESOLVED);
    assertRouteAccepted(f, "r", GW);
    for (String p :
        new String[] {"normative-test", "host-mismatch", "cert-mismatch", "reconcile-test"}) {
      assertThat(f.ancestorCondition(p, GW, "Accepted")).as(p).isEqualTo(ACCEPTED);
      assertThat(f.ancestorCondition(p, GW, "ResolvedRefs")).as(p).isEqualTo(RESOLVED);
    }

    // The CA ConfigMap a policy uses changes: a new, missing one; created; emptied; restored.
    String moved = policy("reconcile-test", 4, "reconcile", "btls", ca("ca-reconcile"), "");
    f.replace("BackendTLSPolicy", "reconcile-test", moved);
    f.reconcile();
    assertThat(f.ancestorCondition("reconcile-test", GW, "Accepted"))
        .isEqualTo("False:NoValidCACertificate");
    assertThat(f.ancestorCondition("reconcile-test", GW, "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateRef");
    f.add(caConfigMapYaml("infra", "ca-reconcile"));
    f.reconcile();
    assertThat(f.ancestorCondition("reconcile-test", GW, "Accepted")).isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("reconcile-test", GW, "ResolvedRefs")).isEqualTo(RESOLVED);
    f.replace(
        "ConfigMap",
        "ca-reconcile",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca-reconcile, namespace: infra}\n"
            + "data: {ca.crt: ''}\n");
    f.reconcile();
    assertThat(f.ancestorCondition("reconcile-test", GW, "Accepted"))
        .isEqualTo("False:NoValidCACertificate");
    assertThat(f.ancestorCondition("reconcile-test", GW, "ResolvedRefs"))
        .isEqualTo("False:InvalidCACertificateRef");
    f.replace("ConfigMap", "ca-reconcile", caConfigMapYaml("infra", "ca-reconcile"));
    f.reconcile();
    assertThat(f.ancestorCondition("reconcile-test", GW, "Accepted")).isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("reconcile-test", GW, "ResolvedRefs")).isEqualTo(RESOLVED);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicyConflictResolution(Mode mode) {
    StatusFixture f =
        base(
                mode,
                "without-section:443",
                "with-section:443",
                "not-conflicted:443",
                "not-conflicted:8443")
            .add(service("without-section", "https:443"))
            .add(service("with-section", "https-1:443", "https-2:8443"))
            .add(service("not-conflicted", "https-1:443", "https-2:8443"));
    f.add(
            policy("conflicted-without-section-name-1", 1, "without-section", null, ca("ca"), "")
                .replace("abc.example.com", "other.example.com"))
        .add(policy("conflicted-without-section-name-2", 2, "without-section", null, ca("ca"), ""))
        .add(
            policy("conflicted-with-section-name-1", 3, "with-section", "https-1", ca("ca"), "")
                .replace("abc.example.com", "other.example.com"))
        .add(policy("conflicted-with-section-name-2", 4, "with-section", "https-1", ca("ca"), ""))
        .add(
            policy("not-conflicted-with-section-name", 5, "not-conflicted", "https-1", ca("ca"), "")
                .replace("abc.example.com", "other.example.com"))
        .add(
            policy("not-conflicted-without-section-name", 6, "not-conflicted", null, ca("ca"), ""));
    f.reconcile();
    assertRouteAccepted(f, "r", GW);
    assertThat(f.ancestorCondition("conflicted-without-section-name-1", GW, "Accepted"))
        .isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("conflicted-without-section-name-2", GW, "Accepted"))
        .isEqualTo("False:Conflicted");
    assertThat(f.ancestorCondition("conflicted-with-section-name-1", GW, "Accepted"))
        .isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("conflicted-with-section-name-2", GW, "Accepted"))
        .isEqualTo("False:Conflicted");
    assertThat(f.ancestorCondition("not-conflicted-with-section-name", GW, "Accepted"))
        .isEqualTo(ACCEPTED);
    assertThat(f.ancestorCondition("not-conflicted-without-section-name", GW, "Accepted"))
        .isEqualTo(ACCEPTED);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicyInvalidCaCertificateRef(Mode mode) {
    StatusFixture f =
        base(mode, "nonexistent-ca:443", "malformed-ca:443")
            .add(service("nonexistent-ca", "https:443"))
            .add(service("malformed-ca", "https:443"))
            .add(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: malformed, namespace: infra}\n"
                    + "data: {ca.crt: 'not a certificate'}\n")
            .add(
                policy(
                    "nonexistent-ca-certificate-ref",
                    1,
                    "nonexistent-ca",
                    null,
                    ca("nonexistent"),
                    ""))
            .add(
                policy(
                    "malformed-ca-certificate-ref", 2, "malformed-ca", null, ca("malformed"), ""));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", GW, "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", GW, "Accepted"))
        .isEqualTo("True:Accepted");
    for (String p :
        new String[] {"nonexistent-ca-certificate-ref", "malformed-ca-certificate-ref"}) {
      assertThat(f.ancestorCondition(p, GW, "Accepted"))
          .as(p)
          .isEqualTo("False:NoValidCACertificate");
      assertThat(f.ancestorCondition(p, GW, "ResolvedRefs"))
          .as(p)
          .isEqualTo("False:InvalidCACertificateRef");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicyInvalidKind(Mode mode) {
    StatusFixture f =
        base(mode, "invalid-kind-test:443")
            .add(service("invalid-kind-test", "https:443"))
            .add(
                policy(
                    "invalid-kind",
                    1,
                    "invalid-kind-test",
                    null,
                    "{group: invalid.example.com, kind: InvalidKind, name: invalid-kind}",
                    ""));
    f.reconcile();
    assertThat(f.objectCondition("Gateway", GW, "Accepted")).isEqualTo("True:Accepted");
    assertThat(f.routeCondition("HTTPRoute", "r", "Gateway", GW, "Accepted"))
        .isEqualTo("True:Accepted");
    assertThat(f.ancestorCondition("invalid-kind", GW, "Accepted"))
        .isEqualTo("False:NoValidCACertificate");
    assertThat(f.ancestorCondition("invalid-kind", GW, "ResolvedRefs"))
        .isEqualTo("False:InvalidKind");
  }

  /** Every ancestor's conditions carry the policy's current generation. */
  static void assertLatestAncestorConditions(StatusFixture f, String policy) {
    JsonNode p = f.get("BackendTLSPolicy", policy);
    JsonNode ancestors = p.path("status").path("ancestors");
    assertThat(ancestors).isNotEmpty();
    for (JsonNode a : ancestors) {
      for (JsonNode c : a.path("conditions")) {
        assertThat(c.path("observedGeneration").asLong())
            .as("%s of ancestor %s", c.path("type").asText(), a.path("ancestorRef"))
            .isEqualTo(StatusFixture.generation(p));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicyObservedGenerationBump(Mode mode) {
    StatusFixture f =
        base(mode, "bump-test:443")
            .add(service("bump-test", "https:443"))
            .add(policy("observed-generation-bump", 1, "bump-test", "https", ca("ca"), ""));
    f.reconcile();
    assertLatestAncestorConditions(f, "observed-generation-bump");
    f.replace(
        "BackendTLSPolicy",
        "observed-generation-bump",
        policy("observed-generation-bump", 1, "bump-test", "https", ca("ca"), "")
            .replace("abc.example.com", "foo.example.com"));
    f.reconcile();
    assertThat(StatusFixture.generation(f.get("BackendTLSPolicy", "observed-generation-bump")))
        .isEqualTo(2);
    assertThat(f.ancestorCondition("observed-generation-bump", GW, "Accepted")).startsWith("True:");
    assertLatestAncestorConditions(f, "observed-generation-bump");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void backendTlsPolicySanValidation(Mode mode) {
    String[][] cases = {
      {"san-dns", "[{type: Hostname, hostname: abc.example.com}]"},
      {"san-dns-mismatch", "[{type: Hostname, hostname: dce.example.com}]"},
      {"san-uri", "[{type: URI, uri: 'spiffe://abc.example.com/test-identity'}]"},
      {"san-uri-mismatch", "[{type: URI, uri: 'spiffe://def.example.com/test-identity'}]"},
      {
        "multiple-sans",
        "[{type: URI, uri: 'spiffe://abc.example.com/test-identity'},"
            + " {type: Hostname, hostname: abc.example.com}]"
      },
      {
        "multiple-mismatch-sans",
        "[{type: URI, uri: 'spiffe://def.example.com/test-identity'},"
            + " {type: Hostname, hostname: def.example.com}]"
      },
    };
    String[] services = new String[cases.length];
    for (int i = 0; i < cases.length; i++) {
      services[i] = cases[i][0] + "-test:443";
    }
    StatusFixture f = base(mode, services);
    for (int i = 0; i < cases.length; i++) {
      f.add(service(cases[i][0] + "-test", "btls:443"))
          .add(
              policy(
                  cases[i][0],
                  i + 1,
                  cases[i][0] + "-test",
                  "btls",
                  ca("ca"),
                  "    subjectAltNames: " + cases[i][1] + "\n"));
    }
    f.reconcile();
    assertRouteAccepted(f, "r", GW);
    for (String[] c : cases) {
      assertThat(f.ancestorCondition(c[0], GW, "Accepted")).as(c[0]).isEqualTo(ACCEPTED);
    }
  }
}
