package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import dev.gatewaysdk.core.validation.CompiledCrd;
import io.swagger.annotations.ApiModelProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAPI v3 schemas of the built-in kinds, derived from the official Java client's generated
 * models (client-java's {@code io.kubernetes.client.openapi.models}, generated from the Kubernetes
 * OpenAPI document): every field with its JSON name, type, description and required-ness. The
 * server validates built-ins against them (types, unknown fields, required fields) with the same
 * engine as custom resources, and serves them in {@code /openapi/v2} and {@code /openapi/v3} for
 * {@code kubectl explain}. Any built-in kind whose model class exists (for example {@code
 * V1EndpointSlice}) is covered without further code.
 */
final class BuiltinSchemas {
  private static final String MODELS = "io.kubernetes.client.openapi.models.";
  private static final Map<String, Optional<ObjectNode>> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, Optional<CompiledCrd>> COMPILED = new ConcurrentHashMap<>();

  /**
   * Validated by their own strategies (CRDs: {@link Builtins#validate}); their models are too
   * loose.
   */
  private static final Set<String> SKIPPED =
      Set.of("apiextensions.k8s.io/CustomResourceDefinition");

  private BuiltinSchemas() {}

  /**
   * The model class of a built-in kind, e.g. {@code V1Service} or {@code CoreV1Event}; empty if
   * none.
   */
  static Optional<Class<?>> model(ResourceType type, String version) {
    String v = Character.toUpperCase(version.charAt(0)) + version.substring(1);
    String[] candidates = {
      v + type.kind,
      (type.group.isEmpty() ? "Core" : capital(type.group.split("\\.")[0])) + v + type.kind
    };
    for (String c : candidates) {
      try {
        return Optional.of(Class.forName(MODELS + c, false, BuiltinSchemas.class.getClassLoader()));
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next name
      }
    }
    return Optional.empty();
  }

