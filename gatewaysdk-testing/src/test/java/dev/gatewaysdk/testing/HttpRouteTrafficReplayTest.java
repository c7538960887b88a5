package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.TrafficReplay.get;
import static dev.gatewaysdk.testing.TrafficReplay.request;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The traffic expectations of the Gateway API v1.6.1 conformance suite's {@code httproute-*} tests,
 * replayed against the embedded Gateway ({@link TrafficReplay}): one method per conformance test,
 * named after it, rebuilding its objects with our own manifests ({@code $INFRA} stands for the
 * suite's {@code gateway-conformance-infra} namespace, {@code $WEB} and {@code $APP} for its web
 * and app backend namespaces) and sending its requests, table-driven like the suite. The echo
 * backends are named as the suite's pods ({@code infra-backend-v1} ...). docs/conformance.md lists
 * which test each method replays.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeaks.class)
class HttpRouteTrafficReplayTest {
  static final String V1 = "infra-backend-v1";
  static final String V2 = "infra-backend-v2";
  static final String V3 = "infra-backend-v3";

  /** The suite's base Gateway {@code same-namespace}: HTTP on 80, routes from its namespace. */
  static final String SAME_NAMESPACE_GATEWAY =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
          + "metadata: {name: same-namespace, namespace: $INFRA}\n"
          + "spec:\n  gatewayClassName: $CLASS\n"
          + "  listeners:\n"
          + "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n";

  GatewayCluster cluster;
  TestNamespace ns;
  TrafficReplay replay;
  String infra;

  @BeforeEach
  void start() {
    replay = new TrafficReplay(cluster, ns);
    infra = replay.infra;
  }

  @AfterEach
  void stop() {
    replay.close();
  }

