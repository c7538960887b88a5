package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceGrantTest {

  @Test
  void grantBuildsTheExpectedManifestKeepingEmptyCoreGroup() throws Exception {
    ReferenceGrant grant =
        ReferenceGrant.builder()
            .name("allow")
            .namespace("backends")
            .from(GatewayApiKind.GROUP, "HTTPRoute", "frontend")
            .to("", "Service")
            .to("", "Secret", "cert")
            .build();

    assertThat(tree(grant))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'ReferenceGrant',"
                    + "'metadata':{'name':'allow','namespace':'backends'},'spec':{"
                    + "'from':[{'group':'gateway.networking.k8s.io','kind':'HTTPRoute','namespace':'frontend'}],"
                    + "'to':[{'group':'','kind':'Service'},{'group':'','kind':'Secret','name':'cert'}]}}"));
    assertThat(grant.spec().newBuilder().build()).isEqualTo(grant.spec());
  }
}
