package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.BackendTLSPolicy;
import dev.gatewaysdk.model.HTTPRoute;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code backendtlspolicy-*} tests,
 * replayed against the embedded Gateway: HTTP requests through the Gateway to TLS backends behind
 * Services the policies target; the request succeeds with the server name the winning policy sets
 * (the backend reports the SNI it was asked for), and an unusable or unmatched policy makes it a
 * 5xx. One method per suite test, named after it.
 */
class BackendTlsPolicyTrafficReplayTest extends TrafficReplay {

  /**
   * The suite's backend certificate (DNS abc.example.com, other.example.com; URI
   * spiffe://abc.example.com/test-identity), its own CA.
   */
  SelfSignedCertificate backendCert;

  SSLServerSocket backend;

  @BeforeEach
  void backend() throws Exception {
    backendCert =
        SelfSignedCertificate.generate(
            "abc.example.com", "other.example.com", "spiffe://abc.example.com/test-identity");
    backend = TlsCalls.backend("tls-backend", backendCert, null);
    closeables.add(backend);
  }

  /** Service {@code name} with ports {@code portName=port}, all on the TLS backend. */
  void tlsService(String name, String... ports) {
    V1ServiceSpec spec = new V1ServiceSpec();
    for (String p : ports) {
      String[] np = p.split("=");
      spec.addPortsItem(new V1ServicePort().name(np[0]).port(Integer.parseInt(np[1])));
      cluster.create(
          Fixtures.endpointSlice(ns.name(), name, np[0], "127.0.0.1", backend.getLocalPort())
              .metadata(
                  new V1ObjectMeta()
                      .name(name + "-" + np[0])
                      .namespace(ns.name())
                      .putLabelsItem("kubernetes.io/service-name", name)));
    }
    cluster.create(
        new V1Service()
            .apiVersion("v1")
            .kind("Service")
            .metadata(new V1ObjectMeta().name(name).namespace(ns.name()))
            .spec(spec));
  }

  /**
   * BackendTLSPolicy {@code name} targeting {@code service} (and {@code sectionName} when not
   * null), CA ConfigMaps of {@code caRefs} (YAML), {@code hostname}, extra validation YAML.
   */
  void policy(
      String name,
      String service,
      String sectionName,
      String caRefs,
      String hostname,
      String extra) {
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: {name: "
            + name
            + ", namespace: $NS}\nspec:\n  targetRefs: [{group: '', kind: Service, name: "
            + service
            + (sectionName == null ? "" : ", sectionName: " + sectionName)
            + "}]\n  validation:\n    caCertificateRefs: "
            + caRefs
            + "\n    hostname: "
            + hostname
            + "\n"
            + extra,
        BackendTLSPolicy.class);
  }

  static String ca(String configMap) {
    return "[{group: '', kind: ConfigMap, name: " + configMap + "}]";
  }

