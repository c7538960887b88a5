package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.RolloutMachine.Action;
import dev.gatewaysdk.canary.RolloutMachine.Decision;
import dev.gatewaysdk.canary.RolloutMachine.Observation;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.core.internal.JsonPatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state machine with plain values, no cluster: every decision is a function of (state,
 * observation, time). Each test puts two or more events into one observation (a command, a
 * measurement due, a deadline passed, an external edit) and checks which one wins and what is left
 * for the next decision.
 */
class RolloutMachineTest {
  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  static final RouteRef REF = RouteRef.httpRoute("default", "web");
  static final AnalysisCheck CHECK =
      AnalysisCheck.builder("error-rate", "code").max(0.01).interval(Duration.ofMinutes(1)).build();
  static final String ROUTE =
      "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\","
          + "\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"generation\":1},"
          + "\"spec\":{\"parentRefs\":[{\"name\":\"gw\"}],\"rules\":[{\"matches\":[{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/\"}}],"
          + "\"backendRefs\":[{\"name\":\"web-v1\",\"port\":80,\"weight\":100},{\"name\":\"web-v2\",\"port\":80,\"weight\":0}]}]}}";

  static CanaryPlan.Builder plan() {
    return CanaryPlan.builder().route(REF).stable("web-v1").canary("web-v2");
  }

  static RolloutMachine machine(CanaryPlan plan) {
    return new RolloutMachine(plan, Duration.ofSeconds(5), true);
  }

  /**
   * The route carrying {@code st}'s traffic, at {@code generation}, accepted for {@code accepted}.
   */
  static ObjectNode route(RolloutMachine m, State st, long generation, long accepted) {
    ObjectNode base = Cluster.read(ROUTE);
    ObjectNode r =
        (ObjectNode) JsonPatch.apply(base, m.traffic(st, REF).editFor(base, REF.kind()).patch());
    ((ObjectNode) r.get("metadata")).put("generation", generation);
    ArrayNode parents = r.putObject("status").putArray("parents");
    ObjectNode p = parents.addObject();
    p.putObject("parentRef").put("name", "gw");
    ArrayNode c = p.putArray("conditions");
    c.addObject().put("type", "Accepted").put("status", "True").put("observedGeneration", accepted);
    c.addObject()
        .put("type", "ResolvedRefs")
        .put("status", "True")
        .put("observedGeneration", accepted);
    return r;
  }

  /**
   * The state the machine wrote, as the store records it: next revision, own generation, change
   * time.
   */
  static State stored(Decision d, long generation, Instant changedAt) {
    State.Builder b = d.next().newBuilder();
    b.rev = d.next().rev + 1;
    b.generations.put(RolloutMachine.key(REF), generation);
    b.changedAt = changedAt;
    return b.build();
  }

  /** A rollout at {@code plan}'s step {@code index}, started at T0 and accepted. */
  static State at(RolloutMachine m, int index) {
    State st =
        m.advance(
            m.decide(null, Observation.of(List.of(Cluster.read(ROUTE)), null), T0).next(),
            index,
            T0,
            new java.util.ArrayList<>());
    State.Builder b = st.newBuilder();
    b.rev = 3;
    b.generations.put(RolloutMachine.key(REF), 2L);
    b.changedAt = T0;
    return b.build();
  }

  static Observation seen(JsonNode route, String commands) {
    return Observation.of(List.of(route), commands);
  }

  @Test
  void aFreshRouteStartsAtTheFirstStepWithValidationAndItsWeight() {
    RolloutMachine m = machine(plan().weights(10, 50).build());
    Decision d = m.decide(null, seen(Cluster.read(ROUTE), null), T0);
    assertThat(d.action()).isEqualTo(Action.WRITE);
    assertThat(d.validate()).isTrue();
    assertThat(d.converge()).isTrue();
    assertThat(d.next().step).isZero();
    assertThat(d.next().weight).isEqualTo(10);
    assertThat(d.notes()).extracting(RolloutMachine.Note::kind).contains("stepStarted");
  }

