package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulated controller against the embedded API server (official CRDs of the targeted release):
 * ListenerSet and BackendTLSPolicy status written through the status subresource, transitions when
 * a referenced object appears, and core/v1 Events for refusals (what {@code kubectl get events}
 * lists).
 */
@GatewayApiTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatedControllerStatusTest {
  static final String GW = "/apis/gateway.networking.k8s.io/v1/namespaces/";
  GatewayCluster cluster;
  TestNamespace ns;
  Kube kube;

  @BeforeEach
  void kube() {
    kube = new Kube(cluster.apiClient());
  }

  ObjectNode create(String collection, String yaml) {
    return kube.create(
        collection,
        Manifests.read(
            yaml.replace("$NS", ns.name())
                .replace("$CLASS", cluster.gatewayClassName().orElseThrow()),
            ObjectNode.class));
  }

  /** Polls {@code path} until {@code condition} holds; fails with the last object seen. */
  ObjectNode await(String path, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    ObjectNode last = null;
    while (System.nanoTime() < deadline) {
      last = kube.get(path);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not satisfied within 30 s: " + path + "\n" + last);
  }

  /** Whether {@code conditions} has type=status (reason) at {@code generation}. */
  static boolean has(
      JsonNode conditions, String type, String status, String reason, long generation) {
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return status.equals(c.path("status").asText())
            && reason.equals(c.path("reason").asText())
            && c.path("observedGeneration").asLong() == generation;
      }
    }
    return false;
  }

  static long generation(JsonNode o) {
    return o.path("metadata").path("generation").asLong();
  }

  void gateway(String allowedListeners) {
    create(
        GW + ns.name() + "/gateways",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: gw, namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
            + allowedListeners
            + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n");
  }

  void service() {
    cluster.create(Fixtures.service(ns.name(), "svc", 8080));
  }

  void route(String namespace, String parentRef) {
    kube.create(
        GW + namespace + "/httproutes",
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                + "metadata: {name: r, namespace: "
                + namespace
                + "}\nspec:\n  parentRefs: ["
                + parentRef.replace("$NS", ns.name())
                + "]\n"
                + "  rules: [{backendRefs: [{name: svc, namespace: "
                + ns.name()
                + ", port: 8080}]}]\n",
            ObjectNode.class));
  }

  @Test
  void aRefusedRouteIsExplainedByAWarningEvent() throws Exception {
    gateway("");
    service();
    String other = cluster.createTestNamespace("other");
    try {
      route(other, "{name: gw, namespace: $NS}");
      ObjectNode events =
          await(
              "/api/v1/namespaces/" + other + "/events",
              list ->
                  list.path("items").findValuesAsText("reason").contains("NotAllowedByListeners"));
      JsonNode event = null;
      for (JsonNode e : events.path("items")) {
        if ("NotAllowedByListeners".equals(e.path("reason").asText())) {
          event = e;
        }
      }
      assertThat(event.path("type").asText()).isEqualTo("Warning");
      assertThat(event.path("involvedObject").path("kind").asText()).isEqualTo("HTTPRoute");
      assertThat(event.path("involvedObject").path("name").asText()).isEqualTo("r");
      assertThat(event.path("involvedObject").path("uid").asText()).isNotEmpty();
      assertThat(event.path("message").asText())
          .contains("Gateway " + ns.name() + "/gw")
          .contains("namespace " + other);
      String listed = kubectlGetEvents(other);
      if (listed != null) {
        assertThat(listed).contains("NotAllowedByListeners").contains("httproute/r");
      }
    } finally {
      cluster.deleteNamespace(other);
    }
  }

  /**
   * The output of {@code kubectl get events -n namespace}, or null when kubectl is not on the PATH.
   */
  String kubectlGetEvents(String namespace) throws Exception {
    Path kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    if (kubectl == null) {
      return null;
    }
    Path out = Files.createTempFile("kubectl-events", ".txt");
    try {
      Process p =
          new ProcessBuilder(
                  kubectl.toString(),
                  "--kubeconfig",
                  cluster.kubeconfigFile().toString(),
                  "get",
                  "events",
                  "-n",
                  namespace)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl get events finished").isTrue();
      String text = Files.readString(out);
      assertThat(p.exitValue()).as(text).isZero();
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void listenerSetStatusAttachedListenerSetsAndRoutesThroughIt() throws Exception {
    gateway("  allowedListeners: {namespaces: {from: Same}}\n");
    service();
    create(
        GW + ns.name() + "/listenersets",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\n"
            + "metadata: {name: ls, namespace: $NS}\nspec:\n  parentRef: {name: gw}\n"
            + "  listeners: [{name: extra, port: 8080, protocol: HTTP}]\n");
    route(ns.name(), "{group: gateway.networking.k8s.io, kind: ListenerSet, name: ls}");

    ObjectNode ls =
        await(
            GW + ns.name() + "/listenersets/ls",
            o ->
                has(
                        o.path("status").path("conditions"),
                        "Accepted",
                        "True",
                        "Accepted",
                        generation(o))
                    && o.path("status").path("listeners").path(0).path("attachedRoutes").asInt()
                        == 1);
    assertThat(
            has(
                ls.path("status").path("conditions"),
                "Programmed",
                "True",
                "Programmed",
                generation(ls)))
        .isTrue();
    JsonNode listener = ls.path("status").path("listeners").get(0);
    assertThat(listener.path("supportedKinds").findValuesAsText("kind")).contains("HTTPRoute");
    for (String type : new String[] {"Accepted", "ResolvedRefs", "Programmed"}) {
      assertThat(has(listener.path("conditions"), type, "True", type, generation(ls)))
          .as(type)
          .isTrue();
    }
    await(
        GW + ns.name() + "/gateways/gw",
        o -> o.path("status").path("attachedListenerSets").asInt() == 1);
    ObjectNode route =
        await(GW + ns.name() + "/httproutes/r", o -> o.path("status").path("parents").size() == 1);
    JsonNode parent = route.path("status").path("parents").get(0);
    assertThat(parent.path("parentRef").path("kind").asText()).isEqualTo("ListenerSet");
    assertThat(has(parent.path("conditions"), "Accepted", "True", "Accepted", generation(route)))
        .isTrue();
  }

  @Test
  void backendTlsPolicyIsAcceptedOnceItsCaConfigMapAppears() throws Exception {
    gateway("");
    service();
    route(ns.name(), "{name: gw}");
    create(
        GW + ns.name() + "/backendtlspolicies",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\n"
            + "metadata: {name: p, namespace: $NS}\nspec:\n  targetRefs: [{group: '', kind: Service, name: svc}]\n"
            + "  validation:\n    hostname: svc.test\n    caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]\n");
    String path = GW + ns.name() + "/backendtlspolicies/p";
    ObjectNode p =
        await(
            path,
            o ->
                has(
                    o.path("status").path("ancestors").path(0).path("conditions"),
                    "Accepted",
                    "False",
                    "NoValidCACertificate",
                    generation(o)));
    assertThat(
            has(
                p.path("status").path("ancestors").get(0).path("conditions"),
                "ResolvedRefs",
                "False",
                "InvalidCACertificateRef",
                generation(p)))
        .isTrue();
    assertThat(p.path("status").path("ancestors").get(0).path("ancestorRef").path("name").asText())
        .isEqualTo("gw");

    kube.create(
        "/api/v1/namespaces/" + ns.name() + "/configmaps",
        Manifests.read(
            "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: ca, namespace: "
                + ns.name()
                + "}\ndata: {ca.crt: "
                + Kube.JSON.writeValueAsString(
                    SelfSignedCertificate.generate("svc.test").certificatePem())
                + "}\n",
            ObjectNode.class));
    await(
        path,
        o ->
            has(
                    o.path("status").path("ancestors").path(0).path("conditions"),
                    "Accepted",
                    "True",
                    "Accepted",
                    generation(o))
                && has(
                    o.path("status").path("ancestors").path(0).path("conditions"),
                    "ResolvedRefs",
                    "True",
                    "ResolvedRefs",
                    generation(o)));
  }

  /**
   * Conformance ListenerSetProtocolConflict (v1.6.1), replayed through the API server: only the
   * loser is conflicted.
   */
  @Test
  void listenerSetListenerThatLosesAProtocolConflictLeavesTheRestOfItsSetAccepted()
      throws Exception {
    create(
        GW + ns.name() + "/gateways",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: gw, namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
            + "  allowedListeners: {namespaces: {from: Same}}\n"
            + "  listeners: [{name: http, port: 80, protocol: HTTP, hostname: gw.example.com}]\n");
    create(
        GW + ns.name() + "/listenersets",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\n"
            + "metadata: {name: ls, namespace: $NS}\nspec:\n  parentRef: {name: gw}\n"
            + "  listeners:\n  - {name: ok, port: 80, protocol: HTTP, hostname: ls.example.com}\n"
            + "  - {name: tcp, port: 80, protocol: TCP}\n");
    ObjectNode ls =
        await(
            GW + ns.name() + "/listenersets/ls",
            o ->
                has(
                    o.path("status").path("conditions"),
                    "Programmed",
                    "True",
                    "Programmed",
                    generation(o)));
    assertThat(
            has(
                ls.path("status").path("conditions"),
                "Accepted",
                "True",
                "ListenersNotValid",
                generation(ls)))
        .isTrue();
    JsonNode ok = ls.path("status").path("listeners").get(0);
    JsonNode tcp = ls.path("status").path("listeners").get(1);
    assertThat(has(ok.path("conditions"), "Accepted", "True", "Accepted", generation(ls))).isTrue();
    assertThat(has(ok.path("conditions"), "Conflicted", "False", "NoConflicts", generation(ls)))
        .isTrue();
    for (String type : new String[] {"Accepted", "Programmed"}) {
      assertThat(has(tcp.path("conditions"), type, "False", "ProtocolConflict", generation(ls)))
          .as(type)
          .isTrue();
    }
    assertThat(
            has(tcp.path("conditions"), "Conflicted", "True", "ProtocolConflict", generation(ls)))
        .isTrue();
    await(
        GW + ns.name() + "/gateways/gw",
        o -> o.path("status").path("attachedListenerSets").asInt() == 1);
  }
}