  /** An HTTPRoute {@code name} in {@code $INFRA} whose spec is {@code spec} (YAML, indented 2). */
  static String route(String name, String spec) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
        + "metadata: {name: "
        + name
        + ", namespace: $INFRA}\nspec:\n"
        + spec;
  }

  /**
   * The infra echo backends v1..v3, Gateway {@code same-namespace} and the routes of {@code
   * routesYaml} (each accepted with resolved references); returns the Gateway's HTTP URL.
   */
  URI sameNamespace(String routesYaml, String... routes) {
    replay.backends(infra, V1, V2, V3).apply(SAME_NAMESPACE_GATEWAY).apply(routesYaml);
    URI url = replay.gateway("same-namespace").url("http");
    replay.resolved("same-namespace", routes);
    return url;
  }

  @Test
  void httpRouteSimpleSameNamespace() {
    URI gw =
        sameNamespace(
            route(
                "gateway-conformance-infra-test",
                "  parentRefs: [{name: same-namespace}]\n"
                    + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n"),
            "gateway-conformance-infra-test");
    replay.expect(gw, get("/").backend(infra, V1));
  }

  @Test
  void httpRouteExactPathMatching() {
    URI gw =
        sameNamespace(
            route(
                "exact-matching",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: Exact, value: /one}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: Exact, value: /two}}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "exact-matching");
    replay.expect(
        gw,
        get("/one").backend(infra, V1),
        get("/two").backend(infra, V2),
        get("/").status(404),
        get("/one/example").status(404),
        get("/two/").status(404),
        get("/Two").status(404));
  }

  @Test
  void httpRouteHeaderMatching() {
    URI gw =
        sameNamespace(
            route(
                "header-matching",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{headers: [{name: version, value: one}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: two}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "header-matching");
    replay.expect(
        gw,
        get("/").header("Version", "one").backend(infra, V1),
        get("/").header("Version", "two").backend(infra, V2),
        get("/").header("Version", "two").header("Color", "orange").backend(infra, V1),
        get("/").header("Version", "two").header("Color", "blue").backend(infra, V2),
        get("/").header("Color", "orange").status(404),
        get("/").header("Some-Other-Header", "one").status(404),
        get("/").header("Color", "blue").backend(infra, V1),
        get("/").header("Color", "green").backend(infra, V1),
        get("/").header("Color", "red").backend(infra, V2),
        get("/").header("Color", "yellow").backend(infra, V2),
        get("/").header("Color", "purple").status(404));
  }

  @Test
  void httpRouteMatching() {
    URI gw =
        sameNamespace(
            route(
                "matching",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "matching");
    replay.expect(
        gw,
        get("/").backend(infra, V1),
        get("/example").backend(infra, V1),
        get("/").header("Version", "one").backend(infra, V1),
        get("/v2").backend(infra, V2),
        get("/v2/example").backend(infra, V2),
        get("/").header("Version", "two").backend(infra, V2),
        get("/v2/").backend(infra, V2),
        get("/v2example").backend(infra, V1),
        get("/foo/v2/example").backend(infra, V1));
  }

  @Test
  void httpRouteMatchingAcrossRoutes() {
    URI gw =
        sameNamespace(
            route(
                    "matching-part1",
                    "  parentRefs: [{name: same-namespace}]\n  hostnames: [example.com, example.net]\n"
                        + "  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n")
                + "---\n"
                + route(
                    "matching-part2",
                    "  parentRefs: [{name: same-namespace}]\n  hostnames: [example.com]\n"
                        + "  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]\n"
                        + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "matching-part1",
            "matching-part2");
    replay.expect(
        gw,
        get("/").host("example.com").backend(infra, V1),
        get("/example").host("example.com").backend(infra, V1),
        get("/example").host("example.net").backend(infra, V1),
        get("/example").host("example.com").header("Version", "one").backend(infra, V1),
        get("/v2").host("example.com").backend(infra, V2),
        get("/v2").host("example.net").backend(infra, V1),
        get("/v2/example").host("example.com").backend(infra, V2),
        get("/").host("example.com").header("Version", "two").backend(infra, V2));
  }

  @Test
  void httpRouteMethodMatching() {
    URI gw =
        sameNamespace(
            route(
                "method-matching",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{method: POST}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{method: GET}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path1}, method: GET}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: one}], method: PUT}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}], method: POST}]\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"
                    + "  - matches:\n"
                    + "    - {path: {type: PathPrefix, value: /path3}, method: PATCH}\n"
                    + "    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}], method: DELETE}\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path5}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{method: PATCH}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: four}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"),
            "method-matching");
    replay.expect(
        gw,
        request("POST", "/").backend(infra, V1),
        get("/").backend(infra, V2),
        request("HEAD", "/").status(404),
        get("/path1").backend(infra, V1),
        request("PUT", "/").header("version", "one").backend(infra, V2),
        request("POST", "/path2").header("version", "two").backend(infra, V3),
        request("PATCH", "/path3").backend(infra, V1),
        request("DELETE", "/path4").header("version", "three").backend(infra, V1),
        request("PUT", "/").status(404),
        request("DELETE", "/path4").status(404),
        request("PATCH", "/path5").backend(infra, V1),
        request("PATCH", "/").header("version", "four").backend(infra, V2));
  }

  @Test
  void httpRouteListenerHostnameMatching() {
    replay
        .backends(infra, V1, V2, V3)
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-listener-hostname-matching, namespace: $INFRA}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: listener-1, port: 80, protocol: HTTP, hostname: bar.com}\n"
                + "  - {name: listener-2, port: 80, protocol: HTTP, hostname: foo.bar.com}\n"
                + "  - {name: listener-3, port: 80, protocol: HTTP, hostname: '*.bar.com'}\n"
                + "  - {name: listener-4, port: 80, protocol: HTTP, hostname: '*.foo.com'}\n"
                + "---\n"
                + route(
                    "backend-v1",
                    "  parentRefs: [{name: httproute-listener-hostname-matching, sectionName: listener-1}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "backend-v2",
                    "  parentRefs: [{name: httproute-listener-hostname-matching, sectionName: listener-2}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "backend-v3",
                    "  parentRefs:\n"
                        + "  - {name: httproute-listener-hostname-matching, sectionName: listener-3}\n"
                        + "  - {name: httproute-listener-hostname-matching, sectionName: listener-4}\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]\n"));
    URI gw = replay.gateway("httproute-listener-hostname-matching").url("listener-1");
    replay.resolved(
        "httproute-listener-hostname-matching", "backend-v1", "backend-v2", "backend-v3");
    replay.expect(
        gw,
        get("/").host("bar.com").backend(infra, V1),
        get("/").host("foo.bar.com").backend(infra, V2),
        get("/").host("baz.bar.com").backend(infra, V3),
        get("/").host("boo.bar.com").backend(infra, V3),
        get("/").host("multiple.prefixes.bar.com").backend(infra, V3),
        get("/").host("multiple.prefixes.foo.com").backend(infra, V3),
        get("/").host("foo.com").status(404),
        get("/").host("no.matching.host").status(404));
  }

  @Test
  void httpRouteListenerPortMatching() {
    replay
        .backends(infra, V1, V2, V3)
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-listener-port-matching, namespace: $INFRA}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: listener-1, port: 80, protocol: HTTP, hostname: foo.com}\n"
                + "  - {name: listener-2, port: 8080, protocol: HTTP, hostname: foo.com}\n"
                + "  - {name: listener-3, port: 8080, protocol: HTTP, hostname: bar.com}\n"
                + "  - {name: listener-4, port: 8090, protocol: HTTP, hostname: foo.com}\n"
                + "  - {name: listener-5, port: 8090, protocol: HTTP, hostname: bar.com}\n"
                + "---\n"
                + route(
                    "backend-v1",
                    "  parentRefs: [{name: httproute-listener-port-matching, port: 80}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "backend-v2",
                    "  parentRefs: [{name: httproute-listener-port-matching, port: 8080}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "backend-v3",
                    "  parentRefs: [{name: httproute-listener-port-matching, port: 8090, sectionName: listener-4}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v3, port: 8080}]}]\n"));
    EmbeddedGateway gw = replay.gateway("httproute-listener-port-matching");
    replay.resolved("httproute-listener-port-matching", "backend-v1", "backend-v2", "backend-v3");
    URI port80 = gw.url("listener-1");
    URI port8080 = gw.url("listener-2");
    URI port8090 = gw.url("listener-4");
    replay.expect(port80, get("/").host("foo.com").backend(infra, V1));
    replay.expect(
        port8080,
        get("/").host("foo.com:8080").backend(infra, V2),
        get("/").host("bar.com:8080").backend(infra, V2));
    replay.expect(
        port8090,
        get("/").host("foo.com:8090").backend(infra, V3),
        get("/").host("bar.com:8090").status(404));
  }

  @Test
  void httpRouteWeight() throws Exception {
    URI gw =
        sameNamespace(
            route(
                "weighted-backends",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - backendRefs:\n"
                    + "    - {name: infra-backend-v1, port: 8080, weight: 70}\n"
                    + "    - {name: infra-backend-v2, port: 8080, weight: 30}\n"
                    + "    - {name: infra-backend-v3, port: 8080, weight: 0}\n"),
            "weighted-backends");
    replay.expect(gw, get("/").status(200).backend(infra, null));
    replay.expectWeights(gw, get("/").backend(infra, null), Map.of(V1, 0.7, V2, 0.3, V3, 0.0));
  }
}
