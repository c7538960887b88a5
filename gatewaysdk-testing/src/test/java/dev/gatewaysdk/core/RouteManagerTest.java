package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RouteManager against the embedded API server (targeted release experimental, and v1.0.0
 * standard).
 */
class RouteManagerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final Servers servers = new Servers(Channel.EXPERIMENTAL);
  private static final AtomicInteger seq = new AtomicInteger();
  private static RouteManager manager;

  @BeforeAll
  static void createManager() {
    manager = RouteManager.create(servers.client);
  }

  private static ResourceClient<ObjectNode> routes() {
    return servers.client.namespaced("HTTPRoute", ObjectNode.class).inNamespace("default");
  }

  /** The seed guide's canary route plus fields a newer controller might have written. */
  private static RouteRef canary() {
    String name = "canary-" + seq.incrementAndGet();
    CanaryRoute spec =
        CanaryRoute.of(
            "default",
            name,
            ParentRef.gateway("my-gateway"),
            Backend.service("app-stable", 8080).withWeight(95),
            Backend.service("app-canary", 8080).withWeight(5));
    RouteChange created = manager.createCanaryRoute(spec);
    assertThat(created.changed()).isTrue();
    ObjectNode r = routes().get(name);
    ObjectNode rule = (ObjectNode) r.at("/spec/rules/0");
    rule.putArray("filters")
        .addObject()
        .put("type", "RequestHeaderModifier")
        .putObject("requestHeaderModifier")
        .putArray("add")
        .addObject()
        .put("name", "x-env")
        .put("value", "prod");
    rule.putObject("timeouts").put("request", "10s");
    ((ArrayNode) r.at("/spec/rules"))
        .addObject()
        .put("name", "admin")
        .set(
            "backendRefs",
            JSON.createArrayNode()
                .add(JSON.createObjectNode().put("name", "admin").put("port", 80)));
    routes().update(r);
    return spec.ref();
  }

  private static ObjectNode state(RouteRef ref) {
    ObjectNode r = routes().get(ref.name());
    ((ObjectNode) r.path("metadata"))
        .remove(List.of("resourceVersion", "managedFields", "generation"));
    return r;
  }

  private static ObjectNode withWeights(ObjectNode before, int stable, int canary) {
    ObjectNode e = before.deepCopy();
    ((ObjectNode) e.at("/spec/rules/0/backendRefs/0")).put("weight", stable);
    ((ObjectNode) e.at("/spec/rules/0/backendRefs/1")).put("weight", canary);
    return e;
  }

  @Test
  void createCanaryRouteTwiceWritesOnce() {
    CanaryRoute spec =
        CanaryRoute.of(
                "default",
                "twice",
                ParentRef.gateway("gw"),
                Backend.service("a", 80).withWeight(90),
                Backend.service("b", 80).withWeight(10))
            .withPathPrefix("/app");
    assertThat(manager.createCanaryRoute(spec).changed()).isTrue();
    assertThat(manager.createCanaryRoute(spec).changed()).isFalse();
    assertThat(routes().get("twice").at("/spec/rules/0/matches/0/path/value").asText())
        .isEqualTo("/app");
  }

  @Test
  void updateCanaryWeightChangesOnlyTheWeights() {
    RouteRef ref = canary();
    ObjectNode before = state(ref);
    RouteChange c = manager.updateCanaryWeight(ref, "app-stable", 75, "app-canary", 25);

    assertThat(state(ref)).isEqualTo(withWeights(before, 75, 25));
    assertThat(c.weights())
        .containsExactlyInAnyOrder(
            new WeightChange(0, "app-stable", 95, 75), new WeightChange(0, "app-canary", 5, 25));
    assertThat(Long.parseLong(c.resourceVersionAfter()))
        .isGreaterThan(Long.parseLong(c.resourceVersionBefore()));
  }

  @Test
  void sameIntentTwiceWritesNothing() {
    RouteRef ref = canary();
    manager.setWeights(ref, Map.of("app-canary", 30));
    String rv = routes().get(ref.name()).at("/metadata/resourceVersion").asText();
    RouteChange again = manager.setWeights(ref, Map.of("app-canary", 30));
    assertThat(again.changed()).isFalse();
    assertThat(routes().get(ref.name()).at("/metadata/resourceVersion").asText()).isEqualTo(rv);
  }

  @Test
  void knownRouteChangesInOneRoundTripWhereTheSeedNeedsTwo() {
    RouteRef ref = canary();
    RouteRef known = RouteRef.from(routes().get(ref.name()));
    servers.requests.set(0);
    RouteChange c = manager.setWeights(known, Map.of("app-stable", 50, "app-canary", 50));
    assertThat(servers.requests.get()).isEqualTo(1);
    servers.requests.set(0);
    manager.shiftTraffic(c.ref(), "app-stable", "app-canary", 100);
    assertThat(servers.requests.get()).isEqualTo(1);
    servers.requests.set(0);
    manager.setWeights(ref.withoutState(), Map.of("app-canary", 1));
    assertThat(servers.requests.get()).isEqualTo(2);
  }

  @Test
  void staleKnownStateIsCaughtByTheGuardAndReapplied() {
    RouteRef ref = canary();
    RouteRef stale = RouteRef.from(routes().get(ref.name()));
    manager.setWeights(ref, Map.of("app-canary", 40));
    RouteChange c = manager.setWeights(stale, Map.of("app-canary", 20));
    assertThat(c.attempts()).isEqualTo(2);
    assertThat(c.weights()).containsExactly(new WeightChange(0, "app-canary", 40, 20));
    assertThat(routes().get(ref.name()).at("/spec/rules/0/backendRefs/1/weight").asInt())
        .isEqualTo(20);
  }

  @Test
  void shiftTrafficMovesThePairsTotal() {
    RouteRef ref = canary();
    ObjectNode before = state(ref);
    manager.shiftTraffic(ref, "app-stable", "app-canary", 25);
    assertThat(state(ref)).isEqualTo(withWeights(before, 75, 25));
  }

  @Test
  void backendsAreAddedAndRemovedSurgically() {
    RouteRef ref = canary();
    ObjectNode before = state(ref);
    manager.addBackend(ref, RuleSelector.index(0), Backend.service("app-v3", 8080).withWeight(0));
    assertThat(
            manager
                .addBackend(
                    ref, RuleSelector.index(0), Backend.service("app-v3", 8080).withWeight(0))
                .changed())
        .isFalse();
    assertThat(routes().get(ref.name()).at("/spec/rules/0/backendRefs/2/name").asText())
        .isEqualTo("app-v3");
    manager.removeBackend(ref, "app-v3");
    assertThat(state(ref)).isEqualTo(before);
  }

  @Test
  void headerCookieAndQueryRulesAreAddedOnce() {
    RouteRef ref = canary();
    Backend canary = Backend.service("app-canary", 8080);
    manager.addMatchRule(ref, RequestMatch.header("x-canary", "always"), canary);
    manager.addMatchRule(ref, RequestMatch.cookie("tester", "yes"), canary);
    manager.addMatchRule(
        ref, "beta-users", RequestMatch.queryParam("beta", "1").andPathPrefix("/shop"), canary);
    assertThat(
            manager.addMatchRule(ref, RequestMatch.header("x-canary", "always"), canary).changed())
        .isFalse();
    JsonNode rules = routes().get(ref.name()).path("spec").path("rules");
    assertThat(rules).hasSize(5);
    assertThat(rules.get(4).path("name").asText()).isEqualTo("beta-users");
    manager.removeRule(ref, RuleSelector.named("beta-users"));
    assertThat(routes().get(ref.name()).path("spec").path("rules")).hasSize(4);
  }

  @Test
  void mirrorIsSetWithPercentAndCleared() {
    RouteRef ref = canary();
    ObjectNode before = state(ref);
    manager.setMirror(ref, RuleSelector.index(0), Backend.service("shadow", 8080), 10);
    JsonNode filter = routes().get(ref.name()).at("/spec/rules/0/filters/1");
    assertThat(filter.path("type").asText()).isEqualTo("RequestMirror");
    assertThat(filter.at("/requestMirror/percent").asInt()).isEqualTo(10);
    manager.clearMirror(ref, RuleSelector.all());
    assertThat(state(ref)).isEqualTo(before);
  }

  @Test
  void mirrorPercentOnV100FailsNamingTheClusterRelease() {
    GatewayApiClient oldClient = GatewayApiClient.create(servers.old.apiClient());
    RouteManager m = RouteManager.create(oldClient);
    m.createCanaryRoute(
        CanaryRoute.of(
            "default",
            "m",
            ParentRef.gateway("gw"),
            Backend.service("a", 80),
            Backend.service("b", 80)));
    assertThatThrownBy(
            () ->
                m.setMirror(
                    RouteRef.httpRoute("default", "m"),
                    RuleSelector.all(),
                    Backend.service("shadow", 80),
                    10))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessageContaining("Gateway API v1.0.0, standard channel");
    assertThat(
            m.setMirror(
                    RouteRef.httpRoute("default", "m"),
                    RuleSelector.all(),
                    Backend.service("shadow", 80),
                    100)
                .changed())
        .isTrue();
  }

  @Test
  void grpcRouteOnV100IsNotServed() {
    RouteManager m = RouteManager.create(GatewayApiClient.create(servers.old.apiClient()));
    assertThatThrownBy(() -> m.setWeights(RouteRef.grpcRoute("default", "x"), Map.of("a", 1)))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessage(
            "GRPCRoute is not served by this cluster (Gateway API v1.0.0, standard channel); install the experimental channel or v1.1.0+");
  }

  @Test
  void grpcRoutesAreManagedToo() {
    CanaryRoute spec =
        CanaryRoute.of(
                "default",
                "grpc",
                ParentRef.gateway("gw"),
                Backend.service("v1", 9000).withWeight(90),
                Backend.service("v2", 9000).withWeight(10))
            .asGrpcRoute();
    manager.createCanaryRoute(spec);
    RouteChange c = manager.shiftTraffic(spec.ref(), "v1", "v2", 50);
    assertThat(c.weightsAfter()).containsEntry("v1", 50).containsEntry("v2", 50);
    manager.addMatchRule(
        spec.ref(), RequestMatch.header("x-tester", "1"), Backend.service("v2", 9000));
    assertThat(
            servers
                .client
                .namespaced("GRPCRoute", ObjectNode.class)
                .inNamespace("default")
                .get("grpc")
                .at("/spec/rules/1/matches/0/headers/0/name")
                .asText())
        .isEqualTo("x-tester");
  }

  @Test
  void parentsAreAttachedAndDetached() {
    RouteRef ref = canary();
    ObjectNode before = state(ref);
    ParentRef listener = ParentRef.gateway("edge").withNamespace("infra").withSectionName("https");
    manager.attachParent(ref, listener);
    assertThat(manager.attachParent(ref, listener).changed()).isFalse();
    assertThat(routes().get(ref.name()).at("/spec/parentRefs/1/sectionName").asText())
        .isEqualTo("https");
    manager.detachParent(ref, listener);
    assertThat(state(ref)).isEqualTo(before);
  }

  @Test
  void redirectRulesAreAdded() {
    RouteRef ref = canary();
    manager.addRedirectRule(
        ref, RequestMatch.pathPrefix("/old-api"), Redirect.toPath("/new-api").withStatusCode(301));
    JsonNode rule = routes().get(ref.name()).at("/spec/rules/2");
    assertThat(rule.at("/filters/0/requestRedirect/path/replaceFullPath").asText())
        .isEqualTo("/new-api");
    assertThat(rule.at("/filters/0/requestRedirect/statusCode").asInt()).isEqualTo(301);
  }

  @Test
  void dryRunIsNotStored() {
    RouteRef ref = canary();
    RouteChange c = manager.withDryRun(true).setWeights(ref, Map.of("app-canary", 60));
    assertThat(c.route().at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(60);
    assertThat(routes().get(ref.name()).at("/spec/rules/0/backendRefs/1/weight").asInt())
        .isEqualTo(5);
  }

  @Test
  void severalRoutesChangeTogether() {
    List<RouteRef> refs = List.of(canary(), canary());
    List<RouteChange> changes = manager.setWeights(refs, Map.of("app-canary", 50));
    assertThat(changes)
        .allSatisfy(c -> assertThat(c.weightsAfter()).containsEntry("app-canary", 50));
  }

  @Test
  void eightWritersTimesTwoHundredFiftyLoseNoUpdate() throws Exception {
    ObjectNode r = JSON.createObjectNode();
    r.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", "HTTPRoute");
    r.putObject("metadata").put("name", "contended");
    ArrayNode refs = r.putObject("spec").putArray("rules").addObject().putArray("backendRefs");
    for (int t = 0; t < 8; t++) {
      refs.addObject().put("name", "b" + t).put("port", 80).put("weight", 0);
    }
    routes().create(r);
    RouteRef ref = RouteRef.httpRoute("default", "contended");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<RouteChange>>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String backend = "b" + t;
      Random random = new Random(t);
      futures.add(
          pool.submit(
              () -> {
                List<RouteChange> log = new ArrayList<>();
                RouteRef known = ref;
                for (int i = 0; i < 250; i++) {
                  RouteChange c =
                      manager.setWeights(known, Map.of(backend, 1 + random.nextInt(1000)));
                  log.add(c);
                  known =
                      i % 2 == 0
                          ? c.ref()
                          : ref; // alternate known (possibly stale) and fresh state
                }
                return log;
              }));
    }
    JsonNode fin = null;
    for (int t = 0; t < 8; t++) {
      List<RouteChange> log = futures.get(t).get();
      fin = routes().get("contended");
      int previous = 0;
      for (RouteChange c : log) {
        if (c.changed()) {
          assertThat(c.weightsBefore().get("b" + t)).as("thread %d before", t).isEqualTo(previous);
          previous = c.weightsAfter().get("b" + t);
        }
      }
      assertThat(fin.at("/spec/rules/0/backendRefs/" + t + "/weight").asInt())
          .as("thread %d final", t)
          .isEqualTo(previous);
    }
    pool.shutdown();
    assertThat(fin.at("/spec/rules/0/backendRefs")).hasSize(8);
  }
}
