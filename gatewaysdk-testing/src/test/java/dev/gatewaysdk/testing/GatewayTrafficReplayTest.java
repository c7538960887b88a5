package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.BackendTLSPolicy;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code gateway-*} tests that send
 * requests, replayed against the embedded Gateway: own manifests shaped like the suite's, real
 * requests to the Gateway's status address and listener ports, echo backends behind Services and
 * EndpointSlices on loopback. One method per suite test, named after it.
 */
class GatewayTrafficReplayTest extends TrafficReplay {

  void route(String name, String parentRefs, String hostnames, String backend, String gateway) {
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  parentRefs: "
                    + parentRefs
                    + "\n  hostnames: "
                    + hostnames
                    + "\n  rules: [{backendRefs: [{name: "
                    + backend
                    + ", port: 8080}]}]\n",
                HTTPRoute.class))
        .isAcceptedBy(gateway)
        .hasResolvedRefs();
  }

  /** The backend that answered ({@code X-Backend}), or the status code when none did. */
  static String outcome(RawHttp.Response r) {
    String backend = r.headers.get("x-backend");
    return r.status == 200 && backend != null ? backend : Integer.toString(r.status);
  }

  static String outcome(TlsCalls.Exchange e) {
    return e.outcome();
  }

  @Test
  void gatewayHttpListenerIsolation() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    String[] listeners = {
      "empty-hostname", "wildcard-example-com", "wildcard-foo-example-com", "abc-foo-example-com"
    };
    String[] listenerHostnames = {
      null, "*.example.com", "*.foo.example.com", "abc.foo.example.com"
    };
    // the suite runs the same requests against hostnames on listeners only, then on listeners and
    // routes (intersecting)
    for (boolean routeHostnames : new boolean[] {false, true}) {
      String gwName =
          routeHostnames
              ? "http-listener-isolation-with-hostname-intersection"
              : "http-listener-isolation";
      StringBuilder yaml =
          new StringBuilder(
              "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                  + gwName
                  + ", namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n  listeners:\n");
      for (int i = 0; i < listeners.length; i++) {
        yaml.append("  - {name: ")
            .append(listeners[i])
            .append(", port: 80, protocol: HTTP")
            .append(
                listenerHostnames[i] == null ? "" : ", hostname: '" + listenerHostnames[i] + "'")
            .append(", allowedRoutes: {namespaces: {from: All}}}\n");
      }
      awaitThat(cluster, create(yaml.toString(), Gateway.class)).isProgrammed();
      String[] intersecting = {
        "['bar.com', '*.example.com']",
        "['bar.example.com', '*.foo.example.com', 'bar.com']",
        "['bar.foo.example.com', 'abc.foo.example.com', 'bar.com']",
        "['abc.foo.example.com', 'bar.com']"
      };
      for (int i = 0; i < listeners.length; i++) {
        awaitThat(
                cluster,
                create(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: attaches-to-"
                        + listeners[i]
                        + (routeHostnames ? "-with-hostname-intersection" : "")
                        + ", namespace: $NS}\nspec:\n  parentRefs: [{name: "
                        + gwName
                        + ", sectionName: "
                        + listeners[i]
                        + "}]\n"
                        + (routeHostnames ? "  hostnames: " + intersecting[i] + "\n" : "")
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /"
                        + listeners[i]
                        + "}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n",
                    HTTPRoute.class))
            .isAcceptedBy(gwName)
            .hasResolvedRefs();
      }
      URI url = cluster.gateway(ns.name(), gwName).url("empty-hostname");
      String[] hosts = {"bar.com", "bar.example.com", "bar.foo.example.com", "abc.foo.example.com"};
      for (int h = 0; h < hosts.length; h++) {
        for (int p = 0; p < listeners.length; p++) {
          assertThat(outcome(RawHttp.get(url, hosts[h], "/" + listeners[p])))
              .as("%s: Host %s, path /%s", gwName, hosts[h], listeners[p])
              .isEqualTo(h == p ? "infra-backend-v1" : "404");
        }
      }
    }
  }

  @Test
  void gatewayModifyListeners() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    SelfSignedCertificate cert = SelfSignedCertificate.generate("secure.test.com");
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-validity-checks-certificate", cert));
    TrustManager[] trust = TlsCalls.trusting(cert);
    String className = cluster.gatewayClassName().orElseThrow();

    // should be able to add a listener that then becomes available for routing traffic
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gateway-add-listener", className)
                    .https("https", 443, "secure.test.com", "tls-validity-checks-certificate")
                    .build()))
        .isProgrammed();
    route(
        "http-route-1",
        "[{name: gateway-add-listener}]",
        "[]",
        "infra-backend-v1",
        "gateway-add-listener");
    EmbeddedGateway add = cluster.gateway(ns.name(), "gateway-add-listener");
    assertThat(
            outcome(
                TlsCalls.get(
                    add.address(), add.port("https"), "secure.test.com", "/", trust, null)))
        .isEqualTo("infra-backend-v1");
    Gateway current = cluster.get(Gateway.class, ns.name(), "gateway-add-listener");
    cluster
        .client()
        .gateways()
        .inNamespace(ns.name())
        .update(
            current
                .newBuilder()
                .listener(
                    Listener.http("http", "data.test.com", 80).allowingRoutesFromAllNamespaces())
                .build());
    awaitThat(cluster, current).hasAttachedRoutes("http", 1).hasAttachedRoutes("https", 1);
    URI http = cluster.gateway(ns.name(), "gateway-add-listener").url("http");
    assertThat(outcome(RawHttp.get(http, "data.test.com", "/")))
        .as("the added listener routes traffic")
        .isEqualTo("infra-backend-v1");

    // should be able to remove listeners, which would then stop routing the relevant traffic
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gateway-remove-listener", className)
                    .https("https", 443, "secure.test.com", "tls-validity-checks-certificate")
                    .http("http", 80, null)
                    .build()))
        .isProgrammed();
    route(
        "http-route-2",
        "[{name: gateway-remove-listener}]",
        "[]",
        "infra-backend-v1",
        "gateway-remove-listener");
    EmbeddedGateway remove = cluster.gateway(ns.name(), "gateway-remove-listener");
    URI removedUrl = remove.url("http");
    assertThat(outcome(RawHttp.get(removedUrl, "any.test.com", "/"))).isEqualTo("infra-backend-v1");
    current = cluster.get(Gateway.class, ns.name(), "gateway-remove-listener");
    Gateway.Builder withoutHttp = current.newBuilder();
    withoutHttp
        .specBuilder()
        .listeners(
            current.spec().listeners().stream().filter(l -> l.name().equals("https")).toList());
    cluster.client().gateways().inNamespace(ns.name()).update(withoutHttp.build());
    awaitThat(cluster, current).hasAttachedRoutes("https", 1);
    EmbeddedGatewayTrafficTest.eventually(
        () -> {
          try (Socket s = new Socket(removedUrl.getHost(), removedUrl.getPort())) {
            return false;
          } catch (ConnectException e) {
            return true;
          }
        });
    assertThatThrownBy(() -> RawHttp.get(removedUrl, "any.test.com", "/"))
        .as("the removed listener's port is closed")
        .isInstanceOf(IOException.class);
    assertThat(
            outcome(
                TlsCalls.get(
                    remove.address(), remove.port("https"), "secure.test.com", "/", trust, null)))
        .as("the remaining listener still routes")
        .isEqualTo("infra-backend-v1");
  }

  /**
   * The suite's client-validation Gateways: {@code https} on 443 (any hostname) validated by the
   * default frontend configuration's CA, {@code https-with-hostname} on 8443 by the per-port one.
   */
  void clientValidationGateway(String name, String mode) {
    String modeLine = mode == null ? "" : "mode: " + mode + ", ";
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
                    + "  tls:\n    frontend:\n"
                    + "      default: {validation: {"
                    + modeLine
                    + "caCertificateRefs: [{kind: ConfigMap, group: '', name: tls-validity-checks-ca-certificate}]}}\n"
                    + "      perPort:\n      - port: 8443\n        tls: {validation: {"
                    + modeLine
                    + "caCertificateRefs: [{kind: ConfigMap, group: '', name: tls-validity-checks-per-port-ca-certificate}]}}\n"
                    + "  listeners:\n"
                    + "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: tls-validity-checks-certificate}]}}\n"
                    + "  - {name: https-with-hostname, port: 8443, hostname: second-example.org, protocol: HTTPS,"
                    + " tls: {certificateRefs: [{name: tls-validity-checks-certificate}]}}\n",
                Gateway.class))
        .isProgrammed();
    route("validated", "[{name: " + name + "}]", "[example.org]", "infra-backend-v1", name);
    route(
        "validated-no-hostname",
        "[{name: " + name + ", sectionName: https-with-hostname}]",
        "[]",
        "infra-backend-v2",
        name);
  }

  record ClientCertificates(
      SelfSignedCertificate server,
      SelfSignedCertificate client,
      SelfSignedCertificate perPortClient) {}

  /**
   * The server certificate Secret and the two CA ConfigMaps; each client certificate is
   * self-signed, so it is its own CA.
   */
  ClientCertificates clientCertificates() {
    ClientCertificates c =
        new ClientCertificates(
            SelfSignedCertificate.generate("example.org", "second-example.org"),
            SelfSignedCertificate.generate("client.example.org"),
            SelfSignedCertificate.generate("per-port-client.example.org"));
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-validity-checks-certificate", c.server()));
    configMap("tls-validity-checks-ca-certificate", c.client().certificatePem());
    configMap("tls-validity-checks-per-port-ca-certificate", c.perPortClient().certificatePem());
    return c;
  }

  @Test
  void gatewayWithClientCertificateValidation() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    ClientCertificates c = clientCertificates();
    clientValidationGateway("client-validation-default", null);
    EmbeddedGateway gw = cluster.gateway(ns.name(), "client-validation-default");
    TrustManager[] trust = TlsCalls.trusting(c.server());
    int defaultPort = gw.port("https");
    int perPort = gw.port("https-with-hostname");

    // default configuration (port 443)
    assertThat(
            outcome(TlsCalls.get(gw.address(), defaultPort, "example.org", "/", trust, c.client())))
        .isEqualTo("infra-backend-v1");
    assertThatThrownBy(
            () ->
                TlsCalls.get(
                    gw.address(), defaultPort, "example.org", "/", trust, c.perPortClient()))
        .as("a client certificate the default CA did not sign")
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> TlsCalls.get(gw.address(), defaultPort, "example.org", "/", trust, null))
        .as("no client certificate")
        .isInstanceOf(IOException.class);

    // per-port configuration (port 8443)
    assertThat(
            outcome(
                TlsCalls.get(
                    gw.address(), perPort, "second-example.org", "/", trust, c.perPortClient())))
        .isEqualTo("infra-backend-v2");
    assertThatThrownBy(
            () -> TlsCalls.get(gw.address(), perPort, "second-example.org", "/", trust, c.client()))
        .as("the default CA does not apply to a port with its own configuration")
        .isInstanceOf(IOException.class);
  }

  @Test
  void gatewayWithClientCertificateValidationInsecureFallback() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    ClientCertificates c = clientCertificates();
    clientValidationGateway("client-validation-insecure-fallback", "AllowInsecureFallback");
    awaitThat(cluster, cluster.get(Gateway.class, ns.name(), "client-validation-insecure-fallback"))
        .until(g -> g.hasCondition("InsecureFrontendValidationMode", true, "ConfigurationChanged"));
    EmbeddedGateway gw = cluster.gateway(ns.name(), "client-validation-insecure-fallback");
    TrustManager[] trust = TlsCalls.trusting(c.server());
    for (SelfSignedCertificate client :
        new SelfSignedCertificate[] {c.client(), c.perPortClient(), null}) {
      assertThat(
              outcome(
                  TlsCalls.get(gw.address(), gw.port("https"), "example.org", "/", trust, client)))
          .as("port 443, client certificate %s", client)
          .isEqualTo("infra-backend-v1");
      assertThat(
              outcome(
                  TlsCalls.get(
                      gw.address(),
                      gw.port("https-with-hostname"),
                      "second-example.org",
                      "/",
                      trust,
                      client)))
          .as("port 8443, client certificate %s", client)
          .isEqualTo("infra-backend-v2");
    }
  }

  @Test
  void gatewayInvalidDefaultFrontendClientCertificateValidation() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    SelfSignedCertificate server = SelfSignedCertificate.generate("example.org");
    SelfSignedCertificate perPortClient =
        SelfSignedCertificate.generate("per-port-client.example.org");
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-validity-checks-certificate", server));
    configMap("tls-validity-checks-per-port-ca-certificate", perPortClient.certificatePem());
    String name = "invalid-default-client-validation-config";
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
                    + "  tls:\n    frontend:\n"
                    + "      default: {validation: {caCertificateRefs: [{kind: ConfigMap, group: '', name: does-not-exist}]}}\n"
                    + "      perPort:\n      - port: 80\n        tls: {validation: {"
                    + "caCertificateRefs: [{kind: ConfigMap, group: '', name: tls-validity-checks-per-port-ca-certificate}]}}\n"
                    + "  listeners:\n"
                    + "  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: tls-validity-checks-certificate}]}}\n"
                    + "  - {name: http, port: 80, protocol: HTTP}\n",
                Gateway.class))
        .hasListenerCondition("http", "Programmed", true, "Programmed")
        .hasListenerCondition("https", "Accepted", false, "NoValidCACertificate");
    route(name, "[{name: " + name + "}]", "[example.org]", "infra-backend-v1", name);
    EmbeddedGateway gw = cluster.gateway(ns.name(), name);

    assertThat(outcome(RawHttp.get(gw.url("http"), "example.org", "/")))
        .as("the TLS configuration does not touch the HTTP listener")
        .isEqualTo("infra-backend-v1");
    int https = gw.port("http") - 80 + 443;
    assertThatThrownBy(
            () ->
                TlsCalls.get(
                    gw.address(), https, "example.org", "/", TlsCalls.trusting(server), null))
        .as("the HTTPS listener without a valid CA serves nothing")
        .isInstanceOf(IOException.class);
  }

  @Test
  void gatewayTlsBackendClientCertificate() throws Exception {
    SelfSignedCertificate backendCert = SelfSignedCertificate.generate("abc.example.com");
    SelfSignedCertificate gatewayClient =
        SelfSignedCertificate.generate("gateway-client.example.com");
    SSLServerSocket backend =
        TlsCalls.backend("tls-backend-with-client-cert-validation", backendCert, gatewayClient);
    closeables.add(backend);
    cluster.create(Fixtures.service(ns.name(), "tls-backend-with-client-cert-validation", 443));
    cluster.create(
        Fixtures.endpointSlice(
            ns.name(), "tls-backend-with-client-cert-validation", backend.getLocalPort()));
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-checks-client-certificate", gatewayClient));
    configMap("tls-checks-ca-certificate", backendCert.certificatePem());
    String name = "gateway-tls-backend-client-certificate";
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
                    + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n"
                    + "  tls: {backend: {clientCertificateRef: {group: '', kind: Secret, name: tls-checks-client-certificate}}}\n",
                Gateway.class))
        .until(g -> g.hasCondition("ResolvedRefs", true, "ResolvedRefs"));
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
            + "metadata: {name: gateway-tls-backend-client-certificate-test, namespace: $NS}\nspec:\n"
            + "  targetRefs: [{group: '', kind: Service, name: tls-backend-with-client-cert-validation}]\n"
            + "  validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: tls-checks-ca-certificate}],"
            + " hostname: abc.example.com}\n",
        BackendTLSPolicy.class);
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  parentRefs: [{name: "
                    + name
                    + "}]\n  hostnames: [abc.example.com]\n"
                    + "  rules: [{matches: [{path: {type: Exact, value: /}}],"
                    + " backendRefs: [{group: '', kind: Service, name: tls-backend-with-client-cert-validation, port: 443}]}]\n",
                HTTPRoute.class))
        .isAcceptedBy(name)
        .hasResolvedRefs();
    URI url = cluster.gateway(ns.name(), name).url("http");
    // Eventually consistent, as the suite's request is: the route's status can be written before
    // the controller has seen the BackendTLSPolicy created just before it.
    EmbeddedGatewayTrafficTest.eventually(
        () -> RawHttp.get(url, "abc.example.com", "/").status == 200);
    RawHttp.Response r = RawHttp.get(url, "abc.example.com", "/");
    assertThat(r.status).as("the backend accepted the Gateway's client certificate").isEqualTo(200);
    assertThat(r.headers.get("x-client-subject"))
        .as("the configured client certificate was presented")
        .isEqualTo(gatewayClient.certificate().getSubjectX500Principal().getName());
  }
}
