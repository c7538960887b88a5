package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TLSRouteTest {

  @Test
  void passthroughRouteBuildsTheExpectedManifest() throws Exception {
    TLSRoute route =
        TLSRoute.builder()
            .name("db")
            .namespace("default")
            .parentRef(ParentReference.gateway("gw").withSectionName("tls"))
            .hostname("db.example.com")
            .rule(r -> r.backend("db", 5432))
            .build();

    assertThat(tree(route))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'TLSRoute',"
                    + "'metadata':{'name':'db','namespace':'default'},'spec':{'parentRefs':[{'name':'gw','sectionName':'tls'}],"
                    + "'hostnames':['db.example.com'],'rules':[{'backendRefs':[{'name':'db','port':5432}]}]}}"));
  }

  @Test
  void tcpAndUdpRoutesShareTheRouteView() throws Exception {
    TCPRoute tcp =
        TCPRoute.builder()
            .name("redis")
            .parentRef("gw")
            .rule(r -> r.backend("redis", 6379, 1))
            .build();
    UDPRoute udp =
        UDPRoute.builder().name("dns").parentRef("gw").rule(TCPRouteTestRules.udp()).build();

    for (Route route : List.<Route>of(tcp, udp)) {
      assertThat(route.spec().parentRefs()).containsExactly(ParentReference.gateway("gw"));
      assertThat(route.status()).isEmpty();
    }
    assertThat(tree(udp).path("spec").path("rules"))
        .isEqualTo(json("[{'name':'dns','backendRefs':[{'name':'coredns','port':53}]}]"));
    assertThat(GatewayApiKind.of(tcp.getClass())).contains(GatewayApiKind.TCP_ROUTE);
  }

  static final class TCPRouteTestRules {
    static UDPRouteRule udp() {
      return UDPRouteRule.builder().name("dns").backend("coredns", 53).build();
    }
  }
}
