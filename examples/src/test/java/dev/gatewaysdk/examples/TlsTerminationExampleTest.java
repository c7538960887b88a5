package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class TlsTerminationExampleTest {
  @Test
  void generatedCertificateIsStoredAndTheListenerResolvesIt(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) throws Exception {
    TlsTerminationExample.Result r =
        TlsTerminationExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(r.certificate().dnsNames()).containsExactly("example.com");
    V1Secret secret =
        new CoreV1Api(client.apiClient())
            .readNamespacedSecret("example-com-tls", ns.name())
            .execute();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(new String(secret.getData().get("tls.crt"), StandardCharsets.US_ASCII))
        .isEqualTo(r.certificate().certificatePem());
    awaitThat(client, r.gateway())
        .isProgrammed()
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs");
    awaitThat(client, r.route()).isAcceptedBy("tls-gateway").hasResolvedRefs();
  }

  @Test
  void listenerWithAMissingSecretIsNotResolved(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    Gateway gw =
        GatewayListenersExample.gateways(client, ns.name())
            .create(
                Gateway.builder()
                    .name("no-cert")
                    .namespace(ns.name())
                    .gatewayClassName(cluster.gatewayClassName().orElseThrow())
                    .listener(
                        Listener.https(
                            "https",
                            "example.com",
                            443,
                            ListenerTLSConfig.terminate("missing-tls")))
                    .build());

    awaitThat(client, gw)
        .hasListenerCondition("https", "ResolvedRefs", false, "InvalidCertificateRef");
  }
}
