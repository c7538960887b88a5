package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.TrafficReplay.SAME_NAMESPACE_GATEWAY;
import static dev.gatewaysdk.testing.TrafficReplay.V1;
import static dev.gatewaysdk.testing.TrafficReplay.V2;
import static dev.gatewaysdk.testing.TrafficReplay.V3;
import static dev.gatewaysdk.testing.TrafficReplay.get;
import static dev.gatewaysdk.testing.TrafficReplay.request;
import static dev.gatewaysdk.testing.TrafficReplay.route;

import dev.gatewaysdk.model.HTTPRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The traffic expectations of the Gateway API v1.6.1 conformance suite's {@code httproute-*} tests,
 * replayed against the embedded Gateway ({@link TrafficReplay}): one method per conformance test,
 * named after it, rebuilding its objects with our own manifests ({@code $NS} stands for the suite's
 * {@code gateway-conformance-infra} namespace, {@code $WEB} and {@code $APP} for its web and app
 * backend namespaces) and sending its requests, table-driven like the suite. The echo backends are
 * named as the suite's pods ({@code infra-backend-v1} ...). docs/conformance.md lists which test
 * each method replays.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpRouteTrafficReplayTest extends TrafficReplay {
  @Test
  void httpRouteSimpleSameNamespace() {
    URI gw =
        sameNamespace(
            route(
                "gateway-conformance-infra-test",
                "  parentRefs: [{name: same-namespace}]\n"
                    + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n"),
            "gateway-conformance-infra-test");
    expect(gw, get("/").backend(infra, V1));
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
    expect(
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
    expect(
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
    expect(
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
    expect(
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
    expect(
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
    backends(infra, V1, V2, V3)
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-listener-hostname-matching, namespace: $NS}\n"
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
    URI gw = gateway("httproute-listener-hostname-matching").url("listener-1");
    resolved("httproute-listener-hostname-matching", "backend-v1", "backend-v2", "backend-v3");
    expect(
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
    backends(infra, V1, V2, V3)
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-listener-port-matching, namespace: $NS}\n"
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
    EmbeddedGateway gw = gateway("httproute-listener-port-matching");
    resolved("httproute-listener-port-matching", "backend-v1", "backend-v2", "backend-v3");
    URI port80 = gw.url("listener-1");
    URI port8080 = gw.url("listener-2");
    URI port8090 = gw.url("listener-4");
    expect(port80, get("/").host("foo.com").backend(infra, V1));
    expect(
        port8080,
        get("/").host("foo.com:8080").backend(infra, V2),
        get("/").host("bar.com:8080").backend(infra, V2));
    expect(
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
    expect(gw, get("/").status(200).backend(infra, null));
    expectWeights(gw, get("/").backend(infra, null), Map.of(V1, 0.7, V2, 0.3, V3, 0.0));
  }

  /**
   * One rule per entry: a PathPrefix match on {@code path} and a RequestRedirect {@code redirect}.
   */
  static String redirects(String name, String parent, String... pathAndRedirect) {
    StringBuilder b = new StringBuilder("  parentRefs: [{name: " + parent + "}]\n  rules:\n");
    for (int i = 0; i < pathAndRedirect.length; i += 2) {
      b.append("  - matches: [{path: {type: PathPrefix, value: ")
          .append(pathAndRedirect[i])
          .append("}}]\n    filters: [{type: RequestRedirect, requestRedirect: ")
          .append(pathAndRedirect[i + 1])
          .append("}]\n");
    }
    return route(name, b.toString());
  }

  @Test
  void httpRoute303Redirect() {
    URI gw =
        sameNamespace(
            redirects("303-redirect", "same-namespace", "/see-other", "{statusCode: 303}"),
            "303-redirect");
    expect(gw, request("POST", "/see-other").redirect(303, null, null, null, "/see-other"));
  }

  @Test
  void httpRoute307Redirect() {
    URI gw =
        sameNamespace(
            redirects("307-redirect", "same-namespace", "/temporary", "{statusCode: 307}"),
            "307-redirect");
    expect(gw, get("/temporary").redirect(307, null, null, null, "/temporary"));
  }

  @Test
  void httpRoute308Redirect() {
    URI gw =
        sameNamespace(
            redirects("308-redirect", "same-namespace", "/permanent", "{statusCode: 308}"),
            "308-redirect");
    expect(gw, get("/permanent").redirect(308, null, null, null, "/permanent"));
  }

  @Test
  void httpRouteRedirectHostAndStatus() {
    URI gw =
        sameNamespace(
            redirects(
                "redirect-host-and-status",
                "same-namespace",
                "/hostname-redirect",
                "{hostname: example.org}",
                "/host-and-status",
                "{statusCode: 301, hostname: example.org}"),
            "redirect-host-and-status");
    expect(
        gw,
        get("/hostname-redirect").redirect(302, null, "example.org", null, null),
        get("/host-and-status").redirect(301, null, "example.org", null, null));
  }

  @Test
  void httpRouteRedirectPath() {
    URI gw =
        sameNamespace(
            redirects(
                "redirect-path",
                "same-namespace",
                "/original-prefix",
                "{path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}}",
                "/full",
                "{path: {type: ReplaceFullPath, replaceFullPath: /full-path-replacement}}",
                "/path-and-host",
                "{hostname: example.org, path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}}",
                "/path-and-status",
                "{path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}, statusCode: 301}",
                "/full-path-and-host",
                "{hostname: example.org, path: {type: ReplaceFullPath, replaceFullPath: /replacement-full}}",
                "/full-path-and-status",
                "{path: {type: ReplaceFullPath, replaceFullPath: /replacement-full}, statusCode: 301}"),
            "redirect-path");
    expect(
        gw,
        get("/original-prefix/lemon").redirect(302, null, null, null, "/replacement-prefix/lemon"),
        get("/full/path/original").redirect(302, null, null, null, "/full-path-replacement"),
        get("/path-and-host").redirect(302, null, "example.org", null, "/replacement-prefix"),
        get("/path-and-status").redirect(301, null, null, null, "/replacement-prefix"),
        get("/full-path-and-host").redirect(302, null, "example.org", null, "/replacement-full"),
        get("/full-path-and-status").redirect(301, null, null, null, "/replacement-full"));
  }

  @Test
  void httpRouteRedirectPort() {
    URI gw =
        sameNamespace(
            redirects(
                "redirect-port",
                "same-namespace",
                "/port",
                "{port: 8083}",
                "/port-and-host",
                "{hostname: example.org, port: 8083}",
                "/port-and-status",
                "{port: 8083, statusCode: 301}",
                "/port-and-host-and-status",
                "{port: 8083, hostname: example.org, statusCode: 302}"),
            "redirect-port");
    expect(
        gw,
        get("/port").redirect(302, null, null, "8083", null),
        get("/port-and-host").redirect(302, null, "example.org", "8083", null),
        get("/port-and-status").redirect(301, null, null, "8083", null),
        get("/port-and-host-and-status").redirect(302, null, "example.org", "8083", null));
  }

  @Test
  void httpRouteRedirectScheme() {
    URI gw =
        sameNamespace(
            redirects(
                "redirect-scheme",
                "same-namespace",
                "/scheme",
                "{scheme: https}",
                "/scheme-and-host",
                "{hostname: example.org, scheme: https}",
                "/scheme-and-status",
                "{scheme: https, statusCode: 301}",
                "/scheme-and-host-and-status",
                "{scheme: https, statusCode: 302, hostname: example.org}"),
            "redirect-scheme");
    expect(
        gw,
        get("/scheme").redirect(302, "https", null, null, null),
        get("/scheme-and-host").redirect(302, "https", "example.org", null, null),
        get("/scheme-and-status").redirect(301, "https", null, null, null),
        get("/scheme-and-host-and-status").redirect(302, "https", "example.org", null, null));
  }

  /**
   * Gateway {@code same-namespace-with-https-listener} as the suite's: four HTTPS listeners on 443
   * (no hostname, {@code second-example.org}, {@code *.wildcard.org}, {@code
   * fourth-example.wildcard.org}) terminating TLS with Secret {@code
   * tls-validity-checks-certificate}, routes from their namespace.
   */
  void httpsGateway() {
    cluster.create(
        Fixtures.tlsSecret(
            infra,
            "tls-validity-checks-certificate",
            "example.org",
            "second-example.org",
            "*.wildcard.org",
            "unknown-example.org"));
    StringBuilder b =
        new StringBuilder(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: same-namespace-with-https-listener, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n");
    String[][] listeners = {
      {"https", null},
      {"https-with-hostname", "second-example.org"},
      {"https-with-wildcard-hostname", "'*.wildcard.org'"},
      {"https-with-hostname-matching-wildcard", "fourth-example.wildcard.org"}
    };
    for (String[] l : listeners) {
      b.append("  - name: ").append(l[0]).append("\n    port: 443\n    protocol: HTTPS\n");
      if (l[1] != null) {
        b.append("    hostname: ").append(l[1]).append("\n");
      }
      b.append("    allowedRoutes: {namespaces: {from: Same}}\n")
          .append("    tls: {certificateRefs: [{name: tls-validity-checks-certificate}]}\n");
    }
    apply(b.toString());
  }

  @Test
  void httpRouteRedirectPortAndScheme() {
    httpsGateway();
    URI gw80 =
        sameNamespace(
            redirects(
                    "http-route-for-listener-on-port-80",
                    "same-namespace",
                    "/scheme-nil-and-port-nil",
                    "{hostname: example.org}",
                    "/scheme-nil-and-port-80",
                    "{port: 80, hostname: example.org}",
                    "/scheme-nil-and-port-8080",
                    "{port: 8080, hostname: example.org}",
                    "/scheme-https-and-port-nil",
                    "{scheme: https, hostname: example.org}",
                    "/scheme-https-and-port-443",
                    "{scheme: https, port: 443, hostname: example.org}",
                    "/scheme-https-and-port-8443",
                    "{scheme: https, port: 8443, hostname: example.org}")
                + "---\n"
                + "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: same-namespace-with-http-listener-on-8080, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: http, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n"
                + "---\n"
                + redirects(
                    "http-route-for-listener-on-port-8080",
                    "same-namespace-with-http-listener-on-8080",
                    "/scheme-nil-and-port-nil",
                    "{hostname: example.org}",
                    "/scheme-nil-and-port-80",
                    "{port: 80, hostname: example.org}",
                    "/scheme-https-and-port-nil",
                    "{scheme: https, hostname: example.org}")
                + "---\n"
                + redirects(
                    "http-route-for-listener-on-port-443",
                    "same-namespace-with-https-listener",
                    "/scheme-nil-and-port-nil",
                    "{hostname: example.org}",
                    "/scheme-nil-and-port-443",
                    "{port: 443, hostname: example.org}",
                    "/scheme-nil-and-port-8443",
                    "{port: 8443, hostname: example.org}",
                    "/scheme-http-and-port-nil",
                    "{scheme: http, hostname: example.org}",
                    "/scheme-http-and-port-80",
                    "{scheme: http, port: 80, hostname: example.org}",
                    "/scheme-http-and-port-8080",
                    "{scheme: http, port: 8080, hostname: example.org}"),
            "http-route-for-listener-on-port-80");
    URI gw8080 = gateway("same-namespace-with-http-listener-on-8080").url("http");
    URI gw443 = gateway("same-namespace-with-https-listener").url("https");
    resolved("same-namespace-with-http-listener-on-8080", "http-route-for-listener-on-port-8080");
    resolved("same-namespace-with-https-listener", "http-route-for-listener-on-port-443");
    expect(
        gw80,
        get("/scheme-nil-and-port-nil").redirect(302, "http", "example.org", null, null),
        get("/scheme-nil-and-port-80").redirect(302, "http", "example.org", null, null),
        get("/scheme-nil-and-port-8080").redirect(302, "http", "example.org", "8080", null),
        get("/scheme-https-and-port-nil").redirect(302, "https", "example.org", null, null),
        get("/scheme-https-and-port-443").redirect(302, "https", "example.org", null, null),
        get("/scheme-https-and-port-8443").redirect(302, "https", "example.org", "8443", null));
    expect(
        gw8080,
        get("/scheme-nil-and-port-nil").redirect(302, "http", "example.org", "8080", null),
        get("/scheme-nil-and-port-80").redirect(302, "http", "example.org", null, null),
        get("/scheme-https-and-port-nil").redirect(302, "https", "example.org", null, null));
    expect(
        gw443,
        get("/scheme-nil-and-port-nil")
            .host("example.org")
            .redirect(302, "https", "example.org", null, null),
        get("/scheme-nil-and-port-443")
            .host("example.org")
            .redirect(302, "https", "example.org", null, null),
        get("/scheme-nil-and-port-8443")
            .host("example.org")
            .redirect(302, "https", "example.org", "8443", null),
        get("/scheme-http-and-port-nil")
            .host("example.org")
            .redirect(302, "http", "example.org", null, null),
        get("/scheme-http-and-port-80")
            .host("example.org")
            .redirect(302, "http", "example.org", null, null),
        get("/scheme-http-and-port-8080")
            .host("example.org")
            .redirect(302, "http", "example.org", "8080", null));
  }

  /** The request header modifier used by the rewrite and mirror tests. */
  static final String MODIFY_HEADERS =
      "{type: RequestHeaderModifier, requestHeaderModifier: {"
          + "set: [{name: X-Header-Set, value: set-overwrites-values}], "
          + "add: [{name: X-Header-Add, value: header-val-1}, {name: X-Header-Add-Append, value: header-val-2}], "
          + "remove: [X-Header-Remove]}}";

  /** A request the {@link #MODIFY_HEADERS} filter changes, expected as modified at the backend. */
  static TrafficReplay.Case modifiedHeaders(String path) {
    return get(path)
        .header("X-Header-Remove", "remove-val")
        .header("X-Header-Add-Append", "append-val-1")
        .seenHeader("X-Header-Add", "header-val-1")
        .seenHeader("X-Header-Add-Append", "append-val-1,header-val-2")
        .seenHeader("X-Header-Set", "set-overwrites-values")
        .seenAbsent("X-Header-Remove");
  }

  @Test
  void httpRouteRewriteHost() {
    URI gw =
        sameNamespace(
            route(
                "rewrite-host",
                "  parentRefs: [{name: same-namespace}]\n  hostnames: [rewrite.example]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /one}}]\n"
                    + "    filters: [{type: URLRewrite, urlRewrite: {hostname: one.example.org}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - filters: [{type: URLRewrite, urlRewrite: {hostname: example.org}}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /rewrite-host-and-modify-headers}}]\n"
                    + "    filters:\n"
                    + "    - {type: URLRewrite, urlRewrite: {hostname: test.example.org}}\n"
                    + "    - "
                    + MODIFY_HEADERS
                    + "\n    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "rewrite-host");
    expect(
        gw,
        get("/one").host("rewrite.example").seenHost("one.example.org").backend(infra, V1),
        get("/two").host("rewrite.example").seenHost("example.org").backend(infra, V2),
        modifiedHeaders("/rewrite-host-and-modify-headers")
            .host("rewrite.example")
            .seenHost("test.example.org")
            .backend(infra, V2));
  }

  @Test
  void httpRouteRewritePath() {
    String modify =
        "{type: RequestHeaderModifier, requestHeaderModifier: {"
            + "set: [{name: X-Header-Set, value: set-overwrites-values}], "
            + "add: [{name: X-Header-Add, value: header-val-1}, {name: X-Header-Add-Append, value: header-val-2}], "
            + "remove: [X-Header-Remove]}}";
    URI gw =
        sameNamespace(
            route(
                "rewrite-path",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /prefix/one}}]\n"
                    + "    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /strip-prefix}}]\n"
                    + "    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /full/one}}]\n"
                    + "    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /one}}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /full/rewrite-path-and-modify-headers}}]\n"
                    + "    filters:\n"
                    + "    - {type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /test}}}\n"
                    + "    - "
                    + modify
                    + "\n    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /prefix/rewrite-path-and-modify-headers}}]\n"
                    + "    filters:\n"
                    + "    - {type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /prefix}}}\n"
                    + "    - "
                    + modify
                    + "\n    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "rewrite-path");
    expect(
        gw,
        get("/prefix/one/two").seenPath("/one/two").backend(infra, V1),
        get("/strip-prefix/three").seenPath("/three").backend(infra, V1),
        get("/strip-prefix").seenPath("/").backend(infra, V1),
        get("/full/one/two").seenPath("/one").backend(infra, V1),
        modifiedHeaders("/full/rewrite-path-and-modify-headers/test")
            .header("X-Header-Set", "set-val")
            .seenPath("/test")
            .backend(infra, V1),
        modifiedHeaders("/prefix/rewrite-path-and-modify-headers/one")
            .header("X-Header-Set", "set-val")
            .seenPath("/prefix/one")
            .backend(infra, V1));
  }

  /**
   * The five rules of the request header modifier tests; {@code filtersOnBackend} as the backend
   * variant.
   */
  static String headerModifierRoute(boolean filtersOnBackend) {
    String[][] rules = {
      {"/set", "{set: [{name: X-Header-Set, value: set-overwrites-values}]}"},
      {"/add", "{add: [{name: X-Header-Add, value: add-appends-values}]}"},
      {"/remove", "{remove: [X-Header-Remove]}"},
      {
        "/multiple",
        "{set: [{name: X-Header-Set-1, value: header-set-1}, {name: X-Header-Set-2, value: header-set-2}],"
            + " add: [{name: X-Header-Add-1, value: header-add-1}, {name: X-Header-Add-2, value: header-add-2},"
            + " {name: X-Header-Add-3, value: header-add-3}], remove: [X-Header-Remove-1, X-Header-Remove-2]}"
      },
      {
        "/case-insensitivity",
        "{set: [{name: X-Header-Set, value: header-set}], add: [{name: X-Header-Add, value: header-add}],"
            + " remove: [X-Header-Remove]}"
      },
    };
    StringBuilder b = new StringBuilder("  parentRefs: [{name: same-namespace}]\n  rules:\n");
    for (String[] r : rules) {
      String filter = "[{type: RequestHeaderModifier, requestHeaderModifier: " + r[1] + "}]";
      b.append("  - matches: [{path: {type: PathPrefix, value: ").append(r[0]).append("}}]\n");
      if (filtersOnBackend) {
        b.append("    backendRefs: [{name: infra-backend-v1, port: 8080, filters: ")
            .append(filter)
            .append("}]\n");
      } else {
        b.append("    filters: ").append(filter).append("\n");
        b.append("    backendRefs: [{name: infra-backend-v1, port: 8080}]\n");
      }
    }
    return route("request-header-modifier", b.toString());
  }

  void expectHeaderModifications(URI gw) {
    expect(
        gw,
        get("/set")
            .header("Some-Other-Header", "val")
            .seenHeader("Some-Other-Header", "val")
            .seenHeader("X-Header-Set", "set-overwrites-values")
            .backend(infra, V1),
        get("/set")
            .header("Some-Other-Header", "val")
            .header("X-Header-Set", "some-other-value")
            .seenHeader("Some-Other-Header", "val")
            .seenHeader("X-Header-Set", "set-overwrites-values")
            .backend(infra, V1),
        get("/add")
            .header("Some-Other-Header", "val")
            .seenHeader("Some-Other-Header", "val")
            .seenHeader("X-Header-Add", "add-appends-values")
            .backend(infra, V1),
        get("/add")
            .header("Some-Other-Header", "val")
            .header("X-Header-Add", "some-other-value")
            .seenHeader("Some-Other-Header", "val")
            .seenHeader("X-Header-Add", "some-other-value,add-appends-values")
            .backend(infra, V1),
        get("/remove")
            .header("X-Header-Remove", "val")
            .seenAbsent("X-Header-Remove")
            .backend(infra, V1),
        get("/multiple")
            .header("X-Header-Set-2", "set-val-2")
            .header("X-Header-Add-2", "add-val-2")
            .header("X-Header-Remove-2", "remove-val-2")
            .header("Another-Header", "another-header-val")
            .seenHeader("X-Header-Set-1", "header-set-1")
            .seenHeader("X-Header-Set-2", "header-set-2")
            .seenHeader("X-Header-Add-1", "header-add-1")
            .seenHeader("X-Header-Add-2", "add-val-2,header-add-2")
            .seenHeader("X-Header-Add-3", "header-add-3")
            .seenHeader("Another-Header", "another-header-val")
            .seenAbsent("X-Header-Remove-1", "X-Header-Remove-2")
            .backend(infra, V1),
        get("/case-insensitivity")
            .header("x-header-set", "original-val-set")
            .header("x-header-add", "original-val-add")
            .header("x-header-remove", "original-val-remove")
            .header("Another-Header", "another-header-val")
            .seenHeader("X-Header-Set", "header-set")
            .seenHeader("X-Header-Add", "original-val-add,header-add")
            .seenHeader("Another-Header", "another-header-val")
            .seenAbsent("x-header-remove")
            .backend(infra, V1));
  }

  @Test
  void httpRouteRequestHeaderModifier() {
    expectHeaderModifications(sameNamespace(headerModifierRoute(false), "request-header-modifier"));
  }

  /**
   * The suite's {@code HTTPRouteBackendRequestHeaderModifier}: the same filters on the backendRef.
   */
  @Test
  void httpRouteBackendRequestHeaderModifier() {
    expectHeaderModifications(sameNamespace(headerModifierRoute(true), "request-header-modifier"));
  }

  @Test
  void httpRouteRequestHeaderModifierBackendWeights() throws Exception {
    URI gw =
        sameNamespace(
            route(
                "request-header-modifier-backend-weights",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n  - backendRefs:\n"
                    + "    - name: infra-backend-v1\n      port: 8080\n      weight: 10\n"
                    + "      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: Backend, value: infra-backend-v1}]}}]\n"
                    + "    - name: infra-backend-v2\n      port: 8080\n      weight: 10\n"
                    + "      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: Backend, value: infra-backend-v2}]}}]\n"),
            "request-header-modifier-backend-weights");
    expect(gw, get("/").backend(infra, null));
    // The suite sends 100 requests and checks each went to the backend its backendRef's filter
    // names.
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < 100; i++) {
      RawHttp.Response r = send(gw, get("/"));
      String backend = r.json().path("backend").asText();
      org.assertj.core.api.Assertions.assertThat(r.json().path("headers").path("backend").asText())
          .as("the Backend header set by the backendRef's filter of request %d", i)
          .isEqualTo(backend);
      seen.merge(backend, 1, Integer::sum);
    }
    org.assertj.core.api.Assertions.assertThat(seen).containsOnlyKeys(V1, V2);
  }

  @Test
  void httpRouteRequestMirror() {
    URI gw =
        sameNamespace(
            route(
                "request-mirror",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /mirror}}]\n"
                    + "    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /mirror-and-modify-headers}}]\n"
                    + "    filters:\n    - "
                    + MODIFY_HEADERS
                    + "\n    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}}}\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "request-mirror");
    expect(gw, get("/mirror?requestID=1").backend(infra, V1));
    expectMirrored(infra, V2, "/mirror?requestID=1");
    expect(gw, modifiedHeaders("/mirror-and-modify-headers?requestID=2").backend(infra, V1));
    expectMirrored(infra, V2, "/mirror-and-modify-headers?requestID=2");
  }

  @Test
  void httpRouteRequestMultipleMirrors() {
    String mirrors =
        "    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}}}\n"
            + "    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v3, port: 8080}}}\n";
    URI gw =
        sameNamespace(
            route(
                "request-multiple-mirrors",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /multi-mirror}}]\n"
                    + "    filters:\n"
                    + mirrors
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /multi-mirror-and-modify-request-headers}}]\n"
                    + "    filters:\n    - "
                    + MODIFY_HEADERS
                    + "\n"
                    + mirrors
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "request-multiple-mirrors");
    expect(gw, get("/multi-mirror?requestID=1").backend(infra, V1));
    expectMirrored(infra, V2, "/multi-mirror?requestID=1");
    expectMirrored(infra, V3, "/multi-mirror?requestID=1");
    String modified = "/multi-mirror-and-modify-request-headers?requestID=2";
    expect(gw, modifiedHeaders(modified).backend(infra, V1));
    expectMirrored(infra, V2, modified);
    expectMirrored(infra, V3, modified);
  }

  @Test
  void httpRoutePathMatchOrder() {
    StringBuilder rules = new StringBuilder("  parentRefs: [{name: same-namespace}]\n  rules:\n");
    String[][] table = {
      {"Exact", "/match", V1},
      {"Exact", "/match/exact", V2},
      {"Exact", "/match/exact/one", V3},
      {"PathPrefix", "/match/", V3},
      {"PathPrefix", "/match/prefix/", V1},
      {"PathPrefix", "/match/prefix/one", V2}
    };
    for (String[] r : table) {
      rules
          .append("  - matches: [{path: {type: ")
          .append(r[0])
          .append(", value: ")
          .append(r[1])
          .append("}}]\n    backendRefs: [{name: ")
          .append(r[2])
          .append(", port: 8080}]\n");
    }
    URI gw = sameNamespace(route("path-matching-order", rules.toString()), "path-matching-order");
    expect(
        gw,
        get("/match/exact/one").backend(infra, V3),
        get("/match/exact").backend(infra, V2),
        get("/match").backend(infra, V1),
        get("/match/prefix/one/any").backend(infra, V2),
        get("/match/prefix/any").backend(infra, V1),
        get("/match/any").backend(infra, V3));
  }

  @Test
  void httpRouteQueryParamMatching() {
    URI gw =
        sameNamespace(
            route(
                "query-param-matching",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{queryParams: [{name: animal, value: whale}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{queryParams: [{name: animal, value: dolphin}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches:\n"
                    + "    - queryParams: [{name: animal, value: dolphin}, {name: color, value: blue}]\n"
                    + "    - queryParams: [{name: ANIMAL, value: Whale}]\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path1}, queryParams: [{name: animal, value: whale}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: one}], queryParams: [{name: animal, value: whale}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}],"
                    + " queryParams: [{name: animal, value: whale}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"
                    + "  - matches:\n"
                    + "    - {path: {type: PathPrefix, value: /path3}, queryParams: [{name: animal, value: shark}]}\n"
                    + "    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}],"
                    + " queryParams: [{name: animal, value: kraken}]}\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /path5}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{queryParams: [{name: animal, value: hydra}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"
                    + "  - matches: [{headers: [{name: version, value: four}]}]\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"),
            "query-param-matching");
    expect(
        gw,
        get("/?animal=whale").backend(infra, V1),
        get("/?animal=dolphin").backend(infra, V2),
        get("/?animal=dolphin&color=blue").backend(infra, V3),
        get("/?ANIMAL=Whale").backend(infra, V3),
        get("/?animal=whale&otherparam=irrelevant").backend(infra, V1),
        get("/?animal=dolphin&color=yellow").backend(infra, V2),
        get("/?color=blue").status(404),
        get("/?animal=dog").status(404),
        get("/?animal=whaledolphin").status(404),
        get("/").status(404),
        get("/path1?animal=whale").backend(infra, V1),
        get("/?animal=whale").header("version", "one").backend(infra, V2),
        get("/path2?animal=whale").header("version", "two").backend(infra, V3),
        get("/path3?animal=shark").backend(infra, V1),
        get("/path4?animal=kraken").header("version", "three").backend(infra, V1),
        get("/?animal=shark").status(404),
        get("/path4?animal=kraken").status(404),
        get("/path5?animal=hydra").backend(infra, V1),
        get("/?animal=hydra").header("version", "four").backend(infra, V3));
  }

  @Test
  void httpRouteResponseHeaderModifier() {
    URI gw =
        sameNamespace(
            route(
                "response-header-modifier",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /set}}]\n"
                    + "    filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: X-Header-Set, value: set-overwrites-values}]}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /add}}]\n"
                    + "    filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {add: [{name: X-Header-Add, value: add-appends-values}]}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /remove}}]\n"
                    + "    filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [X-Header-Remove]}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /multiple}}]\n"
                    + "    filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {"
                    + "set: [{name: X-Header-Set-1, value: header-set-1}, {name: X-Header-Set-2, value: header-set-2}], "
                    + "add: [{name: X-Header-Add-1, value: header-add-1}, {name: X-Header-Add-2, value: header-add-2}, "
                    + "{name: X-Header-Add-3, value: header-add-3}], remove: [X-Header-Remove-1, X-Header-Remove-2]}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /case-insensitivity}}]\n"
                    + "    filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {"
                    + "set: [{name: X-Header-Set, value: header-set}], "
                    + "add: [{name: X-Header-Add, value: header-add}, {name: x-lowercase-add, value: lowercase-add}, "
                    + "{name: x-Mixedcase-ADD-1, value: mixedcase-add-1}, {name: X-mixeDcase-add-2, value: mixedcase-add-2}, "
                    + "{name: X-UPPERCASE-ADD, value: uppercase-add}], remove: [X-Header-Remove]}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /response-and-request-header-modifiers}}]\n"
                    + "    filters:\n"
                    + "    - {type: ResponseHeaderModifier, responseHeaderModifier: {"
                    + "set: [{name: X-Header-Set-1, value: header-set-1}, {name: X-Header-Set-2, value: header-set-2}], "
                    + "add: [{name: X-Header-Add-1, value: header-add-1}, {name: X-Header-Add-2, value: header-add-2}], "
                    + "remove: [X-Header-Remove-1, X-Header-Remove-2]}}\n"
                    + "    - "
                    + MODIFY_HEADERS
                    + "\n    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "response-header-modifier");
    expect(
        gw,
        get("/set")
            .backendSets("Some-Other-Header", "val")
            .responseHeader("Some-Other-Header", "val")
            .responseHeader("X-Header-Set", "set-overwrites-values")
            .backend(infra, V1),
        get("/set")
            .backendSets("Some-Other-Header", "val")
            .backendSets("X-Header-Set", "some-other-value")
            .responseHeader("Some-Other-Header", "val")
            .responseHeader("X-Header-Set", "set-overwrites-values")
            .backend(infra, V1),
        get("/add")
            .backendSets("Some-Other-Header", "val")
            .responseHeader("Some-Other-Header", "val")
            .responseHeader("X-Header-Add", "add-appends-values")
            .backend(infra, V1),
        get("/add")
            .backendSets("Some-Other-Header", "val")
            .backendSets("X-Header-Add", "some-other-value")
            .responseHeader("Some-Other-Header", "val")
            .responseHeader("X-Header-Add", "some-other-value,add-appends-values")
            .backend(infra, V1),
        get("/remove")
            .backendSets("X-Header-Remove", "val")
            .responseAbsent("X-Header-Remove")
            .backend(infra, V1),
        get("/multiple")
            .backendSets("X-Header-Set-2", "set-val-2")
            .backendSets("X-Header-Add-2", "add-val-2")
            .backendSets("X-Header-Remove-2", "remove-val-2")
            .backendSets("Another-Header", "another-header-val")
            .backendSets("X-Header-Remove-1", "val")
            .responseHeader("X-Header-Set-1", "header-set-1")
            .responseHeader("X-Header-Set-2", "header-set-2")
            .responseHeader("X-Header-Add-1", "header-add-1")
            .responseHeader("X-Header-Add-2", "add-val-2,header-add-2")
            .responseHeader("X-Header-Add-3", "header-add-3")
            .responseHeader("Another-Header", "another-header-val")
            .responseAbsent("X-Header-Remove-1", "X-Header-Remove-2")
            .backend(infra, V1),
        get("/case-insensitivity")
            .backendSets("x-header-set", "original-val-set")
            .backendSets("x-header-add", "original-val-add")
            .backendSets("x-header-remove", "original-val-remove")
            .backendSets("Another-Header", "another-header-val")
            .responseHeader("X-Header-Set", "header-set")
            .responseHeader("X-Header-Add", "original-val-add,header-add")
            .responseHeader("X-Lowercase-Add", "lowercase-add")
            .responseHeader("X-Mixedcase-Add-1", "mixedcase-add-1")
            .responseHeader("X-Mixedcase-Add-2", "mixedcase-add-2")
            .responseHeader("X-Uppercase-Add", "uppercase-add")
            .responseHeader("Another-Header", "another-header-val")
            .responseAbsent("x-header-remove")
            .backend(infra, V1),
        modifiedHeaders("/response-and-request-header-modifiers")
            .header("X-Header-Echo", "echo")
            .seenHeader("X-Header-Echo", "echo")
            .backendSets("X-Header-Set-2", "set-val-2")
            .backendSets("X-Header-Add-2", "add-val-2")
            .backendSets("X-Header-Remove-2", "remove-val-2")
            .backendSets("Another-Header", "another-header-val")
            .backendSets("X-Header-Remove-1", "remove-val-1")
            .backendSets("X-Header-Echo", "echo")
            .responseHeader("X-Header-Set-1", "header-set-1")
            .responseHeader("X-Header-Set-2", "header-set-2")
            .responseHeader("X-Header-Add-1", "header-add-1")
            .responseHeader("X-Header-Add-2", "add-val-2,header-add-2")
            .responseHeader("Another-Header", "another-header-val")
            .responseHeader("X-Header-Echo", "echo")
            .responseAbsent("X-Header-Remove-1", "X-Header-Remove-2")
            .backend(infra, V1));
  }

  /**
   * The suite's percentage check: of 500 requests (10 at a time), the mirror backend received
   * within three standard deviations of {@code percent}.
   */
  void expectMirroredShare(URI gw, TrafficReplay.Case c, String path, int percent)
      throws Exception {
    EchoBackend mirror = backend(infra, V2);
    long before = mirror.paths().stream().filter(path::equals).count();
    distribution(gw, c, 500);
    double p = percent / 100.0;
    double margin = 3.0 * Math.sqrt(500 * p * (1 - p));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long got;
    do {
      TrafficReplay.sleep(50); // mirrors are sent alongside; let the last ones land
      got = mirror.paths().stream().filter(path::equals).count() - before;
    } while (got < 500 * p - margin && System.nanoTime() < deadline);
    org.assertj.core.api.Assertions.assertThat((double) got)
        .as("requests for %s mirrored to %s of 500 (%d%%)", path, V2, percent)
        .isBetween(500 * p - margin, 500 * p + margin);
  }

  @Test
  void httpRouteRequestPercentageMirror() throws Exception {
    URI gw =
        sameNamespace(
            route(
                "request-percentage-mirror",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /percent-mirror}}]\n"
                    + "    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}, percent: 20}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /percent-mirror-fraction}}]\n"
                    + "    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080},"
                    + " fraction: {numerator: 25, denominator: 50}}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /percent-mirror-and-modify-headers}}]\n"
                    + "    filters:\n    - "
                    + MODIFY_HEADERS
                    + "\n    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}, percent: 35}}\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "request-percentage-mirror");
    String p1 = "/percent-mirror?requestID=1";
    expectMirroredShare(gw, get(p1).backend(infra, V1), p1, 20);
    String p2 = "/percent-mirror-fraction?requestID=2";
    expectMirroredShare(gw, get(p2).backend(infra, V1), p2, 50);
    String p3 = "/percent-mirror-and-modify-headers?requestID=3";
    expectMirroredShare(gw, modifiedHeaders(p3).backend(infra, V1), p3, 35);
  }

  @Test
  void httpRouteHostnameIntersection() {
    String r = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n";
    backends(infra, V1, V2, V3)
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-hostname-intersection, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com}\n"
                + "  - {name: listener-2, port: 80, protocol: HTTP, hostname: '*.wildcard.io'}\n"
                + "  - {name: listener-3, port: 80, protocol: HTTP, hostname: '*.anotherwildcard.io'}\n"
                + "---\n"
                + "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: httproute-hostname-intersection-all, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: listener-1, port: 80, protocol: HTTP}\n"
                + "---\n"
                + route(
                    "specific-host-matches-listener-specific-host",
                    "  parentRefs: [{name: httproute-hostname-intersection}]\n"
                        + "  hostnames: [non.matching.com, '*.nonmatchingwildcard.io', very.specific.com]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /s1}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "specific-host-matches-listener-wildcard-host",
                    "  parentRefs: [{name: httproute-hostname-intersection}]\n"
                        + "  hostnames: [non.matching.com, wildcard.io, foo.wildcard.io, bar.wildcard.io, foo.bar.wildcard.io]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /s2}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "wildcard-host-matches-listener-specific-host",
                    "  parentRefs: [{name: httproute-hostname-intersection}]\n"
                        + "  hostnames: [non.matching.com, '*.specific.com']\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /s3}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "wildcard-host-matches-listener-wildcard-host",
                    "  parentRefs: [{name: httproute-hostname-intersection}]\n"
                        + "  hostnames: ['*.anotherwildcard.io']\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /s4}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "no-intersecting-hosts",
                    "  parentRefs: [{name: httproute-hostname-intersection}]\n"
                        + "  hostnames: [specific.but.wrong.com, wildcard.io]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /s5}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "httproute-hostname-intersection-all",
                    "  parentRefs: [{name: httproute-hostname-intersection-all}]\n"
                        + "  hostnames: [first.com, sub.first.com, second.com, sub.second.com]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n"));
    URI gw = gateway("httproute-hostname-intersection").url("listener-1");
    resolved(
        "httproute-hostname-intersection",
        "specific-host-matches-listener-specific-host",
        "specific-host-matches-listener-wildcard-host",
        "wildcard-host-matches-listener-specific-host",
        "wildcard-host-matches-listener-wildcard-host");
    GatewayApiAssertions.awaitThat(
            cluster,
            cluster.get(dev.gatewaysdk.model.HTTPRoute.class, infra, "no-intersecting-hosts"))
        .isNotAcceptedBy("httproute-hostname-intersection", "NoMatchingListenerHostname");
    expect(
        gw,
        get("/s1").host("very.specific.com").backend(infra, V1),
        get("/s1").host("very.specific.com:1234").backend(infra, V1),
        get("/s1").host("non.matching.com").status(404),
        get("/s1").host("foo.nonmatchingwildcard.io").status(404),
        get("/s1").host("foo.wildcard.io").status(404),
        get("/non-matching-prefix").host("very.specific.com").status(404),
        get("/s2").host("foo.wildcard.io").backend(infra, V2),
        get("/s2").host("bar.wildcard.io").backend(infra, V2),
        get("/s2").host("foo.bar.wildcard.io").backend(infra, V2),
        get("/s2").host("non.matching.com").status(404),
        get("/s2").host("wildcard.io").status(404),
        get("/s2").host("very.specific.com").status(404),
        get("/non-matching-prefix").host("foo.wildcard.io").status(404),
        get("/s3").host("very.specific.com").backend(infra, V3),
        get("/s3").host("non.matching.com").status(404),
        get("/s3").host("foo.specific.com").status(404),
        get("/s3").host("foo.wildcard.io").status(404),
        get("/non-matching-prefix").host("very.specific.com").status(404),
        get("/s4").host("foo.anotherwildcard.io").backend(infra, V1),
        get("/s4").host("bar.anotherwildcard.io").backend(infra, V1),
        get("/s4").host("foo.bar.anotherwildcard.io").backend(infra, V1),
        get("/s4").host("anotherwildcard.io").status(404),
        get("/s4").host("foo.wildcard.io").status(404),
        get("/s4").host("very.specific.com").status(404),
        get("/non-matching-prefix").host("foo.anotherwildcard.io").status(404),
        get("/s5").host("specific.but.wrong.com").status(404),
        get("/s5").host("wildcard.io").status(404));
    URI all = gateway("httproute-hostname-intersection-all").url("listener-1");
    resolved("httproute-hostname-intersection-all", "httproute-hostname-intersection-all");
    expect(
        all,
        get("/").host("first.com").backend(infra, V2),
        get("/").host("sub.first.com").backend(infra, V2),
        get("/").host("second.com").backend(infra, V2),
        get("/").host("sub.second.com").backend(infra, V2),
        get("/").host("third.com").status(404),
        get("/").host("sub.third.com").status(404));
  }

  @Test
  void httpRouteTimeoutRequest() {
    URI gw =
        sameNamespace(
            route(
                "request-timeout",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /request-timeout}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "    timeouts: {request: 500ms}\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /disable-request-timeout}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "    timeouts: {request: 0s}\n"),
            "request-timeout");
    expect(
        gw,
        get("/request-timeout").backend(infra, V1),
        get("/request-timeout?delay=1s").status(504),
        get("/disable-request-timeout?delay=1s").backend(infra, V1));
  }

  @Test
  void httpRouteTimeoutBackendRequest() {
    URI gw =
        sameNamespace(
            route(
                "backend-request-timeout",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /backend-timeout}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "    timeouts: {backendRequest: 500ms}\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /disable-backend-timeout}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "    timeouts: {backendRequest: 0s}\n"),
            "backend-request-timeout");
    expect(
        gw,
        get("/backend-timeout").backend(infra, V1),
        get("/backend-timeout?delay=1s").status(504),
        get("/disable-backend-timeout?delay=1s").backend(infra, V1));
  }

  /** Backends, Gateway {@code same-namespace} and {@code routesYaml}, each route accepted. */
  URI sameNamespaceAccepted(String routesYaml, String... routes) {
    backends(infra, V1, V2, V3).apply(SAME_NAMESPACE_GATEWAY).apply(routesYaml);
    URI url = gateway("same-namespace").url("http");
    accepted("same-namespace", routes);
    return url;
  }

  void awaitUnresolved(String route, String reason) {
    GatewayApiAssertions.awaitThat(cluster, cluster.get(HTTPRoute.class, infra, route))
        .isAcceptedBy("same-namespace")
        .hasUnresolvedRefs(reason);
  }

  @Test
  void httpRouteInvalidBackendRefUnknownKind() {
    URI gw =
        sameNamespaceAccepted(
            route(
                "invalid-backend-ref-unknown-kind",
                "  parentRefs: [{name: same-namespace}]\n"
                    + "  rules: [{backendRefs: [{group: unknownkind.example.com, kind: NonExistent, name: infra-backend-v1, port: 8080}]}]\n"),
            "invalid-backend-ref-unknown-kind");
    awaitUnresolved("invalid-backend-ref-unknown-kind", "InvalidKind");
    expect(gw, get("/v2").status(500));
  }

  @Test
  void httpRouteInvalidCrossNamespaceBackendRef() {
    backends(web(), "web-backend");
    URI gw =
        sameNamespaceAccepted(
            route(
                "invalid-cross-namespace-backend-ref",
                "  parentRefs: [{name: same-namespace}]\n"
                    + "  rules: [{backendRefs: [{name: web-backend, namespace: $WEB, port: 8080}]}]\n"),
            "invalid-cross-namespace-backend-ref");
    awaitUnresolved("invalid-cross-namespace-backend-ref", "RefNotPermitted");
    expect(gw, get("/").status(500));
  }

  @Test
  void httpRouteInvalidNonExistentBackendRef() {
    URI gw =
        sameNamespaceAccepted(
            route(
                "invalid-nonexistent-backend-ref",
                "  parentRefs: [{name: same-namespace}]\n"
                    + "  rules: [{backendRefs: [{name: nonexistent, namespace: $NS, port: 8080}]}]\n"),
            "invalid-nonexistent-backend-ref");
    awaitUnresolved("invalid-nonexistent-backend-ref", "BackendNotFound");
    expect(gw, get("/").status(500));
  }

  /** A ReferenceGrant {@code name} in {@code namespace}; {@code from} and {@code to} flow-style. */
  static String grant(String namespace, String name, String from, String to) {
    return "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
        + "metadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\nspec:\n  from: ["
        + from
        + "]\n  to: ["
        + to
        + "]\n---\n";
  }

  @Test
  void httpRouteInvalidReferenceGrant() {
    backends(web(), "web-backend");
    String route = "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: $NS}";
    String service = "{group: '', kind: Service, name: web-backend}";
    URI gw =
        sameNamespaceAccepted(
            grant("$NS", "reference-grant-wrong-namespace", route, service)
                + grant(
                    "$WEB",
                    "reference-grant-wrong-from-group",
                    "{group: not-the-group-youre-looking-for, kind: HTTPRoute, namespace: $NS}",
                    service)
                + grant(
                    "$WEB",
                    "reference-grant-wrong-from-kind",
                    "{group: gateway.networking.k8s.io, kind: Gateway, namespace: $NS}",
                    service)
                + grant(
                    "$WEB",
                    "reference-grant-wrong-from-namespace",
                    "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: not-the-namespace-youre-looking-for}",
                    service)
                + grant(
                    "$WEB",
                    "reference-grant-wrong-to-group",
                    route,
                    "{group: not-the-group-youre-looking-for, kind: Service, name: web-backend}")
                + grant(
                    "$WEB",
                    "reference-grant-wrong-to-kind",
                    route,
                    "{group: '', kind: Secret, name: web-backend}")
                + grant(
                    "$WEB",
                    "reference-grant-wrong-to-name",
                    route,
                    "{group: '', kind: Service, name: not-the-service-youre-looking-for}")
                + route(
                    "reference-grant",
                    "  parentRefs: [{name: same-namespace}]\n"
                        + "  rules: [{backendRefs: [{name: web-backend, namespace: $WEB, port: 8080}]}]\n"),
            "reference-grant");
    awaitUnresolved("reference-grant", "RefNotPermitted");
    expect(gw, get("/").status(500));
  }

  @Test
  void httpRouteReferenceGrant() {
    backends(web(), "web-backend");
    URI gw =
        sameNamespace(
            grant(
                    "$WEB",
                    "reference-grant",
                    "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: $NS}",
                    "{group: '', kind: Service, name: web-backend}")
                + route(
                    "reference-grant",
                    "  parentRefs: [{name: same-namespace}]\n"
                        + "  rules: [{backendRefs: [{name: web-backend, namespace: $WEB, port: 8080}]}]\n"),
            "reference-grant");
    expect(gw, get("/").backend(web(), "web-backend"));
    cluster.delete(
        dev.gatewaysdk.model.Manifests.read(
            resolve(grant("$WEB", "reference-grant", "", "").replace("\n---\n", "")),
            com.fasterxml.jackson.databind.node.ObjectNode.class));
    expect(gw, get("/").status(500));
  }

  @Test
  void httpRoutePartiallyInvalidViaInvalidReferenceGrant() {
    backends(app(), "app-backend-v1", "app-backend-v2");
    URI gw =
        sameNamespaceAccepted(
            grant(
                    "$APP",
                    "invalid-reference-grant",
                    "{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: $NS}",
                    "{group: '', kind: Service, name: app-backend-v1}")
                + route(
                    "invalid-reference-grant",
                    "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /v2}}]\n"
                        + "    backendRefs: [{name: app-backend-v2, namespace: $APP, port: 8080}]\n"
                        + "  - backendRefs: [{name: app-backend-v1, namespace: $APP, port: 8080}]\n"),
            "invalid-reference-grant");
    awaitUnresolved("invalid-reference-grant", "RefNotPermitted");
    expect(gw, get("/v2").status(500), get("/").backend(app(), "app-backend-v1"));
  }

  @Test
  void httpRouteCrossNamespace() {
    backends(web(), "web-backend")
        .apply(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: backend-namespaces, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - name: http\n    port: 80\n    protocol: HTTP\n"
                + "    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {gateway-conformance: backend}}}}\n"
                + "---\n"
                + "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                + "metadata: {name: cross-namespace, namespace: $WEB}\n"
                + "spec:\n  parentRefs: [{name: backend-namespaces, namespace: $NS}]\n"
                + "  rules: [{backendRefs: [{name: web-backend, port: 8080}]}]\n");
    URI gw = gateway("backend-namespaces").url("http");
    resolved("backend-namespaces", web() + "/cross-namespace");
    expect(gw, get("/").backend(web(), "web-backend"));
  }

  @Test
  void httpRouteNoBackendRefs() {
    URI gw =
        sameNamespace(
            route(
                "omitted-backendrefs",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: Exact, value: /omitted-no-forward}}]\n"
                    + "  - matches: [{path: {type: Exact, value: /empty-no-forward}}]\n"
                    + "    backendRefs: []\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "omitted-backendrefs");
    expect(
        gw,
        get("/forward").backend(infra, V1),
        get("/omitted-no-forward").status(500),
        get("/empty-no-forward").status(500));
  }

  @Test
  void httpRouteNamedRule() {
    URI gw =
        sameNamespace(
            route(
                "http-named-rules",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - name: named-rule\n"
                    + "    matches: [{path: {type: PathPrefix, value: /named}}]\n"
                    + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /unnamed}}]\n"
                    + "    backendRefs: [{name: infra-backend-v2, port: 8080}]\n"),
            "http-named-rules");
    expect(gw, get("/named").backend(infra, null), get("/unnamed").backend(infra, null));
  }

  @Test
  void httpRouteMultipleGateways() {
    URI sameNs =
        sameNamespace(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                + "metadata: {name: all-namespaces, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
                + "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n"
                + "---\n"
                + route(
                    "multiple-gateways-shared-route",
                    "  parentRefs: [{name: same-namespace}, {name: all-namespaces}]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /shared}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "same-namespace-dedicated-route",
                    "  parentRefs: [{name: same-namespace}]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "all-namespaces-dedicated-route",
                    "  parentRefs: [{name: all-namespaces}]\n"
                        + "  rules: [{matches: [{path: {type: PathPrefix, value: /}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}]\n"),
            "multiple-gateways-shared-route",
            "same-namespace-dedicated-route");
    URI all = gateway("all-namespaces").url("http");
    resolved("all-namespaces", "multiple-gateways-shared-route", "all-namespaces-dedicated-route");
    expect(sameNs, get("/shared").backend(infra, V1), get("/").backend(infra, V2));
    expect(all, get("/shared").backend(infra, V1), get("/").backend(infra, V3));
  }

  @Test
  void httpRouteServiceTypes() {
    backends(infra, V1).apply(SAME_NAMESPACE_GATEWAY);
    int port = backend(infra, V1).port();
    StringBuilder b = new StringBuilder();
    // Services with port name first-port and targetPort 3000, as the suite's; the EndpointSlices
    // (IPv4 pointing at infra-backend-v1's echo server, IPv6 empty) stand for the suite's manual
    // ones and for what the endpoints controller writes for the headless Service with a selector.
    String[][] services = {
      {"manual-endpointslices", ""},
      {"headless", "    clusterIP: None\n    selector: {app: infra-backend-v1}\n"},
      {"headless-manual-endpointslices", "    clusterIP: None\n"}
    };
    for (String[] svc : services) {
      b.append("apiVersion: v1\nkind: Service\nmetadata: {name: ")
          .append(svc[0])
          .append(", namespace: $NS}\nspec:\n")
          .append(svc[1])
          .append(
              "    ports: [{name: first-port, protocol: TCP, port: 8080, targetPort: 3000}]\n---\n")
          .append("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ")
          .append(svc[0])
          .append("-ip4\n  namespace: $NS\n  labels: {kubernetes.io/service-name: ")
          .append(svc[0])
          .append("}\naddressType: IPv4\nports: [{name: first-port, port: ")
          .append(port)
          .append(
              ", protocol: TCP}]\nendpoints: [{addresses: [127.0.0.1], conditions: {ready: true, serving: true, terminating: false}}]\n---\n")
          .append("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ")
          .append(svc[0])
          .append("-ip6\n  namespace: $NS\n  labels: {kubernetes.io/service-name: ")
          .append(svc[0])
          .append(
              "}\naddressType: IPv6\nports: [{name: first-port, port: 3000, protocol: TCP}]\nendpoints: []\n---\n");
    }
    StringBuilder rules = new StringBuilder("  parentRefs: [{name: same-namespace}]\n  rules:\n");
    for (String[] svc : services) {
      rules
          .append("  - matches: [{path: {type: Exact, value: /")
          .append(svc[0])
          .append("}}]\n    backendRefs: [{name: ")
          .append(svc[0])
          .append(", port: 8080}]\n");
    }
    apply(b + route("service-types", rules.toString()));
    URI gw = gateway("same-namespace").url("http");
    resolved("same-namespace", "service-types");
    for (String[] svc : services) {
      expect(gw, get("/" + svc[0]).backend(infra, V1));
    }
  }

  @Test
  void httpRouteHTTPSListener() {
    httpsGateway();
    backends(infra, V1, V2)
        .apply(
            route(
                    "httproute-https-test",
                    "  parentRefs: [{name: same-namespace-with-https-listener}]\n  hostnames: [example.org]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n")
                + "---\n"
                + route(
                    "httproute-https-test-no-hostname",
                    "  parentRefs: [{name: same-namespace-with-https-listener, sectionName: https-with-hostname}]\n"
                        + "  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n"));
    URI gw = gateway("same-namespace-with-https-listener").url("https");
    resolved(
        "same-namespace-with-https-listener",
        "httproute-https-test",
        "httproute-https-test-no-hostname");
    expect(
        gw,
        get("/")
            .host("example.org")
            .backend(infra, V1)
            // not the suite's: the backend learns the client's scheme
            .seenHeader("X-Forwarded-Proto", "https"),
        get("/").host("unknown-example.org").status(404),
        get("/").host("second-example.org").backend(infra, V2));
  }

  /**
   * The suite sends these over HTTP/2 (where one connection may carry requests for several hosts);
   * here each goes over HTTP/1.1 on its own TLS connection with the server name given, which asks
   * the same of the Gateway: a Host that belongs to another listener than the one the server name
   * picked is misdirected (421).
   */
  @Test
  void httpRouteHTTPSListenerDetectMisdirectedRequests() {
    httpsGateway();
    String[][] routes = {
      {"1", "https", V1, "  hostnames: [example.org]\n"},
      {"2", "https-with-hostname", V2, ""},
      {"3", "https-with-wildcard-hostname", V3, ""},
      {"4", "https-with-hostname-matching-wildcard", V1, ""}
    };
    StringBuilder yaml = new StringBuilder();
    String[] names = new String[routes.length];
    for (int i = 0; i < routes.length; i++) {
      String[] r = routes[i];
      names[i] = "https-listener-detect-misdirected-requests-test-" + r[0];
      yaml.append(
              route(
                  names[i],
                  "  parentRefs: [{name: same-namespace-with-https-listener, sectionName: "
                      + r[1]
                      + "}]\n"
                      + r[3]
                      + "  rules: [{matches: [{path: {type: PathPrefix, value: /detect-misdirected-requests}}],"
                      + " backendRefs: [{name: "
                      + r[2]
                      + ", port: 8080}]}]\n"))
          .append("---\n");
    }
    backends(infra, V1, V2, V3).apply(yaml.toString());
    URI gw = gateway("same-namespace-with-https-listener").url("https");
    resolved("same-namespace-with-https-listener", names);
    String p = "/detect-misdirected-requests";
    expect(
        gw,
        get(p).sni("example.org").host("example.org").backend(infra, V1),
        get(p).sni("example.org").host("second-example.org").status(421),
        get(p).sni("example.org").host("unknown-example.org").status(404),
        get(p).sni("second-example.org").host("second-example.org").backend(infra, V2),
        get(p).sni("second-example.org").host("example.org").status(421),
        get(p).sni("second-example.org").host("unknown-example.org").status(421),
        get(p)
            .sni("third-example.wildcard.org")
            .host("third-example.wildcard.org")
            .backend(infra, V3),
        get(p)
            .sni("third-example.wildcard.org")
            .host("fith-example.wildcard.org")
            .backend(infra, V3),
        get(p).sni("third-example.wildcard.org").host("fourth-example.wildcard.org").status(421),
        get(p).sni("third-example.wildcard.org").host("second-example.org").status(421),
        get(p).sni("third-example.wildcard.org").host("unknown-example.org").status(421),
        get(p)
            .sni("fourth-example.wildcard.org")
            .host("fourth-example.wildcard.org")
            .backend(infra, V1),
        get(p).sni("fourth-example.wildcard.org").host("fith-example.wildcard.org").status(421),
        get(p).sni("unknown-example.org").host("example.org").backend(infra, V1),
        get(p).sni("unknown-example.org").host("unknown-example.org").status(404));
  }

  /**
   * Service {@code infra-backend-v1} as the suite's, with a second port: {@code appProtocol} {@code
   * protocol} on 8081 or 8082, its EndpointSlice port pointing at {@code localPort}.
   */
  void backendWithAppProtocol(String portName, int servicePort, String appProtocol, int localPort) {
    apply(
        "apiVersion: v1\nkind: Service\nmetadata: {name: infra-backend-v1, namespace: $NS}\nspec:\n"
            + "  ports: [{name: "
            + portName
            + ", protocol: TCP, appProtocol: "
            + appProtocol
            + ", port: "
            + servicePort
            + ", targetPort: 3001}]\n---\n"
            + "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n"
            + "  name: infra-backend-v1-"
            + portName
            + "\n  namespace: $NS\n  labels: {kubernetes.io/service-name: infra-backend-v1}\n"
            + "addressType: IPv4\nports: [{name: "
            + portName
            + ", port: "
            + localPort
            + ", protocol: TCP}]\n"
            + "endpoints: [{addresses: [127.0.0.1], conditions: {ready: true}}]\n");
  }

  @Test
  void httpRouteBackendProtocolH2C() throws Exception {
    try (GrpcEcho h2c = new GrpcEcho(V1)) {
      backendWithAppProtocol("second-port", 8081, "kubernetes.io/h2c", h2c.port());
      apply(
          SAME_NAMESPACE_GATEWAY
              + "---\n"
              + route(
                  "backend-protocol-h2c",
                  "  parentRefs: [{name: same-namespace}]\n"
                      + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8081}]}]\n"));
      URI gw = gateway("same-namespace").url("http");
      resolved("same-namespace", "backend-protocol-h2c");
      // h2c with prior knowledge from the client, as the suite's H2CPriorKnowledgeProtocol
      GrpcEcho.Call call =
          GrpcEcho.call(gw.getHost(), gw.getPort(), gw.getHost(), "/", java.util.Map.of(), "hi");
      org.assertj.core.api.Assertions.assertThat(call.httpStatus()).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(call.message())
          .as("the HTTP/2-only backend infra-backend-v1 answered for /")
          .startsWith(V1 + " / ");
      org.assertj.core.api.Assertions.assertThat(h2c.calls.get()).isEqualTo(1);
    }
  }

  @Test
  void httpRouteBackendProtocolWebSocket() throws Exception {
    try (EmbeddedGatewayBackendProtocolTest.WebSocketEcho ws =
        new EmbeddedGatewayBackendProtocolTest.WebSocketEcho("ws", null)) {
      backendWithAppProtocol("third-port", 8082, "kubernetes.io/ws", ws.port());
      apply(
          SAME_NAMESPACE_GATEWAY
              + "---\n"
              + route(
                  "backend-protocol-ws",
                  "  parentRefs: [{name: same-namespace}]\n"
                      + "  rules: [{backendRefs: [{name: infra-backend-v1, port: 8082}]}]\n"));
      URI gw = gateway("same-namespace").url("http");
      resolved("same-namespace", "backend-protocol-ws");
      EmbeddedGatewayBackendProtocolTest.Client c = new EmbeddedGatewayBackendProtocolTest.Client();
      java.net.http.WebSocket socket =
          java.net.http.HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://" + gw.getHost() + ":" + gw.getPort() + "/ws"), c)
              .get(10, TimeUnit.SECONDS);
      org.assertj.core.api.Assertions.assertThat(c.next()).isEqualTo("ws:welcome");
      socket.sendText("Websocket Support!", true).get(5, TimeUnit.SECONDS);
      org.assertj.core.api.Assertions.assertThat(c.next()).isEqualTo("ws:Websocket Support!");
      socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void httpRouteCORS() {
    URI gw =
        sameNamespace(
            route(
                    "cors-multiple-origins-methods-headers",
                    "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /cors-1}}]\n"
                        + "    filters: [{type: CORS, cors: {allowOrigins: ['https://www.foo.com', 'https://*.bar.com'],"
                        + " allowMethods: [GET, OPTIONS], allowHeaders: [x-header-1, x-header-2],"
                        + " exposeHeaders: [x-header-3, x-header-4], allowCredentials: true, maxAge: 3600}}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n")
                + "---\n"
                + route(
                    "cors-wildcard-methods",
                    "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /cors-2}}]\n"
                        + "    filters: [{type: CORS, cors: {allowOrigins: ['https://www.foo.com'], allowMethods: ['*']}}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n")
                + "---\n"
                + route(
                    "cors-wildcard-origin",
                    "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /cors-wildcard-origin}}]\n"
                        + "    filters: [{type: CORS, cors: {allowOrigins: ['*'], allowMethods: [PUT], allowCredentials: false}}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n")
                + "---\n"
                + route(
                    "cors-wildcard-methods-headers",
                    "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /cors-wildcard-methods-headers}}]\n"
                        + "    filters: [{type: CORS, cors: {allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], allowCredentials: true}}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"
                        + "  - matches: [{path: {type: PathPrefix, value: /cors-wildcard-methods-headers-unauth}}]\n"
                        + "    filters: [{type: CORS, cors: {allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], allowCredentials: false}}]\n"
                        + "    backendRefs: [{name: infra-backend-v1, port: 8080}]\n"),
            "cors-multiple-origins-methods-headers",
            "cors-wildcard-methods",
            "cors-wildcard-origin",
            "cors-wildcard-methods-headers");
    List<TrafficReplay.Case> cases = new ArrayList<>();
    for (String origin :
        List.of("https://www.foo.com", "https://www.bar.com", "https://xpto.www.bar.com")) {
      cases.add(
          preflight("/cors-1", origin, "GET")
              .header("access-control-request-headers", "x-header-1, x-header-2")
              .responseHeader("access-control-allow-origin", origin)
              .responseHeader("access-control-allow-methods", "GET, OPTIONS", "OPTIONS, GET")
              .responseHeader(
                  "access-control-allow-headers",
                  "x-header-1, x-header-2",
                  "x-header-2, x-header-1")
              .responseHeader(
                  "access-control-expose-headers",
                  "x-header-3, x-header-4",
                  "x-header-4, x-header-3")
              .responseHeader("access-control-max-age", "3600")
              .responseHeader("access-control-allow-credentials", "true")
              .ignoreWhitespace());
    }
    cases.add(
        preflight("/cors-1", "https://foobar.com", "GET")
            .status(200, 204, 403)
            .responseAbsent("access-control-allow-origin"));
    for (String origin : List.of("https://www.foo.com", "https://www.bar.com")) {
      cases.add(
          get("/cors-1")
              .header("Origin", origin)
              .header("access-control-request-method", "GET")
              .header("access-control-request-headers", "x-header-1, x-header-2")
              .backend(infra, V1)
              .responseHeader("access-control-allow-origin", origin));
    }
    cases.add(
        get("/cors-1")
            .header("Origin", "https://foobar.com")
            .header("access-control-request-method", "GET")
            .backend(infra, V1)
            .responseAbsent("access-control-allow-origin"));
    cases.add(
        preflight("/cors-2", "https://www.foo.com", "POST")
            .responseHeader("access-control-allow-methods", "POST", "*")
            .responseHeader("access-control-allow-origin", "https://www.foo.com")
            .responseAbsent("access-control-allow-credentials"));
    for (String origin : List.of("https://foobar.com", "https://foobar.com:12345")) {
      cases.add(
          preflight("/cors-wildcard-origin", origin, "PUT")
              .responseHeader("access-control-allow-origin", origin, "*")
              .responseHeader("access-control-allow-methods", "PUT")
              .responseAbsent("access-control-allow-credentials"));
      cases.add(
          request("PUT", "/cors-wildcard-origin")
              .header("Origin", origin)
              .backend(infra, V1)
              .responseHeader("access-control-allow-origin", origin, "*")
              .responseAbsent("access-control-allow-credentials"));
    }
    cases.add(
        preflight("/cors-wildcard-methods-headers", "https://other.foo.com", "PUT")
            .header("access-control-request-headers", "x-header-1, x-header-2")
            .responseHeader("access-control-allow-origin", "https://other.foo.com")
            .responseHeader("access-control-allow-methods", "PUT")
            .responseHeader(
                "access-control-allow-headers", "x-header-1, x-header-2", "x-header-2, x-header-1")
            .responseHeader("access-control-allow-credentials", "true")
            .ignoreWhitespace());
    cases.add(
        preflight("/cors-wildcard-methods-headers-unauth", "https://other.foo.com", "PUT")
            .header("access-control-request-headers", "x-header-1, x-header-2")
            .responseHeader("access-control-allow-origin", "https://other.foo.com", "*")
            .responseHeader("access-control-allow-methods", "PUT", "*")
            .responseHeader(
                "access-control-allow-headers",
                "x-header-1, x-header-2",
                "x-header-2, x-header-1",
                "*")
            .responseAbsent("access-control-allow-credentials")
            .ignoreWhitespace());
    cases.add(
        get("/cors-wildcard-methods-headers")
            .header("Origin", "https://other.foo.com")
            .backend(infra, V1)
            .responseHeader("access-control-allow-origin", "https://other.foo.com")
            .responseHeader("access-control-allow-credentials", "true"));
    cases.add(
        get("/cors-wildcard-methods-headers-unauth")
            .header("Origin", "https://other.foo.com")
            .backend(infra, V1)
            .responseHeader("access-control-allow-origin", "https://other.foo.com", "*")
            .responseAbsent("access-control-allow-credentials"));
    expect(gw, cases.toArray(TrafficReplay.Case[]::new));
  }

  /** A CORS preflight the Gateway answers itself (200 or 204, the suite's empty namespace). */
  static TrafficReplay.Case preflight(String path, String origin, String method) {
    return request("OPTIONS", path)
        .header("Origin", origin)
        .header("access-control-request-method", method)
        .status(200, 204)
        .byGateway();
  }
}
