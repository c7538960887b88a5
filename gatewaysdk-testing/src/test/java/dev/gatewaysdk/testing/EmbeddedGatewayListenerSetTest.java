package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * Listeners of ListenerSets are served by the data plane like the Gateway's own, with their own
 * routes.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayListenerSetTest {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  void backend(String name) throws Exception {
    closeables.add(EchoBackend.behindService(cluster, ns.name(), name, 8080));
  }

  <T> T create(String yaml, Class<T> type) {
    return cluster.create(Manifests.read(yaml.replace("$NS", ns.name()), type));
  }

  @Test
  void listenerSetListenersServeTheRoutesAttachedToTheSet() throws Exception {
    backend("main");
    backend("extra");
    Gateway g =
        create(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: "
                + cluster.gatewayClassName().orElseThrow()
                + "\n"
                + "  allowedListeners: {namespaces: {from: Same}}\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n",
            Gateway.class);
    awaitThat(cluster, g).isProgrammed();
    EmbeddedGateway gw = cluster.gateway(ns.name(), "gw");
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ls, namespace: $NS}\n"
            + "spec:\n  parentRef: {name: gw}\n  listeners:\n  - {name: extra, port: 8080, protocol: HTTP, hostname: extra.example.com}\n"
            + "  - {name: clash, port: 80, protocol: HTTP}\n",
        dev.gatewaysdk.model.ListenerSet.class);
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: main, namespace: $NS}\n"
                    + "spec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: main, port: 8080}]}]\n",
                HTTPRoute.class))
        .isAcceptedBy("gw");
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: extra, namespace: $NS}\n"
            + "spec:\n  parentRefs: [{kind: ListenerSet, name: ls, sectionName: extra}]\n"
            + "  rules: [{backendRefs: [{name: extra, port: 8080}]}]\n",
        HTTPRoute.class);
    URI extra = URI.create("http://" + gw.address() + ":" + (gw.port("http") - 80 + 8080) + "/");
    RawHttp.Response r = awaitResponse(() -> RawHttp.get(extra, "extra.example.com", "/x"));
    assertThat(r.status).isEqualTo(200);
    assertThat(r.backend()).isEqualTo("extra");
    assertThat(RawHttp.get(extra, "other.example.com", "/x").status)
        .as("the set's listener hostname isolates it")
        .isEqualTo(404);
    assertThat(RawHttp.get(gw.url("http"), "h", "/").backend())
        .as("the Gateway's own listener keeps its route")
        .isEqualTo("main");
    assertThat(RawHttp.get(gw.url("http"), "extra.example.com", "/").backend())
        .as(
            "a route attached to the Gateway does not reach the set, nor the set's clashing listener the Gateway's port")
        .isEqualTo("main");
  }

  @Test
  void listenerSetsTheGatewayDoesNotAdmitAreNotServed() throws Exception {
    Gateway g =
        create(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: "
                + cluster.gatewayClassName().orElseThrow()
                + "\n"
                + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n",
            Gateway.class);
    awaitThat(cluster, g).isProgrammed();
    EmbeddedGateway gw = cluster.gateway(ns.name(), "gw");
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ls, namespace: $NS}\n"
            + "spec:\n  parentRef: {name: gw}\n  listeners: [{name: extra, port: 8081, protocol: HTTP}]\n",
        dev.gatewaysdk.model.ListenerSet.class);
    // Once the controller has reconciled the set (status written), nothing listens on its port.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (cluster
        .get(dev.gatewaysdk.model.ListenerSet.class, ns.name(), "ls")
        .status()
        .isEmpty()) {
      assertThat(System.nanoTime()).as("the ListenerSet gets a status").isLessThan(deadline);
      Thread.sleep(50);
    }
    Executable connect = () -> new Socket(gw.address(), gw.port("http") - 80 + 8081).close();
    org.junit.jupiter.api.Assertions.assertThrows(ConnectException.class, connect);
  }

  /**
   * The first answer once the listener is bound (the set's socket is opened on the next reconcile).
   */
  static RawHttp.Response awaitResponse(java.util.concurrent.Callable<RawHttp.Response> call)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        RawHttp.Response r = call.call();
        if (r.status != 404 || System.nanoTime() > deadline) {
          return r;
        }
      } catch (ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(50);
    }
  }
}
