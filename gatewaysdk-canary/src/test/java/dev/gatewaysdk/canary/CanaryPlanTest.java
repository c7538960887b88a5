package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanaryPlanTest {
  static final String YAML =
      String.join(
          "\n",
          "routes: [shop/storefront, grpcroute/shop/storefront-grpc]",
          "stable: storefront-v1",
          "canary: storefront-v2",
          "progressDeadline: 5m",
          "externalEditPolicy: reassert",
          "promotion: REMOVE_STABLE",
          "steps:",
          "  - mirror: 50",
          "  - match: [{header: x-canary, value: always}, {cookie: beta, value: 'yes'}]",
          "  - setWeight: 10",
          "  - pause: 1h30m",
          "  - analysis:",
          "      - {name: success-rate, provider: prometheus, query: 'sum(x{svc=\"{{canary}}\"})', min: 0.99, interval: 30s, failureLimit: 1, successes: 2}",
          "  - setWeights: {increment: 20, max: 70}",
          "  - weights: [90]",
          "  - pauseUntilPromoted: true",
          "  - {setWeight: 80, decrease: true}",
          "");

  @Test
  void yamlPlanReadsIntoStepsAndRoundTripsThroughJson() {
    CanaryPlan plan = CanaryPlan.parse(YAML);

    assertThat(plan.routes())
        .containsExactly(
            RouteRef.httpRoute("shop", "storefront"),
            RouteRef.grpcRoute("shop", "storefront-grpc"));
    assertThat(plan.progressDeadline()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.externalEditPolicy()).isEqualTo(ExternalEditPolicy.REASSERT);
    assertThat(plan.promotion()).isEqualTo(Promotion.REMOVE_STABLE);
    assertThat(plan.steps())
        .extracting(Step::toString)
        .containsExactly(
            "mirror 50%",
            "match [header x-canary=always, cookie beta=yes]",
            "setWeight 10",
            "pause 1h30m",
            "analysis [success-rate]",
            "setWeight 20",
            "setWeight 40",
            "setWeight 60",
            "setWeight 70",
            "setWeight 90",
            "pause until promoted",
            "setWeight 80");
    AnalysisCheck check = plan.steps().get(4).checks().get(0);
    assertThat(check.min()).isEqualTo(0.99);
    assertThat(check.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(check.successes()).isEqualTo(2);
    assertThat(check.query()).isEqualTo("sum(x{svc=\"{{canary}}\"})");

    CanaryPlan again = CanaryPlan.parse(plan.toString());
    assertThat(again).isEqualTo(plan);
    assertThat(again.id()).isEqualTo(plan.id());
    assertThat(plan.newBuilder().weights(100).build().id()).isNotEqualTo(plan.id());
  }

  @Test
  void dryRunAndPauseOnInconclusiveReadFromYamlAndRoundTrip() {
    CanaryPlan plan =
        CanaryPlan.parse(
            "routes: [shop/web]\nstable: a\ncanary: b\nsteps:\n  - setWeight: 10\n  - analysis:\n"
                + "      - {name: p95, provider: prometheus, max: 0.5, dryRun: true}\n"
                + "      - {name: errors, provider: prometheus, max: 0.01, onInconclusive: pause}\n");
    AnalysisCheck p95 = plan.steps().get(1).checks().get(0);
    AnalysisCheck errors = plan.steps().get(1).checks().get(1);

    assertThat(p95.dryRun()).isTrue();
    assertThat(p95.pauseWhenInconclusive()).isFalse();
    assertThat(errors.dryRun()).isFalse();
    assertThat(errors.pauseWhenInconclusive()).isTrue();
    assertThat(CanaryPlan.parse(plan.toString())).isEqualTo(plan);
    assertThatThrownBy(
            () ->
                CanaryPlan.parse(
                    "routes: [shop/web]\nstable: a\ncanary: b\nsteps:\n  - analysis:\n"
                        + "      - {name: errors, provider: prometheus, onInconclusive: wait}\n"))
        .hasMessageContaining("onInconclusive must be pause or rollback");
  }

  @Test
  void builderMatchesTheYamlForm() {
    CanaryPlan built =
        CanaryPlan.builder()
            .route(RouteRef.httpRoute("shop", "web"))
            .stable("a")
            .canary("b")
            .weightIncrements(25, 100)
            .build();

    assertThat(built)
        .isEqualTo(
            CanaryPlan.parse(
                "{\"routes\":[\"shop/web\"],\"stable\":\"a\",\"canary\":\"b\",\"steps\":[{\"weights\":[25,50,75,100]}]}"));
    assertThat(built.weightAfter(1)).isEqualTo(50);
  }

  @Test
  void badYamlNamesEveryProblemWithItsPath() {
    String bad =
        String.join(
            "\n",
            "routes: [shop/web, nonsense]",
            "stable: a",
            "canary: a",
            "colour: blue",
            "steps:",
            "  - setWeight: 150",
            "  - pause: soon",
            "  - jump: 3",
            "  - analysis: [{name: x, provider: p, min: 2, max: 1}]",
            "  - match: [{header: 'bad header', value: v}]");

    assertThatThrownBy(() -> CanaryPlan.parse(bad))
        .isInstanceOf(InvalidPlanException.class)
        .satisfies(
            e ->
                assertThat(((InvalidPlanException) e).problems())
                    .containsExactly(
                        "colour: unknown field; expected one of [backgroundAnalysis, canary, externalEditPolicy, progressDeadline, promotion, release, route, routes, sessionAffinity, stable, steps]",
                        "routes[1]: route must be namespace/name or kind/namespace/name: nonsense",
                        "steps[1].pause: not a duration (30s, 5m, 1h30m, 250ms or PT30S): soon",
                        "steps[2]: unknown step jump; expected setWeight, weights, setWeights, pause, pauseUntilPromoted, mirror, match or analysis",
                        "steps[3].analysis[0]: check x: min must be <= max: 2.0 > 1.0",
                        "steps[3].analysis: an analysis step needs at least one check",
                        "steps[4].match[0]: header name must be a token: bad header",
                        "steps[4].match: a match step needs at least one header, cookie or query parameter"));
    assertThatThrownBy(
            () ->
                CanaryPlan.parse(
                    "routes: [shop/web]\nstable: a\ncanary: a\nsteps: [{setWeight: 150}]"))
        .hasMessageContaining("canary: must differ from stable: a")
        .hasMessageContaining("steps[0] (setWeight 150): weight must be 0..100: 150");
    assertThatThrownBy(() -> CanaryPlan.parse("routes: [shop/web\n  stable"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("not YAML or JSON at line");
  }

  @Test
  void releaseReadsFromYamlRoundTripsAndSeparatesPlans() {
    String yaml =
        "routes: [shop/web]\nstable: a\ncanary: b\nrelease: v2.3.1\nsteps: [{setWeight: 5}]";
    CanaryPlan plan = CanaryPlan.parse(yaml);

    assertThat(plan.release()).isEqualTo("v2.3.1");
    assertThat(CanaryPlan.parse(plan.toString())).isEqualTo(plan);
    assertThat(plan.newBuilder().release("v2.3.2").build().id()).isNotEqualTo(plan.id());
    assertThat(CanaryPlan.parse(yaml.replace("release: v2.3.1\n", "")).release()).isEmpty();
    assertThatThrownBy(() -> CanaryPlan.parse(yaml.replace("v2.3.1", "'two words'")))
        .hasMessageContaining(
            "release: printable ASCII without spaces, at most 128 characters: two words");
  }

  @Test
  void grpcRoutesCannotMatchQueryParameters() {
    assertThatThrownBy(
            () ->
                CanaryPlan.builder()
                    .route(RouteRef.grpcRoute("shop", "api"))
                    .stable("a")
                    .canary("b")
                    .step(Step.match(CanaryMatch.queryParam("q", "1")))
                    .build())
        .hasMessageContaining(
            "steps[0] (match [query-param q=1]): GRPCRoutes cannot match query parameters");
  }

  @Test
  void backgroundAnalysisReadsFromYamlAndRoundTrips() {
    String yaml =
        String.join(
            "\n",
            "routes: [shop/web]",
            "stable: a",
            "canary: b",
            "backgroundAnalysis:",
            "  - {name: error-rate, provider: prometheus, query: 'sum(errors)', max: 0.01, interval: 1m, failureLimit: 2}",
            "  - {name: latency, provider: webhook, inconclusiveLimit: 0}",
            "steps: [{setWeight: 10}, {pause: 1h}, {setWeight: 100}]");

    CanaryPlan plan = CanaryPlan.parse(yaml);

    assertThat(plan.backgroundAnalysis())
        .extracting(AnalysisCheck::name)
        .containsExactly("error-rate", "latency");
    AnalysisCheck first = plan.backgroundAnalysis().get(0);
    assertThat(first.max()).isEqualTo(0.01);
    assertThat(first.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(first.failureLimit()).isEqualTo(2);
    assertThat(plan.backgroundAnalysis().get(1).inconclusiveLimit()).isZero();
    assertThat(plan.toJson().at("/backgroundAnalysis/0/query").asText()).isEqualTo("sum(errors)");
    assertThat(CanaryPlan.parse(plan.toString())).isEqualTo(plan);
    assertThat(plan.newBuilder().build()).isEqualTo(plan);
    CanaryPlan without =
        CanaryPlan.parse(yaml.replaceAll("(?s)backgroundAnalysis:.*?steps", "steps"));
    assertThat(without.backgroundAnalysis()).isEmpty();
    assertThat(without.toJson().has("backgroundAnalysis")).isFalse();
    assertThat(without.id()).isNotEqualTo(plan.id());
  }

  @Test
  void badBackgroundChecksAreNamedWithTheirPath() {
    String bad =
        String.join(
            "\n",
            "routes: [shop/web]",
            "stable: a",
            "canary: b",
            "backgroundAnalysis:",
            "  - {name: x, provider: p, min: 2, max: 1}",
            "  - {name: y, provider: p, interval: often}",
            "  - {name: z, provider: p}",
            "  - {name: z, provider: p}",
            "steps: [{pause: 1m}]");

    assertThatThrownBy(() -> CanaryPlan.parse(bad))
        .isInstanceOf(InvalidPlanException.class)
        .satisfies(
            e ->
                assertThat(((InvalidPlanException) e).problems())
                    .containsExactly(
                        "backgroundAnalysis[0]: check x: min must be <= max: 2.0 > 1.0",
                        "backgroundAnalysis[1]: not a duration (30s, 5m, 1h30m, 250ms or PT30S): often"));
    assertThatThrownBy(() -> CanaryPlan.parse(bad.replaceAll("  - \\{name: [xy].*\n", "")))
        .satisfies(
            e ->
                assertThat(((InvalidPlanException) e).problems())
                    .containsExactly(
                        "backgroundAnalysis[1]: check name z is used twice",
                        "backgroundAnalysis: no step gives the canary traffic (setWeight above 0, mirror or match), so the checks would never run"));
    assertThatThrownBy(
            () ->
                CanaryPlan.parse(
                    "routes: [shop/web]\nstable: a\ncanary: b\nbackgroundAnalysis: {name: x}\nsteps: [{setWeight: 5}]"))
        .hasMessageContaining("backgroundAnalysis: must be a list of checks");
  }
}
