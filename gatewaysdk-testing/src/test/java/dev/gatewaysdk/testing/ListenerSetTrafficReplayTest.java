package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ListenerSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code listenerset-*} tests that
 * send requests, replayed against the embedded Gateway: requests with the suite's Host and path to
 * the Gateway's status address and port reach the backend each test expects, or get 404. One method
 * per suite test, named after it.
 */
class ListenerSetTrafficReplayTest extends TrafficReplay {

  /** A namespace {@code <prefix>-<unique>} with {@code labels}, deleted after the test. */
  String namespace(String prefix, java.util.Map<String, String> labels) throws Exception {
    String name = prefix + "-" + Long.toHexString(System.nanoTime());
    new io.kubernetes.client.openapi.apis.CoreV1Api(cluster.apiClient())
        .createNamespace(
            new io.kubernetes.client.openapi.models.V1Namespace()
                .metadata(
                    new io.kubernetes.client.openapi.models.V1ObjectMeta()
                        .name(name)
                        .labels(labels)))
        .execute();
    closeables.add(() -> cluster.deleteNamespace(name));
    return name;
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
    listenerSetIn("$NS", name, gateway, listeners(from, listenerNames));
  }

  /** ListenerSet {@code namespace/name} of Gateway {@code $NS/gateway} with listeners YAML. */
  void listenerSetIn(String namespace, String name, String gateway, String listeners) {
    create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: "
            + name
            + ", namespace: "
            + namespace
            + "}\nspec:\n  parentRef: {kind: Gateway, group: gateway.networking.k8s.io, name: "
            + gateway
            + ", namespace: $NS}\n"
            + listeners,
        ListenerSet.class);
  }

  /** An HTTPRoute sending {@code path} to {@code backend}; parentRefs as YAML flow sequence. */
  HTTPRoute route(String name, String parentRefs, String path, String backend) {
    return routeIn("$NS", name, parentRefs, path, backend);
  }

  /** The same in {@code namespace}, the backend in the test's namespace. */
  HTTPRoute routeIn(String namespace, String name, String parentRefs, String path, String backend) {
    return create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
            + name
            + ", namespace: "
            + namespace
            + "}\nspec:\n  parentRefs: "
            + parentRefs
            + "\n  rules: [{matches: [{path: {type: PathPrefix, value: "
            + path
            + "}}], backendRefs: [{name: "
            + backend
            + ", namespace: $NS, port: 8080}]}]\n",
        HTTPRoute.class);
  }

  static String outcome(URI url, String host, String path) throws Exception {
    RawHttp.Response r = RawHttp.get(url, host, path);
    String backend = r.headers.get("x-backend");
    return r.status == 200 && backend != null ? backend : Integer.toString(r.status);
  }

  @Test
  void listenerSetHttpRouting() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
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
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
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

  @Test
  void listenerSetAllowedRoutesNamespaces() throws Exception {
    echoBackends("infra-backend-v1", "infra-backend-v2", "infra-backend-v3");
    String gw = "gateway-with-listener-sets-test-allowed-routes";
    gateway(gw, "All", "gateway-listener");
    String allowed = namespace("routes-allowed", java.util.Map.of("allowed", "ns"));
    String notAllowed = namespace("routes-not-allowed", java.util.Map.of());
    String lsNs = namespace("ls-cross-ns", java.util.Map.of());
    for (String from : List.of(allowed, notAllowed, lsNs)) {
      cluster.create(
          Fixtures.referenceGrant(ns.name(), "from-" + from, "HTTPRoute", from, "Service"));
    }
    String ls = "listenerset-test-allowed-routes-namespaces";
    String prefix = "listener-set-listener-allowed-routes-";
    listenerSetIn(
        "$NS",
        ls,
        gw,
        "  listeners:\n"
            + "  - {name: "
            + prefix
            + "all, port: 80, protocol: HTTP, hostname: "
            + prefix
            + "all.com,"
            + " allowedRoutes: {namespaces: {from: All}}}\n"
            + "  - {name: "
            + prefix
            + "same, port: 80, protocol: HTTP, hostname: "
            + prefix
            + "same.com,"
            + " allowedRoutes: {namespaces: {from: Same}}}\n"
            + "  - {name: "
            + prefix
            + "selector, port: 80, protocol: HTTP, hostname: "
            + prefix
            + "selector.com,"
            + " allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {allowed: ns}}}}}\n");
    String lsRef =
        "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: "
            + ls
            + ", namespace: "
            + ns.name()
            + "}]";
    awaitThat(
            cluster,
            routeIn(
                "$NS",
                "route-in-same-namespace",
                lsRef,
                "/route-in-same-namespace",
                "infra-backend-v1"))
        .hasResolvedRefs();
    awaitThat(
            cluster,
            routeIn(
                allowed,
                "route-in-selected-namespace",
                lsRef,
                "/route-in-selected-namespace",
                "infra-backend-v2"))
        .hasResolvedRefs();
    awaitThat(
            cluster,
            routeIn(
                notAllowed,
                "route-not-in-selected-namespace",
                lsRef,
                "/route-not-in-selected-namespace",
                "infra-backend-v3"))
        .hasResolvedRefs();
    URI url = cluster.gateway(ns.name(), gw).url("gateway-listener");
    String[][] cases = {
      {"all", "/route-in-same-namespace", "infra-backend-v1"},
      {"all", "/route-in-selected-namespace", "infra-backend-v2"},
      {"all", "/route-not-in-selected-namespace", "infra-backend-v3"},
      {"same", "/route-in-same-namespace", "infra-backend-v1"},
      {"same", "/route-in-selected-namespace", "404"},
      {"same", "/route-not-in-selected-namespace", "404"},
      {"selector", "/route-in-same-namespace", "404"},
      {"selector", "/route-in-selected-namespace", "infra-backend-v2"},
      {"selector", "/route-not-in-selected-namespace", "404"},
    };
    for (String[] c : cases) {
      assertThat(outcome(url, prefix + c[0] + ".com", c[1]))
          .as("%s%s.com %s", prefix, c[0], c[1])
          .isEqualTo(c[2]);
    }

    // a ListenerSet in another namespace: "Same" is the ListenerSet's namespace
    String crossLs = "listenerset-test-allowed-routes-cross-ns";
    listenerSetIn(
        lsNs,
        crossLs,
        gw,
        "  listeners:\n  - {name: "
            + prefix
            + "cross-ns-same, port: 80, protocol: HTTP, hostname: "
            + prefix
            + "cross-ns-same.com, allowedRoutes: {namespaces: {from: Same}}}\n");
    String crossRef =
        "[{kind: ListenerSet, group: gateway.networking.k8s.io, name: "
            + crossLs
            + ", namespace: "
            + lsNs
            + "}]";
    awaitThat(
            cluster,
            routeIn(
                lsNs,
                "route-in-listenerset-namespace",
                crossRef,
                "/route-in-listenerset-namespace",
                "infra-backend-v1"))
        .hasResolvedRefs();
    routeIn(
        "$NS",
        "route-in-gateway-namespace",
        crossRef,
        "/route-in-gateway-namespace",
        "infra-backend-v2");
    EmbeddedGatewayTrafficTest.eventually(
        () ->
            outcome(url, prefix + "cross-ns-same.com", "/route-in-listenerset-namespace")
                .equals("infra-backend-v1"));
    assertThat(outcome(url, prefix + "cross-ns-same.com", "/route-in-gateway-namespace"))
        .isEqualTo("404");
  }
}
