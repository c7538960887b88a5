package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codecs are not API: public model types name only {@link ModelCodec}, yet a plain {@code
 * ObjectMapper} (no module registered) reads and writes every type exactly as {@link Manifests}.
 */
class PlainObjectMapperTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final HTTPRoute ROUTE =
      HTTPRoute.builder()
          .name("canary")
          .namespace("default")
          .parentRef("gw")
          .rule(
              r ->
                  r.pathPrefix("/app")
                      .header("x-canary", "true")
                      .backend("stable", 8080, 90)
                      .backend("canary", 8080, 10))
          .build();

  @Test
  void aPlainObjectMapperWritesAndReadsKindsAsManifestsDo() throws Exception {
    String json = PLAIN.writeValueAsString(ROUTE);
    assertThat(PLAIN.readTree(json)).isEqualTo(PLAIN.readTree(Manifests.toJson(ROUTE)));
    assertThat(PLAIN.readValue(json, HTTPRoute.class)).isEqualTo(ROUTE);
  }

  @Test
  void aPlainObjectMapperBindsNestedValuesAndKeepsUnknownFields() throws Exception {
    HTTPRouteRule rule =
        PLAIN.readValue(
            "{\"matches\":[{\"path\":{\"type\":\"Exact\",\"value\":\"/x\"}}],\"future\":{\"a\":1}}",
            HTTPRouteRule.class);
    assertThat(rule.matches().get(0).path().orElseThrow().type().orElseThrow())
        .isEqualTo(PathMatchType.EXACT);
    assertThat(rule.unknownFields()).containsEntry("future", Map.of("a", 1));
    assertThat(PLAIN.readTree(PLAIN.writeValueAsString(rule)))
        .isEqualTo(
            PLAIN.readTree(
                "{\"matches\":[{\"path\":{\"type\":\"Exact\",\"value\":\"/x\"}}],\"future\":{\"a\":1}}"));
  }

  @Test
  void publicModelTypesNameNoCodecClass() {
    for (Class<?> type :
        new Class<?>[] {
          HTTPRoute.class, HTTPRouteRule.class, ObjectMeta.class, Condition.class, Listener.class
        }) {
      assertThat(type.getAnnotation(JsonSerialize.class).using())
          .isEqualTo(ModelCodec.Writer.class);
      assertThat(type.getAnnotation(JsonDeserialize.class).using())
          .isEqualTo(ModelCodec.Reader.class);
    }
  }

  @Test
  void theGeneratedCodecsAreNotPublic() throws Exception {
    Class<?> codec = Class.forName("dev.gatewaysdk.model.internal.HTTPRouteRuleCodec");
    assertThat(Modifier.isPublic(codec.getModifiers())).isFalse();
  }
}
