package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.TLSRoute;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.io.IOException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code tlsroute-*} tests, replayed
 * against the embedded Gateway: TLS connections to the Gateway's status address and listener port
 * with the suite's server names; passthrough reaches a TLS backend (the client sees the backend's
 * certificate), Terminate reaches a plain-text backend (the client sees the listener's). One method
 * per suite test, named after it.
 */
class TlsRouteTrafficReplayTest extends TrafficReplay {

  /** A TLS backend presenting {@code certificate} behind Service {@code name} port 8443. */
  void tlsBackend(String name, SelfSignedCertificate certificate) throws Exception {
    SSLServerSocket backend = TlsCalls.backend(name, certificate, null);
    closeables.add(backend);
    cluster.create(Fixtures.service(ns.name(), name, 8443));
    cluster.create(Fixtures.endpointSlice(ns.name(), name, backend.getLocalPort()));
  }

  void tlsRoute(String name, String gateway, String hostnames, String backend, int port) {
    awaitThat(
            cluster,
            cluster.create(
                Manifests.read(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: TLSRoute\nmetadata: {name: "
                        + name
                        + ", namespace: "
                        + ns.name()
                        + "}\nspec:\n  parentRefs: [{name: "
                        + gateway
                        + "}]\n  hostnames: "
                        + hostnames
                        + "\n  rules: [{backendRefs: [{name: "
                        + backend
                        + ", port: "
                        + port
                        + "}]}]\n",
                    TLSRoute.class)))
        .isAcceptedBy(gateway)
        .hasResolvedRefs();
  }

  String className() {
    return cluster.gatewayClassName().orElseThrow();
  }

  @Test
  void tlsRouteSimpleSameNamespace() throws Exception {
    SelfSignedCertificate backendCert = SelfSignedCertificate.generate("abc.example.com");
    tlsBackend("tcp-backend", backendCert);
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gateway-tlsroute", className())
                    .tlsPassthrough("https", 443, "*.example.com")
                    .build()))
        .isProgrammed();
    tlsRoute(
        "gateway-conformance-infra-test",
        "gateway-tlsroute",
        "[abc.example.com]",
        "tcp-backend",
        8443);
    EmbeddedGateway gw = cluster.gateway(ns.name(), "gateway-tlsroute");
    TlsCalls.Exchange e =
        TlsCalls.get(
            gw.address(),
            gw.port("https"),
            "abc.example.com",
            "/",
            TlsCalls.trusting(backendCert),
            null);
    assertThat(e.certificate())
        .as("passthrough: the backend's certificate")
        .isEqualTo(backendCert.certificate());
    assertThat(e.outcome()).isEqualTo("tcp-backend");
  }

  @Test
  void tlsRouteTerminateSimpleSameNamespace() throws Exception {
    SelfSignedCertificate listenerCert = SelfSignedCertificate.generate("tls.example.com");
    closeables.add(EchoBackend.behindService(cluster, ns.name(), "tcp-backend", 3000));
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-terminate-checks-certificate", listenerCert));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gateway-tlsroute-terminate", className())
                    .tlsTerminate(
                        "tlsterminate", 8443, "tls.example.com", "tls-terminate-checks-certificate")
                    .build()))
        .isProgrammed();
    tlsRoute(
        "tlsroute-terminated-test",
        "gateway-tlsroute-terminate",
        "[tls.example.com]",
        "tcp-backend",
        3000);
    EmbeddedGateway gw = cluster.gateway(ns.name(), "gateway-tlsroute-terminate");
    TlsCalls.Exchange e =
        TlsCalls.get(
            gw.address(),
            gw.port("tlsterminate"),
            "tls.example.com",
            "/",
            TlsCalls.trusting(listenerCert),
            null);
    assertThat(e.certificate())
        .as("terminated at the Gateway")
        .isEqualTo(listenerCert.certificate());
    assertThat(e.outcome())
        .as("the plain-text backend got the decrypted bytes")
        .isEqualTo("tcp-backend");
  }

  @Test
  void tlsRouteMixedTerminationSameNamespace() throws Exception {
    SelfSignedCertificate listenerCert = SelfSignedCertificate.generate("tls.example.com");
    SelfSignedCertificate backendCert = SelfSignedCertificate.generate("abc.example.com");
    // the suite's tcp-backend serves plain text on port 3000 and TLS on 8443
    EchoBackend plain = EchoBackend.start("tcp-backend");
    closeables.add(plain);
    SSLServerSocket tlsBackend = TlsCalls.backend("tcp-backend-tls", backendCert, null);
    closeables.add(tlsBackend);
    cluster.create(
        new V1Service()
            .apiVersion("v1")
            .kind("Service")
            .metadata(new V1ObjectMeta().name("tcp-backend").namespace(ns.name()))
            .spec(
                new V1ServiceSpec()
                    .addPortsItem(new V1ServicePort().name("http").port(3000))
                    .addPortsItem(new V1ServicePort().name("https").port(8443))));
    cluster.create(Fixtures.endpointSlice(ns.name(), "tcp-backend", plain.port()));
    cluster.create(
        Fixtures.endpointSlice(
            ns.name(), "tcp-backend", "https", "127.0.0.1", tlsBackend.getLocalPort()));
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls-terminate-checks-certificate", listenerCert));
    awaitThat(
            cluster,
            cluster.create(
                Fixtures.tlsGateway(ns.name(), "gateway-tlsroute-mixed-termination", className())
                    .tlsTerminate(
                        "tls-terminate",
                        8883,
                        "tls.example.com",
                        "tls-terminate-checks-certificate")
                    .tlsPassthrough("tls-passthrough", 8883, "abc.example.com")
                    .build()))
        .isProgrammed();
    tlsRoute(
        "gateway-conformance-mixed-passthroughroute",
        "gateway-tlsroute-mixed-termination",
        "[abc.example.com]",
        "tcp-backend",
        8443);
    tlsRoute(
        "gateway-conformance-mixed-terminateroute",
        "gateway-tlsroute-mixed-termination",
        "[tls.example.com]",
        "tcp-backend",
        3000);
    awaitThat(
            cluster,
            cluster.get(
                dev.gatewaysdk.model.Gateway.class,
                ns.name(),
                "gateway-tlsroute-mixed-termination"))
        .hasAttachedRoutes("tls-terminate", 1)
        .hasAttachedRoutes("tls-passthrough", 1);
    EmbeddedGateway gw = cluster.gateway(ns.name(), "gateway-tlsroute-mixed-termination");
    TrustManager[] trust = TlsCalls.trusting(listenerCert, backendCert);
    TlsCalls.Exchange terminated =
        TlsCalls.get(gw.address(), gw.port("tls-terminate"), "tls.example.com", "/", trust, null);
    assertThat(terminated.certificate()).isEqualTo(listenerCert.certificate());
    assertThat(terminated.outcome()).isEqualTo("tcp-backend");
    TlsCalls.Exchange passed =
        TlsCalls.get(gw.address(), gw.port("tls-passthrough"), "abc.example.com", "/", trust, null);
    assertThat(passed.certificate()).isEqualTo(backendCert.certificate());
    assertThat(passed.outcome()).isEqualTo("tcp-backend-tls");
  }

  @Test
  void tlsRouteHostnameIntersection() throws Exception {
    SelfSignedCertificate cert =
        SelfSignedCertificate.generate("abc.example.com", "other.example.com");
    tlsBackend("tls-backend", cert);
    tlsBackend("tls-backend-2", cert);
    TrustManager[] trust = TlsCalls.trusting(cert);
    // gateway, listener hostname (null: none), routes (name, hostname, backend), the name no route
    // takes
    Object[][] cases = {
      {
        "gw-tlsroute-exact-hostname-x-1",
        "abc.example.com",
        new String[][] {
          {"tlsroute-more-specific-wc-hostname-x-1", "'*.example.com'", "tls-backend"}
        },
        "non.matching.com"
      },
      {
        "gw-tlsroute-more-specific-wc-hostname-x-2",
        "*.example.com",
        new String[][] {
          {"tlsroute-exact-hostname-x-2", "abc.example.com", "tls-backend"},
          {"tlsroute-less-specific-wc-hostname-x-2", "'*.com'", "tls-backend-2"}
        },
        "non.matching.com"
      },
      {
        "gw-tlsroute-less-specific-wc-hostname-x-3",
        "*.com",
        new String[][] {
          {"tlsroute-exact-hostname-x-3", "abc.example.com", "tls-backend"},
          {"tlsroute-more-specific-wc-hostname-x-3", "'*.example.com'", "tls-backend-2"}
        },
        "non.matching.com"
      },
      {
        "gw-tlsroute-empty-hostname-x-4",
        null,
        new String[][] {
          {"tlsroute-exact-hostname-x-4", "abc.example.com", "tls-backend"},
          {"tlsroute-less-specific-wc-hostname-x-4", "'*.com'", "tls-backend-2"}
        },
        "non.matching.org"
      },
    };
    for (Object[] c : cases) {
      String gwName = (String) c[0];
      String[][] routes = (String[][]) c[2];
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.tlsGateway(ns.name(), gwName, className())
                      .tlsPassthrough("listener", 443, (String) c[1])
                      .build()))
          .isProgrammed();
      for (String[] r : routes) {
        tlsRoute(r[0], gwName, "[" + r[1] + "]", r[2], 8443);
      }
      EmbeddedGateway gw = cluster.gateway(ns.name(), gwName);
      assertThat(
              TlsCalls.get(gw.address(), gw.port("listener"), "abc.example.com", "/", trust, null)
                  .outcome())
          .as("%s: abc.example.com", gwName)
          .isEqualTo("tls-backend");
      if (routes.length > 1) {
        assertThat(
                TlsCalls.get(
                        gw.address(), gw.port("listener"), "other.example.com", "/", trust, null)
                    .outcome())
            .as("%s: other.example.com", gwName)
            .isEqualTo("tls-backend-2");
      }
      assertThatThrownBy(
              () ->
                  TlsCalls.get(gw.address(), gw.port("listener"), (String) c[3], "/", trust, null))
          .as("%s: %s, which no intersection takes, is rejected", gwName, c[3])
          .isInstanceOf(IOException.class);
    }
  }
}
