package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.canary.internal.RouteHealth;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("web");

  @Test
  void fullRolloutShiftsWeightStepByStepAndPromotes() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .weights(5, 10, 25)
            .step(Step.pause(Duration.ofMinutes(10)))
            .weights(50, 75, 100)
            .build();
    List<String> seen = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void stepStarted(CanaryStatus status, Step step) {
                    JsonNode route = fixture.cluster.get(ref);
                    int w = plan.weightAfter(status.step());
                    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(w);
                    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100 - w);
                    assertThat(Cluster.state(route).step).isEqualTo(status.step());
                    fixture.assertUntouched(route);
                    seen.add(step + "@" + w);
                  }
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(seen)
        .containsExactly(
            "setWeight 5@5",
            "setWeight 10@10",
            "setWeight 25@25",
            "pause 10m@25",
            "setWeight 50@50",
            "setWeight 75@75",
            "setWeight 100@100");
    JsonNode route = fixture.cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(0);
    assertThat(route.at("/metadata/annotations/canary.gatewaysdk.dev~1phase").asText())
        .isEqualTo("PROMOTED");
    fixture.assertUntouched(route);
    assertThat(fixture.clock.now()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:10:00Z"));
    assertThat(fixture.cluster.events(ref.name()))
        .contains("Promoted: canary web-v2 promoted")
        .anyMatch(e -> e.startsWith("StepStarted: steps[3] pause 10m"));
    assertMonotonic(ref);
  }

  /**
   * Every version the canary wrote: canary weight and state step never go back (until a rollback).
   */
  static void assertMonotonic(RouteRef ref) {
    int weight = -1;
    long rev = 0;
    int step = -1;
    for (String s : fixture.cluster.history(ref)) {
      JsonNode r = Cluster.parse(s);
      State st = Cluster.state(r);
      if (st == null || st.phase == Phase.ROLLED_BACK || st.phase == Phase.ABORTED) {
        continue;
      }
      assertThat(Cluster.weight(r, 0, "web-v2"))
          .as("weight regression in %s", s)
          .isGreaterThanOrEqualTo(weight);
      assertThat(st.step).as("step regression").isGreaterThanOrEqualTo(step);
      assertThat(st.rev).as("revision").isGreaterThan(rev);
      weight = Cluster.weight(r, 0, "web-v2");
      step = st.step;
      rev = st.rev;
    }
  }

  @Test
  void failedAnalysisAtStepNRollsBackInOneChange() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck errors =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .failureLimit(1)
            .build();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.analysis(errors))
            .step(Step.setWeight(25))
            .step(Step.analysis(errors))
            .step(Step.setWeight(50))
            .build();
    List<String> results = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .provider("code", MetricProvider.of(ctx -> ctx.canaryWeight() >= 25 ? 0.2 : 0.0))
            .listener(
                new CanaryListener() {
                  @Override
                  public void analysisResult(
                      CanaryStatus status, AnalysisCheck check, Measurement m) {
                    results.add(status.step() + ":" + m.verdict());
                  }
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.step()).isEqualTo(3);
    assertThat(end.reason())
        .contains("analysis error-rate failed 2 times, limit 1")
        .contains("0.2 > max 0.01");
    assertThat(results).containsExactly("1:SUCCESS", "3:FAILURE", "3:FAILURE");
    JsonNode route = fixture.cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(0);
    fixture.assertUntouched(route);
    List<String> history = fixture.cluster.history(ref);
    JsonNode last = Cluster.parse(history.get(history.size() - 1));
    JsonNode before = Cluster.parse(history.get(history.size() - 2));
    assertThat(Cluster.weight(before, 0, "web-v2")).isEqualTo(25);
    assertThat(Cluster.weight(last, 0, "web-v2")).isEqualTo(0);
    assertThat(Cluster.state(last).phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("RolledBack: analysis error-rate failed"));
  }

  @Test
  void inconclusiveMeasurementsCountAgainstTheirOwnLimit() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck check =
        AnalysisCheck.builder("latency", "flaky")
            .max(0.5)
            .interval(Duration.ofSeconds(30))
            .inconclusiveLimit(2)
            .failureLimit(5)
            .build();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.analysis(check))
            .step(Step.setWeight(50))
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
    assertThat(calls.get()).isEqualTo(3);
    assertThat(end.reason())
        .contains("analysis latency inconclusive 3 times, limit 2")
        .contains("metrics backend down");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
  }

  @Test
  void analysisNeedsConsecutiveSuccessesAndToleratesFailuresUpToTheLimit() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck check =
        AnalysisCheck.builder("success-rate", "seq")
            .min(0.99)
            .interval(Duration.ofSeconds(30))
            .failureLimit(1)
            .successes(2)
            .build();
    double[] values = {0.999, 0.9, 0.995, 0.999};
    AtomicInteger i = new AtomicInteger();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(20))
            .step(Step.analysis(check))
            .step(Step.setWeight(100))
            .build();
    Canary canary =
        fixture
            .canary(plan)
            .provider("seq", MetricProvider.of(ctx -> values[i.getAndIncrement()]))
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(i.get()).isEqualTo(4);
  }

  @Test
  void analysisStepFirstMeasuresOneIntervalAfterTheWeightItJudgesWasAccepted() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck check =
        AnalysisCheck.builder("success-rate", "rec")
            .min(0.99)
            .interval(Duration.ofSeconds(30))
            .build();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.analysis(check))
            .step(Step.setWeight(100))
            .build();
    List<Instant> analysisStarted = new ArrayList<>();
    List<String> measured = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void stepStarted(CanaryStatus status, Step step) {
                    if (step.kind() == Step.Kind.ANALYSIS) {
                      // the step starts once the Gateway accepted the weight before it
                      assertThat(RouteHealth.check(fixture.cluster.get(ref)).verdict)
                          .isEqualTo(RouteHealth.Verdict.READY);
                      analysisStarted.add(fixture.clock.now());
                    }
                  }
                })
            .provider(
                "rec",
                MetricProvider.of(
                    ctx -> {
                      measured.add(ctx.time() + "@" + ctx.canaryWeight());
                      return 1.0;
                    }))
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(analysisStarted).hasSize(1);
    assertThat(measured)
        .containsExactly(analysisStarted.get(0).plus(Duration.ofSeconds(30)) + "@10");
  }

  @Test
  void analysisCheckInitialDelayOverridesTheIntervalBeforeTheFirstMeasurement() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck check =
        AnalysisCheck.builder("success-rate", "rec")
            .min(0.99)
            .interval(Duration.ofSeconds(30))
            .initialDelay(Duration.ofSeconds(90))
            .successes(2)
            .build();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(20))
            .step(Step.analysis(check))
            .step(Step.setWeight(100))
            .build();
    assertThat(CanaryPlan.parse(plan.toJson().toString())).isEqualTo(plan);
    assertThat(plan.toJson().at("/steps/1/analysis/0/initialDelay").asText()).isEqualTo("1m30s");
    List<Instant> analysisStarted = new ArrayList<>();
    List<Instant> measured = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void stepStarted(CanaryStatus status, Step step) {
                    if (step.kind() == Step.Kind.ANALYSIS) {
                      analysisStarted.add(fixture.clock.now());
                    }
                  }
                })
            .provider(
                "rec",
                MetricProvider.of(
                    ctx -> {
                      measured.add(ctx.time());
                      return 1.0;
                    }))
            .build();

    assertThat(canary.run().phase()).isEqualTo(Phase.PROMOTED);
    Instant start = analysisStarted.get(0);
    assertThat(measured).containsExactly(start.plusSeconds(90), start.plusSeconds(120));
  }

  @Test
  void abortThenPromoteBeforeTheDriverReadsThemAbortsTheRollout() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 50, 100).build();
    Canary canary = fixture.canary(plan).build();
    canary.abort("bad build");
    canary.promote();
    assertThat(
            fixture
                .cluster
                .get(ref)
                .at("/metadata/annotations/canary.gatewaysdk.dev~1command")
                .asText())
        .contains("abort: bad build")
        .contains("promote");

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ABORTED);
    assertThat(end.reason()).contains("aborted by command: bad build");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
    assertThat(
            fixture
                .cluster
                .get(ref)
                .path("metadata")
                .path("annotations")
                .has(State.COMMAND_ANNOTATION))
        .isFalse();
  }

  @Test
  void commandsWrittenBeforeTheDriverReadsThemAreQueuedAndRunInOrder() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 50, 100).build();
    List<String> paused = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void paused(CanaryStatus status) {
                    paused.add(status.reason());
                  }
                })
            .build();
    canary.pause();
    canary.resume();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(paused).containsExactly("paused by command");
    assertThat(
            fixture
                .cluster
                .get(ref)
                .path("metadata")
                .path("annotations")
                .has(State.COMMAND_ANNOTATION))
        .isFalse();
  }

  @Test
  void someoneElsesSpecEditDuringALongPauseDoesNotTripTheProgressDeadline() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.pause(Duration.ofHours(1)))
            .step(Step.setWeight(100))
            .progressDeadline(Duration.ofMinutes(10))
            .build();
    Instant[] pauseEnd = new Instant[1];
    // the controller catches up with the foreign edit only after the canary saw it pending at the
    // pause's end
    CanaryClock clock =
        new CanaryClock() {
          @Override
          public Instant now() {
            return fixture.clock.now();
          }

          @Override
          public void sleepUntil(Instant deadline) throws InterruptedException {
            if (pauseEnd[0] != null
                && deadline.isAfter(pauseEnd[0])
                && !fixture.cluster.controllerRunning) {
              fixture.cluster.controllerRunning = true;
              fixture.cluster.reportStatus(fixture.cluster.get(ref));
            }
            fixture.clock.sleepUntil(deadline);
          }
        };
    Canary canary =
        fixture
            .canary(plan)
            .clock(clock)
            .listener(
                new CanaryListener() {
                  @Override
                  public void stepStarted(CanaryStatus status, Step step) {
                    if (step.kind() == Step.Kind.PAUSE) {
                      pauseEnd[0] = fixture.clock.now().plus(Duration.ofHours(1));
                      fixture.cluster.controllerRunning = false;
                      fixture.cluster.externalPatch(
                          ref,
                          "[{'op':'add','path':'/spec/hostnames','value':['shop.example.com']}]");
                    }
                  }
                })
            .build();

    CanaryStatus end;
    try {
      end = canary.run();
    } finally {
      fixture.cluster.controllerRunning = true;
    }

    assertThat(end.phase()).as(end.reason()).isEqualTo(Phase.PROMOTED);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(100);
    assertThat(fixture.cluster.get(ref).at("/spec/hostnames/0").asText())
        .isEqualTo("shop.example.com");
  }

  @Test
  void manualGateWaitsUntilPromotedFromCodeOrByAnnotation() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.pauseUntilPromoted())
            .step(Step.setWeight(50))
            .step(Step.pauseUntilPromoted())
            .step(Step.setWeight(100))
            .build();
    List<Integer> pausedAt = new ArrayList<>();
    Canary[] holder = new Canary[1];
    holder[0] =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void paused(CanaryStatus status) {
                    pausedAt.add(status.step());
                    JsonNode route = fixture.cluster.get(ref);
                    assertThat(
                            route.at("/metadata/annotations/canary.gatewaysdk.dev~1phase").asText())
                        .isEqualTo("PAUSED");
                    if (status.step() == 1) {
                      holder[0].promote();
                    } else {
                      fixture.cluster.externalPatch(
                          ref,
                          "[{'op':'add','path':'/metadata/annotations/canary.gatewaysdk.dev~1command','value':'promote'}]");
                    }
                  }
                })
            .build();

    CanaryStatus end = holder[0].run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(pausedAt).containsExactly(1, 3);
    assertThat(
            fixture
                .cluster
                .get(ref)
                .path("metadata")
                .path("annotations")
                .has(State.COMMAND_ANNOTATION))
        .isFalse();
  }

  @Test
  void gateWithoutPromotionStaysPausedAtItsWeight() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.pauseUntilPromoted())
            .step(Step.setWeight(100))
            .build();
    Canary canary = fixture.canary(plan).build();

    CanaryStatus s = null;
    for (int i = 0; i < 10; i++) {
      s = canary.reconcile();
      fixture.clock.advance(Duration.ofHours(1));
    }

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.step()).isEqualTo(1);
    assertThat(s.reason()).isEqualTo("waiting for promotion at steps[1]");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(10);
  }

  @Test
  void abortRollsBackAndRemovesTheMirrorAndMatchRulesItAdded() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.mirror(50))
            .step(
                Step.match(
                    CanaryMatch.header("x-canary", "always"), CanaryMatch.cookie("beta", "yes")))
            .step(Step.pauseUntilPromoted())
            .step(Step.setWeight(10))
            .step(Step.pauseUntilPromoted())
            .build();
    JsonNode[] atGate = new JsonNode[2];
    Canary[] holder = new Canary[1];
    holder[0] =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void paused(CanaryStatus status) {
                    atGate[status.step() == 2 ? 0 : 1] = fixture.cluster.get(ref);
                    if (status.step() == 2) {
                      holder[0].promote();
                    } else {
                      holder[0].abort("users complain");
                    }
                  }
                })
            .build();

    CanaryStatus end = holder[0].run();

    // at the first gate: the mirror and the A/B rule, no weight yet
    JsonNode first = atGate[0];
    assertThat(first.at("/spec/rules/0/filters/1/type").asText()).isEqualTo("RequestMirror");
    assertThat(first.at("/spec/rules/0/filters/1/requestMirror/backendRef/name").asText())
        .isEqualTo("web-v2");
    assertThat(first.at("/spec/rules/0/filters/1/requestMirror/percent").asInt()).isEqualTo(50);
    assertThat(Cluster.weight(first, 0, "web-v2")).isEqualTo(0);
    assertThat(first.at("/spec/rules").size()).isEqualTo(3);
    JsonNode ab = first.at("/spec/rules/2");
    assertThat(ab.at("/backendRefs/0/name").asText()).isEqualTo("web-v2");
    assertThat(ab.at("/backendRefs").size()).isEqualTo(1);
    assertThat(ab.at("/matches/0/path/value").asText()).isEqualTo("/");
    assertThat(ab.at("/matches/0/headers/0/name").asText()).isEqualTo("x-canary");
    assertThat(ab.at("/matches/0/headers/1/name").asText()).isEqualTo("Cookie");
    assertThat(ab.at("/filters/0/type").asText()).isEqualTo("RequestHeaderModifier");
    // at the second gate: weight 10, the mirror gone (the canary takes traffic), the A/B rule kept
    JsonNode second = atGate[1];
    assertThat(Cluster.weight(second, 0, "web-v2")).isEqualTo(10);
    assertThat(second.at("/spec/rules/0/filters").size()).isEqualTo(1);
    assertThat(second.at("/spec/rules").size()).isEqualTo(3);
    // aborted: stable 100, canary listed at 0, A/B rule removed, everything else as created
    assertThat(end.phase()).isEqualTo(Phase.ABORTED);
    assertThat(end.reason()).isEqualTo("aborted by command: users complain");
    JsonNode route = fixture.cluster.get(ref);
    assertThat(route.at("/spec/rules").size()).isEqualTo(2);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(0);
    assertThat(route.at("/spec/rules/0/filters").size()).isEqualTo(1);
    fixture.assertUntouched(route);
    assertThat(fixture.cluster.events(ref.name()))
        .contains("Aborted: aborted by command: users complain");
  }

  @Test
  void badPlansAreRejectedBeforeAnythingChanges() {
    RouteRef ref = fixture.newRoute();
    String rv = fixture.cluster.get(ref).at("/metadata/resourceVersion").asText();

    assertThatThrownBy(() -> plan(ref).weights(10, 150).build())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("steps[1] (setWeight 150): weight must be 0..100: 150");
    assertThatThrownBy(() -> plan(ref).weights(10, 50, 25).build())
        .hasMessageContaining("steps[2] (setWeight 25): lowers the canary's share from 50 to 25");
    assertThat(plan(ref).weights(10, 50).step(Step.setWeightDecreasing(25)).build().steps())
        .hasSize(3);
    assertThatThrownBy(() -> plan(ref).weights(10).step(Step.mirror(20)).build())
        .hasMessageContaining("steps[1] (mirror 20%): mirrors to a canary that already takes 10%");
    CanaryPlan missingBackend =
        CanaryPlan.builder().route(ref).stable("web-v1").canary("web-v3").weights(10).build();
    assertThatThrownBy(() -> fixture.canary(missingBackend).build().run())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining(
            "routes[0] HTTPRoute default/"
                + ref.name()
                + ": no rule has both backends web-v1 and web-v3")
        .hasMessageContaining("[web-v1, web-v2, admin]");
    CanaryPlan unknownRoute =
        plan(RouteRef.httpRoute("default", "nope")).route(ref).weights(10).build();
    assertThatThrownBy(() -> fixture.canary(unknownRoute).build().run())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("routes[0] HTTPRoute default/nope: not found");
    CanaryPlan unknownProvider =
        plan(ref).step(Step.analysis(AnalysisCheck.builder("x", "datadog").build())).build();
    assertThatThrownBy(() -> fixture.canary(unknownProvider).build().run())
        .hasMessageContaining(
            "steps[0] (analysis [x]): check x uses provider datadog, which is not registered");
    assertThat(fixture.cluster.get(ref).at("/metadata/resourceVersion").asText()).isEqualTo(rv);
  }

  /**
   * Runs passes until {@code stop} holds (at most 50), advancing virtual time by the poll interval.
   */
  CanaryStatus reconcileUntil(Canary canary, java.util.function.Predicate<CanaryStatus> stop) {
    CanaryStatus s = canary.reconcile();
    for (int i = 0; i < 50 && !stop.test(s); i++) {
      fixture.clock.advance(Duration.ofSeconds(5));
      s = canary.reconcile();
    }
    return s;
  }

  /**
   * Runs setWeight 10, pause 30m, setWeight 100 ({@code options} added) to the pause; then someone
   * else sets 60/40.
   */
  private Canary externallyEditedAtPause(RouteRef ref, UnaryOperator<CanaryPlan.Builder> options) {
    CanaryPlan plan =
        options
            .apply(
                plan(ref)
                    .step(Step.setWeight(10))
                    .step(Step.pause(Duration.ofMinutes(30)))
                    .step(Step.setWeight(100)))
            .build();
    Canary canary = fixture.canary(plan).build();
    reconcileUntil(canary, s -> s.step() == 1);
    fixture.cluster.externalPatch(
        ref,
        "[{'op':'replace','path':'/spec/rules/0/backendRefs/1/weight','value':40},"
            + "{'op':'replace','path':'/spec/rules/0/backendRefs/0/weight','value':60}]");
    return canary;
  }

  @Test
  void externalEditPausesTheRolloutAndResumeWritesTheWeightsBack() throws Exception {
    RouteRef ref = fixture.newRoute();
    Canary canary = externallyEditedAtPause(ref, b -> b);

    CanaryStatus s = reconcileUntil(canary, x -> x.phase() == Phase.PAUSED);

    assertThat(s.reason())
        .isEqualTo(
            "paused after an external edit: HTTPRoute default/"
                + ref.name()
                + ": rules[0] web-v1 weight 60, expected 90; rules[0] web-v2 weight 40, expected 10");
    fixture.clock.advance(Duration.ofHours(2));
    assertThat(canary.reconcile().phase()).isEqualTo(Phase.PAUSED);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(40);
    canary.resume();
    s = canary.reconcile();
    assertThat(s.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(10);
    assertThat(canary.run().phase()).isEqualTo(Phase.PROMOTED);
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("ExternalEdit: paused after an external edit"));
  }

  @Test
  void externalEditUnderAbortPolicyRollsBack() throws Exception {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        externallyEditedAtPause(ref, b -> b.externalEditPolicy(ExternalEditPolicy.ABORT));

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ABORTED);
    assertThat(end.reason())
        .startsWith(
            "external edit: HTTPRoute default/" + ref.name() + ": rules[0] web-v1 weight 60");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v1")).isEqualTo(100);
  }

  @Test
  void externalEditUnderReassertPolicyIsWrittenBackAndTheRolloutContinues() throws Exception {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        externallyEditedAtPause(ref, b -> b.externalEditPolicy(ExternalEditPolicy.REASSERT));

    CanaryStatus s = canary.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(s.reason()).startsWith("weights written back after an external edit");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(10);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v1")).isEqualTo(90);
    assertThat(canary.run().phase()).isEqualTo(Phase.PROMOTED);
  }

  /**
   * Runs setWeight 10, a manual gate, setWeight 100 ({@code options} added) to the gate; then
   * someone else sets 60/40.
   */
  private Canary externallyEditedAtGate(
      RouteRef ref, UnaryOperator<CanaryPlan.Builder> options, String alsoPatch) {
    CanaryPlan plan =
        options.apply(plan(ref).weights(10).step(Step.pauseUntilPromoted()).weights(100)).build();
    Canary canary = fixture.canary(plan).build();
    reconcileUntil(canary, s -> s.phase() == Phase.PAUSED);
    fixture.cluster.externalPatch(
        ref,
        "[{'op':'replace','path':'/spec/rules/0/backendRefs/1/weight','value':40},"
            + "{'op':'replace','path':'/spec/rules/0/backendRefs/0/weight','value':60}"
            + alsoPatch
            + "]");
    return canary;
  }

  @Test
  void externalEditAtAManualGateUnderAbortPolicyRollsBack() {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        externallyEditedAtGate(ref, b -> b.externalEditPolicy(ExternalEditPolicy.ABORT), "");

    CanaryStatus s = canary.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.ABORTED);
    assertThat(s.reason())
        .startsWith(
            "external edit: HTTPRoute default/" + ref.name() + ": rules[0] web-v1 weight 60");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isZero();
  }

  @Test
  void externalEditAtAManualGateIsReportedBeforeAQueuedPromoteWritesThePlansWeights() {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        externallyEditedAtGate(
            ref,
            b -> b,
            ",{'op':'add','path':'/metadata/annotations/canary.gatewaysdk.dev~1command','value':'promote'}");

    CanaryStatus noticed = canary.reconcile();

    assertThat(noticed.phase()).isEqualTo(Phase.PAUSED);
    assertThat(noticed.step()).isEqualTo(1);
    assertThat(noticed.reason())
        .isEqualTo(
            "paused after an external edit: HTTPRoute default/"
                + ref.name()
                + ": rules[0] web-v1 weight 60, expected 90; rules[0] web-v2 weight 40, expected 10");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(40);
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("ExternalEdit: paused after an external edit"));
    CanaryStatus promoted = canary.reconcile();
    assertThat(promoted.step()).isEqualTo(2);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(100);
  }

  @Test
  void externalEditWhilePausedByCommandIsReportedOnceAndUnderReassertWrittenBack() {
    RouteRef ref = fixture.newRoute();
    Canary canary = fixture.canary(plan(ref).weights(10, 20, 30).build()).build();
    reconcileUntil(canary, s -> s.step() == 1);
    canary.pause();
    assertThat(canary.reconcile().phase()).isEqualTo(Phase.PAUSED);
    fixture.cluster.externalPatch(
        ref, "[{'op':'replace','path':'/spec/rules/0/backendRefs/1/weight','value':40}]");

    CanaryStatus s = canary.reconcile();
    int writes = fixture.cluster.history(ref).size();
    for (int i = 0; i < 3; i++) {
      fixture.clock.advance(Duration.ofMinutes(10));
      s = canary.reconcile();
    }

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.reason())
        .startsWith(
            "paused after an external edit: HTTPRoute default/"
                + ref.name()
                + ": rules[0] web-v2 weight 40");
    assertThat(fixture.cluster.history(ref))
        .as("the edit is recorded once, not on every pass")
        .hasSize(writes);
    RouteRef other = fixture.newRoute();
    Canary reassert =
        fixture
            .canary(
                plan(other)
                    .weights(10, 20, 30)
                    .externalEditPolicy(ExternalEditPolicy.REASSERT)
                    .build())
            .build();
    reconcileUntil(reassert, x -> x.step() == 1);
    reassert.pause();
    reassert.reconcile();
    fixture.cluster.externalPatch(
        other, "[{'op':'replace','path':'/spec/rules/0/backendRefs/1/weight','value':40}]");
    CanaryStatus r = reassert.reconcile();
    assertThat(r.phase()).isEqualTo(Phase.PAUSED);
    assertThat(Cluster.weight(fixture.cluster.get(other), 0, "web-v2")).isEqualTo(20);
  }

  @Test
  void routeRefusedByTheGatewayAtAManualGateRollsBack() {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        fixture
            .canary(plan(ref).weights(10).step(Step.pauseUntilPromoted()).weights(100).build())
            .build();
    reconcileUntil(canary, s -> s.phase() == Phase.PAUSED);
    fixture.cluster.missingBackends.add("web-v2");
    try {
      // someone's unrelated edit makes the controller look again: the canary backend is gone
      fixture.cluster.externalPatch(
          ref, "[{'op':'replace','path':'/spec/rules/1/backendRefs/0/port','value':81}]");

      CanaryStatus s = canary.reconcile();

      assertThat(s.phase()).isEqualTo(Phase.ROLLED_BACK);
      assertThat(s.reason())
          .contains(
              "change refused: Gateway default/gw reports ResolvedRefs=False (BackendNotFound)");
      assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isZero();
    } finally {
      fixture.cluster.missingBackends.clear();
    }
  }

  @Test
  void pauseAndResumeCommandsHoldTheRolloutWhereItIs() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 20, 30).build();
    Canary canary = fixture.canary(plan).build();
    reconcileUntil(canary, s -> s.step() == 1);
    canary.pause();

    CanaryStatus s = canary.reconcile();
    fixture.clock.advance(Duration.ofHours(5));
    s = canary.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.reason()).isEqualTo("paused by command");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(20);
    fixture.cluster.externalPatch(
        ref,
        "[{'op':'add','path':'/metadata/annotations/canary.gatewaysdk.dev~1command','value':'resume'}]");
    assertThat(canary.run().phase()).isEqualTo(Phase.PROMOTED);
  }

  @Test
  void resumeRestartsATimedPauseInsteadOfJumpingPastIt() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.setWeight(10))
            .step(Step.pause(Duration.ofMinutes(30)))
            .step(Step.setWeight(100))
            .build();
    Canary canary = fixture.canary(plan).build();
    reconcileUntil(canary, s -> s.step() == 1);
    fixture.clock.advance(Duration.ofMinutes(10));
    canary.pause();
    assertThat(canary.reconcile().phase()).isEqualTo(Phase.PAUSED);
    fixture.clock.advance(Duration.ofMinutes(40));
    canary.resume();

    CanaryStatus resumed = canary.reconcile();
    CanaryStatus after = canary.reconcile();
    fixture.clock.advance(Duration.ofMinutes(29));
    CanaryStatus almost = canary.reconcile();

    assertThat(resumed.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(after.step()).isEqualTo(1);
    assertThat(almost.step())
        .as("the pause restarted at resume: 30 minutes from there")
        .isEqualTo(1);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(10);
    fixture.clock.advance(Duration.ofMinutes(1));
    assertThat(canary.run().phase()).isEqualTo(Phase.PROMOTED);
  }

  @Test
  void corruptOrNewerStateAnnotationFailsWithATypedErrorAndIsLeftAlone() throws Exception {
    String newer =
        Jsons.write(
            Jsons.object()
                .put("schema", 99)
                .put("plan", "x")
                .put("phase", "PROGRESSING")
                .put("step", 1));
    for (String[] c :
        new String[][] {
          {"{not json", "not JSON: "},
          {newer, "schema 99, written by a newer version (this one reads 1)"}
        }) {
      RouteRef ref = fixture.newRoute();
      ArrayNode patch = Jsons.array();
      patch
          .addObject()
          .put("op", "add")
          .put("path", "/metadata/annotations/canary.gatewaysdk.dev~1state")
          .put("value", c[0]);
      fixture.cluster.send(
          "PATCH",
          "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/" + ref.name(),
          Jsons.write(patch),
          "application/json-patch+json");
      String before = fixture.cluster.get(ref).toString();
      Canary canary = fixture.canary(plan(ref).weights(10, 100).build()).build();

      assertThatThrownBy(canary::reconcile)
          .isInstanceOf(CanaryStateException.class)
          .hasMessageStartingWith(
              "HTTPRoute default/"
                  + ref.name()
                  + ": unreadable canary state annotation canary.gatewaysdk.dev/state: "
                  + c[1]);
      assertThatThrownBy(canary::run).isInstanceOf(CanaryStateException.class);
      assertThatThrownBy(canary::status).isInstanceOf(CanaryStateException.class);

      assertThat(fixture.cluster.get(ref).toString()).isEqualTo(before);
      assertThat(fixture.cluster.events(ref.name()))
          .filteredOn(e -> e.startsWith("UnreadableState: "))
          .hasSize(1);
    }
  }

  @Test
  void routeChangeNotAcceptedWithinTheProgressDeadlineRollsBack() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 50).progressDeadline(Duration.ofMinutes(3)).build();
    Canary canary = fixture.canary(plan).build();
    fixture.cluster.controllerRunning = false;
    try {
      CanaryStatus end = canary.run();

      assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
      assertThat(end.step()).isEqualTo(0);
      assertThat(end.reason())
          .startsWith(
              "progress deadline 3m exceeded: HTTPRoute default/"
                  + ref.name()
                  + " Gateway default/gw: Accepted is for generation 1, not 2");
      assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
      assertThat(fixture.clock.now()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:03:00Z"));
    } finally {
      fixture.cluster.controllerRunning = true;
    }
  }

  @Test
  void routeChangeRefusedByTheGatewayRollsBack() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 50).build();
    fixture.cluster.missingBackends.add("web-v2");
    try {
      CanaryStatus end = fixture.canary(plan).build().run();

      assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
      assertThat(end.reason())
          .contains(
              "change refused: Gateway default/gw reports ResolvedRefs=False (BackendNotFound): service web-v2 not found");
      assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
    } finally {
      fixture.cluster.missingBackends.clear();
    }
  }

  @Test
  void httpAndGrpcRoutesMoveInLockstep() throws Exception {
    RouteRef http = fixture.newRoute();
    String grpcName = fixture.newName("grpc");
    fixture.cluster.createRoute(
        ("{'apiVersion':'gateway.networking.k8s.io/v1','kind':'GRPCRoute','metadata':{'name':'"
            + grpcName
            + "','namespace':'default'},"
            + "'spec':{'parentRefs':[{'name':'gw'}],'rules':[{'matches':[{'method':{'service':'shop.Cart'}}],"
            + "'backendRefs':[{'name':'web-v1','port':9090,'weight':100},{'name':'web-v2','port':9090,'weight':0}]}]}}"));
    RouteRef grpc = RouteRef.grpcRoute("default", grpcName);
    CanaryPlan plan =
        plan(http)
            .route(grpc)
            .step(Step.match(CanaryMatch.header("x-canary", "1")))
            .weights(20, 60)
            .build();
    List<String> seen = new ArrayList<>();
    Canary canary =
        fixture
            .canary(plan)
            .listener(
                new CanaryListener() {
                  @Override
                  public void statusChanged(CanaryStatus status) {
                    JsonNode h = fixture.cluster.get(http);
                    JsonNode g = fixture.cluster.get(grpc);
                    if (Cluster.state(h) != null && Cluster.state(h).synced) {
                      assertThat(Cluster.weight(g, 0, "web-v2"))
                          .isEqualTo(Cluster.weight(h, 0, "web-v2"));
                      seen.add(
                          status.phase()
                              + " "
                              + Cluster.weight(g, 0, "web-v2")
                              + " "
                              + g.at("/spec/rules").size());
                    }
                  }
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(seen)
        .contains("PROGRESSING 0 2", "PROGRESSING 20 2", "PROGRESSING 60 2", "PROMOTED 100 1");
    JsonNode g = fixture.cluster.get(grpc);
    assertThat(Cluster.weight(g, 0, "web-v2")).isEqualTo(100);
    assertThat(g.at("/spec/rules/0/matches/0/method/service").asText()).isEqualTo("shop.Cart");
  }

  @Test
  void dryRunDescribesEveryChangeAndWritesNothing() {
    RouteRef ref = fixture.newRoute();
    String rv = fixture.cluster.get(ref).at("/metadata/resourceVersion").asText();
    CanaryPlan plan =
        plan(ref)
            .step(Step.mirror(100))
            .step(Step.match(CanaryMatch.queryParam("canary", "on")))
            .weights(50)
            .step(Step.pause(Duration.ofMinutes(1)))
            .build();

    CanaryDryRun dry = fixture.canary(plan).build().dryRun();

    assertThat(dry.lines())
        .containsExactly(
            "steps[0] mirror 100%: HTTPRoute default/"
                + ref.name()
                + " rules[0] + mirror 100% to web-v2",
            "steps[1] match [query-param canary=on]: HTTPRoute default/"
                + ref.name()
                + " + rule [/ ?canary=on] -> web-v2",
            "steps[2] setWeight 50: HTTPRoute default/"
                + ref.name()
                + " rules[0] web-v2: 0 -> 50, rules[0] web-v1: 100 -> 50, rules[0] - mirror to web-v2",
            "steps[3] pause 1m: no route change",
            "promotion (KEEP_STABLE): HTTPRoute default/"
                + ref.name()
                + " rules[0] web-v2: 50 -> 100, rules[0] web-v1: 50 -> 0, - rules[2] (A/B rule to web-v2)");
    assertThat(dry.patches().get(0).get(0).path("op").asText()).isEqualTo("test");
    assertThat(dry.toString()).contains("dry run of plan " + plan.id());
    assertThat(fixture.cluster.get(ref).at("/metadata/resourceVersion").asText()).isEqualTo(rv);
  }

  @Test
  void promotionBySwapReturnsTheWeightsToStableAfterTheSwapAction() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(50).promotion(Promotion.SWAP).build();
    List<Integer> canaryWeightAtSwap = new ArrayList<>();

    assertThatThrownBy(() -> fixture.canary(plan).build().run())
        .hasMessageContaining("promotion: SWAP needs a swap action");
    CanaryStatus end =
        fixture
            .canary(plan)
            .swap(
                p -> canaryWeightAtSwap.add(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")))
            .build()
            .run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(canaryWeightAtSwap).containsExactly(100);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v1")).isEqualTo(100);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(0);
  }

  @Test
  void promotionCanRemoveTheStableBackend() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(50).promotion(Promotion.REMOVE_STABLE).build();

    CanaryStatus end = fixture.canary(plan).build().run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    JsonNode route = fixture.cluster.get(ref);
    assertThat(route.at("/spec/rules/0/backendRefs").size()).isEqualTo(1);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    fixture.assertUntouched(route);
  }

  @Test
  void finishedRolloutIsNotRepeatedAndAnotherPlanCannotStartMidRollout() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan = plan(ref).weights(10, 100).build();
    assertThat(fixture.canary(plan).build().run().phase()).isEqualTo(Phase.PROMOTED);
    int writes = fixture.cluster.history(ref).size();

    assertThat(fixture.canary(plan).build().run().phase()).isEqualTo(Phase.PROMOTED);
    assertThat(fixture.cluster.history(ref)).hasSize(writes);

    RouteRef other = fixture.newRoute();
    Canary first =
        fixture
            .canary(plan(other).weights(10).step(Step.pauseUntilPromoted()).weights(100).build())
            .build();
    first.reconcile();
    CanaryPlan otherBackends =
        CanaryPlan.builder().route(other).stable("web-v1").canary("admin").weights(20).build();
    assertThatThrownBy(() -> fixture.canary(otherBackends).build().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in the middle of another rollout (web-v1 -> web-v2");
  }

  @Test
  void aNewReleaseOfTheSamePlanRunsAgainAfterAFinishedRollout() throws Exception {
    RouteRef ref = fixture.newRoute();
    List<Integer> swappedAt = new ArrayList<>();
    CanaryPlan r1 = plan(ref).weights(10, 50).promotion(Promotion.SWAP).release("v1.0.1").build();
    Canary.SwapAction swap =
        p -> swappedAt.add(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2"));
    assertThat(fixture.canary(r1).swap(swap).build().run().phase()).isEqualTo(Phase.PROMOTED);
    CanaryPlan r2 = r1.newBuilder().release("v1.0.2").build();

    CanaryStatus end = fixture.canary(r2).swap(swap).build().run();
    int writes = fixture.cluster.history(ref).size();
    CanaryStatus again = fixture.canary(r2).swap(swap).build().run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(swappedAt).containsExactly(100, 100);
    assertThat(Cluster.state(fixture.cluster.get(ref)).release).isEqualTo("v1.0.2");
    assertThat(again.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(fixture.cluster.history(ref))
        .as("the same release does not run twice")
        .hasSize(writes);
    assertThat(swappedAt).hasSize(2);
  }

  @Test
  void planChangedMidRolloutContinuesAtTheSameStepOfTheNewPlan() throws Exception {
    RouteRef ref = fixture.newRoute();
    Canary old =
        fixture
            .canary(plan(ref).weights(10).step(Step.pauseUntilPromoted()).weights(50, 100).build())
            .build();
    reconcileUntil(old, s -> s.phase() == Phase.PAUSED);
    Canary edited =
        fixture
            .canary(
                plan(ref).weights(10).step(Step.pauseUntilPromoted()).weights(30, 60, 100).build())
            .build();

    CanaryStatus s = edited.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.step()).isEqualTo(1);
    assertThat(s.reason()).startsWith("plan changed mid-rollout: steps[1] of the new plan starts");
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("PlanChanged: plan changed mid-rollout"));
    edited.promote();
    edited.reconcile();
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(30);
    assertThat(edited.run().phase()).isEqualTo(Phase.PROMOTED);
  }

  @Test
  void aNewReleaseMidRolloutStartsOverFromTheFirstStep() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan r1 =
        plan(ref)
            .weights(10, 40)
            .step(Step.pauseUntilPromoted())
            .weights(100)
            .release("build-7")
            .build();
    reconcileUntil(fixture.canary(r1).build(), s -> s.phase() == Phase.PAUSED);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(40);

    CanaryStatus s = fixture.canary(r1.newBuilder().release("build-8").build()).build().reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(s.step()).isZero();
    assertThat(s.reason())
        .isEqualTo("release build-8 replaces build-7 at steps[2]: starting over from steps[0]");
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isEqualTo(10);
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("NewRelease: release build-8 replaces build-7"));
  }

  @Test
  void unknownCommandIsRemovedWithAWarningAndChangesNothing() {
    RouteRef ref = fixture.newRoute();
    Canary canary =
        fixture
            .canary(plan(ref).weights(10).step(Step.pauseUntilPromoted()).weights(100).build())
            .build();
    CanaryStatus before = reconcileUntil(canary, s -> s.phase() == Phase.PAUSED);
    fixture.cluster.externalPatch(
        ref,
        "[{'op':'add','path':'/metadata/annotations/canary.gatewaysdk.dev~1command','value':'launch'}]");

    CanaryStatus after = canary.reconcile();

    assertThat(after.phase()).isEqualTo(Phase.PAUSED);
    assertThat(after.step()).isEqualTo(before.step());
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(
            fixture
                .cluster
                .get(ref)
                .path("metadata")
                .path("annotations")
                .has(State.COMMAND_ANNOTATION))
        .isFalse();
    assertThat(fixture.cluster.events(ref.name()))
        .contains(
            "UnknownCommand: unknown command launch; use promote, promote --full, pause, resume, abort or retry");
    canary.abort();
    assertThat(canary.reconcile().phase()).isEqualTo(Phase.ABORTED);
    assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).isZero();
  }
}