  @Test
  void abortQueuedAfterPromoteWinsAndAMeasurementDueIsNotTaken() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Decision d =
        m.decide(
            st, seen(route(m, st, 2, 2), "promote\nabort: bad"), T0.plus(Duration.ofMinutes(5)));
    assertThat(d.action()).isEqualTo(Action.WRITE);
    assertThat(d.next().phase).isEqualTo(Phase.ABORTED);
    assertThat(d.next().weight).isZero();
    assertThat(d.command()).isEqualTo("promote\nabort: bad");
    assertThat(RolloutMachine.remainingCommands(d.command())).isEmpty();
  }

  @Test
  void aCommandRunsBeforeADueMeasurementAndLeavesTheRestQueued() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Decision d =
        m.decide(st, seen(route(m, st, 2, 2), "promote\npause"), T0.plus(Duration.ofMinutes(5)));
    assertThat(d.action()).isEqualTo(Action.WRITE);
    assertThat(d.next().step).isEqualTo(2);
    assertThat(d.next().weight).isEqualTo(100);
    assertThat(RolloutMachine.remainingCommands(d.command())).isEqualTo("pause");
  }

  @Test
  void aDueMeasurementIsAskedForThenCountedAndTheStepPasses() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Instant now = T0.plus(Duration.ofMinutes(1));
    Observation obs = seen(route(m, st, 2, 2), null);
    Decision ask = m.decide(st, obs, now);
    assertThat(ask.action()).isEqualTo(Action.MEASURE);
    assertThat(ask.measure()).containsOnlyKeys("steps[1]/error-rate");

    Decision d =
        m.decide(
            st,
            obs.withMeasurements(Map.of("steps[1]/error-rate", Measurement.of(CHECK, 0.0))),
            now);
    assertThat(d.action()).isEqualTo(Action.WRITE);
    assertThat(d.next().step).isEqualTo(2);
    assertThat(d.notes())
        .extracting(RolloutMachine.Note::kind)
        .contains("analysisResult", "stepFinished", "stepStarted");
  }

  @Test
  void noMeasurementBeforeTheStepHeldItsIntervalAfterTheWeightTookEffect() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Decision d = m.decide(st, seen(route(m, st, 2, 2), null), T0.plus(Duration.ofSeconds(59)));
    assertThat(d.action()).isEqualTo(Action.WAIT);
    assertThat(d.wake()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void whileTheRouteAwaitsTheGatewayNothingIsMeasuredAndTheDeadlineRollsBack() {
    RolloutMachine m =
        machine(
            plan()
                .weights(10)
                .step(Step.analysis(CHECK))
                .weights(100)
                .progressDeadline(Duration.ofMinutes(10))
                .build());
    State st = at(m, 1);
    JsonNode pending = route(m, st, 2, 1);
    Decision waiting = m.decide(st, seen(pending, null), T0.plus(Duration.ofMinutes(5)));
    assertThat(waiting.action()).isEqualTo(Action.WAIT);

    Decision late = m.decide(st, seen(pending, null), T0.plus(Duration.ofMinutes(10)));
    assertThat(late.action()).isEqualTo(Action.WRITE);
    assertThat(late.next().phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(late.next().reason).startsWith("progress deadline 10m exceeded");
  }

  @Test
  void aDeadlinePassedWhileSomeoneElsesChangeAwaitsTheGatewayRollsNothingBack() {
    RolloutMachine m =
        machine(plan().weights(10, 100).progressDeadline(Duration.ofMinutes(10)).build());
    State st = at(m, 0);
    Decision d = m.decide(st, seen(route(m, st, 3, 2), null), T0.plus(Duration.ofHours(1)));
    assertThat(d.action()).isEqualTo(Action.WAIT);
  }

  @Test
  void anExternalEditBeatsAQueuedPromoteWhichRunsOnlyAfterTheEditWasReported() {
    RolloutMachine m =
        machine(plan().weights(10).step(Step.pauseUntilPromoted()).weights(100).build());
    State st = at(m, 1);
    ObjectNode edited = route(m, st, 3, 3);
    ((ObjectNode) edited.at("/spec/rules/0/backendRefs/1")).put("weight", 40);
    ((ObjectNode) edited.at("/spec/rules/0/backendRefs/0")).put("weight", 60);

    Decision first = m.decide(st, seen(edited, "promote"), T0.plus(Duration.ofMinutes(1)));
    assertThat(first.action()).isEqualTo(Action.WRITE);
    assertThat(first.command()).isNull();
    assertThat(first.converge()).isFalse();
    assertThat(first.next().phase).isEqualTo(Phase.PAUSED);
    assertThat(first.next().reason)
        .contains("paused after an external edit")
        .contains("web-v2 weight 40, expected 10");

    State paused = stored(first, 3, T0);
    Decision second = m.decide(paused, seen(edited, "promote"), T0.plus(Duration.ofMinutes(2)));
    assertThat(second.command()).isEqualTo("promote");
    assertThat(second.converge()).isTrue();
  }

  @Test
  void anExternalEditBeatsAPassedDeadline() {
    RolloutMachine m =
        machine(
            plan()
                .weights(10, 100)
                .progressDeadline(Duration.ofMinutes(10))
                .externalEditPolicy(ExternalEditPolicy.ABORT)
                .build());
    State st = at(m, 0);
    ObjectNode edited = route(m, st, 2, 1);
    ((ObjectNode) edited.at("/spec/rules/0/backendRefs/1")).put("weight", 0);
    Decision d = m.decide(st, seen(edited, null), T0.plus(Duration.ofHours(1)));
    assertThat(d.next().phase).isEqualTo(Phase.ABORTED);
    assertThat(d.next().reason).startsWith("external edit: ");
  }

  @Test
  void aDeletedMirrorIsAnExternalEdit() {
    RolloutMachine m =
        machine(
            plan()
                .step(Step.mirror(50))
                .step(Step.pause(Duration.ofHours(1)))
                .weights(100)
                .build());
    State st = at(m, 1);
    ObjectNode edited = route(m, st, 2, 2);
    assertThat(m.decide(st, seen(edited, null), T0).action()).isEqualTo(Action.WAIT);
    ((ObjectNode) edited.at("/spec/rules/0")).remove("filters");
    Decision d = m.decide(st, seen(edited, null), T0);
    assertThat(d.next().phase).isEqualTo(Phase.PAUSED);
    assertThat(d.next().reason).contains("mirror 50% to web-v2 missing");
  }

  @Test
  void aDeletedAbRuleIsAnExternalEdit() {
    RolloutMachine m =
        machine(
            plan()
                .step(Step.match(CanaryMatch.header("x-canary", "1")))
                .step(Step.pause(Duration.ofHours(1)))
                .weights(100)
                .build());
    State st = at(m, 1);
    ObjectNode edited = route(m, st, 2, 2);
    assertThat(edited.at("/spec/rules").size()).isEqualTo(2);
    assertThat(m.decide(st, seen(edited, null), T0).action()).isEqualTo(Action.WAIT);
    ((ArrayNode) edited.at("/spec/rules")).remove(1);
    Decision d = m.decide(st, seen(edited, null), T0);
    assertThat(d.next().phase).isEqualTo(Phase.PAUSED);
    assertThat(d.next().reason).contains("A/B rule").contains("x-canary=1").contains("missing");
  }

  @Test
  void aBackgroundMeasurementDueDuringATimedPauseIsTakenAndThePauseEndsOnTime() {
    RolloutMachine m =
        machine(
            plan()
                .weights(10)
                .step(Step.pause(Duration.ofMinutes(30)))
                .weights(100)
                .backgroundAnalysis(CHECK)
                .build());
    State st = at(m, 1);
    assertThat(st.background).containsKey("error-rate");
    Observation obs = seen(route(m, st, 2, 2), null);
    Decision ask = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));
    assertThat(ask.action()).isEqualTo(Action.MEASURE);
    assertThat(ask.measure()).containsOnlyKeys("background/error-rate");
    Decision counted =
        m.decide(
            st,
            obs.withMeasurements(Map.of("background/error-rate", Measurement.of(CHECK, 0.0))),
            T0.plus(Duration.ofMinutes(1)));
    assertThat(counted.action()).isEqualTo(Action.WRITE);
    assertThat(counted.converge()).isFalse();
    assertThat(counted.next().step).isEqualTo(1);
    assertThat(counted.next().background.get("error-rate").next())
        .isEqualTo(T0.plus(Duration.ofMinutes(2)));

    State later = stored(counted, 2, T0);
    Decision wait =
        m.decide(
            later,
            seen(route(m, later, 2, 2), null),
            T0.plus(Duration.ofMinutes(1)).plusSeconds(1));
    assertThat(wait.action()).isEqualTo(Action.WAIT);
    assertThat(wait.wake()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void aFailedBackgroundMeasurementAtAGateRollsBackInsteadOfWaitingForPromotion() {
    AnalysisCheck strict =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .failureLimit(0)
            .build();
    RolloutMachine m =
        machine(
            plan()
                .weights(10)
                .step(Step.pauseUntilPromoted())
                .weights(100)
                .backgroundAnalysis(strict)
                .build());
    State st = at(m, 1);
    Observation obs =
        seen(route(m, st, 2, 2), null)
            .withMeasurements(Map.of("background/error-rate", Measurement.of(strict, 0.5)));
    Decision d = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));
    assertThat(d.next().phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(d.next().weight).isZero();
    assertThat(d.converge()).isTrue();
  }

  @Test
  void aResumedTimedPauseRunsItsFullDurationAgain() {
    RolloutMachine m =
        machine(plan().weights(10).step(Step.pause(Duration.ofMinutes(30))).weights(100).build());
    State st = at(m, 1);
    Decision paused =
        m.decide(st, seen(route(m, st, 2, 2), "pause"), T0.plus(Duration.ofMinutes(10)));
    State p = stored(paused, 2, T0);
    Decision resumed =
        m.decide(p, seen(route(m, p, 2, 2), "resume"), T0.plus(Duration.ofMinutes(50)));
    State r = stored(resumed, 2, T0.plus(Duration.ofMinutes(50)));
    Decision d = m.decide(r, seen(route(m, r, 2, 2), null), T0.plus(Duration.ofMinutes(60)));
    assertThat(d.action()).isEqualTo(Action.WAIT);
    assertThat(d.wake()).isEqualTo(T0.plus(Duration.ofMinutes(80)));
  }

  @Test
  void anUnsyncedStateSyncsBeforeAnythingElse() {
    RolloutMachine m = machine(plan().weights(10, 100).build());
    State.Builder b = at(m, 0).newBuilder();
    b.synced = false;
    State st = b.build();
    Decision d = m.decide(st, seen(route(m, st, 2, 2), "abort"), T0);
    assertThat(d.action()).isEqualTo(Action.SYNC);
  }

  @Test
  void decisionsArePureTheSameInputGivesTheSameDecision() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Observation obs =
        seen(route(m, st, 2, 2), null)
            .withMeasurements(Map.of("steps[1]/error-rate", Measurement.of(CHECK, 0.5)));
    Decision a = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));
    Decision b = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));
    assertThat(a.next()).isEqualTo(b.next());
    assertThat(a.action()).isEqualTo(b.action());
    assertThat(st).isEqualTo(at(m, 1));
  }

  @Test
  void promoteFullSkipsEveryRemainingStepAndAnAbortQueuedWithItStillWins() {
    RolloutMachine m =
        machine(
            plan()
                .weights(10)
                .step(Step.analysis(CHECK))
                .weights(50)
                .step(Step.pauseUntilPromoted())
                .weights(100)
                .build());
    State st = at(m, 1);
    Decision d =
        m.decide(st, seen(route(m, st, 2, 2), "promote --full"), T0.plus(Duration.ofMinutes(5)));
    assertThat(d.next().phase).isEqualTo(Phase.PROMOTED);
    assertThat(d.next().weight).isEqualTo(100);
    assertThat(d.next().reason).isEqualTo("promoted fully by command, skipping steps[2..4]");
    assertThat(d.notes())
        .extracting(RolloutMachine.Note::kind)
        .contains("stepFinished", "promoted");

    Decision aborted =
        m.decide(
            st, seen(route(m, st, 2, 2), "promote --full\nabort"), T0.plus(Duration.ofMinutes(5)));
    assertThat(aborted.next().phase).isEqualTo(Phase.ABORTED);
  }

  @Test
  void retryAfterARollbackStartsAgainFromTheFirstStepAndIsIgnoredOtherwise() {
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(CHECK)).weights(100).build());
    State st = at(m, 1);
    Decision failed =
        m.decide(
            st,
            seen(route(m, st, 2, 2), null)
                .withMeasurements(Map.of("steps[1]/error-rate", Measurement.of(CHECK, 0.5))),
            T0.plus(Duration.ofMinutes(1)));
    State rolledBack = stored(failed, 3, T0.plus(Duration.ofMinutes(1)));
    assertThat(rolledBack.phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(
            m.decide(
                    rolledBack,
                    seen(route(m, rolledBack, 3, 3), null),
                    T0.plus(Duration.ofMinutes(2)))
                .action())
        .isEqualTo(Action.DONE);

    Decision retried =
        m.decide(
            rolledBack, seen(route(m, rolledBack, 3, 3), "retry"), T0.plus(Duration.ofMinutes(2)));
    assertThat(retried.action()).isEqualTo(Action.WRITE);
    assertThat(retried.converge()).isTrue();
    assertThat(retried.next().phase).isEqualTo(Phase.PROGRESSING);
    assertThat(retried.next().step).isZero();
    assertThat(retried.next().weight).isEqualTo(10);
    assertThat(retried.next().analysis).isEmpty();
    assertThat(retried.next().reason)
        .startsWith("retried after rolled back (analysis error-rate failed 1 time");
    assertThat(retried.notes()).extracting(RolloutMachine.Note::reason).contains("Retried");

    Decision ignored =
        m.decide(st, seen(route(m, st, 2, 2), "retry"), T0.plus(Duration.ofSeconds(30)));
    assertThat(ignored.next()).isSameAs(st);
    assertThat(RolloutMachine.remainingCommands(ignored.command())).isEmpty();
  }

  @Test
  void anInconclusiveCheckOverItsLimitPausesForJudgementAndPromoteContinuesPastTheStep() {
    AnalysisCheck judged =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .inconclusiveLimit(0)
            .pauseWhenInconclusive(true)
            .build();
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(judged)).weights(100).build());
    State st = at(m, 1);
    Observation obs =
        seen(route(m, st, 2, 2), null)
            .withMeasurements(Map.of("steps[1]/error-rate", Measurement.inconclusive("no data")));

    Decision d = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));

    assertThat(d.action()).isEqualTo(Action.WRITE);
    assertThat(d.converge()).isFalse();
    assertThat(d.next().phase).isEqualTo(Phase.PAUSED);
    assertThat(d.next().weight).isEqualTo(10);
    assertThat(d.next().reason)
        .isEqualTo(
            "analysis error-rate inconclusive 1 time, limit 0: no data; "
                + "paused for judgement: promote to continue, abort to roll back");
    assertThat(d.notes()).extracting(RolloutMachine.Note::reason).contains("Inconclusive");

    State paused = stored(d, 2, T0);
    assertThat(
            m.decide(paused, seen(route(m, paused, 2, 2), null), T0.plus(Duration.ofHours(1)))
                .action())
        .isEqualTo(Action.WAIT);
    Decision promoted =
        m.decide(paused, seen(route(m, paused, 2, 2), "promote"), T0.plus(Duration.ofHours(1)));
    assertThat(promoted.next().step).isEqualTo(2);
    assertThat(promoted.next().weight).isEqualTo(100);
    Decision aborted =
        m.decide(paused, seen(route(m, paused, 2, 2), "abort"), T0.plus(Duration.ofHours(1)));
    assertThat(aborted.next().phase).isEqualTo(Phase.ABORTED);

    AnalysisCheck rollsBack =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .inconclusiveLimit(0)
            .build();
    RolloutMachine plain =
        machine(plan().weights(10).step(Step.analysis(rollsBack)).weights(100).build());
    assertThat(plain.decide(at(plain, 1), obs, T0.plus(Duration.ofMinutes(1))).next().phase)
        .isEqualTo(Phase.ROLLED_BACK);
  }

  @Test
  void aDryRunCheckIsMeasuredAndRecordedButNeverDecides() {
    AnalysisCheck shadow =
        AnalysisCheck.builder("p95", "code")
            .max(0.5)
            .interval(Duration.ofMinutes(1))
            .dryRun(true)
            .build();
    RolloutMachine m =
        machine(
            plan()
                .weights(10)
                .step(Step.analysis(CHECK, shadow))
                .weights(100)
                .backgroundAnalysis(
                    AnalysisCheck.builder("bg", "code")
                        .max(0.5)
                        .interval(Duration.ofMinutes(1))
                        .dryRun(true)
                        .build())
                .build());
    State st = at(m, 1);
    Observation obs =
        seen(route(m, st, 2, 2), null)
            .withMeasurements(
                Map.of(
                    "steps[1]/error-rate",
                    Measurement.of(CHECK, 0.0),
                    "steps[1]/p95",
                    Measurement.of(shadow, 0.9),
                    "background/bg",
                    Measurement.of(shadow, 0.9)));

    Decision bg = m.decide(st, obs, T0.plus(Duration.ofMinutes(1)));
    assertThat(bg.next().phase).isEqualTo(Phase.PROGRESSING);
    assertThat(bg.next().history)
        .containsExactly(
            "2030-01-01T00:01:00Z background/bg (dry run): FAILURE 0.9 (0.9 > max 0.5)");

    State counted = stored(bg, 2, T0);
    Decision step = m.decide(counted, obs, T0.plus(Duration.ofMinutes(1)));
    assertThat(step.next().step)
        .as("the failing dry-run check does not hold the step")
        .isEqualTo(2);
    assertThat(step.next().phase).isEqualTo(Phase.PROGRESSING);
    assertThat(m.status(step.next()).history())
        .hasSize(3)
        .contains(
            "2030-01-01T00:01:00Z steps[1]/p95 (dry run): FAILURE 0.9 (0.9 > max 0.5)",
            "2030-01-01T00:01:00Z steps[1]/error-rate: SUCCESS 0");
  }

  @Test
  void theHistoryKeepsTheMostRecentMeasurements() {
    AnalysisCheck twice =
        AnalysisCheck.builder("error-rate", "code")
            .max(0.01)
            .interval(Duration.ofMinutes(1))
            .successes(100)
            .build();
    RolloutMachine m = machine(plan().weights(10).step(Step.analysis(twice)).weights(100).build());
    State st = at(m, 1);
    for (int i = 1; i <= RolloutMachine.HISTORY + 5; i++) {
      Observation obs =
          seen(route(m, st, 2, 2), null)
              .withMeasurements(Map.of("steps[1]/error-rate", Measurement.of(twice, 0.0)));
      st = stored(m.decide(st, obs, T0.plus(Duration.ofMinutes(i))), 2, T0);
    }
    assertThat(st.history).hasSize(RolloutMachine.HISTORY);
    assertThat(st.history.get(0)).startsWith("2030-01-01T00:06:00Z");
    assertThat(State.parse(st.write()).history).isEqualTo(st.history);
  }
}
