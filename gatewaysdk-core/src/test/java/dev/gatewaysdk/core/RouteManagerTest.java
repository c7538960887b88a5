package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RouteManagerTest {
  private static final String ROUTE =
      "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute',"
          + "'metadata':{'name':'shop','namespace':'default','labels':{'team':'a'}},"
          + "'spec':{'parentRefs':[{'name':'my-gateway'}],'x-future':{'keep':true},"
          + "'rules':["
          + "{'matches':[{'path':{'type':'PathPrefix','value':'/'}}],'timeouts':{'request':'10s'},"
          + " 'filters':[{'type':'RequestHeaderModifier','requestHeaderModifier':{'add':[{'name':'x','value':'y'}]}}],"
          + " 'backendRefs':[{'name':'app-stable','port':8080,'weight':95,'x-vendor':1},{'name':'app-canary','port':8080,'weight':5}]},"
          + "{'name':'admin','matches':[{'path':{'type':'PathPrefix','value':'/admin'}}],'backendRefs':[{'name':'admin','port':80}]}"
          + "]}}";

  private final FakeRouteStore store = new FakeRouteStore();
  private final RouteManager manager = new RouteManager(store, false, 10);
  private final RouteRef ref = RouteRef.httpRoute("default", "shop");

  RouteManagerTest() {
    store.put(FakeRouteStore.parse(ROUTE));
  }

  private ObjectNode expected(String... replacements) {
    String s = ROUTE;
    for (int i = 0; i < replacements.length; i += 2) {
      s = s.replace(replacements[i], replacements[i + 1]);
    }
    return FakeRouteStore.parse(s);
  }

  private static JsonNode withoutRv(JsonNode n) {
    ObjectNode c = n.deepCopy();
    ((ObjectNode) c.path("metadata")).remove("resourceVersion");
    return c;
  }

  @Test
  void setWeightsChangesOnlyTheNamedWeightsAndKeepsUnknownFields() {
    RouteChange c = manager.setWeights(ref, Map.of("app-stable", 75, "app-canary", 25));

    assertThat(c.changed()).isTrue();
    assertThat(withoutRv(store.current(ref)))
        .isEqualTo(expected("'weight':95", "'weight':75", "'weight':5}", "'weight':25}"));
    assertThat(c.weightsBefore()).containsEntry("app-stable", 95).containsEntry("app-canary", 5);
    assertThat(c.weightsAfter()).containsEntry("app-stable", 75).containsEntry("app-canary", 25);
    assertThat(c.resourceVersionAfter()).isNotEqualTo(c.resourceVersionBefore());
  }

  @Test
  void sameIntentTwiceWritesNothingTheSecondTime() {
    manager.setWeights(ref, Map.of("app-canary", 25));
    int patches = store.patches.get();

    RouteChange again = manager.setWeights(ref, Map.of("app-canary", 25));

    assertThat(again.changed()).isFalse();
    assertThat(store.patches.get()).isEqualTo(patches);
    assertThat(again.resourceVersionAfter()).isEqualTo(again.resourceVersionBefore());
  }

  @Test
  void knownStateTakesOneRequestAndChainsThroughTheResult() {
    RouteRef known = RouteRef.from(store.current(ref));
    RouteChange first = manager.setWeights(known, Map.of("app-canary", 10));
    RouteChange second = manager.setWeights(first.ref(), Map.of("app-canary", 20));

    assertThat(first.requests()).isEqualTo(1);
    assertThat(second.requests()).isEqualTo(1);
    assertThat(store.gets.get()).isZero();
    assertThat(second.weights()).containsExactly(new WeightChange(0, "app-canary", 10, 20));
  }

  @Test
  void staleKnownStateFailsItsGuardAndTheIntentIsReapplied() {
    RouteRef stale = RouteRef.from(store.current(ref));
    manager.setWeights(ref, Map.of("app-canary", 40)); // someone else changed it meanwhile

    RouteChange c = manager.setWeights(stale, Map.of("app-canary", 30));

    assertThat(c.attempts()).isEqualTo(2);
    assertThat(c.weights()).containsExactly(new WeightChange(0, "app-canary", 40, 30));
    assertThat(store.current(ref).at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(30);
  }

  @Test
  void staleKnownStateThatLooksDoneIsConfirmedWithTheServer() {
    RouteRef stale = RouteRef.from(store.current(ref));
    manager.setWeights(ref, Map.of("app-canary", 40));

    RouteChange c = manager.setWeights(stale, Map.of("app-canary", 5));

    assertThat(c.changed()).isTrue();
    assertThat(store.current(ref).at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(5);
  }

  @Test
  void patchGuardsTestExactlyTheTouchedBackends() {
    RouteChange c = manager.setWeights(ref, Map.of("app-canary", 25));

    assertThat(c.patch().toString())
        .isEqualTo(
            "[{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/1\",\"value\":{\"name\":\"app-canary\",\"port\":8080,\"weight\":5}},"
                + "{\"op\":\"add\",\"path\":\"/spec/rules/0/backendRefs/1/weight\",\"value\":25}]");
  }

  @Test
  void shiftTrafficSplitsThePairsTotal() {
    RouteChange c = manager.shiftTraffic(ref, "app-stable", "app-canary", 25);

    assertThat(c.weightsAfter()).containsEntry("app-stable", 75).containsEntry("app-canary", 25);
    assertThat(manager.shiftTraffic(ref, "app-stable", "app-canary", 25).changed()).isFalse();
  }

  @Test
  void weightOutsideTheApiRangeIsRejected() {
    assertThatThrownBy(() -> manager.setWeights(ref, Map.of("app-canary", 1_000_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight must be 0..1000000: 1000001");
  }

  @Test
  void unknownBackendIsNamedInTheError() {
    assertThatThrownBy(() -> manager.setWeights(ref, Map.of("nope", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backend nope is not in any rule of HTTPRoute default/shop");
  }

  @Test
  void addAndRemoveBackendAreIdempotent() {
    Backend b = Backend.service("app-v3", 8080).withWeight(0);
    assertThat(manager.addBackend(ref, RuleSelector.index(0), b).changed()).isTrue();
    assertThat(manager.addBackend(ref, RuleSelector.index(0), b).changed()).isFalse();
    assertThat(store.current(ref).at("/spec/rules/0/backendRefs/2").toString())
        .isEqualTo("{\"name\":\"app-v3\",\"port\":8080,\"weight\":0}");

    assertThat(manager.removeBackend(ref, "app-v3").changed()).isTrue();
    assertThat(manager.removeBackend(ref, "app-v3").changed()).isFalse();
    assertThat(withoutRv(store.current(ref))).isEqualTo(expected());
  }

  @Test
  void headerAndCookieRulesSendMatchingRequestsToTheBackend() {
    RouteChange c =
        manager.addMatchRule(
            ref, RequestMatch.header("x-canary", "always"), Backend.service("app-canary", 8080));
    manager.addMatchRule(
        ref, RequestMatch.cookie("tester", "1"), Backend.service("app-canary", 8080));
    RouteChange again =
        manager.addMatchRule(
            ref, RequestMatch.header("x-canary", "always"), Backend.service("app-canary", 8080));

    JsonNode rules = store.current(ref).path("spec").path("rules");
    assertThat(c.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(rules).hasSize(4);
    assertThat(rules.get(2).toString())
        .isEqualTo(
            "{\"matches\":[{\"headers\":[{\"type\":\"Exact\",\"name\":\"x-canary\",\"value\":\"always\"}]}],"
                + "\"backendRefs\":[{\"name\":\"app-canary\",\"port\":8080}]}");
    assertThat(rules.get(3).at("/matches/0/headers/0/value").asText())
        .isEqualTo("(^|.*;\\s*)tester=1(\\s*;.*|$)");
  }

  @Test
  void queryMatchesAreRejectedForGrpcRoutes() {
    assertThatThrownBy(
            () ->
                manager.addMatchRule(
                    RouteRef.grpcRoute("default", "x"),
                    RequestMatch.queryParam("a", "b"),
                    Backend.service("s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GRPCRoute");
  }

  @Test
  void mirrorIsSetUpdatedAndCleared() {
    manager.setMirror(ref, RuleSelector.index(0), Backend.service("shadow", 8080), 10);
    assertThat(store.current(ref).at("/spec/rules/0/filters/1").toString())
        .isEqualTo(
            "{\"type\":\"RequestMirror\",\"requestMirror\":{\"backendRef\":{\"name\":\"shadow\",\"port\":8080},\"percent\":10}}");

    manager.setMirror(ref, RuleSelector.index(0), Backend.service("shadow", 8080), 100);
    assertThat(store.current(ref).at("/spec/rules/0/filters/1/requestMirror").has("percent"))
        .isFalse();
    assertThat(store.current(ref).at("/spec/rules/0/filters")).hasSize(2);

    manager.clearMirror(ref, RuleSelector.all());
    assertThat(withoutRv(store.current(ref))).isEqualTo(expected());
  }

  @Test
  void mirrorPercentOnAClusterWithoutTheFieldFailsClearly() {
    store.mirrorPercentServed = Optional.of(false);
    assertThatThrownBy(
            () ->
                manager.setMirror(ref, RuleSelector.index(0), Backend.service("shadow", 8080), 10))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessageContaining("requestMirror.percent")
        .hasMessageContaining("Gateway API v1.0.0, standard channel");
  }

  @Test
  void parentsAreAttachedAndDetached() {
    ParentRef https = ParentRef.gateway("my-gateway").withSectionName("https");
    assertThat(manager.attachParent(ref, https).changed()).isTrue();
    assertThat(manager.attachParent(ref, https).changed()).isFalse();
    assertThat(manager.attachParent(ref, ParentRef.gateway("my-gateway")).changed()).isFalse();
    assertThat(store.current(ref).at("/spec/parentRefs/1").toString())
        .isEqualTo("{\"name\":\"my-gateway\",\"sectionName\":\"https\"}");

    manager.detachParent(ref, https);
    assertThat(withoutRv(store.current(ref))).isEqualTo(expected());
  }

  @Test
  void redirectRuleIsAdded() {
    manager.addRedirectRule(
        ref, RequestMatch.pathPrefix("/old-api"), Redirect.toPath("/new-api").withStatusCode(301));
    assertThat(store.current(ref).at("/spec/rules/2/filters/0").toString())
        .isEqualTo(
            "{\"type\":\"RequestRedirect\",\"requestRedirect\":{\"path\":{\"type\":\"ReplaceFullPath\",\"replaceFullPath\":\"/new-api\"},\"statusCode\":301}}");
  }

  @Test
  void namedRuleIsRemovedAndOthersStay() {
    manager.removeRule(ref, RuleSelector.named("admin"));
    assertThat(store.current(ref).path("spec").path("rules")).hasSize(1);
    assertThat(store.current(ref).at("/spec/rules/0")).isEqualTo(expected().at("/spec/rules/0"));
  }

  @Test
  void changeTheServerRejectsIsReportedWithItsCauses() {
    store.admission = r -> r.at("/spec/rules/0/backendRefs/1/weight").asInt() != 13;
    assertThatThrownBy(() -> manager.setWeights(ref, Map.of("app-canary", 13)))
        .isInstanceOf(InvalidException.class)
        .satisfies(e -> assertThat(((InvalidException) e).causes()).hasSize(1));
    assertThat(store.patches.get()).isEqualTo(1);
  }

  @Test
  void dryRunReturnsTheResultWithoutStoringIt() {
    RouteChange c = manager.withDryRun(true).setWeights(ref, Map.of("app-canary", 50));
    assertThat(c.dryRun()).isTrue();
    assertThat(c.route().at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(50);
    assertThat(store.current(ref).at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(5);
  }

  @Test
  void createCanaryRouteIsIdempotent() {
    CanaryRoute spec =
        CanaryRoute.of(
            "default",
            "canary",
            ParentRef.gateway("gw"),
            Backend.service("stable", 8080).withWeight(95),
            Backend.service("canary", 8080).withWeight(5));
    assertThat(manager.createCanaryRoute(spec).changed()).isTrue();
    assertThat(manager.createCanaryRoute(spec).changed()).isFalse();
    CanaryRoute other =
        CanaryRoute.of(
            "default",
            "canary",
            ParentRef.gateway("gw"),
            Backend.service("stable", 8080).withWeight(50),
            Backend.service("canary", 8080).withWeight(50));
    assertThatThrownBy(() -> manager.createCanaryRoute(other))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    ObjectNode r =
        FakeRouteStore.parse(
            "{'kind':'HTTPRoute','metadata':{'name':'c','namespace':'default'},'spec':{'rules':[{'backendRefs':[]}]}}");
    for (int t = 0; t < 8; t++) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) r.at("/spec/rules/0/backendRefs"))
          .addObject()
          .put("name", "b" + t)
          .put("weight", 0);
    }
    store.put(r);
    RouteRef c = RouteRef.httpRoute("default", "c");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<RouteChange>>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String backend = "b" + t;
      futures.add(
          pool.submit(
              () -> {
                List<RouteChange> log = new ArrayList<>();
                for (int i = 1; i <= 250; i++) {
                  log.add(manager.setWeights(c, Map.of(backend, i)));
                }
                return log;
              }));
    }
    for (int t = 0; t < 8; t++) {
      List<RouteChange> log = futures.get(t).get();
      int previous = 0;
      for (RouteChange change : log) {
        assertThat(change.weightsBefore().get("b" + t)).isEqualTo(previous);
        previous = change.weightsAfter().get("b" + t);
      }
      assertThat(store.current(c).at("/spec/rules/0/backendRefs/" + t + "/weight").asInt())
          .isEqualTo(250);
    }
    pool.shutdown();
  }

  @Test
  void customPatchWritesWeightsAndAnnotationsInOneChange() {
    RouteChange c =
        manager.patch(
            ref,
            route -> {
              JsonNode entry = route.path("spec").path("rules").get(0).path("backendRefs").get(1);
              com.fasterxml.jackson.databind.node.ArrayNode ops =
                  dev.gatewaysdk.core.internal.Json.mapper().createArrayNode();
              ops.addObject()
                  .put("op", "test")
                  .put("path", "/spec/rules/0/backendRefs/1")
                  .set("value", entry);
              ops.addObject()
                  .put("op", "replace")
                  .put("path", "/spec/rules/0/backendRefs/1/weight")
                  .put("value", 30);
              ops.addObject()
                  .put("op", "add")
                  .put("path", "/metadata/annotations")
                  .putObject("value")
                  .put("step", "2");
              return ops;
            });

    assertThat(c.changed()).isTrue();
    assertThat(store.patches.get()).isEqualTo(1);
    ObjectNode after = store.current(ref);
    assertThat(after.at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(30);
    assertThat(after.at("/metadata/annotations/step").asText()).isEqualTo("2");
    assertThat(after.at("/spec/rules/1")).isEqualTo(expected().at("/spec/rules/1"));
  }

  @Test
  void customPatchIsRecomputedWhenItsGuardFailsAndItsExceptionsPropagate() {
    List<Integer> seen = new ArrayList<>();
    RouteRef stale = RouteRef.from(store.current(ref));
    manager.setWeights(ref, Map.of("app-canary", 7));

    RouteChange c =
        manager.patch(
            stale,
            route -> {
              JsonNode entry = route.at("/spec/rules/0/backendRefs/1");
              seen.add(entry.path("weight").asInt());
              com.fasterxml.jackson.databind.node.ArrayNode ops =
                  dev.gatewaysdk.core.internal.Json.mapper().createArrayNode();
              ops.addObject()
                  .put("op", "test")
                  .put("path", "/spec/rules/0/backendRefs/1")
                  .set("value", entry);
              ops.addObject()
                  .put("op", "replace")
                  .put("path", "/spec/rules/0/backendRefs/1/weight")
                  .put("value", entry.path("weight").asInt() + 1);
              return ops;
            });

    assertThat(seen).containsExactly(5, 7);
    assertThat(c.route().at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(8);
    assertThatThrownBy(
            () ->
                manager.patch(
                    ref,
                    route -> {
                      throw new IllegalStateException("edited elsewhere");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("edited elsewhere");
    assertThatThrownBy(
            () ->
                manager.patch(
                    ref,
                    route ->
                        dev.gatewaysdk.core.internal.Json.mapper()
                            .createArrayNode()
                            .add(
                                dev.gatewaysdk.core.internal.Json.mapper()
                                    .createObjectNode()
                                    .put("op", "move")
                                    .put("path", "/a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported patch operation");
  }

  @Test
  void canaryTrafficSetsWeightsMirrorAndAbRulesThenRemovesWhatItAdded() {
    CanaryTraffic traffic =
        CanaryTraffic.of("app-stable", "app-canary")
            .withWeight(20)
            .withMirror(50)
            .withMatches(List.of(RequestMatch.header("x-canary", "1")));

    RouteChange c = manager.setCanaryTraffic(ref, traffic);

    ObjectNode after = store.current(ref);
    assertThat(c.descriptions())
        .contains("rules[0] app-canary: 5 -> 20", "rules[0] app-stable: 95 -> 80");
    assertThat(after.at("/spec/rules/0/backendRefs/0/x-vendor").asInt()).isEqualTo(1);
    assertThat(after.at("/spec/rules/0/filters/1/requestMirror/percent").asInt()).isEqualTo(50);
    JsonNode ab = after.at("/spec/rules/2");
    assertThat(ab.at("/matches/0/path/value").asText()).isEqualTo("/");
    assertThat(ab.at("/matches/0/headers/0/name").asText()).isEqualTo("x-canary");
    assertThat(ab.at("/backendRefs").size()).isEqualTo(1);
    assertThat(ab.at("/timeouts/request").asText()).isEqualTo("10s");
    assertThat(after.at("/spec/rules/1")).isEqualTo(expected().at("/spec/rules/1"));
    assertThat(traffic.differences(after, ref.kind())).isEmpty();
    assertThat(manager.setCanaryTraffic(ref, traffic).changed()).isFalse();

    List<JsonNode> added = traffic.editFor(after, ref.kind()).matchRules();
    manager.setCanaryTraffic(
        ref, CanaryTraffic.of("app-stable", "app-canary").withPreviousRules(added));

    assertThat(withoutRv(store.current(ref)))
        .isEqualTo(expected("'weight':95", "'weight':100", "'weight':5}", "'weight':0}"));
  }

  @Test
  void canaryTrafficDifferencesNameWeightsMirrorsAndAbRules() {
    CanaryTraffic traffic =
        CanaryTraffic.of("app-stable", "app-canary")
            .withWeight(5)
            .withMirror(100)
            .withMatches(List.of(RequestMatch.cookie("beta", "yes")));

    assertThat(traffic.differences(store.current(ref), ref.kind()))
        .containsExactly(
            "rules[0] mirror 100% to app-canary missing",
            "A/B rule [/ Cookie=(^|.*;\\s*)beta=yes(\\s*;.*|$)] -> app-canary missing");
    assertThat(
            traffic
                .withWeight(10)
                .withMirror(0)
                .withMatches(List.of())
                .differences(store.current(ref), ref.kind()))
        .containsExactly(
            "rules[0] app-stable weight 95, expected 90",
            "rules[0] app-canary weight 5, expected 10");
    assertThat(CanaryTraffic.of("admin", "app-canary").differences(store.current(ref), ref.kind()))
        .containsExactly("no rule has both admin and app-canary any more");
    assertThat(traffic.observedWeight(store.current(ref))).isEqualTo(5);

    // an A/B rule added earlier in another form (an older release's cookie pattern) is replaced,
    // not reported
    ObjectNode older =
        FakeRouteStore.parse(
            "{'matches':[{'path':{'type':'PathPrefix','value':'/'},'headers':[{'type':'RegularExpression',"
                + "'name':'Cookie','value':'(^|.*;\\\\s*)beta=yes(;.*|$)'}]}],'backendRefs':[{'name':'app-canary','port':8080}]}");
    manager.addRule(ref, older);
    CanaryTraffic ab = traffic.withMirror(0).withPreviousRules(List.of(older));
    assertThat(ab.differences(store.current(ref), ref.kind())).isEmpty();
    assertThat(traffic.withMirror(0).differences(store.current(ref), ref.kind())).hasSize(1);
    manager.setCanaryTraffic(ref, ab);
    assertThat(store.current(ref).at("/spec/rules").size()).isEqualTo(3);
    assertThat(store.current(ref).at("/spec/rules/2/matches/0/headers/0/value").asText())
        .isEqualTo("(^|.*;\\s*)beta=yes(\\s*;.*|$)");
  }

  @Test
  void annotationsAreWrittenWithTheTrafficGuardedByTheirValuesAsRead() {
    RouteRef stale = RouteRef.from(store.current(ref));
    manager.annotate(ref, route -> Map.of("owner", "a"));
    List<String> seen = new ArrayList<>();

    manager.setCanaryTraffic(
        stale,
        CanaryTraffic.of("app-stable", "app-canary").withWeight(30),
        (route, edit) -> {
          seen.add(route.at("/metadata/annotations/owner").asText("none"));
          java.util.Map<String, String> m = new java.util.HashMap<>();
          m.put("owner", null);
          m.put("step", edit.writes() ? "written" : "unchanged");
          return m;
        });

    ObjectNode after = store.current(ref);
    assertThat(seen).containsExactly("none", "a");
    assertThat(after.at("/metadata/annotations/step").asText()).isEqualTo("written");
    assertThat(after.at("/metadata/annotations").has("owner")).isFalse();
    assertThat(after.at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(30);
  }
}
