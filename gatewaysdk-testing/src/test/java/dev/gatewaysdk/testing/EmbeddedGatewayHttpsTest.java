package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTPS listeners terminating TLS with their certificateRefs Secrets: SNI picks the certificate,
 * ALPN offers h2, a rotated Secret serves the next handshake without a restart (the guide's
 * certificate-rotation scenario), and a listener whose Secret is missing serves no handshake. Real
 * handshakes and requests through the Gateway.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayHttpsTest {
  private static final String ROUTE =
      String.join(
          "\n",
          "apiVersion: gateway.networking.k8s.io/v1",
          "kind: HTTPRoute",
          "metadata: {name: app, namespace: NS}",
          "spec:",
          "  parentRefs: [{name: web}]",
          "  hostnames: [shop.example.com, v1.api.example.com]",
          "  rules: [{backendRefs: [{name: app, port: 8080}]}]",
          "");

  /**
   * The peer certificate, negotiated ALPN protocol and (for HTTP/1.1) the response of one request.
   */
  private record Exchange(X509Certificate certificate, String alpn, String response) {}

  /**
   * A handshake asking for {@code sni} (ALPN h2 and http/1.1 offered when {@code h2}), then GET /
   * over HTTP/1.1.
   */
  private static Exchange call(TrustManager[] trust, URI gateway, String sni, boolean h2)
      throws Exception {
    // A new context per call: the JDK would otherwise resume the previous session, with its server
    // name, for the
    // same address and port.
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trust, null);
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket()) {
      s.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5000);
      s.setSoTimeout(5000);
      SSLParameters p = s.getSSLParameters();
      p.setServerNames(List.of(new SNIHostName(sni)));
      p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name sni
      p.setApplicationProtocols(h2 ? new String[] {"h2", "http/1.1"} : new String[] {"http/1.1"});
      s.setSSLParameters(p);
      s.startHandshake();
      X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
      String alpn = s.getApplicationProtocol();
      if (h2) {
        return new Exchange(cert, alpn, "");
      }
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /hello HTTP/1.1\r\nHost: " + sni + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new Exchange(cert, alpn, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Gateway {@code web}: HTTPS listeners shop, api (wildcard) and lost (its Secret missing). */
  private static Gateway gateway(GatewayCluster cluster, TestNamespace ns) {
    return Fixtures.tlsGateway(ns.name(), "web", cluster.gatewayClassName().orElseThrow())
        .https("shop", 443, "shop.example.com", "shop-tls")
        .https("api", 443, "*.api.example.com", "api-tls")
        .https("lost", 443, "lost.example.com", "no-such-secret")
        .build();
  }

  @Test
  void sniPicksTheListenersCertificateAndTheRequestReachesTheRoute(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    SelfSignedCertificate shop = SelfSignedCertificate.generate("shop.example.com");
    SelfSignedCertificate api = SelfSignedCertificate.generate("*.api.example.com");
    try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
      cluster.create(Fixtures.tlsSecret(ns.name(), "shop-tls", shop));
      cluster.create(Fixtures.tlsSecret(ns.name(), "api-tls", api));
      awaitThat(cluster, cluster.create(gateway(cluster, ns)))
          .hasListenerCondition("shop", "Programmed", true, "Programmed")
          .hasListenerCondition("lost", "ResolvedRefs", false, "InvalidCertificateRef");
      awaitThat(
              cluster,
              cluster.create(Manifests.read(ROUTE.replace("NS", ns.name()), HTTPRoute.class)))
          .isAcceptedBy("web");
      URI url = cluster.gateway(ns.name(), "web").url("shop");
      assertThat(url.getScheme()).isEqualTo("https");
      TrustManager[] trust = TlsCalls.trusting(shop, api);

      Exchange toShop = call(trust, url, "shop.example.com", false);
      assertThat(toShop.certificate()).isEqualTo(shop.certificate());
      assertThat(toShop.response())
          .startsWith("HTTP/1.1 200")
          .contains("\"backend\":\"app\"")
          .contains("\"path\":\"/hello\"");
      Exchange toApi = call(trust, url, "v1.api.example.com", false);
      assertThat(toApi.certificate())
          .as("the wildcard listener's certificate")
          .isEqualTo(api.certificate());
      assertThat(toApi.response()).startsWith("HTTP/1.1 200");
      assertThat(call(trust, url, "shop.example.com", true).alpn())
          .as("h2 offered by ALPN")
          .isEqualTo("h2");
      assertThat(app.requests()).isEqualTo(2);

      assertThatThrownBy(() -> call(trust, url, "lost.example.com", false))
          .as("a listener whose certificate Secret is missing serves no handshake")
          .isInstanceOf(SSLException.class);
      assertThatThrownBy(() -> call(trust, url, "other.example.org", false))
          .as("no listener names it")
          .isInstanceOf(SSLException.class);
    }
  }

  @Test
  void tlsPassthroughRoutesByServerNameAndTheClientSeesTheBackendsCertificate(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    SelfSignedCertificate foo = SelfSignedCertificate.generate("foo.example.com");
    SelfSignedCertificate bar = SelfSignedCertificate.generate("bar.example.com");
    try (javax.net.ssl.SSLServerSocket fooServer = TlsCalls.backend("foo", foo, null);
        javax.net.ssl.SSLServerSocket barServer = TlsCalls.backend("bar", bar, null)) {
      for (String svc : List.of("foo", "bar")) {
        cluster.create(Fixtures.service(ns.name(), svc, 8443));
        cluster.create(
            Fixtures.endpointSlice(
                ns.name(), svc, (svc.equals("foo") ? fooServer : barServer).getLocalPort()));
      }
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.tlsGateway(ns.name(), "edge", cluster.gatewayClassName().orElseThrow())
                      .tlsPassthrough("tls", 443, null)
                      .build()))
          .hasListenerCondition("tls", "Programmed", true, "Programmed");
      for (String svc : List.of("foo", "bar")) {
        awaitThat(
                cluster,
                cluster.create(
                    Manifests.read(
                        String.join(
                            "\n",
                            "apiVersion: gateway.networking.k8s.io/v1",
                            "kind: TLSRoute",
                            "metadata: {name: " + svc + ", namespace: " + ns.name() + "}",
                            "spec:",
                            "  parentRefs: [{name: edge, sectionName: tls}]",
                            "  hostnames: [" + svc + ".example.com]",
                            "  rules: [{backendRefs: [{name: " + svc + ", port: 8443}]}]"),
                        dev.gatewaysdk.model.TLSRoute.class)))
            .isAcceptedBy("edge");
      }
      String address = cluster.gateway(ns.name(), "edge").address();
      URI url =
          URI.create(
              "https://" + address + ":" + cluster.gateway(ns.name(), "edge").port("tls") + "/");
      TrustManager[] trust = TlsCalls.trusting(foo, bar);

      Exchange toFoo = call(trust, url, "foo.example.com", false);
      assertThat(toFoo.certificate())
          .as("end-to-end TLS: the backend's own certificate")
          .isEqualTo(foo.certificate());
      assertThat(toFoo.response()).contains("X-Backend: foo");
      Exchange toBar = call(trust, url, "bar.example.com", false);
      assertThat(toBar.certificate()).isEqualTo(bar.certificate());
      assertThat(toBar.response()).contains("X-Backend: bar");
      assertThatThrownBy(() -> call(trust, url, "baz.example.com", false))
          .as("a name no TLSRoute takes: the connection is closed")
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void tlsListenersTerminateOrPassThroughByTheListenerTheServerNamePicksOnOnePort(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    SelfSignedCertificate term = SelfSignedCertificate.generate("term.example.com");
    SelfSignedCertificate pass =
        SelfSignedCertificate.generate("pass.example.com", "broken.example.com");
    try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080);
        javax.net.ssl.SSLServerSocket passServer = TlsCalls.backend("pass", pass, null)) {
      cluster.create(Fixtures.service(ns.name(), "pass", 8443));
      cluster.create(Fixtures.endpointSlice(ns.name(), "pass", passServer.getLocalPort()));
      cluster.create(Fixtures.tlsSecret(ns.name(), "term-tls", term));
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.tlsGateway(ns.name(), "edge", cluster.gatewayClassName().orElseThrow())
                      .tlsTerminate("terminate", 443, "term.example.com", "term-tls")
                      .tlsPassthrough("passthrough", 443, "pass.example.com")
                      .tlsTerminate("broken", 443, "broken.example.com", "no-such-secret")
                      .build()))
          .hasListenerCondition("terminate", "Programmed", true, "Programmed")
          .hasListenerCondition("passthrough", "Programmed", true, "Programmed");
      // created first, so the routes awaited below are compiled after it
      cluster.create(
          Manifests.read(
              String.join(
                  "\n",
                  "apiVersion: gateway.networking.k8s.io/v1",
                  "kind: TLSRoute",
                  "metadata: {name: broken, namespace: " + ns.name() + "}",
                  "spec:",
                  "  parentRefs: [{name: edge, sectionName: broken}]",
                  "  hostnames: [broken.example.com]",
                  "  rules: [{backendRefs: [{name: pass, port: 8443}]}]"),
              dev.gatewaysdk.model.TLSRoute.class));
      String[][] routes = {
        {"term", "terminate", "app", "8080"}, {"pass", "passthrough", "pass", "8443"}
      };
      for (String[] r : routes) {
        awaitThat(
                cluster,
                cluster.create(
                    Manifests.read(
                        String.join(
                            "\n",
                            "apiVersion: gateway.networking.k8s.io/v1",
                            "kind: TLSRoute",
                            "metadata: {name: " + r[0] + ", namespace: " + ns.name() + "}",
                            "spec:",
                            "  parentRefs: [{name: edge, sectionName: " + r[1] + "}]",
                            "  hostnames: [" + r[0] + ".example.com]",
                            "  rules: [{backendRefs: [{name: " + r[2] + ", port: " + r[3] + "}]}]"),
                        dev.gatewaysdk.model.TLSRoute.class)))
            .isAcceptedBy("edge");
      }
      EmbeddedGateway edge = cluster.gateway(ns.name(), "edge");
      URI url = URI.create("https://" + edge.address() + ":" + edge.port("terminate") + "/");
      TrustManager[] trust = TlsCalls.trusting(term, pass);

      Exchange terminated = call(trust, url, "term.example.com", false);
      assertThat(terminated.certificate())
          .as("the Gateway terminates TLS with the listener's certificate")
          .isEqualTo(term.certificate());
      assertThat(terminated.alpn()).as("no HTTP protocol negotiated on a TLS listener").isEmpty();
      assertThat(terminated.response())
          .as("the decrypted stream reached the cleartext backend")
          .startsWith("HTTP/1.1 200")
          .contains("\"backend\":\"app\"")
          .contains("\"path\":\"/hello\"");
      assertThat(app.requests()).isEqualTo(1);

      Exchange passed = call(trust, url, "pass.example.com", false);
      assertThat(passed.certificate())
          .as("same port, Passthrough listener: the backend's own certificate")
          .isEqualTo(pass.certificate());
      assertThat(passed.response()).contains("X-Backend: pass");

      assertThatThrownBy(() -> call(trust, url, "other.example.com", false))
          .as("a name no listener takes: the connection is closed")
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> call(trust, url, "broken.example.com", false))
          .as("a Terminate listener without a usable certificate never passes the bytes through")
          .isInstanceOf(IOException.class);
      assertThat(app.requests()).isEqualTo(1);
    }
  }

  @Test
  void aTlsListenerTerminatingTlsOriginatesTlsAgainToABackendWithABackendTlsPolicy(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    SelfSignedCertificate front = SelfSignedCertificate.generate("*.example.com");
    SelfSignedCertificate back = SelfSignedCertificate.generate("abc.example.com");
    SelfSignedCertificate stranger = SelfSignedCertificate.generate("abc.example.com");
    try (javax.net.ssl.SSLServerSocket backend = TlsCalls.backend("secure", back, null)) {
      String[][] services = {{"secure", "ca", "tls"}, {"wrong-ca", "other-ca", "wrong"}};
      for (String[] svc : services) {
        cluster.create(Fixtures.service(ns.name(), svc[0], 8443));
        cluster.create(Fixtures.endpointSlice(ns.name(), svc[0], backend.getLocalPort()));
        cluster.create(
            new io.kubernetes.client.openapi.models.V1ConfigMap()
                .apiVersion("v1")
                .kind("ConfigMap")
                .metadata(
                    new io.kubernetes.client.openapi.models.V1ObjectMeta()
                        .name(svc[1])
                        .namespace(ns.name()))
                .putDataItem("ca.crt", (svc[1].equals("ca") ? back : stranger).certificatePem()));
        cluster.create(TlsCalls.backendTlsPolicy(ns.name(), svc[0], svc[1], "abc.example.com"));
      }
      cluster.create(Fixtures.tlsSecret(ns.name(), "front-tls", front));
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.tlsGateway(ns.name(), "edge", cluster.gatewayClassName().orElseThrow())
                      .tlsTerminate("terminate", 443, "*.example.com", "front-tls")
                      .build()))
          .hasListenerCondition("terminate", "Programmed", true, "Programmed");
      for (String[] svc : services) {
        awaitThat(
                cluster,
                cluster.create(
                    Manifests.read(
                        String.join(
                            "\n",
                            "apiVersion: gateway.networking.k8s.io/v1",
                            "kind: TLSRoute",
                            "metadata: {name: " + svc[0] + ", namespace: " + ns.name() + "}",
                            "spec:",
                            "  parentRefs: [{name: edge}]",
                            "  hostnames: [" + svc[2] + ".example.com]",
                            "  rules: [{backendRefs: [{name: " + svc[0] + ", port: 8443}]}]"),
                        dev.gatewaysdk.model.TLSRoute.class)))
            .isAcceptedBy("edge");
      }
      EmbeddedGateway edge = cluster.gateway(ns.name(), "edge");
      URI url = URI.create("https://" + edge.address() + ":" + edge.port("terminate") + "/");
      TrustManager[] trust = TlsCalls.trusting(front);

      Exchange reencrypted = call(trust, url, "tls.example.com", false);
      assertThat(reencrypted.certificate())
          .as("the client's TLS ends at the Gateway")
          .isEqualTo(front.certificate());
      assertThat(reencrypted.response())
          .as("the Gateway's own TLS connection, verified by the policy, reached the TLS backend")
          .contains("X-Backend: secure");
      Exchange refused = call(trust, url, "wrong.example.com", false);
      assertThat(refused.response())
          .as("a backend certificate the policy's CA did not sign: the connection ends unanswered")
          .isEmpty();
    }
  }

  @Test
  void backendTlsPolicyOriginatesVerifiedTlsToTheBackend(GatewayCluster cluster, TestNamespace ns)
      throws Exception {
    SelfSignedCertificate secure = SelfSignedCertificate.generate("secure.example.com");
    SelfSignedCertificate stranger = SelfSignedCertificate.generate("secure.example.com");
    try (javax.net.ssl.SSLServerSocket backend = TlsCalls.backend("secure", secure, null)) {
      for (String svc : List.of("good", "wrong-ca", "wrong-name")) {
        cluster.create(Fixtures.service(ns.name(), svc, 8443));
        cluster.create(Fixtures.endpointSlice(ns.name(), svc, backend.getLocalPort()));
      }
      cluster.create(
          new io.kubernetes.client.openapi.models.V1ConfigMap()
              .apiVersion("v1")
              .kind("ConfigMap")
              .metadata(
                  new io.kubernetes.client.openapi.models.V1ObjectMeta()
                      .name("ca")
                      .namespace(ns.name()))
              .putDataItem("ca.crt", secure.certificatePem()));
      cluster.create(
          new io.kubernetes.client.openapi.models.V1ConfigMap()
              .apiVersion("v1")
              .kind("ConfigMap")
              .metadata(
                  new io.kubernetes.client.openapi.models.V1ObjectMeta()
                      .name("other-ca")
                      .namespace(ns.name()))
              .putDataItem("ca.crt", stranger.certificatePem()));
      String[][] policies = {
        {"good", "ca", "secure.example.com"},
        {"wrong-ca", "other-ca", "secure.example.com"},
        {"wrong-name", "ca", "elsewhere.example.com"}
      };
      for (String[] p : policies) {
        cluster.create(TlsCalls.backendTlsPolicy(ns.name(), p[0], p[1], p[2]));
      }
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      for (String svc : List.of("good", "wrong-ca", "wrong-name")) {
        awaitThat(
                cluster,
                cluster.create(
                    Manifests.read(
                        String.join(
                            "\n",
                            "apiVersion: gateway.networking.k8s.io/v1",
                            "kind: HTTPRoute",
                            "metadata: {name: " + svc + ", namespace: " + ns.name() + "}",
                            "spec:",
                            "  parentRefs: [{name: gw}]",
                            "  rules: [{matches: [{path: {type: PathPrefix, value: /"
                                + svc
                                + "}}], backendRefs: [{name: "
                                + svc
                                + ", port: 8443}]}]"),
                        HTTPRoute.class)))
            .isAcceptedBy("gw");
      }
      URI url = cluster.gateway(ns.name(), "gw").url("http");
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> good =
          http.send(
              java.net.http.HttpRequest.newBuilder(url.resolve("/good")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(good.statusCode()).isEqualTo(200);
      assertThat(good.headers().firstValue("X-Backend"))
          .as("reached over TLS, verified")
          .hasValue("secure");
      for (String refused : List.of("wrong-ca", "wrong-name")) {
        assertThat(
                http.send(
                        java.net.http.HttpRequest.newBuilder(url.resolve("/" + refused)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode())
            .as(refused)
            .isEqualTo(502);
      }
    }
  }

  @Test
  void aRotatedSecretServesTheNextHandshakeWithoutARestart(GatewayCluster cluster, TestNamespace ns)
      throws Exception {
    SelfSignedCertificate before = SelfSignedCertificate.generate("shop.example.com");
    SelfSignedCertificate after = SelfSignedCertificate.generate("shop.example.com");
    try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
      cluster.create(Fixtures.tlsSecret(ns.name(), "shop-tls", before));
      cluster.create(Fixtures.tlsSecret(ns.name(), "api-tls", "*.api.example.com"));
      awaitThat(cluster, cluster.create(gateway(cluster, ns)))
          .hasListenerCondition("shop", "Programmed", true, "Programmed");
      awaitThat(
              cluster,
              cluster.create(Manifests.read(ROUTE.replace("NS", ns.name()), HTTPRoute.class)))
          .isAcceptedBy("web");
      URI url = cluster.gateway(ns.name(), "web").url("shop");
      TrustManager[] trust = TlsCalls.trusting(before, after);
      assertThat(call(trust, url, "shop.example.com", false).certificate())
          .isEqualTo(before.certificate());

      CoreV1Api core = new CoreV1Api(cluster.apiClient());
      V1Secret current = core.readNamespacedSecret("shop-tls", ns.name()).execute();
      V1Secret rotated = Fixtures.tlsSecret(ns.name(), "shop-tls", after);
      rotated.getMetadata().resourceVersion(current.getMetadata().getResourceVersion());
      core.replaceNamespacedSecret("shop-tls", ns.name(), rotated).execute();

      X509Certificate seen = null;
      for (int i = 0; i < 100; i++) {
        seen = call(trust, url, "shop.example.com", false).certificate();
        if (seen.equals(after.certificate())) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(seen)
          .as("the new certificate, on the same bound listener")
          .isEqualTo(after.certificate());
      assertThat(call(trust, url, "shop.example.com", false).response()).startsWith("HTTP/1.1 200");
    }
  }
}
