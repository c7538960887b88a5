package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ListenerSet;
import dev.gatewaysdk.model.Manifests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code listenerset-*} tests that
 * send requests, replayed against the embedded Gateway: requests with the suite's Host and path to
 * the Gateway's status address and port reach the backend each test expects, or get 404. One method
 * per suite test, named after it.
 */
@GatewayApiTest
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class ListenerSetTrafficReplayTest {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  void infraBackends() {
    for (String b : List.of("infra-backend-v1", "infra-backend-v2", "infra-backend-v3")) {
      closeables.add(EchoBackend.behindService(cluster, ns.name(), b, 8080));
    }
  }

  <T> T create(String yaml, Class<T> type) {
    return cluster.create(
        Manifests.read(
            yaml.replace("$NS", ns.name())
                .replace("$CLASS", cluster.gatewayClassName().orElseThrow()),
            type));
  }

  /** HTTP listeners {@code name: hostname} on port 80 taking routes from {@code from}. */
  static String listeners(String from, String... names) {
    StringBuilder b = new StringBuilder("  listeners:\n");
    for (String n : names) {
      b.append("  - {name: ")
          .append(n)
          .append(", port: 80, protocol: HTTP, hostname: ")
          .append(
              n.startsWith("gw-dual")
                  ? "gw-dual.com"
                  : n.startsWith("ls-dual") ? "ls-dual.com" : n + ".com")
          .append(", allowedRoutes: {namespaces: {from: ")
          .append(from)
          .append("}}}\n");
    }
    return b.toString();
  }

  void gateway(String name, String from, String... listenerNames) {
    awaitThat(
            cluster,
            create(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: "
                    + name
                    + ", namespace: $NS}\nspec:\n  gatewayClassName: $CLASS\n"
                    + "  allowedListeners: {namespaces: {from: "
                    + from
                    + "}}\n"
                    + listeners(from, listenerNames),
                Gateway.class))
        .isProgrammed();
  }

  void listenerSet(String name, String gateway, String from, String... listenerNames) {
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: "
            + name
            + ", namespace: $NS}\nspec:\n  parentRef: {kind: Gateway, group: gateway.networking.k8s.io, name: "
            + gateway
            + "}\n"
            + listeners(from, listenerNames),
        ListenerSet.class);
  }

  /** An HTTPRoute sending {@code path} to {@code backend}; parentRefs as YAML flow sequence. */
  HTTPRoute route(String name, String parentRefs, String path, String backend) {
    return create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
            + name
            + ", namespace: $NS}\nspec:\n  parentRefs: "
            + parentRefs
            + "\n  rules: [{matches: [{path: {type: PathPrefix, value: "
            + path
            + "}}], backendRefs: [{name: "
            + backend
            + ", port: 8080}]}]\n",
        HTTPRoute.class);
  }

  static String outcome(URI url, String host, String path) throws Exception {
    RawHttp.Response r = RawHttp.get(url, host, path);
    String backend = r.headers.get("x-backend");
    return r.status == 200 && backend != null ? backend : Integer.toString(r.status);
  }

  @Test
  void listenerSetHttpRouting() throws Exception {
    infraBackends();
    String gw = "gateway-with-listener-sets-http-routing";
    gateway(gw, "All", "gateway-listener-1", "gateway-listener-2");
    String ls1 = "listener-set-http-routing-1";
    String ls2 = "listener-set-http-routing-2";
    listenerSet(ls1, gw, "All", ls1 + "-listener-1", ls1 + "-listener-2");
    listenerSet(ls2, gw, "All", ls2 + "-listener-1", ls2 + "-listener-2");
    String lsRef = "{kind: ListenerSet, group: gateway.networking.k8s.io, name: ";
    List<HTTPRoute> routes =
        List.of(
            route(
                "attaches-to-all-listeners",
                "[{name: " + gw + "}, " + lsRef + ls1 + "}, " + lsRef + ls2 + "}]",
                "/route",
                "infra-backend-v1"),
            route("gateway-route", "[{name: " + gw + "}]", "/gateway-route", "infra-backend-v2"),
            route(
                "gateway-section-route",
                "[{name: " + gw + ", sectionName: gateway-listener-1}]",
                "/gateway-section-route",
                "infra-backend-v3"),
            route(
                ls1 + "-route", "[" + lsRef + ls1 + "}]", "/" + ls1 + "-route", "infra-backend-v2"),
            route(
                ls1 + "-section-route",
                "[" + lsRef + ls1 + ", sectionName: " + ls1 + "-listener-1}]",
                "/" + ls1 + "-section-route",
                "infra-backend-v3"),
            route(
                ls2 + "-route",
                "[" + lsRef + ls2 + "}]",
                "/" + ls2 + "-route",
                "infra-backend-v2"));
    for (HTTPRoute r : routes) {
      awaitThat(cluster, r).hasResolvedRefs();
    }
    awaitThat(cluster, routes.get(1)).isAcceptedBy(gw);
    URI url = cluster.gateway(ns.name(), gw).url("gateway-listener-1");
    String[] gatewayHosts = {"gateway-listener-1.com", "gateway-listener-2.com"};
    String[] ls1Hosts = {ls1 + "-listener-1.com", ls1 + "-listener-2.com"};
    String[] ls2Hosts = {ls2 + "-listener-1.com", ls2 + "-listener-2.com"};
    List<String> all = new ArrayList<>(List.of(gatewayHosts));
    all.addAll(List.of(ls1Hosts));
    all.addAll(List.of(ls2Hosts));
    for (String host : all) {
      boolean onGateway = host.startsWith("gateway-");
      boolean onLs1 = host.startsWith(ls1 + "-");
      boolean onLs2 = host.startsWith(ls2 + "-");
      String[][] expectations = {
        {"/route", "infra-backend-v1"},
        {"/gateway-route", onGateway ? "infra-backend-v2" : "404"},
        {
          "/gateway-section-route",
          host.equals("gateway-listener-1.com") ? "infra-backend-v3" : "404"
        },
        {"/" + ls1 + "-route", onLs1 ? "infra-backend-v2" : "404"},
        {
          "/" + ls1 + "-section-route",
          host.equals(ls1 + "-listener-1.com") ? "infra-backend-v3" : "404"
        },
        {"/" + ls2 + "-route", onLs2 ? "infra-backend-v2" : "404"},
      };
      for (String[] e : expectations) {
        assertThat(outcome(url, host, e[0])).as("Host %s, path %s", host, e[0]).isEqualTo(e[1]);
      }
    }
  }

  @Test
  void listenerSetDualParentRefIndependence() throws Exception {
    infraBackends();
    String gw = "gateway-dual-parentref";
    gateway(gw, "Same", "gw-dual-parentref-listener");
    listenerSet("ls-dual-parentref", gw, "Same", "ls-dual-parentref-listener");
    String lsRef =
        "{kind: ListenerSet, group: gateway.networking.k8s.io, name: ls-dual-parentref, sectionName: ls-dual-parentref-listener}";
    awaitThat(
            cluster,
            route(
                "route-dual-parentref-both",
                "[{name: "
                    + gw
                    + "}, {kind: ListenerSet, group: gateway.networking.k8s.io, name: ls-dual-parentref}]",
                "/dualboth",
                "infra-backend-v1"))
        .isAcceptedBy(gw)
        .hasResolvedRefs();
    awaitThat(
            cluster,
            route(
                "route-dual-parentref-one",
                "[{name: " + gw + ", sectionName: ls-dual-parentref-listener}, " + lsRef + "]",
                "/dualone",
                "infra-backend-v2"))
        .isNotAcceptedBy(gw, "NoMatchingParent");
    URI url = cluster.gateway(ns.name(), gw).url("gw-dual-parentref-listener");
    // both parentRefs accepted
    assertThat(outcome(url, "gw-dual.com", "/dualboth")).isEqualTo("infra-backend-v1");
    assertThat(outcome(url, "ls-dual.com", "/dualboth")).isEqualTo("infra-backend-v1");
    // one of two parentRefs accepted: only its listener serves the route
    EmbeddedGatewayTrafficTest.eventually(
        () -> outcome(url, "ls-dual.com", "/dualone").equals("infra-backend-v2"));
    assertThat(outcome(url, "gw-dual.com", "/dualone")).isEqualTo("404");
  }
}
