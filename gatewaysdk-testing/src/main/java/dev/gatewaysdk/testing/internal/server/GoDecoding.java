package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type errors kube-apiserver's decoding of a built-in kind reports before any validation runs:
 * the body is decoded into the kind's Go struct, and the first value of the wrong JSON type (in
 * document order) ends the request with 400 {@code json: cannot unmarshal string into Go struct
 * field ServicePort.spec.ports.port of type int32}. The Go structs are read from client-java's
 * models (generated from the same OpenAPI document): class {@code V1ServicePort} is struct {@code
 * ServicePort} in package {@code v1}. Fields whose Go type decodes itself (times, quantities,
 * int-or-string) are approximations of the real message, never a wrong acceptance; named string
 * types ({@code v1.Protocol}) are known for the served core and discovery kinds.
 */
final class GoDecoding {
  private static final Pattern MODEL =
      Pattern.compile("(?:[A-Z][a-z]+)?(V\\d+(?:(?:alpha|beta)\\d+)?)([A-Z]\\w*)");
  private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

  /**
   * String fields whose Go type is a named string type (k8s.io/api core/v1 and discovery/v1), by
   * {@code Struct.jsonField}: the decoding error names that type, as the real server's does.
   */
  private static final Map<String, String> STRING_ALIASES =
      Map.ofEntries(
          Map.entry("ServicePort.protocol", "v1.Protocol"),
          Map.entry("EndpointPort.protocol", "v1.Protocol"),
          Map.entry("ContainerPort.protocol", "v1.Protocol"),
          Map.entry("ServiceSpec.type", "v1.ServiceType"),
          Map.entry("ServiceSpec.sessionAffinity", "v1.ServiceAffinity"),
          Map.entry("ServiceSpec.externalTrafficPolicy", "v1.ServiceExternalTrafficPolicy"),
          Map.entry("ServiceSpec.internalTrafficPolicy", "v1.ServiceInternalTrafficPolicy"),
          Map.entry("ServiceSpec.ipFamilies", "v1.IPFamily"),
          Map.entry("ServiceSpec.ipFamilyPolicy", "v1.IPFamilyPolicy"),
          Map.entry("Secret.type", "v1.SecretType"),
          Map.entry("NamespaceSpec.finalizers", "v1.FinalizerName"),
          Map.entry("NamespaceStatus.phase", "v1.NamespacePhase"),
          Map.entry("NamespaceCondition.type", "v1.NamespaceConditionType"),
          Map.entry("NamespaceCondition.status", "v1.ConditionStatus"),
          Map.entry("EndpointSlice.addressType", "v1.AddressType"));

  private GoDecoding() {}

  /**
   * The decoding error for {@code object} as {@code model}, e.g. {@code V1Service}; empty if it
   * decodes.
   */
  static Optional<String> typeError(Class<?> model, JsonNode object) {
    return check(object, model, model, "", goName(model));
  }

