package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.gatewaysdk.model.internal.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GatewayApiKindTest {
  private final ObjectMapper mapper = Json.mapper();

  @Test
  void kindsMapToTheirClassesAndBack() {
    for (GatewayApiKind k : GatewayApiKind.values()) {
      assertThat(GatewayApiKind.ofKind(k.kind())).contains(k);
      assertThat(GatewayApiKind.of(k.type())).contains(k);
    }
    assertThat(GatewayApiKind.ofKind("Service")).isEmpty();
    assertThat(GatewayApiKind.of(String.class)).isEmpty();
    assertThat(GatewayApiKind.GATEWAY_CLASS.namespaced()).isFalse();
    assertThat(GatewayApiKind.BACKEND_TLS_POLICY.plural()).isEqualTo("backendtlspolicies");
    assertThat(GatewayApiKind.HTTP_ROUTE.isRoute()).isTrue();
    assertThat(GatewayApiKind.GATEWAY.isRoute()).isFalse();
    assertThat(GatewayApiKind.TLS_ROUTE.defaultApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
  }

  /**
   * Coverage proof: every property of every version's schema of every Gateway API CRD the SDK models (experimental
   * channel, v1.6.1) must be both written and read by the model.
   */
  @Test
  void modelCoversEveryPropertyOfTheExperimentalCrds() throws Exception {
    Path install = installManifestOrSkip();
    List<String> missing = new ArrayList<>();
    Set<GatewayApiKind> seen = EnumSet.noneOf(GatewayApiKind.class);
    int properties = 0;
    try (MappingIterator<JsonNode> docs = Json.yaml().readerFor(JsonNode.class).readValues(install.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || !"CustomResourceDefinition".equals(doc.path("kind").asText())
            || !GatewayApiKind.GROUP.equals(doc.path("spec").path("group").asText())) {
          continue;
        }
        String kindName = doc.path("spec").path("names").path("kind").asText();
        GatewayApiKind kind = GatewayApiKind.ofKind(kindName).orElse(null);
        if (kind == null) {
          continue;
        }
        seen.add(kind);
        assertThat(kind.plural()).as("plural of " + kindName).isEqualTo(doc.path("spec").path("names").path("plural").asText());
        assertThat(kind.namespaced()).as("scope of " + kindName)
            .isEqualTo("Namespaced".equals(doc.path("spec").path("scope").asText()));
        for (JsonNode version : doc.path("spec").path("versions")) {
          JsonNode schema = version.path("schema").path("openAPIV3Schema");
          properties += walk(schema, mapper.constructType(kind.type()),
              kindName + "(" + version.path("name").asText() + ")", missing);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(GatewayApiKind.values());
    assertThat(properties).isGreaterThan(1000);
    assertThat(missing).as("CRD properties the model lacks").isEmpty();
  }

  private int walk(JsonNode schema, JavaType type, String path, List<String> missing) throws Exception {
    int count = 0;
    JavaType t = unwrapOptional(type);
    JsonNode props = schema.get("properties");
    if (props != null && props.size() > 0) {
      Map<String, PropertyWriter> writers = writers(t);
      BeanDeserializerBase reader = reader(t);
      if (writers == null || reader == null) {
        missing.add(path + " (not modelled as an object: " + t + ")");
        return 0;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        count++;
        PropertyWriter w = writers.get(p.getKey());
        if (w == null || reader.findProperty(p.getKey()) == null) {
          missing.add(path + "." + p.getKey() + (w == null ? " (not written)" : " (not read)"));
          continue;
        }
        count += walk(p.getValue(), w.getType(), path + "." + p.getKey(), missing);
      }
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      if (!t.isCollectionLikeType()) {
        missing.add(path + " (array modelled as " + t + ")");
      } else {
        count += walk(items, t.getContentType(), path + "[]", missing);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      if (!t.isMapLikeType()) {
        missing.add(path + " (map modelled as " + t + ")");
      } else {
        count += walk(additional, t.getContentType(), path + "{}", missing);
      }
    }
    if ("array".equals(schema.path("type").asText()) && items == null) {
      missing.add(path + " (array without items)");
    }
    return count;
  }

  private static JavaType unwrapOptional(JavaType t) {
    while (t.isReferenceType()) {
      t = t.getReferencedType();
    }
    return t;
  }

  private final Map<JavaType, Map<String, PropertyWriter>> writerCache = new HashMap<>();

  private Map<String, PropertyWriter> writers(JavaType t) throws Exception {
    if (writerCache.containsKey(t)) {
      return writerCache.get(t);
    }
    SerializerProvider provider = mapper.getSerializerProviderInstance();
    JsonSerializer<Object> ser = provider.findValueSerializer(t);
    Map<String, PropertyWriter> result = null;
    if (ser instanceof BeanSerializerBase) {
      result = new HashMap<>();
      for (Iterator<PropertyWriter> it = ((BeanSerializerBase) ser).properties(); it.hasNext(); ) {
        PropertyWriter w = it.next();
        result.put(w.getName(), w);
      }
    }
    writerCache.put(t, result);
    return result;
  }

  private BeanDeserializerBase reader(JavaType t) throws Exception {
    DeserializationContext ctx =
        ((DefaultDeserializationContext) mapper.getDeserializationContext()).createDummyInstance(mapper.getDeserializationConfig());
    JsonDeserializer<Object> d = ctx.findRootValueDeserializer(t);
    return d instanceof BeanDeserializerBase ? (BeanDeserializerBase) d : null;
  }

  static Path installManifestOrSkip() {
    CrdSource source = CrdSource.fromEnvironment();
    try {
      return source.installManifest("v1.6.1", Channel.EXPERIMENTAL);
    } catch (CrdSourceException e) {
      Assumptions.assumeTrue(source.directory().isPresent(),
          "Gateway API CRDs neither configured (" + CrdSource.ENV + ") nor cached: " + e.getMessage());
      throw e;
    }
  }
}
