package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayTest {

  @Test
  void listenerShortcutsBuildTheExpectedManifest() throws Exception {
    Gateway gw =
        Gateway.builder()
            .name("g")
            .namespace("infra")
            .gatewayClassName("envoy")
            .listener(Listener.http("http", 80))
            .listener(
                Listener.https(
                    "https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert")))
            .listener(Listener.tls("tls", "db.example.com", 5432, ListenerTLSConfig.passthrough()))
            .listener(Listener.tcp("tcp", 6379).allowingRoutesFromAllNamespaces())
            .listener(
                Listener.udp("udp", 53)
                    .withAllowedRoutes(
                        AllowedRoutes.fromNamespacesWithLabels(Map.of("dns", "yes"))))
            .address(GatewaySpecAddress.ipAddress("10.0.0.1"))
            .build();

    assertThat(tree(gw))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'Gateway',"
                    + "'metadata':{'name':'g','namespace':'infra'},'spec':{'gatewayClassName':'envoy','listeners':["
                    + "{'name':'http','port':80,'protocol':'HTTP'},"
                    + "{'name':'https','hostname':'*.example.com','port':443,'protocol':'HTTPS',"
                    + "'tls':{'mode':'Terminate','certificateRefs':[{'name':'wildcard-cert'}]}},"
                    + "{'name':'tls','hostname':'db.example.com','port':5432,'protocol':'TLS','tls':{'mode':'Passthrough'}},"
                    + "{'name':'tcp','port':6379,'protocol':'TCP','allowedRoutes':{'namespaces':{'from':'All'}}},"
                    + "{'name':'udp','port':53,'protocol':'UDP','allowedRoutes':{'namespaces':{'from':'Selector',"
                    + "'selector':{'matchLabels':{'dns':'yes'}}}}}],"
                    + "'addresses':[{'type':'IPAddress','value':'10.0.0.1'}]}}"));
  }

  @Test
  void listenerPortOutsideRangeIsRejected() {
    assertThatThrownBy(() -> Listener.http("http", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 0");
    assertThatThrownBy(() -> ListenerEntry.tcp("t", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 70000");
  }

  @Test
  void gatewayWithoutClassNameIsRejectedNamingTheField() {
    assertThatThrownBy(
            () -> Gateway.builder().name("g").listener(Listener.http("http", 80)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gatewayClassName");
  }

  @Test
  void frontendTlsDefaultIsWrittenUnderItsJsonName() throws Exception {
    GatewayTLSConfig tls =
        GatewayTLSConfig.builder()
            .frontend(
                FrontendTLSConfig.builder()
                    .defaultConfig(
                        TLSConfig.builder()
                            .validation(
                                FrontendTLSValidation.builder()
                                    .addCaCertificateRef(ObjectReference.configMap("client-ca"))
                                    .mode(FrontendValidationModeType.ALLOW_INSECURE_FALLBACK)
                                    .build())
                            .build())
                    .build())
            .build();

    assertThat(tree(tls))
        .isEqualTo(
            json(
                "{'frontend':{'default':{'validation':{'caCertificateRefs':"
                    + "[{'group':'','kind':'ConfigMap','name':'client-ca'}],'mode':'AllowInsecureFallback'}}}}"));
  }

  @Test
  void statusListenersKeepRequiredEmptyLists() throws Exception {
    ListenerStatus s = ListenerStatus.builder().name("http").attachedRoutes(0).build();

    assertThat(tree(s))
        .isEqualTo(json("{'name':'http','supportedKinds':[],'attachedRoutes':0,'conditions':[]}"));
  }

  @Test
  void unknownProtocolIsKept() throws Exception {
    Listener quic =
        Listener.builder().name("q").port(443).protocol(ProtocolType.of("acme.io/QUIC")).build();

    assertThat(quic.protocol().isKnown()).isFalse();
    assertThat(tree(quic).path("protocol").asText()).isEqualTo("acme.io/QUIC");
    assertThat(HTTPRouteTest.json("{'name':'q','port':443,'protocol':'acme.io/QUIC'}"))
        .isEqualTo(
            tree(
                dev.gatewaysdk.model.internal.Json.mapper()
                    .readValue(
                        "{\"name\":\"q\",\"port\":443,\"protocol\":\"acme.io/QUIC\"}",
                        Listener.class)));
  }
}
