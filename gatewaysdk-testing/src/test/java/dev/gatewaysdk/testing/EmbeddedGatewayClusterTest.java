package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cluster contract on the embedded backend (always runs). */
@GatewayApiTest(backend = GatewayCluster.Backend.EMBEDDED)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayClusterTest extends GatewayClusterContract {
  @Test
  void isEmbeddedWithSimulatedController() {
    assertThat(cluster.backend()).isEqualTo(GatewayCluster.Backend.EMBEDDED);
    assertThat(cluster.simulatedController()).isPresent();
    assertThat(cluster.gatewayClassName()).hasValue("gatewaysdk-simulated");
    assertThat(cluster.httpEndpoint()).isEmpty();
  }
}
