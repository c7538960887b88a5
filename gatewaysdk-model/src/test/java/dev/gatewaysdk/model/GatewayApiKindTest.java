package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.gatewaysdk.model.internal.CrdRequirement;
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
    assertThat(GatewayApiKind.TLS_ROUTE.defaultApiVersion())
        .isEqualTo("gateway.networking.k8s.io/v1");
  }

  /**
   * Coverage proof: every property of every version's schema of every Gateway API CRD the SDK
   * models (experimental channel, targeted release) must be both written and read by the model.
   */
  @Test
  void modelCoversEveryPropertyOfTheExperimentalCrds() throws Exception {
    Path install = installManifestOrSkip();
    List<String> missing = new ArrayList<>();
    Set<GatewayApiKind> seen = EnumSet.noneOf(GatewayApiKind.class);
    int properties = 0;
    try (MappingIterator<JsonNode> docs =
        Json.yaml().readerFor(JsonNode.class).readValues(install.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null
            || !"CustomResourceDefinition".equals(doc.path("kind").asText())
            || !GatewayApiKind.GROUP.equals(doc.path("spec").path("group").asText())) {
          continue;
        }
        String kindName = doc.path("spec").path("names").path("kind").asText();
        GatewayApiKind kind = GatewayApiKind.ofKind(kindName).orElse(null);
        if (kind == null) {
          continue;
        }
        seen.add(kind);
        assertThat(kind.plural())
            .as("plural of " + kindName)
            .isEqualTo(doc.path("spec").path("names").path("plural").asText());
        assertThat(kind.namespaced())
            .as("scope of " + kindName)
            .isEqualTo("Namespaced".equals(doc.path("spec").path("scope").asText()));
        for (JsonNode version : doc.path("spec").path("versions")) {
          JsonNode schema = version.path("schema").path("openAPIV3Schema");
          properties +=
              walk(
                  schema,
                  mapper.constructType(kind.type()),
                  kindName + "(" + version.path("name").asText() + ")",
                  missing);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(GatewayApiKind.values());
    assertThat(properties).isGreaterThan(1000);
    assertThat(missing).as("CRD properties the model lacks").isEmpty();
  }

  /**
   * Codec proof: a document filling every property of every version's schema reads into the model
   * without a single unknown field and writes back as the same JSON tree.
   */
  @Test
  void documentsWithEveryCrdPropertyRoundTripWithoutUnknownFields() throws Exception {
    Path install = installManifestOrSkip();
    List<String> problems = new ArrayList<>();
    int documents = 0;
    try (MappingIterator<JsonNode> docs =
        Json.yaml().readerFor(JsonNode.class).readValues(install.toFile())) {
      while (docs.hasNext()) {
        JsonNode crd = docs.next();
        if (crd == null || !GatewayApiKind.GROUP.equals(crd.path("spec").path("group").asText())) {
          continue;
        }
        String kindName = crd.path("spec").path("names").path("kind").asText();
        GatewayApiKind kind = GatewayApiKind.ofKind(kindName).orElse(null);
        if (kind == null) {
          continue;
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
          com.fasterxml.jackson.databind.node.ObjectNode doc =
              (com.fasterxml.jackson.databind.node.ObjectNode)
                  sample(version.path("schema").path("openAPIV3Schema"));
          doc.put("apiVersion", GatewayApiKind.apiVersion(version.path("name").asText()));
          doc.put("kind", kindName);
          doc.putObject("metadata").put("name", "sample");
          String where = kindName + "(" + version.path("name").asText() + ")";
          GatewayApiObject obj = mapper.treeToValue(doc, kind.type());
          collectUnknownFields(obj, where, problems);
          JsonNode back = HTTPRouteTest.tree(obj);
          if (!back.equals(doc)) {
            problems.add(where + ": wrote " + back + " for " + doc);
          }
          documents++;
        }
      }
    }
    assertThat(documents).isGreaterThanOrEqualTo(GatewayApiKind.values().length);
    assertThat(problems).isEmpty();
  }

  /**
   * A sample value for {@code schema} that sets every property; strings start with '/' to pass path
   * checks.
   */
  private JsonNode sample(JsonNode schema) {
    com.fasterxml.jackson.databind.node.JsonNodeFactory f =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    JsonNode en = schema.get("enum");
    if (en != null && en.size() > 0) {
      return en.get(0);
    }
    switch (schema.path("type").asText()) {
      case "object":
        {
          com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
          schema
              .path("properties")
              .fields()
              .forEachRemaining(e -> o.set(e.getKey(), sample(e.getValue())));
          if (schema.path("additionalProperties").isObject()) {
            o.set("key", sample(schema.get("additionalProperties")));
          }
          return o;
        }
      case "array":
        return f.arrayNode().add(sample(schema.path("items")));
      case "integer":
        return f.numberNode(1);
      case "boolean":
        return f.booleanNode(true);
      default:
        return f.textNode("/sample");
    }
  }

  /** Adds every model object below {@code value} that holds unknown fields to {@code out}. */
  private static void collectUnknownFields(Object value, String path, List<String> out)
      throws Exception {
    if (value instanceof java.util.Optional) {
      Object v = ((java.util.Optional<?>) value).orElse(null);
      collectUnknownFields(v, path, out);
      return;
    }
    if (value instanceof List) {
      for (Object e : (List<?>) value) {
        collectUnknownFields(e, path + "[]", out);
      }
      return;
    }
    if (value == null
        || !hasUnknownFields(value.getClass())
        || !value.getClass().getPackageName().equals(GatewayApiObject.class.getPackageName())) {
      return;
    }
    Map<?, ?> unknown = (Map<?, ?>) value.getClass().getMethod("unknownFields").invoke(value);
    if (!unknown.isEmpty()) {
      out.add(path + " has unknown fields " + unknown.keySet());
    }
    for (java.lang.reflect.Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() == 0
          && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
          && !m.getName().equals("unknownFields")
          && !m.getName().equals("newBuilder")
          && !m.getName().equals("withoutStatus")
          && !m.getName().startsWith("allowing")
          && !m.getReturnType().isPrimitive()
          && m.getDeclaringClass() != Object.class) {
        m.setAccessible(true);
        collectUnknownFields(m.invoke(value), path + "." + m.getName(), out);
      }
    }
  }

  private int walk(JsonNode schema, JavaType type, String path, List<String> missing)
      throws Exception {
    int count = 0;
    JavaType t = unwrapOptional(type);
    JsonNode props = schema.get("properties");
    if (props != null && props.size() > 0) {
      Map<String, JavaType> writers = writers(t);
      java.util.Set<String> reader = writers == null ? null : readers(t);
      if (writers == null) {
        missing.add(path + " (not modelled as an object: " + t + ")");
        return 0;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        count++;
        JavaType w = writers.get(p.getKey());
        if (w == null || !reader.contains(p.getKey())) {
          missing.add(path + "." + p.getKey() + (w == null ? " (not written)" : " (not read)"));
          continue;
        }
        count += walk(p.getValue(), w, path + "." + p.getKey(), missing);
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

  private final Map<JavaType, Map<String, JavaType>> writerCache = new HashMap<>();

  /**
   * The JSON properties the model writes for {@code t}, from Jackson's introspection of the
   * generated value class (the Immutables implementation of an abstract model type, or the kind
   * class itself); null if {@code t} is not a model object.
   */
  private Map<String, JavaType> writers(JavaType t) throws Exception {
    if (writerCache.containsKey(t)) {
      return writerCache.get(t);
    }
    Class<?> raw = t.getRawClass();
    Map<String, JavaType> result = null;
    if (raw.getPackageName().equals(GatewayApiObject.class.getPackageName())
        && hasUnknownFields(raw)) {
      Class<?> impl =
          java.lang.reflect.Modifier.isAbstract(raw.getModifiers())
              ? Class.forName(raw.getPackageName() + ".Immutable" + raw.getSimpleName())
              : raw;
      result = new HashMap<>();
      for (BeanPropertyDefinition def :
          mapper.getSerializationConfig().introspect(mapper.constructType(impl)).findProperties()) {
        if (def.couldSerialize()
            && def.getGetter() != null
            && def.getGetter().getAnnotation(JsonAnyGetter.class) == null) {
          result.put(def.getName(), def.getPrimaryType());
        }
      }
    }
    writerCache.put(t, result);
    return result;
  }

  /**
   * The JSON properties the builder of {@code t} accepts, from Jackson's introspection of the
   * builder class.
   */
  private java.util.Set<String> readers(JavaType t) throws Exception {
    Class<?> builder = Class.forName(t.getRawClass().getName() + "$Builder");
    JavaType valueType = mapper.constructType(t.getRawClass());
    java.util.Set<String> names = new java.util.HashSet<>();
    for (BeanPropertyDefinition def :
        mapper
            .getDeserializationConfig()
            .introspectForBuilder(
                mapper.constructType(builder),
                mapper.getDeserializationConfig().introspect(valueType))
            .findProperties()) {
      if (def.hasSetter()) {
        names.add(def.getName());
      }
    }
    return names;
  }

  private static boolean hasUnknownFields(Class<?> c) {
    try {
      c.getMethod("unknownFields");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static Path installManifestOrSkip() {
    CrdSource source = CrdSource.fromEnvironment();
    try {
      return source.installManifest(CrdSource.LATEST_RELEASE, Channel.EXPERIMENTAL);
    } catch (CrdSourceException e) {
      String reason =
          "Gateway API CRDs neither configured ("
              + CrdSource.ENV
              + ") nor cached: "
              + e.getMessage();
      Assumptions.assumeTrue(
          CrdRequirement.available(source.directory().isPresent(), reason), reason);
      throw e;
    }
  }
}