  /**
   * Checks {@code value} against Java type {@code type}; {@code struct} and {@code path} name the
   * field.
   */
  private static Optional<String> check(
      JsonNode value, Type type, Class<?> owner, String path, String struct) {
    if (value == null || value.isNull()) {
      return Optional.empty(); // null decodes into anything as the zero value
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      String field = path.substring(path.lastIndexOf('.') + 1);
      return value.isTextual()
          ? Optional.empty()
          : error(value, path, struct, STRING_ALIASES.getOrDefault(struct + "." + field, "string"));
    }
    if (raw == Integer.class || raw == Long.class) {
      boolean fits =
          value.isIntegralNumber()
              && (raw == Long.class ? value.canConvertToLong() : value.canConvertToInt());
      if (fits) {
        return Optional.empty();
      }
      String goType = raw == Integer.class ? "int32" : "int64";
      return value.isNumber()
          ? Optional.of(message("number " + value.asText(), path, struct, goType))
          : error(value, path, struct, goType);
    }
    if (raw == Double.class || raw == Float.class) {
      return value.isNumber() ? Optional.empty() : error(value, path, struct, "float64");
    }
    if (raw == Boolean.class) {
      return value.isBoolean() ? Optional.empty() : error(value, path, struct, "bool");
    }
    if (raw == byte[].class) {
      return value.isTextual() ? Optional.empty() : error(value, path, struct, "[]uint8");
    }
    if (Map.class.isAssignableFrom(raw)) {
      Type element = argument(type, 1);
      if (!value.isObject()) {
        return error(value, path, struct, "map[string]" + goType(element));
      }
      for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
        Optional<String> e = check(it.next(), element, owner, path, struct);
        if (e.isPresent()) {
          return e;
        }
      }
      return Optional.empty();
    }
    if (List.class.isAssignableFrom(raw)) {
      Type element = argument(type, 0);
      if (!value.isArray()) {
        return error(value, path, struct, "[]" + goType(element));
      }
      for (JsonNode item : value) {
        Optional<String> e = check(item, element, owner, path, struct);
        if (e.isPresent()) {
          return e;
        }
      }
      return Optional.empty();
    }
    if (!isModel(raw)) {
      return Optional.empty(); // decodes itself (time, quantity, int-or-string) or accepts anything
    }
    if (!value.isObject()) {
      return error(value, path, struct, goType(raw));
    }
    Map<String, Field> fields = fields(raw);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Field f = fields.get(e.getKey());
      if (f == null) {
        continue; // unknown fields are the strict-decoding and pruning rules' business
      }
      String fieldPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      Optional<String> error = check(e.getValue(), f.getGenericType(), raw, fieldPath, goName(raw));
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> error(JsonNode value, String path, String struct, String goType) {
    String got =
        value.isTextual()
            ? "string"
            : value.isNumber()
                ? "number"
                : value.isBoolean() ? "bool" : value.isArray() ? "array" : "object";
    return Optional.of(message(got, path, struct, goType));
  }

  private static String message(String got, String path, String struct, String goType) {
    return path.isEmpty()
        ? "json: cannot unmarshal " + got + " into Go value of type " + goType
        : "json: cannot unmarshal "
            + got
            + " into Go struct field "
            + struct
            + "."
            + path
            + " of type "
            + goType;
  }

  private static String goType(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return "string";
    }
    if (raw == Integer.class) {
      return "int32";
    }
    if (raw == Long.class) {
      return "int64";
    }
    if (raw == Double.class || raw == Float.class) {
      return "float64";
    }
    if (raw == Boolean.class) {
      return "bool";
    }
    if (raw == byte[].class) {
      return "[]uint8";
    }
    if (Map.class.isAssignableFrom(raw)) {
      return "map[string]" + goType(argument(type, 1));
    }
    if (List.class.isAssignableFrom(raw)) {
      return "[]" + goType(argument(type, 0));
    }
    if (isModel(raw)) {
      Matcher m = MODEL.matcher(raw.getSimpleName());
      return m.matches()
          ? m.group(1).toLowerCase(java.util.Locale.ROOT) + "." + m.group(2)
          : raw.getSimpleName();
    }
    return "interface {}";
  }

  /** The Go struct name of a model class: {@code V1ServicePort} → {@code ServicePort}. */
  private static String goName(Class<?> model) {
    Matcher m = MODEL.matcher(model.getSimpleName());
    return m.matches() ? m.group(2) : model.getSimpleName();
  }

  private static boolean isModel(Class<?> c) {
    return c.getName().startsWith("io.kubernetes.client.openapi.models.") && !c.isEnum();
  }

  private static Map<String, Field> fields(Class<?> model) {
    return FIELDS.computeIfAbsent(
        model,
        c -> {
          Map<String, Field> out = new HashMap<>();
          for (Field f : c.getDeclaredFields()) {
            SerializedName name = f.getAnnotation(SerializedName.class);
            if (name != null && !Modifier.isStatic(f.getModifiers())) {
              out.put(name.value(), f);
            }
          }
          return out;
        });
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int i) {
    if (type instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      if (i < args.length) {
        return args[i];
      }
    }
    return Object.class;
  }
}
