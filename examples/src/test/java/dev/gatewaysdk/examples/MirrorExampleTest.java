package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRequestMirrorFilter;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class MirrorExampleTest {
  @Test
  void oldManifestIsExplainedRetargetedAndAccepted(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    MirrorExample.Result r =
        MirrorExample.run(client, ns.name(), cluster.gatewayClassName().orElseThrow());

    assertThat(r.notes())
        .singleElement()
        .asString()
        .contains("HTTPRoute gateway.networking.k8s.io/v1alpha2")
        .contains("use gateway.networking.k8s.io/v1");
    assertThat(r.route().apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    HTTPRequestMirrorFilter mirror =
        r.route().spec().rules().get(0).filters().get(0).requestMirror().orElseThrow();
    assertThat(mirror.backendRef().name()).isEqualTo("test-service");
    assertThat(r.route().spec().rules().get(0).backendRefs())
        .singleElement()
        .satisfies(b -> assertThat(b.name()).isEqualTo("production-service"));
    awaitThat(client, r.route()).isAcceptedBy(GatewayListenersExample.MY_GATEWAY).hasResolvedRefs();
  }
}
