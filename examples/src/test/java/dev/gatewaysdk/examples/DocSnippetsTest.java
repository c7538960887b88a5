package dev.gatewaysdk.examples;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.Backend;
import dev.gatewaysdk.core.Capabilities;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.Redirect;
import dev.gatewaysdk.core.RequestMatch;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.core.RuleSelector;
import dev.gatewaysdk.core.validation.GatewayApiValidator;
import dev.gatewaysdk.core.validation.ValidationResult;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.GRPCRoute;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPMethod;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.HTTPRouteRule;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.TLSRoute;
import dev.gatewaysdk.testing.EchoBackend;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Java snippets of docs/*.md and the README claim, run against the embedded cluster. That
 * every snippet compiles as written is {@link DocSnippetsCompileTest}'s job.
 */
@GatewayApiTest
class DocSnippetsTest {
  @Test
  void modelKeepsUnknownFieldsAndCopiesWithChanges() {
    // docs/model.md: unknown fields
    String yaml =
        "apiVersion: gateway.networking.k8s.io/v1\n"
            + "kind: HTTPRoute\n"
            + "metadata: {name: shop}\n"
            + "spec:\n"
            + "  futureField: {enabled: true}\n"
            + "  rules: [{backendRefs: [{name: shop-v1, port: 8080}]}]\n";
    HTTPRoute route = Manifests.read(yaml, HTTPRoute.class);
    Object kept = route.spec().unknownFields().get("futureField"); // {enabled=true}
    HTTPRoute moved = route.newBuilder().namespace("prod").build(); // copy with one change
    String back = Manifests.toYaml(moved); // futureField is written back

    assertThat(kept).isEqualTo(Map.of("enabled", true));
    assertThat(moved.metadata().namespace()).contains("prod");
    assertThat(route.metadata().namespace()).isEmpty();
    assertThat(back).contains("futureField:").contains("enabled: true");
  }

  @Test
  void modelBuildersReadModifyWrite() {
    // docs/model.md: build objects
    HTTPRoute canary =
        HTTPRoute.builder()
            .name("canary-route")
            .namespace("default")
            .parentRef("my-gateway")
            .rule(
                r ->
                    r.pathPrefix("/app")
                        .backend("app-stable", 8080, 90)
                        .backend("app-canary", 8080, 10))
            .build();

    Gateway gateway =
        Gateway.builder()
            .name("gw")
            .namespace("infra")
            .gatewayClassName("envoy")
            .listener(Listener.http("http", 80))
            .listener(
                Listener.https(
                    "https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert")))
            .build();

    HTTPRouteRule rule =
        HTTPRouteRule.builder()
            .pathExact("/login")
            .header("x-canary", "true")
            .method(HTTPMethod.POST) // one match: all must hold
            .match(m -> m.pathPrefix("/api")) // a second match (OR)
            .redirectToHttps() // or redirect(...), rewrite(...)
            .mirror("shadow", 8080, 10) // mirror 10 % of requests
            .requestTimeout(Duration.ofSeconds(10))
            .backend("web", 8080)
            .build();

    TLSRoute passthrough =
        TLSRoute.builder()
            .name("db")
            .parentRef("gw")
            .hostname("db.example.com")
            .rule(r -> r.backend("db", 5432))
            .build();
    GRPCRoute grpc =
        GRPCRoute.builder()
            .name("users")
            .parentRef("gw")
            .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
            .build();

    // docs/model.md: read, modify, write
    String json = Manifests.toJson(canary);
    HTTPRoute read = Manifests.read(json, HTTPRoute.class);
    HTTPRoute edited = read.withSpec(read.spec().withHostnames("shop.example.com"));
    String back = Manifests.toJson(edited); // unknown fields and status kept

    // docs/model.md: Immutables values
    HTTPRoute route = edited;
    HTTPRoute.Builder b =
        route.newBuilder().label("team", "edge"); // metadata shortcuts: ObjectBuilder
    b.metadataBuilder().putAnnotation("owner", "team-a"); // the metadata being built
    b.spec(s -> s.addHostname("www.example.com")); // the spec being built
    HTTPRoute copy = b.build(); // spec checks (required fields) run here

