package dev.gatewaysdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class ListGatewaysExampleTest {
  @Test
  void listsTheGatewaysOfTheNamespaceWithTheirClass(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    String className = cluster.gatewayClassName().orElseThrow();
    assertThat(ListGatewaysExample.run(client, ns.name())).containsExactly("Found 0 gateways");

    GatewayListenersExample.myGateway(client, ns.name(), className);
    GatewayListenersExample.run(client, ns.name(), className);

    assertThat(ListGatewaysExample.run(client, ns.name()))
        .containsExactly(
            "Found 2 gateways",
            "- multi-protocol-gateway (Class: " + className + ")",
            "- my-gateway (Class: " + className + ")");
    assertThat(ListGatewaysExample.allNamespaces(client))
        .contains(ns.name() + "/my-gateway", ns.name() + "/multi-protocol-gateway");
  }
}
