package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.GRPCRoute;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GRPCRoute through the embedded Gateway: real gRPC calls (HTTP/2 prior knowledge, length-prefixed
 * messages, trailers) reach the backend the spec's matching picks, and the answer, trailers
 * included, comes back.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
class EmbeddedGatewayGrpcTest {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();
  EmbeddedGateway gw;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  GrpcEcho backend(String name) throws Exception {
    GrpcEcho b = new GrpcEcho(name);
    closeables.add(b);
    cluster.create(Fixtures.service(ns.name(), name, 9000));
    cluster.create(Fixtures.endpointSlice(ns.name(), name, b.port()));
    return b;
  }

  void route(String rules) {
    Gateway g =
        cluster.create(
            Fixtures.httpGateway(ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80));
    awaitThat(cluster, g).isProgrammed();
    gw = cluster.gateway(ns.name(), "gw");
    GRPCRoute r =
        cluster.create(
            Manifests.read(
                ("apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
                        + "metadata: {name: grpc, namespace: $NS}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [grpc.example.com]\n"
                        + "  rules:\n"
                        + rules)
                    .replace("$NS", ns.name()),
                GRPCRoute.class));
    awaitThat(cluster, r).isAcceptedBy("gw");
  }

  GrpcEcho.Call call(String path, Map<String, String> headers) throws Exception {
    return GrpcEcho.call(gw.address(), gw.port("http"), "grpc.example.com", path, headers, "hello");
  }

  @Test
  void callsAreRoutedByServiceMethodAndHeaderWithTheSpecsPrecedence() throws Exception {
    backend("exact");
    backend("service");
    backend("tagged");
    backend("fallback");
    route(
        "  - matches: [{method: {service: echo.Echo, method: Ping}}]\n    backendRefs: [{name: exact, port: 9000}]\n"
            + "  - matches: [{method: {service: echo.Echo}}]\n    backendRefs: [{name: service, port: 9000}]\n"
            + "  - matches: [{method: {service: echo.Echo}, headers: [{name: x-tag, value: canary}]}]\n"
            + "    backendRefs: [{name: tagged, port: 9000}]\n"
            + "  - backendRefs: [{name: fallback, port: 9000}]\n");

    GrpcEcho.Call ping = call("/echo.Echo/Ping", Map.of("x-tag", "canary"));
    assertThat(ping.httpStatus()).isEqualTo(200);
    assertThat(ping.grpcStatus()).as("grpc-status from the backend's trailers").isEqualTo("0");
    assertThat(ping.message())
        .as("a method match is more specific than a header match")
        .isEqualTo("exact /echo.Echo/Ping x-tag=canary te=trailers hello");
    assertThat(call("/echo.Echo/Other", Map.of()).message())
        .startsWith("service /echo.Echo/Other ");
    assertThat(call("/echo.Echo/Other", Map.of("x-tag", "canary")).message())
        .startsWith("tagged /echo.Echo/Other ");
    assertThat(call("/echo.EchoX/Ping", Map.of()).message())
        .as("a service match is not a name prefix")
        .startsWith("fallback /echo.EchoX/Ping ");
    assertThat(call("/other.Svc/Ping", Map.of()).message()).startsWith("fallback ");
  }

  @Test
  void methodOnlyAndRegularExpressionMatches() throws Exception {
    backend("health");
    backend("regex");
    backend("fallback");
    route(
        "  - matches: [{method: {method: Check}}]\n    backendRefs: [{name: health, port: 9000}]\n"
            + "  - matches: [{method: {type: RegularExpression, service: 'billing\\.v[0-9]+\\.Invoices', method: 'Get.*'}}]\n"
            + "    backendRefs: [{name: regex, port: 9000}]\n"
            + "  - backendRefs: [{name: fallback, port: 9000}]\n");
    assertThat(call("/grpc.health.v1.Health/Check", Map.of()).message()).startsWith("health ");
    assertThat(call("/any.Service/Check", Map.of()).message()).startsWith("health ");
    assertThat(call("/billing.v2.Invoices/GetOne", Map.of()).message()).startsWith("regex ");
    assertThat(call("/billing.v2.Invoices/List", Map.of()).message()).startsWith("fallback ");
    assertThat(call("/billing.vX.Invoices/GetOne", Map.of()).message()).startsWith("fallback ");
  }

  @Test
  void headerFiltersAndTrailersOnlyErrorsPassThrough() throws Exception {
    backend("app");
    route(
        "  - filters:\n"
            + "    - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-tag, value: from-gateway}]}}\n"
            + "    - {type: ResponseHeaderModifier, responseHeaderModifier: {add: [{name: x-served-by, value: gw}]}}\n"
            + "    backendRefs: [{name: app, port: 9000}]\n");
    GrpcEcho.Call ok = call("/echo.Echo/Ping", Map.of("x-tag", "client"));
    assertThat(ok.message()).isEqualTo("app /echo.Echo/Ping x-tag=from-gateway te=trailers hello");
    assertThat(ok.headers().get("x-served-by")).isEqualTo("gw");
    GrpcEcho.Call notFound = call("/echo.Echo/Ping", Map.of("x-grpc-status", "5"));
    assertThat(notFound.httpStatus()).isEqualTo(200);
    assertThat(notFound.grpcStatus()).isEqualTo("5");
    assertThat(notFound.headers().get("grpc-message")).isEqualTo("asked for 5");
  }

  @Test
  void weightsSplitCallsAndZeroWeightBackendsGetNone() throws Exception {
    GrpcEcho a = backend("a");
    GrpcEcho b = backend("b");
    GrpcEcho zero = backend("zero");
    route(
        "  - backendRefs: [{name: a, port: 9000, weight: 3}, {name: b, port: 9000, weight: 1},"
            + " {name: zero, port: 9000, weight: 0}]\n");
    Map<String, Integer> seen = new HashMap<>();
    int calls = 400;
    for (int i = 0; i < calls; i++) {
      GrpcEcho.Call c = call("/echo.Echo/Ping", Map.of());
      assertThat(c.grpcStatus()).isEqualTo("0");
      seen.merge(c.message().split(" ")[0], 1, Integer::sum);
    }
    // 3:1 over 400 calls: a's expected share 300 (sd ~8.7); 6 standard deviations either side.
    assertThat(seen.getOrDefault("a", 0)).isBetween(248, 352);
    assertThat(seen.getOrDefault("a", 0) + seen.getOrDefault("b", 0)).isEqualTo(calls);
    assertThat(zero.calls.get()).isZero();
    assertThat(a.calls.get() + b.calls.get()).isEqualTo(calls);
  }
}
