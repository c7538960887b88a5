package dev.gatewaysdk.testing.internal.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Manifests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The status computation on in-memory snapshots: cases the API server's validation makes hard to
 * create.
 */
class ReconcilerTest {
  static final String CONTROLLER = "gatewaysdk.dev/simulated";

  static final class MapSnapshot implements Reconciler.Snapshot {
    final Map<String, List<ObjectNode>> objects = new HashMap<>();

    MapSnapshot add(String yaml) {
      ObjectNode o = Manifests.read(yaml, ObjectNode.class);
      objects.computeIfAbsent(o.path("kind").asText(), k -> new ArrayList<>()).add(o);
      return this;
    }

    @Override
    public Collection<ObjectNode> list(String kind) {
      return objects.getOrDefault(kind, List.of());
    }

    @Override
    public ObjectNode get(String kind, String namespace, String name) {
      for (ObjectNode o : list(kind)) {
        if (name.equals(o.path("metadata").path("name").asText())
            && (namespace == null
                || namespace.equals(o.path("metadata").path("namespace").asText()))) {
          return o;
        }
      }
      return null;
    }

    /** The kinds served; tests add the experimental route kinds (TLSRoute, TCPRoute, UDPRoute). */
    final Set<String> served =
        new HashSet<>(
            Set.of(
                "GatewayClass",
                "Gateway",
                "ListenerSet",
                "HTTPRoute",
                "GRPCRoute",
                "ReferenceGrant",
                "BackendTLSPolicy",
                "Service",
                "Secret",
                "ConfigMap",
                "Namespace"));

    @Override
    public boolean serves(String kind) {
      return served.contains(kind);
    }
  }

  static MapSnapshot withClass() {
    return new MapSnapshot()
        .add(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: sim, generation: 1}\nspec: {controllerName: "
                + CONTROLLER
                + "}\n");
  }

  static Map<String, ObjectNode> reconcile(MapSnapshot s) {
    Map<String, ObjectNode> out = new HashMap<>();
    for (Reconciler.Update u : new Reconciler(CONTROLLER, o -> false, o -> false).reconcile(s)) {
      out.put(u.kind + "/" + u.object.path("metadata").path("name").asText(), u.object);
    }
    return out;
  }

  static JsonNode condition(JsonNode conditions, String type) {
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  @Test
  void identicalListenersAreHostnameConflicted() {
    MapSnapshot s =
        withClass()
            .add(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                    + "metadata: {name: gw, namespace: a, generation: 1}\nspec:\n  gatewayClassName: sim\n  listeners:\n"
                    + "  - {name: one, port: 80, protocol: HTTP, hostname: x.test}\n"
                    + "  - {name: two, port: 80, protocol: HTTP, hostname: x.test}\n"
                    + "  - {name: three, port: 80, protocol: HTTP, hostname: y.test}\n");
    JsonNode listeners = reconcile(s).get("Gateway/gw").path("status").path("listeners");
    assertThat(condition(listeners.get(0).path("conditions"), "Conflicted").path("reason").asText())
        .isEqualTo("HostnameConflict");
    assertThat(condition(listeners.get(1).path("conditions"), "Conflicted").path("reason").asText())
        .isEqualTo("HostnameConflict");
    assertThat(condition(listeners.get(2).path("conditions"), "Conflicted").path("reason").asText())
        .isEqualTo("NoConflicts");
  }

  @Test
  void unchangedStatusIsNotWrittenAgain() {
    MapSnapshot s =
        withClass()
            .add(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                    + "metadata: {name: gw, namespace: a, generation: 1}\nspec:\n  gatewayClassName: sim\n"
                    + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n");
    Map<String, ObjectNode> first = reconcile(s);
    assertThat(first).containsKeys("GatewayClass/sim", "Gateway/gw");
    MapSnapshot written = new MapSnapshot();
    first
        .values()
        .forEach(
            o ->
                written
                    .objects
                    .computeIfAbsent(o.path("kind").asText(), k -> new ArrayList<>())
                    .add(o));
    assertThat(reconcile(written)).isEmpty();
  }

  @Test
  void gatewaysOfOtherClassesAreIgnored() {
    MapSnapshot s =
        withClass()
            .add(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                    + "metadata: {name: gw, namespace: a}\nspec:\n  gatewayClassName: someone-else\n"
                    + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n");
    assertThat(reconcile(s)).containsOnlyKeys("GatewayClass/sim");
  }

  @Test
  void hostnameMatchingFollowsTheSpec() {
    assertThat(Reconciler.hostnameMatches("*.example.com", "foo.example.com")).isTrue();
    assertThat(Reconciler.hostnameMatches("*.example.com", "a.b.example.com")).isTrue();
    assertThat(Reconciler.hostnameMatches("*.example.com", "example.com")).isFalse();
    assertThat(Reconciler.hostnameMatches("foo.example.com", "*.example.com")).isTrue();
    assertThat(Reconciler.hostnameMatches("*.example.com", "*.foo.example.com")).isTrue();
    assertThat(Reconciler.hostnameMatches("a.example.com", "b.example.com")).isFalse();
    assertThat(Reconciler.hostnameMatches("A.example.com", "a.EXAMPLE.com")).isTrue();
  }

  @Test
  void selectorsMatchLabelsAndExpressions() throws Exception {
    JsonNode sel =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"matchLabels\": {\"team\": \"shop\"},"
                    + " \"matchExpressions\": [{\"key\": \"env\", \"operator\": \"In\", \"values\": [\"prod\", \"staging\"]},"
                    + " {\"key\": \"legacy\", \"operator\": \"DoesNotExist\"}]}");
    assertThat(Selectors.matches(sel, Map.of("team", "shop", "env", "prod"))).isTrue();
    assertThat(Selectors.matches(sel, Map.of("team", "shop", "env", "dev"))).isFalse();
    assertThat(Selectors.matches(sel, Map.of("team", "shop", "env", "prod", "legacy", "y")))
        .isFalse();
    assertThat(Selectors.matches(sel, Map.of("env", "prod"))).isFalse();
  }
}
