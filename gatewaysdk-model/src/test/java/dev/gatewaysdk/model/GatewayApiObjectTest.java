package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.internal.Json;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JSON and YAML round trip per kind, over documents that set (nearly) every field plus unknown
 * ones.
 */
class GatewayApiObjectTest {

  static JsonNode document(GatewayApiKind kind) throws Exception {
    try (InputStream in =
        GatewayApiObjectTest.class.getResourceAsStream("roundtrip/" + kind.kind() + ".yaml")) {
      assertThat(in).as("test document for " + kind).isNotNull();
      return Json.yaml().readTree(in);
    }
  }

  @ParameterizedTest
  @EnumSource(GatewayApiKind.class)
  void jsonRoundTripKeepsTheDocument(GatewayApiKind kind) throws Exception {
    JsonNode doc = document(kind);

    GatewayApiObject obj =
        Json.mapper().readValue(Json.mapper().writeValueAsString(doc), kind.type());

    assertThat(obj).isInstanceOf(kind.type());
    assertThat(obj.kind()).isEqualTo(kind.kind());
    assertThat(GatewayApiKind.of(obj.getClass())).contains(kind);
    assertThat(HTTPRouteTest.tree(obj)).isEqualTo(doc);
  }

  @ParameterizedTest
  @EnumSource(GatewayApiKind.class)
  void yamlRoundTripKeepsTheObject(GatewayApiKind kind) throws Exception {
    GatewayApiObject obj = Json.yaml().treeToValue(document(kind), kind.type());

    String yaml = Json.yaml().writeValueAsString(obj);
    GatewayApiObject back = Json.yaml().readValue(yaml, kind.type());

    assertThat(back).isEqualTo(obj).hasSameHashCodeAs(obj);
    assertThat(back.toString()).isEqualTo(obj.toString());
    assertThat(Json.yaml().readTree(yaml))
        .isEqualTo(Json.yaml().readTree(Json.yaml().writeValueAsString(document(kind))));
  }

  @ParameterizedTest
  @EnumSource(GatewayApiKind.class)
  void apiVersionIsKeptAndRetargeted(GatewayApiKind kind) throws Exception {
    JsonNode doc = document(kind);
    GatewayApiObject obj = Json.mapper().treeToValue(doc, kind.type());

    assertThat(obj.apiVersion()).isEqualTo(doc.path("apiVersion").asText());
    GatewayApiObject v1 = obj.withApiVersion(kind.defaultApiVersion());
    assertThat(v1.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(HTTPRouteTest.tree(v1).path("apiVersion").asText())
        .isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(v1.withApiVersion(obj.apiVersion())).isEqualTo(obj);
    assertThat(v1.metadata()).isEqualTo(obj.metadata());
  }

  @ParameterizedTest
  @EnumSource(GatewayApiKind.class)
  void metadataCanBeReplaced(GatewayApiKind kind) throws Exception {
    GatewayApiObject obj = Json.mapper().treeToValue(document(kind), kind.type());

    GatewayApiObject renamed = obj.withMetadata(obj.metadata().withName("renamed"));

    assertThat(renamed.metadata().name()).contains("renamed");
    assertThat(renamed.metadata().namespace()).isEqualTo(obj.metadata().namespace());
    assertThat(renamed).isNotEqualTo(obj);
    assertThat(renamed.getClass()).isEqualTo(obj.getClass());
  }

  @ParameterizedTest
  @EnumSource(GatewayApiKind.class)
  void everyKindIsAnImmutablesValueWhoseBuilderEditsWhatWasSetBefore(GatewayApiKind kind)
      throws Exception {
    GatewayApiObject obj = Json.mapper().treeToValue(document(kind), kind.type());
    assertThat(obj.getClass().getSimpleName()).isEqualTo("Immutable" + kind.kind());

    ObjectBuilder<?> builder = (ObjectBuilder<?>) kind.type().getMethod("newBuilder").invoke(obj);
    builder.label("team", "edge").name("copy");
    GatewayApiObject copy =
        (GatewayApiObject) builder.getClass().getMethod("build").invoke(builder);

    assertThat(copy.metadata().labels())
        .containsEntry("team", "edge")
        .containsAllEntriesOf(obj.metadata().labels());
    assertThat(copy.metadata().name()).contains("copy");
    assertThat(copy.unknownFields()).isEqualTo(obj.unknownFields());
    assertThat(copy.withMetadata(obj.metadata())).isEqualTo(obj).hasSameHashCodeAs(obj);
    assertThat(builder instanceof NamespacedObjectBuilder).isEqualTo(kind.namespaced());
  }

  @ParameterizedTest
  @EnumSource(
      value = GatewayApiKind.class,
      names = {"HTTP_ROUTE", "GRPC_ROUTE", "TLS_ROUTE", "TCP_ROUTE", "UDP_ROUTE"})
  void everyRouteBuilderAttachesParentsThroughTheSharedShortcuts(GatewayApiKind kind)
      throws Exception {
    RouteBuilder<?> builder = (RouteBuilder<?>) kind.type().getMethod("builder").invoke(null);
    builder
        .name("r")
        .namespace("apps")
        .parentRef("gw")
        .parentRef(ParentReference.gateway("other").withSectionName("https"));

    Route route = (Route) builder.getClass().getMethod("build").invoke(builder);

    assertThat(route.spec().parentRefs())
        .extracting(ParentReference::name)
        .containsExactly("gw", "other");
    assertThat(route.spec().parentRefs().get(1).sectionName()).contains("https");
    assertThat(route.metadata().namespace()).contains("apps");
  }

  @Test
  void nestedBuildersOfAKindAreEditedInPlaceUntilBuild() {
    HTTPRoute.Builder b = HTTPRoute.builder().metadata(ObjectMeta.of("prod", "web"));
    b.metadataBuilder().putAnnotation("owner", "team-a");
    b.spec(s -> s.addHostname("shop.example.com")).parentRef("gw");

    HTTPRoute route = b.build();

    assertThat(route.metadata().namespace()).contains("prod");
    assertThat(route.metadata().annotations()).containsEntry("owner", "team-a");
    assertThat(route.spec().hostnames()).containsExactly("shop.example.com");
    assertThat(route.spec().parentRefs()).extracting(ParentReference::name).containsExactly("gw");
  }

  @Test
  void aForeignApiVersionIsRejectedOnBuildAndOnCopy() {
    assertThatThrownBy(
            () -> HTTPRoute.builder().name("web").apiVersion("networking.k8s.io/v1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiVersion must be gateway.networking.k8s.io/<version>: networking.k8s.io/v1");
    Gateway gw = Gateway.builder().name("gw").gatewayClassName("envoy").build();
    assertThatThrownBy(() -> gw.withApiVersion("v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiVersion must be");
  }

  @Test
  void aSpecMissingARequiredFieldFailsOnBuildNamingIt() {
    assertThatThrownBy(() -> Gateway.builder().name("gw").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gatewayClassName");
  }
}
