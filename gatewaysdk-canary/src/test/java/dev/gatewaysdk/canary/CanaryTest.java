package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryTest {
  static Cluster cluster;
  static GatewayApiClient client;
  static final AtomicInteger names = new AtomicInteger();

  final VirtualClock clock = VirtualClock.at(Instant.parse("2030-01-01T00:00:00Z"));

  @BeforeAll
  static void start() {
    cluster = new Cluster();
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static final String ROUTE = "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute',"
      + "'metadata':{'name':'NAME','namespace':'default','annotations':{'team':'web'}},"
      + "'spec':{'parentRefs':[{'name':'gw'}],'rules':["
      + "{'matches':[{'path':{'type':'PathPrefix','value':'/'}}],"
      + " 'filters':[{'type':'RequestHeaderModifier','requestHeaderModifier':{'add':[{'name':'x-env','value':'prod'}]}}],"
      + " 'backendRefs':[{'name':'web-v1','port':80,'weight':100},{'name':'web-v2','port':80,'weight':0}]},"
      + "{'matches':[{'path':{'type':'PathPrefix','value':'/admin'}}],'backendRefs':[{'name':'admin','port':80}]}]}}";

  static RouteRef newRoute() {
    String name = "web-" + names.incrementAndGet();
    cluster.createRoute(ROUTE.replace("NAME", name));
    return RouteRef.httpRoute("default", name);
  }

  static CanaryPlan.Builder plan(RouteRef route) {
    return CanaryPlan.builder().route(route).stable("web-v1").canary("web-v2");
  }

  Canary.Builder canary(CanaryPlan plan) {
    return Canary.builder(client, plan).clock(clock).pollInterval(Duration.ofSeconds(5));
  }

  /** rules[1] and the first rule's matches and filters as created. */
  static void assertUntouched(JsonNode route) {
    ObjectNode original = Cluster.parse(ROUTE);
    assertThat(route.at("/spec/rules/1")).isEqualTo(original.at("/spec/rules/1"));
    assertThat(route.at("/spec/rules/0/matches")).isEqualTo(original.at("/spec/rules/0/matches"));
    assertThat(route.at("/spec/rules/0/filters/0")).isEqualTo(original.at("/spec/rules/0/filters/0"));
    assertThat(route.at("/metadata/annotations/team").asText()).isEqualTo("web");
  }

  @Test
  void fullRolloutShiftsWeightStepByStepAndPromotes() throws Exception {
    RouteRef ref = newRoute();
    CanaryPlan plan = plan(ref).weights(5, 10, 25).step(Step.pause(Duration.ofMinutes(10))).weights(50, 75, 100).build();
    List<String> seen = new ArrayList<>();
    Canary canary = canary(plan).listener(new CanaryListener() {
      @Override
      public void stepStarted(CanaryStatus status, Step step) {
        JsonNode route = cluster.get(ref);
        int w = plan.weightAfter(status.step());
        assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(w);
        assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100 - w);
        assertThat(Cluster.state(route).step).isEqualTo(status.step());
        assertUntouched(route);
        seen.add(step + "@" + w);
      }
    }).build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(seen).containsExactly("setWeight 5@5", "setWeight 10@10", "setWeight 25@25", "pause 10m@25",
        "setWeight 50@50", "setWeight 75@75", "setWeight 100@100");
    JsonNode route = cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(0);
    assertThat(route.at("/metadata/annotations/canary.gatewaysdk.dev~1phase").asText()).isEqualTo("PROMOTED");
    assertUntouched(route);
    assertThat(clock.now()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:10:00Z"));
    assertThat(cluster.events(ref.name())).contains("Promoted: canary web-v2 promoted")
        .anyMatch(e -> e.startsWith("StepStarted: steps[3] pause 10m"));
    assertMonotonic(ref);
  }

  /** Every version the canary wrote: canary weight and state step never go back (until a rollback). */
  static void assertMonotonic(RouteRef ref) {
    int weight = -1;
    long rev = 0;
    int step = -1;
    for (String s : cluster.history(ref)) {
      JsonNode r = Cluster.parse(s);
      State st = Cluster.state(r);
      if (st == null || st.phase == Phase.ROLLED_BACK || st.phase == Phase.ABORTED) {
        continue;
      }
      assertThat(Cluster.weight(r, 0, "web-v2")).as("weight regression in %s", s).isGreaterThanOrEqualTo(weight);
      assertThat(st.step).as("step regression").isGreaterThanOrEqualTo(step);
      assertThat(st.rev).as("revision").isGreaterThan(rev);
      weight = Cluster.weight(r, 0, "web-v2");
      step = st.step;
      rev = st.rev;
    }
  }

  @Test
  void failedAnalysisAtStepNRollsBackInOneChange() throws Exception {
    RouteRef ref = newRoute();
    AnalysisCheck errors = AnalysisCheck.builder("error-rate", "code").max(0.01).interval(Duration.ofMinutes(1)).failureLimit(1).build();
    CanaryPlan plan = plan(ref).step(Step.setWeight(10)).step(Step.analysis(errors))
        .step(Step.setWeight(25)).step(Step.analysis(errors)).step(Step.setWeight(50)).build();
    List<String> results = new ArrayList<>();
    Canary canary = canary(plan)
        .provider("code", MetricProvider.of(ctx -> ctx.canaryWeight() >= 25 ? 0.2 : 0.0))
        .listener(new CanaryListener() {
          @Override
          public void analysisResult(CanaryStatus status, AnalysisCheck check, Measurement m) {
            results.add(status.step() + ":" + m.verdict());
          }
        }).build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(end.step()).isEqualTo(3);
    assertThat(end.reason()).contains("analysis error-rate failed 2 time(s), limit 1").contains("0.2 outside value <= 0.01");
    assertThat(results).containsExactly("1:SUCCESS", "3:FAILURE", "3:FAILURE");
    JsonNode route = cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(0);
    assertUntouched(route);
    List<String> history = cluster.history(ref);
    JsonNode last = Cluster.parse(history.get(history.size() - 1));
    JsonNode before = Cluster.parse(history.get(history.size() - 2));
    assertThat(Cluster.weight(before, 0, "web-v2")).isEqualTo(25);
    assertThat(Cluster.weight(last, 0, "web-v2")).isEqualTo(0);
    assertThat(Cluster.state(last).phase).isEqualTo(Phase.ROLLED_BACK);
    assertThat(cluster.events(ref.name())).anyMatch(e -> e.startsWith("RolledBack: analysis error-rate failed"));
  }

  @Test
  void inconclusiveMeasurementsCountAgainstTheirOwnLimit() throws Exception {
    RouteRef ref = newRoute();
    AnalysisCheck check = AnalysisCheck.builder("latency", "flaky").max(0.5).interval(Duration.ofSeconds(30))
        .inconclusiveLimit(2).failureLimit(5).build();
    CanaryPlan plan = plan(ref).step(Step.setWeight(10)).step(Step.analysis(check)).step(Step.setWeight(50)).build();
    AtomicInteger calls = new AtomicInteger();
    Canary canary = canary(plan).provider("flaky", ctx -> {
      calls.incrementAndGet();
      throw new java.io.IOException("metrics backend down");
    }).build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(end.reason()).contains("analysis latency inconclusive 3 time(s), limit 2").contains("metrics backend down");
    assertThat(Cluster.weight(cluster.get(ref), 0, "web-v2")).isEqualTo(0);
  }

  @Test
  void analysisNeedsConsecutiveSuccessesAndToleratesFailuresUpToTheLimit() throws Exception {
    RouteRef ref = newRoute();
    AnalysisCheck check = AnalysisCheck.builder("success-rate", "seq").min(0.99).interval(Duration.ofSeconds(30))
        .failureLimit(1).successes(2).build();
    double[] values = {0.999, 0.9, 0.995, 0.999};
    AtomicInteger i = new AtomicInteger();
    CanaryPlan plan = plan(ref).step(Step.setWeight(20)).step(Step.analysis(check)).step(Step.setWeight(100)).build();
    Canary canary = canary(plan).provider("seq", MetricProvider.of(ctx -> values[i.getAndIncrement()])).build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(i.get()).isEqualTo(4);
  }

  @Test
  void manualGateWaitsUntilPromotedFromCodeOrByAnnotation() throws Exception {
    RouteRef ref = newRoute();
    CanaryPlan plan = plan(ref).step(Step.setWeight(10)).step(Step.pauseUntilPromoted())
        .step(Step.setWeight(50)).step(Step.pauseUntilPromoted()).step(Step.setWeight(100)).build();
    List<Integer> pausedAt = new ArrayList<>();
    Canary[] holder = new Canary[1];
    holder[0] = canary(plan).listener(new CanaryListener() {
      @Override
      public void paused(CanaryStatus status) {
        pausedAt.add(status.step());
        JsonNode route = cluster.get(ref);
        assertThat(route.at("/metadata/annotations/canary.gatewaysdk.dev~1phase").asText()).isEqualTo("PAUSED");
        if (status.step() == 1) {
          holder[0].promote();
        } else {
          cluster.externalPatch(ref, "[{'op':'add','path':'/metadata/annotations/canary.gatewaysdk.dev~1command','value':'promote'}]");
        }
      }
    }).build();

    CanaryStatus end = holder[0].run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(pausedAt).containsExactly(1, 3);
    assertThat(cluster.get(ref).path("metadata").path("annotations").has(State.COMMAND_ANNOTATION)).isFalse();
  }

  @Test
  void gateWithoutPromotionStaysPausedAtItsWeight() {
    RouteRef ref = newRoute();
    CanaryPlan plan = plan(ref).step(Step.setWeight(10)).step(Step.pauseUntilPromoted()).step(Step.setWeight(100)).build();
    Canary canary = canary(plan).build();

    CanaryStatus s = null;
    for (int i = 0; i < 10; i++) {
      s = canary.reconcile();
      clock.advance(Duration.ofHours(1));
    }

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.step()).isEqualTo(1);
    assertThat(s.reason()).isEqualTo("waiting for promotion at steps[1]");
    assertThat(Cluster.weight(cluster.get(ref), 0, "web-v2")).isEqualTo(10);
  }

  @Test
  void abortRollsBackAndRemovesTheMirrorAndMatchRulesItAdded() throws Exception {
    RouteRef ref = newRoute();
    CanaryPlan plan = plan(ref).step(Step.mirror(50))
        .step(Step.match(CanaryMatch.header("x-canary", "always"), CanaryMatch.cookie("beta", "yes")))
        .step(Step.pauseUntilPromoted()).step(Step.setWeight(10)).step(Step.pauseUntilPromoted()).build();
    JsonNode[] atGate = new JsonNode[2];
    Canary[] holder = new Canary[1];
    holder[0] = canary(plan).listener(new CanaryListener() {
      @Override
      public void paused(CanaryStatus status) {
        atGate[status.step() == 2 ? 0 : 1] = cluster.get(ref);
        if (status.step() == 2) {
          holder[0].promote();
        } else {
          holder[0].abort("users complain");
        }
      }
    }).build();

    CanaryStatus end = holder[0].run();

    // at the first gate: the mirror and the A/B rule, no weight yet
    JsonNode first = atGate[0];
    assertThat(first.at("/spec/rules/0/filters/1/type").asText()).isEqualTo("RequestMirror");
    assertThat(first.at("/spec/rules/0/filters/1/requestMirror/backendRef/name").asText()).isEqualTo("web-v2");
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
    JsonNode route = cluster.get(ref);
    assertThat(route.at("/spec/rules").size()).isEqualTo(2);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(0);
    assertThat(route.at("/spec/rules/0/filters").size()).isEqualTo(1);
    assertUntouched(route);
    assertThat(cluster.events(ref.name())).contains("Aborted: aborted by command: users complain");
  }

  @Test
  void badPlansAreRejectedBeforeAnythingChanges() {
    RouteRef ref = newRoute();
    String rv = cluster.get(ref).at("/metadata/resourceVersion").asText();

    assertThatThrownBy(() -> plan(ref).weights(10, 150).build())
        .isInstanceOf(InvalidPlanException.class).hasMessageContaining("steps[1] (setWeight 150): weight must be 0..100: 150");
    assertThatThrownBy(() -> plan(ref).weights(10, 50, 25).build())
        .hasMessageContaining("steps[2] (setWeight 25): lowers the canary's share from 50 to 25");
    assertThat(plan(ref).weights(10, 50).step(Step.setWeightDecreasing(25)).build().steps()).hasSize(3);
    assertThatThrownBy(() -> plan(ref).weights(10).step(Step.mirror(20)).build())
        .hasMessageContaining("steps[1] (mirror 20%): mirrors to a canary that already takes 10%");
    CanaryPlan missingBackend = CanaryPlan.builder().route(ref).stable("web-v1").canary("web-v3").weights(10).build();
    assertThatThrownBy(() -> canary(missingBackend).build().run())
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("routes[0] HTTPRoute default/" + ref.name() + ": no rule has both backends web-v1 and web-v3")
        .hasMessageContaining("[web-v1, web-v2, admin]");
    CanaryPlan unknownRoute = plan(RouteRef.httpRoute("default", "nope")).route(ref).weights(10).build();
    assertThatThrownBy(() -> canary(unknownRoute).build().run())
        .isInstanceOf(InvalidPlanException.class).hasMessageContaining("routes[0] HTTPRoute default/nope: not found");
    CanaryPlan unknownProvider = plan(ref).step(Step.analysis(AnalysisCheck.builder("x", "datadog").build())).build();
    assertThatThrownBy(() -> canary(unknownProvider).build().run())
        .hasMessageContaining("steps[0] (analysis [x]): check x uses provider datadog, which is not registered");
    assertThat(cluster.get(ref).at("/metadata/resourceVersion").asText()).isEqualTo(rv);
  }
}
