package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerSetTest {

  @Test
  void listenerSetBuildsTheExpectedManifest() throws Exception {
    ListenerSet ls =
        ListenerSet.builder()
            .name("team-a")
            .namespace("team-a")
            .parentRef("gw")
            .listener(
                ListenerEntry.https(
                    "a", "a.example.com", 443, ListenerTLSConfig.terminate("a-cert")))
            .build();

    assertThat(tree(ls))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'ListenerSet',"
                    + "'metadata':{'name':'team-a','namespace':'team-a'},'spec':{'parentRef':{'name':'gw'},"
                    + "'listeners':[{'name':'a','hostname':'a.example.com','port':443,'protocol':'HTTPS',"
                    + "'tls':{'mode':'Terminate','certificateRefs':[{'name':'a-cert'}]}}]}}"));
  }
}
