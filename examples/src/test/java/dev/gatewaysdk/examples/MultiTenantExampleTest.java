package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Condition;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ParentReference;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class MultiTenantExampleTest {
  @Test
  void eachTenantGetsItsOwnAcceptedGatewayAndOthersCannotAttach(
      GatewayCluster cluster, GatewayApiClient client, TestNamespace ns)
      throws InterruptedException {
    String a = cluster.createTestNamespace("tenant-a");
    String b = cluster.createTestNamespace("tenant-b");
    try {
      Map<String, String> namespaces = new LinkedHashMap<>();
      namespaces.put("tenant-a", a);
      namespaces.put("tenant-b", b);
      List<MultiTenantExample.Tenant> tenants =
          MultiTenantExample.run(client, namespaces, cluster.gatewayClassName().orElseThrow());

      assertThat(tenants).extracting(MultiTenantExample.Tenant::namespace).containsExactly(a, b);
      for (MultiTenantExample.Tenant t : tenants) {
        assertThat(t.gateway().spec().listeners().get(0).hostname())
            .contains("api-" + t.name() + ".example.com");
        awaitThat(client, t.gateway()).isProgrammed().hasAttachedRoutes("https", 1);
        awaitThat(client, t.route()).isAcceptedBy(t.name() + "-gateway").hasResolvedRefs();
      }
      // Tenant b tries to attach to tenant a's Gateway: the listener only admits routes from its
      // namespace.
      HTTPRoute intruder =
          TrafficSplitExample.routes(client, b)
              .create(
                  HTTPRoute.builder()
                      .name("intruder")
                      .namespace(b)
                      .parentRef(ParentReference.gateway(a, "tenant-a-gateway"))
                      .rule(r -> r.backend("tenant-b-service", 8080))
                      .build());
      // (awaitThat(...).isNotAcceptedBy names a parent in the route's own namespace; this one is in
      // tenant a's.)
      Optional<Condition> accepted = Optional.empty();
      for (int i = 0; i < 600 && accepted.isEmpty(); i++) {
        Thread.sleep(20);
        accepted =
            TrafficSplitExample.routes(client, b).get("intruder").status().stream()
                .flatMap(st -> st.parents().stream())
                .filter(
                    p ->
                        p.parentRef().name().equals("tenant-a-gateway")
                            && p.parentRef().namespace().equals(Optional.of(a)))
                .findFirst()
                .flatMap(p -> p.condition("Accepted"));
      }
      assertThat(accepted)
          .hasValueSatisfying(
              c -> {
                assertThat(c.isTrue()).isFalse();
                assertThat(c.reason()).isEqualTo("NotAllowedByListeners");
              });
    } finally {
      cluster.deleteNamespace(a);
      cluster.deleteNamespace(b);
    }
  }
}
