package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.TLSModeType;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class TlsPassthroughExampleTest {
  @Test
  void tlsRouteIsServedAsV1AndAccepted(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    TlsPassthroughExample.Result r =
        TlsPassthroughExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(r.gateway().spec().listeners().get(0).tls().orElseThrow().mode())
        .contains(TLSModeType.PASSTHROUGH);
    assertThat(r.route().apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(r.servedStandard()).contains("v1");
    assertThat(r.note())
        .hasValueSatisfying(
            n -> assertThat(n).contains("TLSRoute gateway.networking.k8s.io/v1alpha2"));
    awaitThat(client, r.gateway())
        .isProgrammed()
        .hasListenerCondition("tls", "Accepted", true, "Accepted");
    awaitThat(client, r.route()).isAcceptedBy("tls-passthrough-gateway").hasResolvedRefs();
  }
}
