package dev.gatewaysdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.core.validation.internal.CrdFiles;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.CrdSourceException;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayApiValidatorTest {
  private static final String ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: canary, namespace: default}
      spec:
        parentRefs: [{name: gw}]
        rules:
        - matches: [{path: {type: PathPrefix, value: /app}}]
          backendRefs:
          - {name: stable, port: 8080, weight: %s}
          - {name: canary, port: 8080, weight: 10}
      """;

  @Test
  void weightAboveLimitIsRejectedWithTheServersWording() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    ValidationResult r = v.validate(OfficialData.yaml(ROUTE.formatted("1000001")));
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec.rules[0].backendRefs[0].weight");
              assertThat(c.reason()).isEqualTo(Cause.FIELD_VALUE_INVALID);
              assertThat(c.message())
                  .isEqualTo(
                      "Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be "
                          + "less than or equal to 1000000");
            });
    assertThat(r.kubectlMessage())
        .isEqualTo(
            "The HTTPRoute \"canary\" is invalid: spec.rules[0].backendRefs[0].weight: "
                + "Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000");
  }

  @Test
  void defaultsFillGroupKindAndMatchType() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    ObjectNode defaulted =
        v.applyDefaults(
            OfficialData.yaml(
                """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 80}]}]}
        """));
    assertThat(defaulted.at("/spec/parentRefs/0/group").asText())
        .isEqualTo("gateway.networking.k8s.io");
    assertThat(defaulted.at("/spec/parentRefs/0/kind").asText()).isEqualTo("Gateway");
    assertThat(defaulted.at("/spec/rules/0/backendRefs/0/weight").asInt()).isEqualTo(1);
    assertThat(defaulted.at("/spec/rules/0/matches/0/path/type").asText()).isEqualTo("PathPrefix");
    assertThat(defaulted.at("/spec/rules/0/matches/0/path/value").asText()).isEqualTo("/");
  }

  @Test
  void kindTheReleaseDoesNotServeIsReported() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    ValidationResult r =
        v.validate(
            OfficialData.yaml(
                """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: t}
        spec: {}
        """));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo(Cause.KIND_NOT_SERVED);
              assertThat(c.message())
                  .contains(
                      "no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"")
                  .contains(CrdSource.LATEST_RELEASE + " standard");
            });
    ValidationResult unknownKind =
        v.validate(
            OfficialData.yaml("{apiVersion: example.com/v1, kind: Foo, metadata: {name: f}}"));
    assertThat(unknownKind.causes())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo(Cause.KIND_NOT_SERVED));
  }

  @Test
  void fromFilesReadsDirectoriesOfCrds() {
    Path dir = OfficialData.require(CrdSource.LATEST_RELEASE + "/crds/standard");
    GatewayApiValidator v = GatewayApiValidator.fromFiles(dir);
    assertThat(v.crd("gateway.networking.k8s.io", "Gateway")).isPresent();
    assertThat(v.crd("gateway.networking.k8s.io", "Gateway").get().servedVersions()).contains("v1");
    assertThat(v.validate(OfficialData.yaml(ROUTE.formatted("90"))).valid()).isTrue();
  }

  @Test
  void updateRunsTransitionRules() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    JsonNode old =
        OfficialData.yaml(
            "{apiVersion: gateway.networking.k8s.io/v1, kind: GatewayClass, metadata: {name: c}, "
                + "spec: {controllerName: example.com/a}}");
    JsonNode changed =
        OfficialData.yaml(
            "{apiVersion: gateway.networking.k8s.io/v1, kind: GatewayClass, metadata: {name: c}, "
                + "spec: {controllerName: example.com/b}}");
    assertThat(v.validate(changed).valid()).isTrue();
    assertThat(v.validateUpdate(changed, old).causes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.message())
                    .isEqualTo("Invalid value: \"example.com/b\": Value is immutable"));
  }

  @Test
  void fromClusterReadsGatewayApiCrdsThroughApiextensions() throws IOException {
    Path install = OfficialData.require(CrdSource.LATEST_RELEASE + "/standard-install.yaml");
    ObjectMapper json = new ObjectMapper();
    ObjectNode list =
        json.createObjectNode()
            .put("apiVersion", "apiextensions.k8s.io/v1")
            .put("kind", "CustomResourceDefinitionList");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    CrdFiles.read(install).forEach(items::add);
    items.add(
        OfficialData.yaml(
            """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: others.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Other, plural: others}
          versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
        """));
    byte[] body = json.writeValueAsBytes(list);
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        exchange -> {
          requests.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          byte[] nf = "{\"kind\":\"Status\",\"code\":404}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(404, nf.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(nf);
          }
        });
    server.start();
    try {
      ApiClient client =
          new ApiClient().setBasePath("http://127.0.0.1:" + server.getAddress().getPort());
      GatewayApiValidator v = GatewayApiValidator.fromCluster(client);
      assertThat(requests.get()).isEqualTo(1);
      assertThat(v.crd("gateway.networking.k8s.io", "HTTPRoute")).isPresent();
      assertThat(v.crd("example.com", "Other")).as("only Gateway API groups are read").isEmpty();
      assertThat(v.validate(OfficialData.yaml(ROUTE.formatted("1000001"))).causes())
          .extracting(Cause::field)
          .containsExactly("spec.rules[0].backendRefs[0].weight");
      ApiClient broken =
          new ApiClient()
              .setBasePath("http://127.0.0.1:" + server.getAddress().getPort() + "/nowhere");
      assertThatThrownBy(() -> GatewayApiValidator.fromCluster(broken))
          .isInstanceOf(CrdSourceException.class)
          .hasMessageContaining("404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void typedModelObjectsAreValidatedThroughTheirTree() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    dev.gatewaysdk.model.HTTPRoute ok =
        dev.gatewaysdk.model.Manifests.read(
            ROUTE.formatted("90"), dev.gatewaysdk.model.HTTPRoute.class);
    // The model checks ranges itself; a missing Service port is only caught by the CRD's CEL rule.
    dev.gatewaysdk.model.HTTPRoute bad =
        dev.gatewaysdk.model.Manifests.read(
            ROUTE.formatted("90").replace("{name: stable, port: 8080,", "{name: stable,"),
            dev.gatewaysdk.model.HTTPRoute.class);
    assertThat(v.validate(ok).causes()).isEmpty();
    assertThat(v.validate(bad).causes())
        .extracting(Cause::toString)
        .containsExactly(
            "spec.rules[0].backendRefs[0]: Invalid value: \"object\": Must have port for Service reference");
    assertThat(v.validateUpdate(bad, ok).causes())
        .extracting(Cause::field)
        .containsExactly("spec.rules[0].backendRefs[0]");
  }

  @Test
  void ofUsesExactlyTheGivenCrds() {
    GatewayApiValidator all =
        OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.EXPERIMENTAL);
    CompiledCrd routes = all.crd("gateway.networking.k8s.io", "HTTPRoute").orElseThrow();
    GatewayApiValidator one = GatewayApiValidator.of(List.of(routes));
    assertThat(one.crds()).containsExactly(routes);
    assertThat(one.crd("gateway.networking.k8s.io", "Gateway")).isEmpty();
  }
}
