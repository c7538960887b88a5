package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Channel;
import org.junit.jupiter.api.Test;

/**
 * The cluster contract on a k3s container with the experimental channel. Skipped, with the reason,
 * where Testcontainers finds no Docker engine.
 */
@GatewayApiTest(backend = GatewayCluster.Backend.K3S, channel = Channel.EXPERIMENTAL)
class K3sGatewayClusterTest extends GatewayClusterContract {
  @Test
  void servesExperimentalKindsFromInstalledCrds() {
    assertThat(cluster.backend()).isEqualTo(GatewayCluster.Backend.K3S);
    assertThat(client.capabilities().serves("TLSRoute")).isTrue();
    assertThat(client.capabilities().serves("XBackendTrafficPolicy")).isTrue();
    assertThat(client.capabilities().release()).hasValue(cluster.release());
  }
}