  /** The suite's same-namespace Gateway and one HTTPRoute with an Exact path rule per entry. */
  URI gatewayAndRoute(String route, String hostname, String... pathServicePort) {
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.httpGateway(
                    ns.name(), "same-namespace", cluster.gatewayClassName().orElseThrow(), 80)))
        .isProgrammed();
    StringBuilder rules = new StringBuilder();
    for (String r : pathServicePort) {
      String[] p = r.split(" ");
      rules
          .append("  - matches: [{path: {type: Exact, value: ")
          .append(p[0])
          .append("}}]\n    backendRefs: [{name: ")
          .append(p[1])
          .append(", port: ")
          .append(p[2])
          .append("}]\n");
    }
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
                    + route
                    + ", namespace: $NS}\nspec:\n  parentRefs: [{name: same-namespace}]\n"
                    + "  hostnames: ["
                    + hostname
                    + "]\n  rules:\n"
                    + rules,
                HTTPRoute.class))
        .isAcceptedBy("same-namespace");
    return cluster.gateway(ns.name(), "same-namespace").url("http");
  }

  /** {@code 200 sni=<server name the backend saw>}, or the status code. */
  static String outcome(URI url, String host, String path) throws Exception {
    RawHttp.Response r = RawHttp.get(url, host, path);
    return r.status == 200 ? "200 sni=" + r.headers.get("x-sni") : Integer.toString(r.status);
  }

  static void assertServerError(URI url, String host, String path) throws Exception {
    assertThat(RawHttp.get(url, host, path).status).as(path).isIn(500, 502, 503);
  }

  @Test
  void backendTlsPolicy() throws Exception {
    configMap("tls-checks-ca-certificate", backendCert.certificatePem());
    configMap(
        "mismatch-ca-certificate",
        SelfSignedCertificate.generate("abc.example.com").certificatePem());
    for (String s :
        List.of(
            "backendtlspolicy-test",
            "backendtlspolicy-host-mismatch-test",
            "backendtlspolicy-cert-mismatch-test",
            "backendtlspolicy-reconcile-test")) {
      tlsService(s, "btls=443");
    }
    policy(
        "normative-test",
        "backendtlspolicy-test",
        "btls",
        ca("tls-checks-ca-certificate"),
        "abc.example.com",
        "");
    policy(
        "host-mismatch",
        "backendtlspolicy-host-mismatch-test",
        "btls",
        ca("tls-checks-ca-certificate"),
        "mismatch.example.com",
        "");
    policy(
        "cert-mismatch",
        "backendtlspolicy-cert-mismatch-test",
        "btls",
        ca("mismatch-ca-certificate"),
        "abc.example.com",
        "");
    policy(
        "reconcile-test",
        "backendtlspolicy-reconcile-test",
        "btls",
        ca("tls-checks-ca-certificate-reconcile-test"),
        "abc.example.com",
        "");
    URI url =
        gatewayAndRoute(
            "backendtlspolicy",
            "abc.example.com",
            "/backendtlspolicy backendtlspolicy-test 443",
            "/backendtlspolicy-host-mismatch backendtlspolicy-host-mismatch-test 443",
            "/backendtlspolicy-cert-mismatch backendtlspolicy-cert-mismatch-test 443",
            "/backendtlspolicy-reconcile-test backendtlspolicy-reconcile-test 443");

    // Eventually consistent, as the suite's requests are (the policies were created just before).
    EmbeddedGatewayTrafficTest.eventually(
        () -> outcome(url, "abc.example.com", "/backendtlspolicy").startsWith("200"));
    assertThat(outcome(url, "abc.example.com", "/backendtlspolicy"))
        .as("valid policy: TLS to the backend with the policy's hostname as SNI")
        .isEqualTo("200 sni=abc.example.com");
    assertServerError(url, "abc.example.com", "/backendtlspolicy-host-mismatch");
    assertServerError(url, "abc.example.com", "/backendtlspolicy-cert-mismatch");

    // a CA ConfigMap the policy names appears: the next requests verify with it
    assertServerError(url, "abc.example.com", "/backendtlspolicy-reconcile-test");
    configMap("tls-checks-ca-certificate-reconcile-test", backendCert.certificatePem());
    EmbeddedGatewayTrafficTest.eventually(
        () ->
            outcome(url, "abc.example.com", "/backendtlspolicy-reconcile-test")
                .equals("200 sni=abc.example.com"));

    // re-encrypt: an HTTPS listener terminates the client's TLS, the policy's TLS goes on
    SelfSignedCertificate listenerCert = SelfSignedCertificate.generate("https-listener.org");
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-validity-checks-certificate", listenerCert));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(
                        ns.name(),
                        "same-namespace-with-https-listener",
                        cluster.gatewayClassName().orElseThrow())
                    .https("https", 443, null, "tls-validity-checks-certificate")
                    .build()))
        .isProgrammed();
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: backendtlspolicy-reencrypt, namespace: $NS}\n"
                    + "spec:\n  parentRefs: [{name: same-namespace-with-https-listener}]\n  hostnames: [https-listener.org]\n"
                    + "  rules: [{matches: [{path: {type: Exact, value: /backendtlspolicy}}],"
                    + " backendRefs: [{name: backendtlspolicy-test, port: 443}]}]\n",
                HTTPRoute.class))
        .isAcceptedBy("same-namespace-with-https-listener")
        .hasResolvedRefs();
    EmbeddedGateway https = cluster.gateway(ns.name(), "same-namespace-with-https-listener");
    TlsCalls.Exchange e =
        TlsCalls.get(
            https.address(),
            https.port("https"),
            "https-listener.org",
            "/backendtlspolicy",
            TlsCalls.trusting(listenerCert),
            null);
    assertThat(e.certificate()).isEqualTo(listenerCert.certificate());
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.response()).containsIgnoringCase("x-sni: abc.example.com");
  }

  @Test
  void backendTlsPolicySanValidation() throws Exception {
    configMap("tls-checks-ca-certificate", backendCert.certificatePem());
    String[][] cases = {
      // policy, subjectAltNames, whether the backend's certificate carries one of them
      {"san-dns", "[{type: Hostname, hostname: abc.example.com}]", "yes"},
      {"san-dns-mismatch", "[{type: Hostname, hostname: dce.example.com}]", "no"},
      {"san-uri", "[{type: URI, uri: 'spiffe://abc.example.com/test-identity'}]", "yes"},
      {"san-uri-mismatch", "[{type: URI, uri: 'spiffe://def.example.com/test-identity'}]", "no"},
      {
        "multiple-sans",
        "[{type: URI, uri: 'spiffe://abc.example.com/test-identity'}, {type: Hostname, hostname:"
            + " abc.example.com}]",
        "yes"
      },
      {
        "multiple-mismatch-sans",
        "[{type: URI, uri: 'spiffe://def.example.com/test-identity'}, {type: Hostname, hostname:"
            + " def.example.com}]",
        "no"
      },
    };
    List<String> rules = new ArrayList<>();
    for (String[] c : cases) {
      String service = "backendtlspolicy-" + c[0] + "-test";
      tlsService(service, "btls=443");
      policy(
          c[0],
          service,
          "btls",
          ca("tls-checks-ca-certificate"),
          "abc.example.com",
          "    subjectAltNames: " + c[1] + "\n");
      rules.add("/backendtlspolicy-" + c[0] + " " + service + " 443");
    }
    URI url =
        gatewayAndRoute(
            "backendtlspolicy-san-test", "abc.example.com", rules.toArray(new String[0]));
    for (String[] c : cases) {
      if (c[2].equals("yes")) {
        assertThat(outcome(url, "abc.example.com", "/backendtlspolicy-" + c[0]))
            .as(c[0])
            .isEqualTo("200 sni=abc.example.com");
      } else {
        assertServerError(url, "abc.example.com", "/backendtlspolicy-" + c[0]);
      }
    }
  }

  @Test
  void backendTlsPolicyConflictResolution() throws Exception {
    configMap("tls-checks-ca-certificate", backendCert.certificatePem());
    tlsService("backendtlspolicy-conflicted-without-section-name-test", "https=443");
    tlsService("backendtlspolicy-conflicted-with-section-name-test", "https-1=443", "https-2=8443");
    tlsService("backendtlspolicy-not-conflicted-test", "https-1=443", "https-2=8443");
    String ca = ca("tls-checks-ca-certificate");
    // the older policy wins a conflict (then the name): created in this order
    policy(
        "conflicted-without-section-name-1",
        "backendtlspolicy-conflicted-without-section-name-test",
        null,
        ca,
        "other.example.com",
        "");
    policy(
        "conflicted-without-section-name-2",
        "backendtlspolicy-conflicted-without-section-name-test",
        null,
        ca,
        "abc.example.com",
        "");
    policy(
        "conflicted-with-section-name-1",
        "backendtlspolicy-conflicted-with-section-name-test",
        "https-1",
        ca,
        "other.example.com",
        "");
    policy(
        "conflicted-with-section-name-2",
        "backendtlspolicy-conflicted-with-section-name-test",
        "https-1",
        ca,
        "abc.example.com",
        "");
    policy(
        "not-conflicted-with-section-name",
        "backendtlspolicy-not-conflicted-test",
        "https-1",
        ca,
        "other.example.com",
        "");
    policy(
        "not-conflicted-without-section-name",
        "backendtlspolicy-not-conflicted-test",
        null,
        ca,
        "abc.example.com",
        "");
    URI url =
        gatewayAndRoute(
            "backendtlspolicy-conflict-resolution",
            "abc.example.com",
            "/backendtlspolicy-conflicted-without-section-name backendtlspolicy-conflicted-without-section-name-test 443",
            "/backendtlspolicy-conflicted-with-section-name backendtlspolicy-conflicted-with-section-name-test 443",
            "/backendtlspolicy-not-conflicted-with-section-name backendtlspolicy-not-conflicted-test 443",
            "/backendtlspolicy-not-conflicted-without-section-name backendtlspolicy-not-conflicted-test 8443");
    assertThat(outcome(url, "abc.example.com", "/backendtlspolicy-conflicted-without-section-name"))
        .isEqualTo("200 sni=other.example.com");
    assertThat(outcome(url, "abc.example.com", "/backendtlspolicy-conflicted-with-section-name"))
        .isEqualTo("200 sni=other.example.com");
    assertThat(
            outcome(url, "abc.example.com", "/backendtlspolicy-not-conflicted-with-section-name"))
        .as("a policy naming the port beats one naming the Service")
        .isEqualTo("200 sni=other.example.com");
    assertThat(
            outcome(
                url, "abc.example.com", "/backendtlspolicy-not-conflicted-without-section-name"))
        .isEqualTo("200 sni=abc.example.com");
  }

  @Test
  void backendTlsPolicyInvalidCaCertificateRef() throws Exception {
    tlsService("backendtlspolicy-nonexistent-ca-certificate-ref-test", "btls=443");
    tlsService("backendtlspolicy-malformed-ca-certificate-ref-test", "btls=443");
    configMap("malformed-ca-certificate", "not a certificate");
    policy(
        "nonexistent-ca-certificate-ref",
        "backendtlspolicy-nonexistent-ca-certificate-ref-test",
        "btls",
        ca("nonexistent-ca-certificate"),
        "abc.example.com",
        "");
    policy(
        "malformed-ca-certificate-ref",
        "backendtlspolicy-malformed-ca-certificate-ref-test",
        "btls",
        ca("malformed-ca-certificate"),
        "abc.example.com",
        "");
    URI url =
        gatewayAndRoute(
            "backendtlspolicy-invalid-ca-certificate-ref",
            "abc.example.com",
            "/backendtlspolicy-nonexistent-ca-certificate-ref backendtlspolicy-nonexistent-ca-certificate-ref-test 443",
            "/backendtlspolicy-malformed-ca-certificate-ref backendtlspolicy-malformed-ca-certificate-ref-test 443");
    assertServerError(url, "abc.example.com", "/backendtlspolicy-nonexistent-ca-certificate-ref");
    assertServerError(url, "abc.example.com", "/backendtlspolicy-malformed-ca-certificate-ref");
  }

  @Test
  void backendTlsPolicyInvalidKind() throws Exception {
    tlsService("backendtlspolicy-invalid-kind-test", "btls=443");
    cluster.create(
        new io.kubernetes.client.openapi.models.V1Secret()
            .apiVersion("v1")
            .kind("Secret")
            .metadata(new V1ObjectMeta().name("tls-checks-ca-certificate").namespace(ns.name()))
            .putStringDataItem("ca.crt", backendCert.certificatePem()));
    policy(
        "invalid-kind",
        "backendtlspolicy-invalid-kind-test",
        "btls",
        "[{group: '', kind: Secret, name: tls-checks-ca-certificate}]",
        "abc.example.com",
        "");
    URI url =
        gatewayAndRoute(
            "backendtlspolicy-invalid-kind-test",
            "abc.example.com",
            "/backendtlspolicy-invalid-kind backendtlspolicy-invalid-kind-test 443");
    assertServerError(url, "abc.example.com", "/backendtlspolicy-invalid-kind");
  }
}
