package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Human judgement on inconclusive results, dry-run checks and the measurement history, on a
 * cluster.
 */
class CanaryJudgementTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("judge");

  @Test
  void inconclusiveAnalysisPausesForJudgementWithTheHistoryInTheStatusAndPromoteFinishesIt()
      throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck errors =
        AnalysisCheck.builder("errors", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .inconclusiveLimit(1)
            .pauseWhenInconclusive(true)
            .build();
    AnalysisCheck p95 =
        AnalysisCheck.builder("p95", "code")
            .max(0.5)
            .interval(Duration.ofMinutes(1))
            .dryRun(true)
            .build();
    CanaryPlan plan = plan(ref).weights(10).step(Step.analysis(errors, p95)).weights(100).build();
    Canary canary =
        fixture.canary(plan).provider("code", MetricProvider.of(ctx -> Double.NaN)).build();

    CanaryStatus paused = null;
    for (int i = 0; i < 10 && (paused == null || paused.phase() != Phase.PAUSED); i++) {
      paused = canary.reconcile();
      fixture.clock.advance(Duration.ofMinutes(1));
    }

    assertThat(paused.phase()).isEqualTo(Phase.PAUSED);
    assertThat(paused.canaryWeight()).isEqualTo(10);
    assertThat(paused.reason())
        .startsWith("analysis errors inconclusive 2 times, limit 1")
        .endsWith("paused for judgement: promote to continue, abort to roll back");
    assertThat(paused.history())
        .hasSize(4)
        .allMatch(h -> h.contains(": INCONCLUSIVE"))
        .anyMatch(h -> h.contains("steps[1]/p95 (dry run)"));
    assertThat(canary.status().history()).isEqualTo(paused.history());
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("Inconclusive: analysis errors inconclusive 2 times"));

    canary.promote();
    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(100);
  }
}
