package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The canary on a cluster with the Gateway API v1.0.0 CRDs, which have no {@code
 * requestMirror.percent}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryOldClusterTest {
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = new Cluster(EmbeddedApiServerOptions.builder().release("v1.0.0").build());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void mirroringAShareIsRefusedWhereTheSchemaHasNoPercentAndMirroringEverythingRuns()
      throws Exception {
    cluster.createRoute(CanaryFixture.ROUTE.replace("NAME", "old"));
    RouteRef ref = RouteRef.httpRoute(Cluster.NS, "old");
    String before = cluster.get(ref).toString();
    CanaryPlan share = plan(ref).step(Step.mirror(50)).weights(10, 100).build();

    assertThatThrownBy(() -> Canary.builder(cluster.client(), share).build().run())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining(
            "steps[0] (mirror 50%): HTTPRoute field spec.rules[].filters[].requestMirror.percent")
        .hasMessageContaining("v1.0.0")
        .hasMessageContaining("on this cluster the mirror would carry every request");
    assertThat(cluster.get(ref).toString()).isEqualTo(before);

    CanaryPlan all = plan(ref).step(Step.mirror(100)).weights(10, 100).build();
    assertThat(Canary.builder(cluster.client(), all).build().run().phase())
        .isEqualTo(Phase.PROMOTED);
  }
}
