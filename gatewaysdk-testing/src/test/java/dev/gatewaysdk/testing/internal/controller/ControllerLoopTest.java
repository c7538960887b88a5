package dev.gatewaysdk.testing.internal.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The controller loop's passes against the embedded API server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControllerLoopTest {
  /**
   * A Gateway created while the data plane applies a pass is not in that pass's bindings; the
   * reconciler of the same pass must not see it either (it wrote {@code Programmed} with a test-net
   * address no data plane listened on; found by {@code HttpRouteTrafficReplayTest}, whose Gateway
   * was programmed but not served).
   */
  @AfterAll
  static void closeServed() {
    StatusFixture.closeServed();
  }

  @Test
  void theDataPlaneAndTheReconcilerOfOnePassSeeTheSameGateways() throws Exception {
    // the served cluster's server, with a GatewayClass of a controller of its own
    ServedCluster served = ServedCluster.of(Channel.STANDARD);
    served.reset();
    served.add(
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: loop}\nspec: {controllerName: example.com/loop-test}\n",
            ObjectNode.class));
    Kube kube = served.kube;
    Kube.ResourceInfo gateways = served.resources.get("Gateway");
    String late =
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: late, namespace: infra}\n"
            + "spec:\n  gatewayClassName: loop\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n";
    Set<String> addressesSeen = ConcurrentHashMap.newKeySet();
    boolean[] created = {false};
    DataPlaneHook hook =
        new DataPlaneHook() {
          @Override
          public List<String[]> kinds() {
            return List.of();
          }

          @Override
          public Map<String, Binding> apply(Reconciler.Snapshot s) {
            Map<String, Binding> out = new LinkedHashMap<>();
            for (ObjectNode gw : s.list("Gateway")) {
              out.put(
                  Reconciler.namespace(gw) + "/" + Reconciler.name(gw),
                  new Binding("127.0.0.9", null, Map.of("http", "127.0.0.9:80"), Map.of()));
              for (JsonNode a : gw.path("status").path("addresses")) {
                addressesSeen.add(a.path("value").asText());
              }
            }
            if (!created[0] && out.isEmpty()) {
              // the Gateway appears while this pass applies; let the informers see it
              created[0] = true;
              kube.create(
                  gateways.collection("infra"),
                  Manifests.read(late, ObjectNode.class).put("apiVersion", gateways.apiVersion));
              sleep(500);
            }
            return out;
          }

          @Override
          public void close() {}
        };
    ControllerLoop loop =
        new ControllerLoop(
                kube,
                new Reconciler("example.com/loop-test", x -> false, x -> false),
                Duration.ZERO,
                hook)
            .start(Duration.ofSeconds(20));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!addressesSeen.contains("127.0.0.9")) {
        assertThat(System.nanoTime()).as("the data plane's address in status").isLessThan(deadline);
        sleep(20);
      }
      sleep(300); // a pass that would still write another address
      assertThat(addressesSeen)
          .as("every address written to the Gateway's status is the data plane's")
          .containsExactly("127.0.0.9");
    } finally {
      loop.close();
      served.reset();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
