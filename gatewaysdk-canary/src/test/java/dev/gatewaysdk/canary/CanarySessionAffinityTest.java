package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plan's session affinity: on the route while the canary has a share, gone after a rollback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanarySessionAffinityTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("pin");

  private static boolean hasCookieFilter(JsonNode route) {
    return route.at("/spec/rules/0").toString().contains("pin=web-v2; Max-Age=3600; Path=/");
  }

  @Test
  void theCookieAndItsRuleLiveExactlyWhileTheCanaryHasAShare() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan p =
        plan(ref)
            .sessionAffinity("pin", Duration.ofHours(1))
            .weights(20)
            .step(Step.pauseUntilPromoted())
            .weights(100)
            .build();
    Canary canary = fixture.canary(p).build();
    CanaryStatus s = canary.reconcile();
    for (int i = 0; i < 10 && s.phase() != Phase.PAUSED; i++) {
      s = canary.reconcile();
    }
    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    JsonNode at20 = fixture.cluster.get(ref);
    assertThat(Cluster.weight(at20, 0, "web-v2")).isEqualTo(20);
    assertThat(hasCookieFilter(at20))
        .as("Set-Cookie on the canary's backendRef: %s", at20.at("/spec/rules/0"))
        .isTrue();
    assertThat(at20.path("spec").path("rules")).as("the cookie rule appended").hasSize(3);
    assertThat(at20.at("/spec/rules/2/backendRefs/0/name").asText()).isEqualTo("web-v2");
    assertThat(at20.at("/spec/rules/2").toString()).contains("pin=web-v2");
    fixture.assertUntouched(at20);

    canary.abort("pinned clients must go back");
    for (int i = 0; i < 10 && !canary.status().terminal(); i++) {
      canary.reconcile();
    }
    JsonNode after = fixture.cluster.get(ref);
    assertThat(Cluster.weight(after, 0, "web-v2")).isZero();
    assertThat(hasCookieFilter(after)).isFalse();
    assertThat(after.path("spec").path("rules")).as("the cookie rule removed").hasSize(2);
    fixture.assertUntouched(after);
  }

  @Test
  void thePlanCarriesItThroughYamlAndRefusesWhatCannotWork() {
    String yaml =
        String.join(
            "\n",
            "routes: [shop/web]",
            "stable: a",
            "canary: b",
            "sessionAffinity: {cookie: canary-pin, maxAge: 2h}",
            "steps: [{setWeight: 10}]");
    CanaryPlan p = CanaryPlan.parse(yaml);
    assertThat(p.sessionAffinity()).hasValue("canary-pin");
    assertThat(p.sessionAffinityMaxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(CanaryPlan.parse(p.toString())).isEqualTo(p);
    assertThat(
            CanaryPlan.parse(
                    yaml.replace("sessionAffinity: {cookie: canary-pin, maxAge: 2h}\n", ""))
                .id())
        .isNotEqualTo(p.id());
    assertThatThrownBy(() -> CanaryPlan.parse(yaml.replace("canary-pin", "'bad cookie'")))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("sessionAffinity: not a cookie name: bad cookie");
    assertThatThrownBy(() -> CanaryPlan.parse(yaml.replace("shop/web", "grpcroute/shop/web")))
        .hasMessageContaining(
            "sessionAffinity: a cookie pins HTTP clients; every route must be an HTTPRoute");
  }
}
