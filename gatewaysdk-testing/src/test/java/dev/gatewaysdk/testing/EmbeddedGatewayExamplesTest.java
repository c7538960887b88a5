package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Gateway API examples (targeted release, standard channel, read from {@code
 * GATEWAYSDK_CRDS}) applied as they are, with echo backends behind their Services, and the traffic
 * their guides describe checked through the embedded Gateway.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayExamplesTest {
  GatewayCluster cluster;
  TestNamespace ns;
  Path examples;
  final List<EchoBackend> backends = new ArrayList<>();

  @BeforeEach
  void examples() {
    examples =
        CrdSource.fromEnvironment()
            .directory()
            .map(d -> d.resolve(CrdSource.LATEST_RELEASE + "/examples/standard"))
            .orElse(null);
    String reason = "official examples not configured (set GATEWAYSDK_CRDS)";
    Assumptions.assumeTrue(
        CrdRequirement.available(examples != null && Files.isDirectory(examples), reason), reason);
  }

  @AfterEach
  void close() {
    backends.forEach(EchoBackend::close);
  }

  void backend(String name) throws IOException {
    backends.add(EchoBackend.behindService(cluster, ns.name(), name, 8080));
  }

  /**
   * Creates every object of the example file in the test namespace; Gateways get our class, routes
   * {@code parent}.
   */
  List<Object> apply(String file, String parent) throws IOException {
    List<Object> created = new ArrayList<>();
    for (Object o : Manifests.readAll(examples.resolve(file))) {
      ObjectNode tree = Manifests.toTree(o);
      ((ObjectNode) tree.path("metadata")).put("namespace", ns.name());
      if (tree.path("kind").asText().equals("Gateway")) {
        ((ObjectNode) tree.path("spec"))
            .put("gatewayClassName", cluster.gatewayClassName().orElseThrow());
      } else if (parent != null) {
        ((ObjectNode) tree.path("spec")).putArray("parentRefs").addObject().put("name", parent);
      }
      created.add(cluster.create(Manifests.fromTree(tree)));
    }
    return created;
  }

  EmbeddedGateway programmed(String name) {
    awaitThat(cluster, cluster.get(Gateway.class, ns.name(), name)).isProgrammed();
    return cluster.gateway(ns.name(), name);
  }

  void accepted(List<Object> objects, String gateway) {
    for (Object o : objects) {
      if (o instanceof HTTPRoute) {
        awaitThat(cluster, (HTTPRoute) o).isAcceptedBy(gateway);
      }
    }
  }

  @Test
  void httpRoutingGuideRoutesByHostPathAndHeader() throws Exception {
    for (String b : List.of("foo-svc", "bar-svc", "bar-svc-canary")) {
      backend(b);
    }
    apply("http-routing/gateway.yaml", null);
    EmbeddedGateway gw = programmed("example-gateway");
    List<Object> routes = apply("http-routing/foo-httproute.yaml", null);
    routes.addAll(apply("http-routing/bar-httproute.yaml", null));
    accepted(routes, "example-gateway");
    URI u = gw.url("http");
    assertThat(RawHttp.get(u, "foo.example.com", "/login").backend()).isEqualTo("foo-svc");
    assertThat(RawHttp.get(u, "foo.example.com", "/login/page").backend()).isEqualTo("foo-svc");
    assertThat(RawHttp.get(u, "foo.example.com", "/").status).isEqualTo(404);
    assertThat(RawHttp.get(u, "bar.example.com", "/", "env: canary").backend())
        .isEqualTo("bar-svc-canary");
    assertThat(RawHttp.get(u, "bar.example.com", "/anything").backend()).isEqualTo("bar-svc");
    assertThat(RawHttp.get(u, "baz.example.com", "/login").status).isEqualTo(404);
  }

  @Test
  void trafficSplittingGuideSendsNinetyTenWithinTolerance() throws Exception {
    backend("foo-v1");
    backend("foo-v2");
    apply("http-routing/gateway.yaml", null);
    EmbeddedGateway gw = programmed("example-gateway");
    accepted(apply("traffic-splitting/traffic-split-2.yaml", "example-gateway"), "example-gateway");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      counts.merge(RawHttp.get(gw.url("http"), "foo.example.com", "/").backend(), 1, Integer::sum);
    }
    assertThat(counts.getOrDefault("foo-v1", 0) / 1000.0).isCloseTo(0.9, within(0.05));
    assertThat(counts.getOrDefault("foo-v2", 0) / 1000.0).isCloseTo(0.1, within(0.05));
  }

  @Test
  void corsGuideAnswersPreflightsForAllowedOriginsOnly() throws Exception {
    backend("infra-backend-v1");
    apply("http-routing/gateway.yaml", null);
    EmbeddedGateway gw = programmed("example-gateway");
    accepted(
        apply("http-cors/httproute-all-fields-set.yaml", "example-gateway"), "example-gateway");
    URI u = gw.url("http");
    RawHttp.Response preflight =
        RawHttp.request(
            u,
            "OPTIONS",
            "h",
            "/cors-behavior-creds-true",
            "",
            "Origin: https://www.foo.com",
            "Access-Control-Request-Method: GET");
    assertThat(preflight.status).isEqualTo(200);
    assertThat(preflight.header("access-control-allow-origin")).isEqualTo("https://www.foo.com");
    assertThat(preflight.header("access-control-allow-credentials")).isEqualTo("true");
    assertThat(preflight.header("access-control-allow-methods")).contains("GET");
    assertThat(preflight.header("access-control-max-age")).isEqualTo("3600");
    RawHttp.Response wildcard =
        RawHttp.request(
            u,
            "OPTIONS",
            "h",
            "/cors-behavior-creds-true",
            "",
            "Origin: https://api.bar.com",
            "Access-Control-Request-Method: GET");
    assertThat(wildcard.header("access-control-allow-origin")).isEqualTo("https://api.bar.com");
    RawHttp.Response refused =
        RawHttp.request(
            u,
            "OPTIONS",
            "h",
            "/cors-behavior-creds-true",
            "",
            "Origin: https://evil.example",
            "Access-Control-Request-Method: GET");
    assertThat(refused.header("access-control-allow-origin")).isNull();
    RawHttp.Response simple =
        RawHttp.get(u, "h", "/cors-behavior-creds-true", "Origin: https://www.foo.com");
    assertThat(simple.backend()).isEqualTo("infra-backend-v1");
    assertThat(simple.header("access-control-allow-origin")).isEqualTo("https://www.foo.com");
    assertThat(simple.header("access-control-expose-headers")).contains("x-header-3");
  }

  @Test
  void mirroringGuideCopiesEveryRequestToTheMirror() throws Exception {
    backend("foo-v1");
    EchoBackend mirror = EchoBackend.start("foo-v2");
    backends.add(mirror);
    cluster.create(Fixtures.service(ns.name(), "foo-v2", 8080));
    cluster.create(Fixtures.endpointSlice(ns.name(), "foo-v2", mirror.port()));
    apply("http-routing/gateway.yaml", null);
    EmbeddedGateway gw = programmed("example-gateway");
    accepted(
        apply("http-request-mirroring/httproute-mirroring.yaml", "example-gateway"),
        "example-gateway");
    for (int i = 0; i < 10; i++) {
      assertThat(RawHttp.get(gw.url("http"), "mirror.example", "/m").backend()).isEqualTo("foo-v1");
    }
    long deadline = System.currentTimeMillis() + 5000;
    while (mirror.requests() < 10 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(mirror.requests()).isEqualTo(10);
  }
}