  private static String capital(String s) {
    return s.isEmpty()
        ? s
        : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The kind's schema (a fresh copy), or empty when the client has no model for it. */
  static Optional<ObjectNode> schema(ResourceType type, String version) {
    if (!type.builtin || SKIPPED.contains(type.group + "/" + type.kind)) {
      return Optional.empty();
    }
    return SCHEMAS
        .computeIfAbsent(
            type.group + "/" + version + "/" + type.kind,
            k ->
                model(type, version)
                    .map(
                        c -> {
                          ObjectNode s = objectSchema(c, new ArrayDeque<>());
                          // As in a CRD: metadata is the server's ObjectMeta, checked by the
                          // metadata rules.
                          ((ObjectNode) s.get("properties"))
                              .putObject("metadata")
                              .put("type", "object");
                          return s;
                        }))
        .map(ObjectNode::deepCopy);
  }

  /** The kind's schema compiled as a custom resource's would be, or null when there is none. */
  static CompiledCrd compiled(ResourceType type, String version) {
    return COMPILED
        .computeIfAbsent(
            type.group + "/" + version + "/" + type.kind,
            k ->
                schema(type, version)
                    .map(
                        s -> {
                          ObjectNode crd = Json.object();
                          crd.put("apiVersion", "apiextensions.k8s.io/v1");
                          crd.put("kind", "CustomResourceDefinition");
                          crd.putObject("metadata")
                              .put(
                                  "name",
                                  type.plural + "." + (type.group.isEmpty() ? "core" : type.group));
                          ObjectNode spec = crd.putObject("spec");
                          spec.put("group", type.group.isEmpty() ? "core" : type.group);
                          spec.put("scope", type.namespaced ? "Namespaced" : "Cluster");
                          ObjectNode names = spec.putObject("names");
                          names.put("kind", type.kind);
                          names.put("plural", type.plural);
                          ObjectNode v = spec.putArray("versions").addObject();
                          v.put("name", version);
                          v.put("served", true);
                          v.put("storage", true);
                          v.putObject("schema").set("openAPIV3Schema", s);
                          if (type.hasStatus) {
                            v.putObject("subresources").putObject("status");
                          }
                          return CompiledCrd.compile(crd);
                        }))
        .orElse(null);
  }

  private static ObjectNode objectSchema(Class<?> c, Deque<Class<?>> path) {
    ObjectNode s = Json.object();
    s.put("type", "object");
    description(c, s);
    if (path.contains(c)) {
      // A recursive model (JSONSchemaProps): below the first level anything goes.
      s.put("x-kubernetes-preserve-unknown-fields", true);
      return s;
    }
    path.push(c);
    ObjectNode props = s.putObject("properties");
    ArrayNode required = Json.array();
    Set<String> requiredNames = requiredFields(c);
    for (Field f : c.getDeclaredFields()) {
      SerializedName sn = f.getAnnotation(SerializedName.class);
      if (sn == null || Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      ObjectNode fs = typeSchema(f.getGenericType(), path);
      String doc = fieldDescription(c, f);
      if (doc != null && !doc.isEmpty()) {
        fs.put("description", doc);
      }
      props.set(sn.value(), fs);
      if (requiredNames.contains(sn.value())) {
        required.add(sn.value());
      }
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    path.pop();
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> requiredFields(Class<?> c) {
    try {
      Object v = c.getField("openapiRequiredFields").get(null);
      return v instanceof Collection ? Set.copyOf((Collection<String>) v) : Set.of();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Set.of();
    }
  }

  private static void description(Class<?> c, ObjectNode s) {
    io.swagger.annotations.ApiModel m = c.getAnnotation(io.swagger.annotations.ApiModel.class);
    if (m != null && !m.description().isEmpty()) {
      s.put("description", m.description());
    }
  }

  private static String fieldDescription(Class<?> c, Field f) {
    String n = f.getName();
    String cap = Character.toUpperCase(n.charAt(0)) + n.substring(1);
    for (String getter : new String[] {"get" + cap, "is" + cap}) {
      try {
        Method m = c.getMethod(getter);
        ApiModelProperty p = m.getAnnotation(ApiModelProperty.class);
        if (p != null) {
          return p.value();
        }
      } catch (NoSuchMethodException e) {
        // next
      }
    }
    return null;
  }

  private static ObjectNode typeSchema(Type t, Deque<Class<?>> path) {
    ObjectNode s = Json.object();
    if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      Class<?> raw = (Class<?>) p.getRawType();
      if (java.util.List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
        s.put("type", "array");
        s.set("items", typeSchema(p.getActualTypeArguments()[0], path));
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        s.put("type", "object");
        s.set("additionalProperties", typeSchema(p.getActualTypeArguments()[1], path));
        return s;
      }
      return typeSchema(raw, path);
    }
    Class<?> c = (Class<?>) t;
    String n = c.getName();
    if (c == String.class) {
      s.put("type", "string");
    } else if (c == Integer.class || c == int.class) {
      s.put("type", "integer");
      s.put("format", "int32");
    } else if (c == Long.class || c == long.class) {
      s.put("type", "integer");
      s.put("format", "int64");
    } else if (c == Boolean.class || c == boolean.class) {
      s.put("type", "boolean");
    } else if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
      s.put("type", "number");
    } else if (c == byte[].class) {
      s.put("type", "string");
      s.put("format", "byte");
    } else if (n.equals("java.time.OffsetDateTime")) {
      s.put("type", "string");
      s.put("format", "date-time");
    } else if (n.equals("io.kubernetes.client.custom.IntOrString")
        || n.equals("io.kubernetes.client.custom.Quantity")) {
      s.put("x-kubernetes-int-or-string", true);
    } else if (n.startsWith(MODELS)) {
      return objectSchema(c, path);
    } else {
      s.put("x-kubernetes-preserve-unknown-fields", true);
    }
    return s;
  }
}
