package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.T0;
import static dev.gatewaysdk.canary.CanaryFixture.constant;
import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.RouteRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Background checks: measured every interval from the canary's first traffic until promotion,
 * through pauses and gates.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryBackgroundAnalysisTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("bg");

  static AnalysisCheck errorRate(Duration interval, int failureLimit) {
    return AnalysisCheck.builder("error-rate", "code")
        .max(0.01)
        .interval(interval)
        .failureLimit(failureLimit)
        .build();
  }

  /** Records every background measurement as "minutes since T0 @ canary weight: verdict". */
  static CanaryListener recorder(VirtualClock clock, List<String> into) {
    return new CanaryListener() {
      @Override
      public void analysisResult(CanaryStatus status, AnalysisCheck check, Measurement m) {
        into.add(
            Duration.between(T0, fixture.clock.now()).toMinutes()
                + "m@"
                + status.canaryWeight()
                + ":"
                + m.verdict());
      }
    };
  }

  @Test
  void failingCheckDuringALongPauseRollsBackAtThatStepInOneChangeNamingTheCheck() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .weights(10)
            .step(Step.pause(Duration.ofHours(1)))
            .weights(100)
            .backgroundAnalysis(errorRate(Duration.ofMinutes(5), 1))
            .build();
    List<String> results = new ArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Canary canary =
        fixture
            .canary(plan)
            .provider(
                "code",
                MetricProvider.of(ctx -> ctx.time().isBefore(T0.plusSeconds(20 * 60)) ? 0.0 : 0.2))
            .listener(recorder(fixture.clock, results))
            .listener(new CanaryMetrics(registry, ref.toString(), fixture.clock))
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.step()).isEqualTo(1);
    assertThat(end.reason())
        .isEqualTo("background analysis error-rate failed 2 times, limit 1: 0.2 > max 0.01");
    assertThat(end.lastTransition()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
    assertThat(results)
        .containsExactly(
            "5m@10:SUCCESS",
            "10m@10:SUCCESS",
            "15m@10:SUCCESS",
            "20m@10:FAILURE",
            "25m@10:FAILURE");
    JsonNode route = fixture.cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v2")).isZero();
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100);
    fixture.assertUntouched(route);
    List<String> history = fixture.cluster.history(ref);
    JsonNode last = Cluster.parse(history.get(history.size() - 1));
    JsonNode before = Cluster.parse(history.get(history.size() - 2));
    assertThat(Cluster.weight(before, 0, "web-v2")).isEqualTo(10);
    assertThat(Cluster.state(before).phase).isEqualTo(Phase.PROGRESSING);
    assertThat(Cluster.weight(last, 0, "web-v2")).isZero();
    assertThat(Cluster.state(last).phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(Cluster.state(last).background.get("error-rate").failures()).isEqualTo(2);
    assertThat(fixture.cluster.events(ref.name()))
        .contains("RolledBack: " + end.reason())
        .contains("AnalysisMeasurement: background error-rate: FAILURE 0.2 (0.2 > max 0.01)")
        .anyMatch(
            e ->
                e.equals(
                    "StepStarted: steps[0] setWeight 10; canary 10%; background analysis started"));
    assertThat(
            registry
                .get("gatewaysdk.canary.analysis")
                .tag("check", "error-rate")
                .tag("verdict", "FAILURE")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("gatewaysdk.canary.analysis")
                .tag("check", "error-rate")
                .tag("verdict", "SUCCESS")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(registry.get("gatewaysdk.canary.phase").tag("phase", "ROLLED_BACK").gauge().value())
        .isEqualTo(1);
  }

  @Test
  void failingCheckAtAManualGateRollsBackWithoutAnyoneActing() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .weights(20)
            .step(Step.pauseUntilPromoted())
            .weights(100)
            .backgroundAnalysis(errorRate(Duration.ofMinutes(10), 0))
            .build();
    List<String> results = new ArrayList<>();
    List<Integer> pausedAt = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .provider(
                "code",
                MetricProvider.of(
                    ctx -> ctx.time().isBefore(T0.plus(Duration.ofHours(2))) ? 0.0 : 0.5))
            .listener(recorder(fixture.clock, results))
            .listener(
                new CanaryListener() {
                  @Override
                  public void paused(CanaryStatus status) {
                    pausedAt.add(status.step());
                  }
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(pausedAt).containsExactly(1);
    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.step()).isEqualTo(1);
    assertThat(end.reason())
        .startsWith("background analysis error-rate failed 1 time, limit 0: 0.5 > max");
    assertThat(end.lastTransition()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(results)
        .hasSize(12)
        .allMatch(r -> r.startsWith(results.indexOf(r) * 10 + 10 + "m@20:"));
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isZero();
    assertThat(
            fixture
                .cluster
                .get(ref)
                .at("/metadata/annotations/canary.gatewaysdk.dev~1phase")
                .asText())
        .isEqualTo("ROLLED_BACK");
  }

  @Test
  void checksKeepMeasuringWhilePausedByCommandAndRollBackFromThere() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .weights(10, 20, 100)
            .backgroundAnalysis(errorRate(Duration.ofMinutes(10), 1))
            .build();
    List<String> results = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .provider("code", constant(0.5))
            .listener(recorder(fixture.clock, results))
            .build();
    CanaryStatus s = canary.reconcile();
    assertThat(s.step()).isZero();
    canary.pause();
    assertThat(canary.reconcile().phase()).isEqualTo(Phase.PAUSED);

    for (int i = 0; i < 30 && !s.terminal(); i++) {
      fixture.clock.advance(Duration.ofMinutes(1));
      s = canary.reconcile();
    }

    assertThat(s.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(s.step()).isZero();
    assertThat(s.reason()).startsWith("background analysis error-rate failed 2 times, limit 1");
    assertThat(results).containsExactly("10m@10:FAILURE", "20m@10:FAILURE");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isZero();
  }

  @Test
  void inconclusiveMeasurementsBeyondTheLimitRollBackAndRemoveTheMirror() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck latency =
        AnalysisCheck.builder("latency", "flaky")
            .max(0.5)
            .interval(Duration.ofMinutes(1))
            .inconclusiveLimit(2)
            .failureLimit(5)
            .build();
    CanaryPlan plan =
        plan(ref)
            .step(Step.mirror(50))
            .step(Step.pause(Duration.ofHours(1)))
            .weights(50)
            .backgroundAnalysis(latency)
            .build();
    AtomicInteger calls = new AtomicInteger();
    Canary canary =
        fixture
            .canary(plan)
            .provider(
                "flaky",
                ctx -> {
                  calls.incrementAndGet();
                  throw new java.io.IOException("metrics backend down");
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.step()).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(end.reason())
        .startsWith("background analysis latency inconclusive 3 times, limit 2: ")
        .contains("metrics backend down");
    assertThat(end.lastTransition()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    JsonNode route = fixture.cluster.get(ref);
    assertThat(route.at("/spec/rules/0/filters").size()).isEqualTo(1);
    assertThat(Cluster.weight(route, 0, "web-v2")).isZero();
    fixture.assertUntouched(route);
  }

  @Test
  void passingChecksRunFromTheFirstTrafficUntilPromotionAndChangeNothingElse() throws Exception {
    RouteRef with = fixture.newRoute();
    RouteRef without = fixture.newRoute();
    AnalysisCheck check =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(5))
            .build();
    List<String> results = new ArrayList<>();
    List<String> stepsWith = new ArrayList<>();
    List<String> stepsWithout = new ArrayList<>();
    CanaryPlan withPlan =
        plan(with)
            .step(Step.pause(Duration.ofMinutes(10)))
            .weights(20)
            .step(Step.pause(Duration.ofMinutes(30)))
            .weights(100)
            .backgroundAnalysis(check)
            .build();
    CanaryPlan withoutPlan =
        plan(without)
            .step(Step.pause(Duration.ofMinutes(10)))
            .weights(20)
            .step(Step.pause(Duration.ofMinutes(30)))
            .weights(100)
            .build();

    CanaryStatus end =
        fixture
            .canary(withPlan)
            .provider("code", constant(0.0))
            .listener(recorder(fixture.clock, results))
            .listener(stepRecorder(stepsWith))
            .build()
            .run();
    VirtualClock other = VirtualClock.at(T0);
    CanaryStatus endWithout =
        Canary.builder(fixture.client, withoutPlan)
            .clock(other)
            .listener(stepRecorder(stepsWithout))
            .build()
            .run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(endWithout.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(stepsWith).isEqualTo(stepsWithout).hasSize(4);
    assertThat(end.lastTransition())
        .isEqualTo(endWithout.lastTransition())
        .isEqualTo(T0.plus(Duration.ofMinutes(40)));
    // not during the first pause (no traffic yet); one interval after setWeight 20; until promotion
    assertThat(results)
        .containsExactly(
            "15m@20:SUCCESS",
            "20m@20:SUCCESS",
            "25m@20:SUCCESS",
            "30m@20:SUCCESS",
            "35m@20:SUCCESS",
            "40m@20:SUCCESS");
    assertThat(end.analysis())
        .containsEntry("background/error-rate", "6 ok (6 in a row), 0 failed, 0 inconclusive");
    JsonNode route = fixture.cluster.get(with);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    assertThat(Cluster.weight(fixture.cluster.get(without), 0, "web-v2")).isEqualTo(100);
    fixture.assertUntouched(route);
    // counter writes in between: weights and steps never go back, every write bumps the revision
    List<String> history = fixture.cluster.history(with);
    assertThat(history).hasSizeGreaterThan(6);
    for (int i = 1; i < history.size(); i++) {
      JsonNode a = Cluster.parse(history.get(i - 1));
      JsonNode b = Cluster.parse(history.get(i));
      assertThat(Cluster.weight(b, 0, "web-v2"))
          .isGreaterThanOrEqualTo(Cluster.weight(a, 0, "web-v2"));
      assertThat(Cluster.state(b).step).isGreaterThanOrEqualTo(Cluster.state(a).step);
      assertThat(Cluster.state(b).rev).isEqualTo(Cluster.state(a).rev + 1);
    }
    // the promoted rollout measures no more
    fixture.clock.advance(Duration.ofHours(1));
    assertThat(
            fixture
                .canary(withPlan)
                .provider("code", constant(1.0))
                .listener(recorder(fixture.clock, results))
                .build()
                .run()
                .phase())
        .isEqualTo(Phase.PROMOTED);
    assertThat(results).hasSize(6);
  }

  static CanaryListener stepRecorder(List<String> into) {
    return new CanaryListener() {
      @Override
      public void stepStarted(CanaryStatus status, Step step) {
        into.add(step + " @" + status.canaryWeight());
      }
    };
  }

  @Test
  void dryRunNamesTheBackgroundChecksAtTheStepWhereTheyStart() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.pause(Duration.ofMinutes(1)))
            .step(Step.match(CanaryMatch.header("x-canary", "1")))
            .weights(50)
            .backgroundAnalysis(errorRate(Duration.ofSeconds(30), 1))
            .build();

    CanaryDryRun dry = fixture.canary(plan).provider("code", constant(0.0)).build().dryRun();

    assertThat(dry.lines()).hasSize(4);
    assertThat(dry.lines().get(0)).isEqualTo("steps[0] pause 1m: no route change");
    assertThat(dry.lines().get(1))
        .startsWith("steps[1] match [header x-canary=1]: HTTPRoute default/" + ref.name())
        .endsWith(
            "; background analysis from here until promotion: [check error-rate (code, value <= 0.01, every 30s)]");
    assertThat(dry.lines().subList(2, 4)).noneMatch(l -> l.contains("background"));
    assertThat(dry.toString()).contains("error-rate");
  }

  @Test
  void backgroundChecksAreValidatedLikeStepChecks() {
    RouteRef ref = fixture.newRoute();
    String rv = fixture.cluster.get(ref).at("/metadata/resourceVersion").asText();
    CanaryPlan unknown =
        plan(ref)
            .weights(10, 100)
            .backgroundAnalysis(AnalysisCheck.builder("x", "datadog").build())
            .build();

    assertThatThrownBy(
            () -> fixture.canary(unknown).provider("code", constant(0.0)).build().validate())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining(
            "backgroundAnalysis[0]: check x uses provider datadog, which is not registered (registered: [code])");
    assertThatThrownBy(() -> fixture.canary(unknown).build().run())
        .hasMessageContaining("check x uses provider datadog");
    assertThat(fixture.cluster.get(ref).at("/metadata/resourceVersion").asText()).isEqualTo(rv);
    assertThatThrownBy(
            () ->
                plan(ref)
                    .weights(10)
                    .backgroundAnalysis(
                        errorRate(Duration.ofMinutes(1), 0), errorRate(Duration.ofMinutes(2), 0))
                    .build())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("backgroundAnalysis[1]: check name error-rate is used twice");
    assertThatThrownBy(
            () ->
                plan(ref)
                    .step(Step.pause(Duration.ofMinutes(1)))
                    .backgroundAnalysis(errorRate(Duration.ofMinutes(1), 0))
                    .build())
        .hasMessageContaining(
            "backgroundAnalysis: no step gives the canary traffic (setWeight above 0, mirror or match)");
  }

  @Test
  void stateWithoutBackgroundCountersStartsThemWhenTheCanaryHasTraffic() {
    // a route whose state has the canary at 10% but no background counters (written before they
    // existed)
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .weights(10)
            .step(Step.pause(Duration.ofHours(1)))
            .weights(100)
            .backgroundAnalysis(errorRate(Duration.ofMinutes(5), 0))
            .build();
    Canary canary = fixture.canary(plan).provider("code", constant(0.0)).build();
    canary.reconcile();
    canary.reconcile();
    State st = Cluster.state(fixture.cluster.get(ref));
    assertThat(st.step).isEqualTo(1);
    State.Builder without = st.newBuilder();
    without.background.clear();
    fixture.cluster.externalPatch(
        ref,
        "[{'op':'replace','path':'/metadata/annotations/canary.gatewaysdk.dev~1state','value':"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(without.build().write())
            + "}]");
    fixture.clock.advance(Duration.ofMinutes(1));

    canary.reconcile();

    State after = Cluster.state(fixture.cluster.get(ref));
    assertThat(after.background.get("error-rate").next()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
  }
}
