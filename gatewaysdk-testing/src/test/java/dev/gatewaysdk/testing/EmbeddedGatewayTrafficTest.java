package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real requests through the embedded Gateway: echo backends on loopback behind Services and
 * EndpointSlices, each test asserting which backend a request reached and what came back. Cases
 * follow the Gateway API spec (HTTPRoute field comments) and the conformance suite's traffic
 * expectations.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayTrafficTest {
  GatewayCluster cluster;
  RouteManager routes;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();
  final Map<String, Integer> slicePorts = new HashMap<>();

  @AfterEach
  void closeBackends() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  EchoBackend backend(String name) throws IOException {
    EchoBackend b = EchoBackend.behindService(cluster, ns.name(), name, 8080);
    closeables.add(b);
    slicePorts.put(name, b.port());
    return b;
  }

  EmbeddedGateway gateway(String name, String listenersYaml) {
    Gateway gw =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                        + "metadata: {name: "
                        + name
                        + ", namespace: $NS}\nspec:\n  gatewayClassName: "
                        + cluster.gatewayClassName().orElseThrow()
                        + "\n  listeners:\n"
                        + listenersYaml)
                    .replace("$NS", ns.name()),
                Gateway.class));
    awaitThat(cluster, gw).isProgrammed();
    return cluster.gateway(ns.name(), name);
  }

  EmbeddedGateway httpGateway() {
    return gateway(
        "gw",
        "  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}\n");
  }

  HTTPRoute route(String name, String specYaml) {
    HTTPRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        + "metadata: {name: "
                        + name
                        + ", namespace: $NS}\nspec:\n"
                        + specYaml)
                    .replace("$NS", ns.name()),
                HTTPRoute.class));
    awaitThat(cluster, r).isAcceptedBy("gw");
    return r;
  }

  @Test
  void gatewayGetsItsOwnLoopbackAddressInStatusAndServesOnIt() throws Exception {
    backend("app");
    EmbeddedGateway gw = httpGateway();
    route(
        "app",
        "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: app, port: 8080}]\n");
    Gateway status = cluster.get(Gateway.class, ns.name(), "gw");
    JsonNode st = Manifests.toTree(status).path("status");
    assertThat(st.path("addresses").get(0).path("value").asText())
        .isEqualTo(gw.address())
        .startsWith("127.");
    assertThat(gw.url("http")).isEqualTo(URI.create("http://" + gw.address() + ":80/"));
    RawHttp.Response r = RawHttp.get(gw.url("http"), "example.com", "/hello?x=1");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.json().path("backend").asText()).isEqualTo("app");
    assertThat(r.json().path("path").asText()).isEqualTo("/hello?x=1");
    assertThat(r.json().path("host").asText()).isEqualTo("example.com");
    assertThat(r.json().path("headers").path("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void matchPrecedenceFollowsTheSpec() throws Exception {
    for (String b :
        List.of(
            "exact",
            "prefix-long",
            "prefix-short",
            "method",
            "headers",
            "query",
            "older",
            "regex")) {
      backend(b);
    }
    EmbeddedGateway gw = httpGateway();
    route(
        "a-prefixes",
        "  parentRefs: [{name: gw}]\n  rules:\n"
            + "  - matches: [{path: {type: PathPrefix, value: /}}]\n    backendRefs: [{name: prefix-short, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /api/v1}}]\n    backendRefs: [{name: prefix-long, port: 8080}]\n"
            + "  - matches: [{path: {type: Exact, value: /api/v1/exact}}]\n    backendRefs: [{name: exact, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /m}, method: POST}]\n    backendRefs: [{name: method, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /m}, headers: [{name: x-a, value: '1'}, {name: x-b, value: '2'}]}]\n"
            + "    backendRefs: [{name: headers, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /m}, queryParams: [{name: q, value: v}]}]\n"
            + "    backendRefs: [{name: query, port: 8080}]\n"
            + "  - matches: [{path: {type: RegularExpression, value: '/r/[0-9]+'}}]\n    backendRefs: [{name: regex, port: 8080}]\n");
    URI u = gw.url("http");
    assertThat(RawHttp.get(u, "h", "/api/v1/exact").backend()).isEqualTo("exact");
    assertThat(RawHttp.get(u, "h", "/api/v1/exact/more").backend()).isEqualTo("prefix-long");
    assertThat(RawHttp.get(u, "h", "/api/v1").backend()).isEqualTo("prefix-long");
    assertThat(RawHttp.get(u, "h", "/api/v10").backend())
        .as("prefixes match whole path elements")
        .isEqualTo("prefix-short");
    // method beats header count beats query count at equal path
    assertThat(RawHttp.request(u, "POST", "h", "/m?q=v", "x", "x-a: 1", "x-b: 2").backend())
        .isEqualTo("method");
    assertThat(RawHttp.get(u, "h", "/m?q=v", "x-a: 1", "x-b: 2").backend()).isEqualTo("headers");
    assertThat(RawHttp.get(u, "h", "/m?q=v", "x-a: 1").backend()).isEqualTo("query");
    assertThat(RawHttp.get(u, "h", "/m").backend()).isEqualTo("prefix-short");
    assertThat(RawHttp.get(u, "h", "/r/42").backend()).isEqualTo("regex");
    assertThat(RawHttp.get(u, "h", "/r/x").backend()).isEqualTo("prefix-short");
    // across routes with equal matches, the older route wins
    route(
        "z-older",
        "  parentRefs: [{name: gw}]\n  rules:\n"
            + "  - matches: [{path: {type: Exact, value: /tie}}]\n    backendRefs: [{name: older, port: 8080}]\n");
    Thread.sleep(1100); // creationTimestamp has second precision
    route(
        "b-newer",
        "  parentRefs: [{name: gw}]\n  rules:\n"
            + "  - matches: [{path: {type: Exact, value: /tie}}]\n    backendRefs: [{name: exact, port: 8080}]\n");
    assertThat(RawHttp.get(u, "h", "/tie").backend()).isEqualTo("older");
  }

  @Test
  void hostnamesIntersectAndListenersAreIsolated() throws Exception {
    backend("wild");
    backend("foo");
    backend("any");
    EmbeddedGateway gw =
        gateway(
            "gw",
            "  - {name: wildcard, protocol: HTTP, port: 80, hostname: '*.example.com'}\n"
                + "  - {name: foo, protocol: HTTP, port: 80, hostname: foo.example.com}\n"
                + "  - {name: other, protocol: HTTP, port: 8081}\n");
    route(
        "wild",
        "  parentRefs: [{name: gw, sectionName: wildcard}]\n  hostnames: ['*.example.com', unrelated.net]\n"
            + "  rules:\n  - backendRefs: [{name: wild, port: 8080}]\n");
    route(
        "foo",
        "  parentRefs: [{name: gw, sectionName: foo}]\n  rules:\n  - backendRefs: [{name: foo, port: 8080}]\n");
    route(
        "any",
        "  parentRefs: [{name: gw, sectionName: other}]\n  rules:\n  - backendRefs: [{name: any, port: 8080}]\n");
    URI u = gw.url("wildcard");
    assertThat(RawHttp.get(u, "bar.example.com", "/").backend()).isEqualTo("wild");
    assertThat(RawHttp.get(u, "foo.example.com", "/").backend())
        .as("the most specific listener takes the request")
        .isEqualTo("foo");
    assertThat(RawHttp.get(u, "unrelated.net", "/").status)
        .as("route hostnames outside the listener's are ignored")
        .isEqualTo(404);
    assertThat(RawHttp.get(u, "example.com", "/").status).isEqualTo(404);
    assertThat(RawHttp.get(gw.url("other"), "whatever", "/").backend()).isEqualTo("any");
  }

  @Test
  void weightsSplitTrafficWithinTheConformanceTolerance() throws Exception {
    EchoBackend a = backend("a");
    EchoBackend b = backend("b");
    EchoBackend zero = backend("zero");
    EmbeddedGateway gw = httpGateway();
    route(
        "split",
        "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs:\n"
            + "    - {name: a, port: 8080, weight: 70}\n    - {name: b, port: 8080, weight: 30}\n    - {name: zero, port: 8080, weight: 0}\n");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      counts.merge(RawHttp.get(gw.url("http"), "h", "/").backend(), 1, Integer::sum);
    }
    // conformance/utils/weight: each share within 0.05 of the expected one
    assertThat(counts.getOrDefault("a", 0) / 1000.0).isCloseTo(0.7, within(0.05));
    assertThat(counts.getOrDefault("b", 0) / 1000.0).isCloseTo(0.3, within(0.05));
    assertThat(zero.requests()).isZero();
    assertThat(a.requests() + b.requests()).isEqualTo(1000);
  }

  @Test
  void filtersModifyRedirectRewriteAndMirror() throws Exception {
    backend("app");
    EchoBackend mirror = backend("mirror");
    EmbeddedGateway gw = httpGateway();
    route(
        "filters",
        "  parentRefs: [{name: gw}]\n  rules:\n"
            + "  - matches: [{path: {type: PathPrefix, value: /headers}}]\n"
            + "    filters:\n"
            + "    - type: RequestHeaderModifier\n"
            + "      requestHeaderModifier: {set: [{name: x-set, value: s}], add: [{name: x-add, value: a}], remove: [x-remove]}\n"
            + "    - type: ResponseHeaderModifier\n"
            + "      responseHeaderModifier: {set: [{name: x-resp, value: r}], remove: [x-backend]}\n"
            + "    backendRefs: [{name: app, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /old}}]\n"
            + "    filters: [{type: RequestRedirect, requestRedirect: {scheme: https, hostname: new.example.com, statusCode: 301,"
            + " path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /prefix/one}}]\n"
            + "    filters: [{type: URLRewrite, urlRewrite: {hostname: rewritten.example.com,"
            + " path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}}]\n"
            + "    backendRefs: [{name: app, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /full}}]\n"
            + "    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /replaced}}}]\n"
            + "    backendRefs: [{name: app, port: 8080}]\n"
            + "  - matches: [{path: {type: PathPrefix, value: /mirror}}]\n"
            + "    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: mirror, port: 8080}}}]\n"
            + "    backendRefs: [{name: app, port: 8080}]\n");
    URI u = gw.url("http");
    RawHttp.Response h =
        RawHttp.get(u, "h", "/headers", "x-add: first", "x-remove: gone", "x-set: old");
    assertThat(h.json().path("headers").path("x-set").asText()).isEqualTo("s");
    assertThat(h.json().path("headers").path("x-add").asText()).isEqualTo("first,a");
    assertThat(h.json().path("headers").has("x-remove")).isFalse();
    assertThat(h.header("x-resp")).isEqualTo("r");
    assertThat(h.header("x-backend")).isNull();

    RawHttp.Response redirect = RawHttp.get(u, "h", "/old/page?q=1");
    assertThat(redirect.status).isEqualTo(301);
    assertThat(redirect.header("location")).isEqualTo("https://new.example.com/new/page?q=1");

    RawHttp.Response rewritten = RawHttp.get(u, "h", "/prefix/one/two");
    assertThat(rewritten.json().path("path").asText()).isEqualTo("/one/two");
    assertThat(rewritten.json().path("host").asText()).isEqualTo("rewritten.example.com");
    assertThat(RawHttp.get(u, "h", "/prefix/one").json().path("path").asText()).isEqualTo("/one");
    assertThat(RawHttp.get(u, "h", "/full/x?y=1").json().path("path").asText())
        .isEqualTo("/replaced?y=1");

    RawHttp.Response mirrored = RawHttp.get(u, "h", "/mirror/x");
    assertThat(mirrored.backend()).isEqualTo("app");
    long deadline = System.currentTimeMillis() + 5000;
    while (mirror.requests() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(mirror.requests()).isEqualTo(1);
  }

  @Test
  void unusableBackendsAnswer500And503ForTheirShare() throws Exception {
    backend("app");
    cluster.create(Fixtures.service(ns.name(), "empty", 8080)); // no EndpointSlice
    String other = cluster.createTestNamespace("other");
    try {
      EchoBackend remote = EchoBackend.start("remote");
      closeables.add(remote);
      cluster.create(Fixtures.service(other, "remote", 8080));
      cluster.create(Fixtures.endpointSlice(other, "remote", remote.port()));
      EmbeddedGateway gw = httpGateway();
      HTTPRoute r =
          cluster.create(
              Manifests.read(
                  ("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                          + "metadata: {name: errors, namespace: $NS}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                          + "  - matches: [{path: {type: PathPrefix, value: /missing}}]\n    backendRefs: [{name: nope, port: 8080}]\n"
                          + "  - matches: [{path: {type: PathPrefix, value: /empty}}]\n    backendRefs: [{name: empty, port: 8080}]\n"
                          + "  - matches: [{path: {type: PathPrefix, value: /remote}}]\n    backendRefs: [{name: remote, namespace: "
                          + other
                          + ", port: 8080}]\n"
                          + "  - matches: [{path: {type: PathPrefix, value: /none}}]\n")
                      .replace("$NS", ns.name()),
                  HTTPRoute.class));
      awaitThat(cluster, r).isAcceptedBy("gw");
      URI u = gw.url("http");
      assertThat(RawHttp.get(u, "h", "/missing").status).isEqualTo(500);
      assertThat(RawHttp.get(u, "h", "/empty").status).isEqualTo(503);
      assertThat(RawHttp.get(u, "h", "/remote").status).as("no ReferenceGrant").isEqualTo(500);
      assertThat(RawHttp.get(u, "h", "/none").status).as("a rule without backends").isEqualTo(500);
      cluster.create(Fixtures.referenceGrant(other, "allow", "HTTPRoute", ns.name(), "Service"));
      eventually(() -> RawHttp.get(u, "h", "/remote").status == 200);
      assertThat(RawHttp.get(u, "h", "/remote").backend()).isEqualTo("remote");
    } finally {
      cluster.deleteNamespace(other);
    }
  }

  @Test
  void endpointSliceChangesAndWeightChangesAreFollowedLive() throws Exception {
    backend("app");
    EchoBackend moved = EchoBackend.start("moved");
    closeables.add(moved);
    EmbeddedGateway gw = httpGateway();
    backend("canary");
    route(
        "app",
        "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: app, port: 8080, weight: 1},"
            + " {name: canary, port: 8080, weight: 0}]\n");
    URI u = gw.url("http");
    assertThat(RawHttp.get(u, "h", "/").backend()).isEqualTo("app");
    ObjectNode patch =
        (ObjectNode)
            Kube.JSON.readTree(
                "{\"endpoints\":[{\"addresses\":[\"127.0.0.1\"]}],"
                    + "\"ports\":[{\"name\":\"http\",\"port\":"
                    + moved.port()
                    + ",\"protocol\":\"TCP\"}]}");
    new Kube(cluster.apiClient())
        .mergePatch(
            "/apis/discovery.k8s.io/v1/namespaces/"
                + ns.name()
                + "/endpointslices/app-"
                + slicePorts.get("app"),
            patch);
    eventually(() -> RawHttp.get(u, "h", "/").backend().equals("moved"));
    routes.updateCanaryWeight(RouteRef.httpRoute(ns.name(), "app"), "app", 0, "canary", 1);
    eventually(() -> RawHttp.get(u, "h", "/").backend().equals("canary"));
    for (int i = 0; i < 20; i++) {
      assertThat(RawHttp.get(u, "h", "/").backend()).isEqualTo("canary");
    }
  }

  @Test
  void badInputAndBadBackendsEndOnlyTheirRequest() throws Exception {
    backend("app");
    try (ServerSocket hang = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        ServerSocket reset = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      cluster.create(Fixtures.service(ns.name(), "hang", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "hang", hang.getLocalPort()));
      cluster.create(Fixtures.service(ns.name(), "reset", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "reset", reset.getLocalPort()));
      Thread resetter =
          new Thread(
              () -> {
                while (!reset.isClosed()) {
                  try (Socket s = reset.accept()) {
                    s.getInputStream().read();
                    s.setSoLinger(true, 0); // RST
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      resetter.setDaemon(true);
      resetter.start();
      EmbeddedGateway gw = httpGateway();
      route(
          "app",
          "  parentRefs: [{name: gw}]\n  rules:\n"
              + "  - matches: [{path: {type: PathPrefix, value: /hang}}]\n    timeouts: {request: 500ms}\n"
              + "    backendRefs: [{name: hang, port: 8080}]\n"
              + "  - matches: [{path: {type: PathPrefix, value: /reset}}]\n    backendRefs: [{name: reset, port: 8080}]\n"
              + "  - backendRefs: [{name: app, port: 8080}]\n");
      URI u = gw.url("http");
      long start = System.nanoTime();
      assertThat(RawHttp.get(u, "h", "/hang").status).isEqualTo(504);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(400L, 10_000L);
      assertThat(RawHttp.get(u, "h", "/reset").status).isEqualTo(502);
      assertThat(RawHttp.raw(u, "GARBAGE\r\n\r\n").status).isEqualTo(400);
      assertThat(RawHttp.get(u, "h", "/", "X-Big: " + "a".repeat(40_000)).status).isEqualTo(431);
      assertThat(RawHttp.get(u, "h", "/").backend()).as("the rest keep flowing").isEqualTo("app");
    }
  }

  @Test
  void h2cRequestsAreRoutedLikeHttp11Ones() throws Exception {
    backend("app");
    backend("other");
    EmbeddedGateway gw = httpGateway();
    route(
        "app",
        "  parentRefs: [{name: gw}]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /other}}]\n"
            + "    backendRefs: [{name: other, port: 8080}]\n  - backendRefs: [{name: app, port: 8080}]\n");
    java.net.http.HttpClient h2 =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_2)
            .build();
    for (String path : List.of("/first", "/other/x", "/third")) {
      java.net.http.HttpResponse<String> r =
          h2.send(
              java.net.http.HttpRequest.newBuilder(gw.url("http").resolve(path))
                  .header("x-h2", "yes")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode echo = Kube.JSON.readTree(r.body());
      assertThat(echo.path("backend").asText())
          .isEqualTo(path.startsWith("/other") ? "other" : "app");
      assertThat(echo.path("path").asText()).isEqualTo(path);
      assertThat(echo.path("headers").path("x-h2").asText()).isEqualTo("yes");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    backend("app");
    EmbeddedGateway gw = httpGateway();
    route(
        "app",
        "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: app, port: 8080}]\n");
    try (Socket c = new Socket(gw.address(), gw.port("http"))) {
      c.setSoTimeout(10_000);
      c.getOutputStream()
          .write(
              ("GET /first HTTP/1.1\r\nHost: h\r\n\r\nGET /second HTTP/1.1\r\nHost: h\r\n\r\n"
                      + "GET /third HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                  .getBytes());
      String all = new String(c.getInputStream().readAllBytes());
      assertThat(all.split("HTTP/1.1 200", -1)).hasSize(4);
      assertThat(all.indexOf("\"/first\"")).isLessThan(all.indexOf("\"/second\"")).isPositive();
      assertThat(all.indexOf("\"/second\"")).isLessThan(all.indexOf("\"/third\""));
    }
  }

  @Test
  void webSocketUpgradeIsPassedThroughAndBytesFlowBothWays() throws Exception {
    try (ServerSocket ws = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(
              () -> {
                try (Socket s = ws.accept()) {
                  java.io.InputStream in = s.getInputStream();
                  String head = readHead(in);
                  String key =
                      head.lines()
                          .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                          .findFirst()
                          .orElse(":")
                          .split(":")[1]
                          .trim();
                  s.getOutputStream()
                      .write(
                          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  + "Sec-WebSocket-Accept: accept-"
                                  + key
                                  + "\r\nX-Path: "
                                  + head.split(" ")[1]
                                  + "\r\n\r\n")
                              .getBytes());
                  byte[] buf = new byte[1024];
                  int n;
                  while ((n = in.read(buf)) > 0) {
                    s.getOutputStream().write(("echo:" + new String(buf, 0, n)).getBytes());
                  }
                } catch (IOException e) {
                  // the test ended
                }
              });
      server.setDaemon(true);
      server.start();
      cluster.create(Fixtures.service(ns.name(), "ws", 8080));
      cluster.create(Fixtures.endpointSlice(ns.name(), "ws", ws.getLocalPort()));
      EmbeddedGateway gw = httpGateway();
      route(
          "ws",
          "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: ws, port: 8080}]\n");
      try (Socket c = new Socket(gw.address(), gw.port("http"))) {
        c.setSoTimeout(10_000);
        c.getOutputStream()
            .write(
                ("GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: k123\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes());
        String head = readHead(c.getInputStream());
        assertThat(head)
            .startsWith("HTTP/1.1 101")
            .contains("Sec-WebSocket-Accept: accept-k123")
            .contains("X-Path: /chat");
        for (String msg : List.of("one", "two")) {
          c.getOutputStream().write(msg.getBytes());
          byte[] buf = new byte[64];
          int n = c.getInputStream().read(buf);
          assertThat(new String(buf, 0, n)).isEqualTo("echo:" + msg);
        }
      }
    }
  }

  static String readHead(java.io.InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      sb.append((char) c);
    }
    return sb.toString();
  }

  @Test
  void metricsCountRequestsByRouteBackendAndCode() throws Exception {
    backend("app");
    EmbeddedGateway gw = httpGateway();
    route(
        "app",
        "  parentRefs: [{name: gw}]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /app}}]\n"
            + "    backendRefs: [{name: app, port: 8080}]\n");
    for (int i = 0; i < 3; i++) {
      assertThat(RawHttp.get(gw.url("http"), "h", "/app").status).isEqualTo(200);
    }
    assertThat(RawHttp.get(gw.url("http"), "h", "/elsewhere").status).isEqualTo(404);
    URI metrics = cluster.simulatedController().orElseThrow().metricsUrl().orElseThrow();
    String text = RawHttp.get(metrics, "127.0.0.1", metrics.getPath()).body;
    String labels =
        "gateway_namespace=\""
            + ns.name()
            + "\",gateway=\"gw\",listener=\"http\",route_kind=\"HTTPRoute\","
            + "route_namespace=\""
            + ns.name()
            + "\",route=\"app\",rule=\"0\",backend_namespace=\""
            + ns.name()
            + "\",backend=\"app\"";
    assertThat(text).contains("gatewaysdk_gateway_requests_total{" + labels + ",code=\"200\"} 3");
    assertThat(text)
        .contains(
            "gatewaysdk_gateway_requests_total{gateway_namespace=\""
                + ns.name()
                + "\",gateway=\"gw\",listener=\"http\",route_kind=\"\",route_namespace=\"\",route=\"\",rule=\"\",backend_namespace=\"\",backend=\"\",code=\"404\"} 1");
    String histo =
        "gateway_namespace=\""
            + ns.name()
            + "\",gateway=\"gw\",route_namespace=\""
            + ns.name()
            + "\",route=\"app\",backend_namespace=\""
            + ns.name()
            + "\",backend=\"app\"";
    assertThat(text)
        .contains("gatewaysdk_gateway_backend_request_duration_seconds_count{" + histo + "} 3");
    assertThat(text)
        .contains(
            "gatewaysdk_gateway_backend_request_duration_seconds_bucket{"
                + histo
                + ",le=\"+Inf\"} 3");
  }

  @Test
  void listenerWhosePortIsTakenIsNotProgrammed() throws Exception {
    EmbeddedGateway first = httpGateway();
    try (ServerSocket taken =
        new ServerSocket(0, 50, java.net.InetAddress.getByName(first.address()))) {
      Gateway gw =
          cluster.create(
              Manifests.read(
                  ("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                          + "metadata: {name: pinned, namespace: $NS}\nspec:\n  gatewayClassName: "
                          + cluster.gatewayClassName().orElseThrow()
                          + "\n  addresses: [{type: IPAddress, value: '"
                          + first.address()
                          + "'}]\n  listeners:\n"
                          + "  - {name: busy, protocol: HTTP, port: "
                          + taken.getLocalPort()
                          + "}\n")
                      .replace("$NS", ns.name()),
                  Gateway.class));
      awaitThat(cluster, gw)
          .hasListenerCondition("busy", "Accepted", false, "PortUnavailable")
          .hasListenerCondition("busy", "Programmed", false, "Invalid");
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void eventually(Check check) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!check.ok()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