    assertThat(canary.spec().rules().get(0).backendRefs())
        .extracting(r -> r.weight().orElseThrow())
        .containsExactly(90, 10);
    assertThat(gateway.spec().listeners()).hasSize(2);
    assertThat(rule.matches()).hasSize(2);
    assertThat(passthrough.spec().hostnames()).containsExactly("db.example.com");
    assertThat(grpc.spec().rules()).hasSize(1);
    assertThat(read).isEqualTo(canary);
    assertThat(Manifests.read(back, HTTPRoute.class).spec().hostnames())
        .containsExactly("shop.example.com");
    assertThat(copy.metadata().labels()).containsEntry("team", "edge");
    assertThat(copy.metadata().annotations()).containsEntry("owner", "team-a");
    assertThat(copy.spec().hostnames()).containsExactly("shop.example.com", "www.example.com");
  }

  @Test
  void validatorReportsLikeTheApiServer() {
    // docs/validation.md
    GatewayApiValidator validator =
        GatewayApiValidator.forRelease(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    HTTPRoute route =
        HTTPRoute.builder()
            .name("shop")
            .namespace("default")
            .parentRef("my-gateway")
            .rule(r -> r.pathPrefix("/").redirectToHttps().backend("shop-v1", 8080))
            .build();
    ValidationResult result = validator.validate(Manifests.toTree(route));
    if (!result.valid()) {
      System.err.println(
          result.kubectlMessage()); // The HTTPRoute "shop" is invalid: spec.rules[0]: ...
    }

    assertThat(result.valid()).isFalse();
    assertThat(result.kubectlMessage())
        .startsWith("The HTTPRoute \"shop\" is invalid: spec.rules[0]");
  }

  @Test
  void clientBasics(GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    String namespace = ns.name();
    TrafficSplitExample.run(client, namespace, cluster.gatewayClassName().orElseThrow());

    // docs/client.md: typed clients
    Capabilities served = client.capabilities(); // what the cluster serves, discovered once
    ResourceClient<HTTPRoute> routes = client.httpRoutes().inNamespace(namespace);
    HTTPRoute route = routes.get("canary-route");
    List<HTTPRoute> all = routes.list();
    boolean exists = routes.find("no-such-route").isPresent();

    assertThat(served.serves(HTTPRoute.KIND)).isTrue();
    assertThat(served.preferredVersion(HTTPRoute.KIND)).contains("v1");
    assertThat(all)
        .extracting(r -> r.metadata().name().orElseThrow())
        .containsExactly("canary-route");
    assertThat(exists).isFalse();
    assertThat(route.spec().rules()).hasSize(1);
    assertThatThrownBy(() -> routes.get("no-such-route"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-route");
  }

  @Test
  void routeManagerOperations(GatewayCluster cluster, GatewayApiClient client, TestNamespace ns) {
    String namespace = ns.name();
    TrafficSplitExample.run(client, namespace, cluster.gatewayClassName().orElseThrow());
    ExampleObjects.services(client, namespace, 8080, "app-mirror");

    // docs/client.md: RouteManager
    RouteManager routes = RouteManager.create(client);
    RouteRef ref = RouteRef.httpRoute(namespace, "canary-route");
    routes.shiftTraffic(ref, "app-stable", "app-canary", 25); // 90/10 becomes 75/25
    routes.addMatchRule(
        ref, RequestMatch.header("x-canary", "always"), Backend.service("app-canary", 8080));
    routes.setMirror(ref, RuleSelector.all(), Backend.service("app-mirror", 8080), 100);
    routes.addRedirectRule(ref, RequestMatch.pathPrefix("/old"), Redirect.toPath("/new"));

    HTTPRoute stored = client.httpRoutes().inNamespace(namespace).get("canary-route");
    assertThat(stored.spec().rules()).hasSize(3);
    awaitThat(client, stored)
        .isAcceptedBy("my-gateway")
        .hasResolvedRefs()
        .hasBackendWeight("app-stable", 75)
        .hasBackendWeight("app-canary", 25);
  }

  @Test
  void embeddedGatewayCarriesTraffic(GatewayCluster cluster, TestNamespace ns) throws Exception {
    // docs/testing.md: the embedded Gateway
    try (EchoBackend app = EchoBackend.behindService(cluster, ns.name(), "app", 8080)) {
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      URI url = cluster.gateway(ns.name(), "gw").url("http"); // http://127.x.y.z:80/

      HTTPRoute route =
          cluster.create(
              HTTPRoute.builder()
                  .name("app")
                  .namespace(ns.name())
                  .parentRef("gw")
                  .rule(r -> r.pathPrefix("/").backend("app", 8080, 1))
                  .build());
      awaitThat(cluster, route).isAcceptedBy("gw");
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(url.resolve("/hello")).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Backend")).contains("app");
      assertThat(response.body()).contains("\"path\":\"/hello\"");
      assertThat(app.requests()).isEqualTo(1);
    }
  }
}
