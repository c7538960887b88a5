package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ProtocolType;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class GatewayListenersExampleTest {
  @Test
  void multiProtocolGatewayIsProgrammedWithEveryListener(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    Gateway created =
        GatewayListenersExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(created.spec().listeners())
        .extracting(Listener::name, Listener::protocol, Listener::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http", ProtocolType.HTTP, 80),
            org.assertj.core.groups.Tuple.tuple("https", ProtocolType.HTTPS, 443),
            org.assertj.core.groups.Tuple.tuple("tcp", ProtocolType.TCP, 3306));
    awaitThat(client, created)
        .isProgrammed()
        .hasListenerCondition("http", "Accepted", true, "Accepted")
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs")
        .hasListenerCondition("tcp", "Accepted", true, "Accepted")
        .hasAddress();
  }

  @Test
  void myGatewayAcceptsRoutesFromAllNamespacesAndIsIdempotent(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    String className = cluster.gatewayClassName().orElseThrow();
    Gateway first = GatewayListenersExample.myGateway(client, ns.name(), className);
    Gateway again = GatewayListenersExample.myGateway(client, ns.name(), className);

    assertThat(again.spec()).isEqualTo(first.spec());
    assertThat(first.spec().listeners())
        .allSatisfy(
            l ->
                assertThat(
                        l.allowedRoutes()
                            .orElseThrow()
                            .namespaces()
                            .orElseThrow()
                            .from()
                            .orElseThrow()
                            .value())
                    .isEqualTo("All"));
    awaitThat(client, first).isProgrammed().hasListener("http").hasListener("https");
  }
}
