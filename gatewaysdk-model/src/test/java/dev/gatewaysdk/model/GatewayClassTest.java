package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayClassTest {

  @Test
  void gatewayClassBuildsTheExpectedManifest() throws Exception {
    GatewayClass gc =
        GatewayClass.builder()
            .name("envoy")
            .controllerName("gateway.envoyproxy.io/gatewayclass-controller")
            .description("Envoy")
            .build();

    assertThat(tree(gc))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'GatewayClass',"
                    + "'metadata':{'name':'envoy'},'spec':{'controllerName':'gateway.envoyproxy.io/gatewayclass-controller',"
                    + "'description':'Envoy'}}"));
    assertThat(gc.metadata().namespace()).isEmpty();
    assertThat(GatewayApiKind.of(gc.getClass()).map(GatewayApiKind::namespaced)).contains(false);
  }
}
