package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.GRPCRoute;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The traffic expectations of the conformance suite's (v1.6.1) {@code grpcroute-*} tests, replayed
 * against the embedded Gateway: the same routes (own manifests), real unary gRPC calls to the
 * Gateway's status address and listener port, gRPC echo backends behind Services and EndpointSlices
 * on loopback, and the backend or gRPC status code each test expects. One method per suite test,
 * named after it.
 */
class GrpcRouteTrafficReplayTest extends TrafficReplay {
  /** The suite's echo service. */
  static final String SERVICE = "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/";

  static final String UNIMPLEMENTED = "12";

  GrpcEcho backend(String name) throws Exception {
    GrpcEcho b = new GrpcEcho(name);
    closeables.add(b);
    cluster.create(Fixtures.service(ns.name(), name, 8080));
    cluster.create(Fixtures.endpointSlice(ns.name(), name, b.port()));
    return b;
  }

  void backends() throws Exception {
    backend("grpc-infra-backend-v1");
    backend("grpc-infra-backend-v2");
    backend("grpc-infra-backend-v3");
  }

  /** The suite's {@code same-namespace} Gateway: one HTTP listener on port 80. */
  EmbeddedGateway sameNamespaceGateway() {
    Gateway g =
        cluster.create(
            Fixtures.httpGateway(
                ns.name(), "same-namespace", cluster.gatewayClassName().orElseThrow(), 80));
    awaitThat(cluster, g).isProgrammed();
    return cluster.gateway(ns.name(), "same-namespace");
  }

  GRPCRoute grpcRoute(String yaml, String gateway) {
    GRPCRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n" + yaml)
                    .replace("$NS", ns.name()),
                GRPCRoute.class));
    awaitThat(cluster, r).isAcceptedBy(gateway).hasResolvedRefs();
    return r;
  }

  /** The backend that answered, or {@code "code <grpc status>"} when none did. */
  static String outcome(GrpcEcho.Call c) {
    String code = grpcCode(c);
    return "0".equals(code) ? c.message().split(" ")[0] : "code " + code;
  }

  /**
   * The gRPC status a gRPC client reports: the grpc-status the server sent, or the one gRPC maps
   * the HTTP status to when there is none (404 is UNIMPLEMENTED, as the suite expects for calls no
   * route matches; 503, 502 and 504 are UNAVAILABLE).
   */
  static String grpcCode(GrpcEcho.Call c) {
    if (c.grpcStatus() != null) {
      return c.grpcStatus();
    }
    return switch (c.httpStatus()) {
      case 400 -> "13";
      case 401 -> "16";
      case 403 -> "7";
      case 404 -> UNIMPLEMENTED;
      case 429, 502, 503, 504 -> "14";
      default -> "2";
    };
  }

  static GrpcEcho.Call call(
      EmbeddedGateway gw, String authority, String method, Map<String, String> md)
      throws Exception {
    return GrpcEcho.call(
        gw.address(),
        gw.port(gw.listeners().keySet().iterator().next()),
        authority,
        SERVICE + method,
        md,
        "hi");
  }

  @Test
  void grpcRouteExactMethodMatching() throws Exception {
    backends();
    EmbeddedGateway gw = sameNamespaceGateway();
    grpcRoute(
        "metadata: {name: exact-matching, namespace: $NS}\nspec:\n  parentRefs: [{name: same-namespace}]\n  rules:\n"
            + "  - matches: [{method: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: Echo}}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]\n"
            + "  - matches: [{method: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: EchoTwo}}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]\n",
        "same-namespace");
    assertThat(outcome(call(gw, "example.com", "Echo", Map.of())))
        .isEqualTo("grpc-infra-backend-v1");
    assertThat(outcome(call(gw, "example.com", "EchoTwo", Map.of())))
        .isEqualTo("grpc-infra-backend-v2");
    assertThat(outcome(call(gw, "example.com", "EchoThree", Map.of())))
        .as("no rule matches the method")
        .isEqualTo("code " + UNIMPLEMENTED);
  }

  @Test
  void grpcRouteHeaderMatching() throws Exception {
    backends();
    EmbeddedGateway gw = sameNamespaceGateway();
    grpcRoute(
        "metadata: {name: grpc-header-matching, namespace: $NS}\nspec:\n  parentRefs: [{name: same-namespace}]\n  rules:\n"
            + "  - matches: [{headers: [{name: version, value: one}]}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]\n"
            + "  - matches: [{headers: [{name: version, value: two}]}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]\n"
            + "  - matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]\n"
            + "  - matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]\n"
            + "  - matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]\n",
        "same-namespace");
    Object[][] cases = {
      {Map.of("Version", "one"), "grpc-infra-backend-v1"},
      {Map.of("Version", "two"), "grpc-infra-backend-v2"},
      {Map.of("Version", "two", "Color", "orange"), "grpc-infra-backend-v1"},
      {Map.of("Version", "two", "Color", "blue"), "grpc-infra-backend-v2"},
      {Map.of("Color", "orange"), "code " + UNIMPLEMENTED},
      {Map.of("Some-Other-Header", "one"), "code " + UNIMPLEMENTED},
      {Map.of("Color", "blue"), "grpc-infra-backend-v1"},
      {Map.of("Color", "green"), "grpc-infra-backend-v1"},
      {Map.of("Color", "red"), "grpc-infra-backend-v2"},
      {Map.of("Color", "yellow"), "grpc-infra-backend-v2"},
      {Map.of("Color", "purple"), "code " + UNIMPLEMENTED},
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, String> md = (Map<String, String>) c[0];
      assertThat(outcome(call(gw, "example.com", "Echo", md)))
          .as("metadata %s", md)
          .isEqualTo(c[1]);
    }
  }

  @Test
  void grpcRouteListenerHostnameMatching() throws Exception {
    backends();
    Gateway g =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                        + "metadata: {name: grpcroute-listener-hostname-matching, namespace: $NS}\n"
                        + "spec:\n  gatewayClassName: "
                        + cluster.gatewayClassName().orElseThrow()
                        + "\n  listeners:\n"
                        + "  - {name: listener-1, port: 80, protocol: HTTP, hostname: bar.com}\n"
                        + "  - {name: listener-2, port: 80, protocol: HTTP, hostname: foo.bar.com}\n"
                        + "  - {name: listener-3, port: 80, protocol: HTTP, hostname: '*.bar.com'}\n"
                        + "  - {name: listener-4, port: 80, protocol: HTTP, hostname: '*.foo.com'}\n")
                    .replace("$NS", ns.name()),
                Gateway.class));
    awaitThat(cluster, g).isProgrammed();
    String gwName = "grpcroute-listener-hostname-matching";
    String[][] routes = {
      {"backend-v1", "[listener-1]", "grpc-infra-backend-v1"},
      {"backend-v2", "[listener-2]", "grpc-infra-backend-v2"},
      {"backend-v3", "[listener-3, listener-4]", "grpc-infra-backend-v3"},
    };
    for (String[] r : routes) {
      StringBuilder parents = new StringBuilder();
      for (String section : r[1].substring(1, r[1].length() - 1).split(", ")) {
        parents
            .append("  - {name: ")
            .append(gwName)
            .append(", sectionName: ")
            .append(section)
            .append("}\n");
      }
      grpcRoute(
          "metadata: {name: "
              + r[0]
              + ", namespace: $NS}\nspec:\n  parentRefs:\n"
              + parents
              + "  rules: [{backendRefs: [{name: "
              + r[2]
              + ", port: 8080}]}]\n",
          gwName);
    }
    EmbeddedGateway gw = cluster.gateway(ns.name(), gwName);
    String[][] cases = {
      {"bar.com", "grpc-infra-backend-v1"},
      {"foo.bar.com", "grpc-infra-backend-v2"},
      {"baz.bar.com", "grpc-infra-backend-v3"},
      {"boo.bar.com", "grpc-infra-backend-v3"},
      {"multiple.prefixes.bar.com", "grpc-infra-backend-v3"},
      {"multiple.prefixes.foo.com", "grpc-infra-backend-v3"},
      {"foo.com", "code " + UNIMPLEMENTED},
      {"no.matching.host", "code " + UNIMPLEMENTED},
    };
    for (String[] c : cases) {
      assertThat(outcome(call(gw, c[0], "Echo", Map.of())))
          .as(":authority %s", c[0])
          .isEqualTo(c[1]);
    }
  }

  @Test
  void grpcRouteNamedRule() throws Exception {
    backends();
    EmbeddedGateway gw = sameNamespaceGateway();
    grpcRoute(
        "metadata: {name: grpc-named-rules, namespace: $NS}\nspec:\n  parentRefs: [{name: same-namespace}]\n  rules:\n"
            + "  - name: named-rule\n"
            + "    matches: [{method: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: Echo}}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v1, port: 8080}]\n"
            + "  - matches: [{method: {service: gateway_api_conformance.echo_basic.grpcecho.GrpcEcho, method: EchoTwo}}]\n"
            + "    backendRefs: [{name: grpc-infra-backend-v2, port: 8080}]\n",
        "same-namespace");
    assertThat(outcome(call(gw, "example.com", "Echo", Map.of())))
        .isEqualTo("grpc-infra-backend-v1");
    assertThat(outcome(call(gw, "example.com", "EchoTwo", Map.of())))
        .isEqualTo("grpc-infra-backend-v2");
  }

  @Test
  void grpcRouteWeight() throws Exception {
    backends();
    EmbeddedGateway gw = sameNamespaceGateway();
    grpcRoute(
        "metadata: {name: weighted-backends, namespace: $NS}\nspec:\n  parentRefs: [{name: same-namespace}]\n  rules:\n"
            + "  - backendRefs:\n"
            + "    - {name: grpc-infra-backend-v1, port: 8080, weight: 70}\n"
            + "    - {name: grpc-infra-backend-v2, port: 8080, weight: 30}\n"
            + "    - {name: grpc-infra-backend-v3, port: 8080, weight: 0}\n",
        "same-namespace");
    Map<String, Double> expected =
        Map.of("grpc-infra-backend-v1", 0.7, "grpc-infra-backend-v2", 0.3);
    assertThat(
            Weights.withinSuiteTolerance(
                expected,
                () -> {
                  GrpcEcho.Call c = call(gw, "example.com", "Echo", Map.of());
                  assertThat(grpcCode(c)).isEqualTo("0");
                  return c.message().split(" ")[0];
                }))
        .isEmpty();
  }
}
