package dev.gatewaysdk.model.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model's value types as the schemas describe them: for every type reached from the {@code
 * [codecs]} roots of {@code type-names.txt}, its schema paths and its fields (JSON name, accessor,
 * Java type, Javadoc). The codecs and the value type classes are both emitted from this one
 * description.
 *
 * <p>A field's Java type follows from its schema (the union over both channels and every version of
 * the targeted release): an array is a {@code List}, an object with properties is the value type
 * the {@code [value-types]} line names ({@code matches:HTTPRouteMatch}), an object of strings a
 * {@code Map<String, String>}, a string an open enum when its path is in {@code [open-enums]},
 * otherwise {@code String}, an integer {@code Integer} ({@code Long} for {@code int64}), a boolean
 * {@code Boolean}; a property every schema requires is held plain ({@code int}, {@code String}),
 * any other one as {@code Optional}; a list the schema requires is written even when empty. Where
 * the public API says otherwise, the {@code [value-types]} line overrides the Java type ({@code
 * port=int}) or the accessor name ({@code default>defaultConfig}). A type with no schema path
 * (Kubernetes metadata) gives every field's Java type in its line.
 */
final class ValueTypes {

  /** One field: its JSON name, accessor, Java type ({@code Optional<String>}), schema text. */
  record Field(
      String json, String accessor, String javaType, boolean omitEmpty, String description) {}

  /** A value type: its schema paths (empty: not described by the CRDs), description and fields. */
  record ValueType(String name, Set<String> paths, String description, List<Field> fields) {}

  /** A {@code [value-types]} entry for one field. */
  record Declared(
      String json, String typeName, String javaType, String accessor, Boolean omitEmpty) {}

  private final Inputs inputs;
  private final List<Crds> crds;
  private final Map<String, String> openEnumByPath = new LinkedHashMap<>();
  private final Map<String, ValueType> types = new LinkedHashMap<>();

  ValueTypes(Inputs inputs, List<Crds> crdsOfTargetedRelease) {
    this.inputs = inputs;
    this.crds = crdsOfTargetedRelease;
    for (Inputs.OpenEnum e : inputs.openEnums) {
      e.paths().forEach(p -> openEnumByPath.put(p, e.typeName()));
    }
    derive();
  }

  /** The value types in name order; types reached only through dropped properties are absent. */
  List<ValueType> all() {
    List<ValueType> out = new ArrayList<>();
    for (String name : new TreeSet<>(types.keySet())) {
      out.add(types.get(name));
    }
    return out;
  }

  boolean isValueType(String name) {
    return types.containsKey(name);
  }

  ValueType get(String name) {
    return types.get(name);
  }

  private void derive() {
    Map<String, Set<String>> paths = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    for (Inputs.CodecRoot root : inputs.codecRoots) {
      Set<String> p = paths.computeIfAbsent(root.typeName(), t -> new LinkedHashSet<>());
      if (root.path() != null) {
        p.add(root.path());
      }
      todo.add(root.typeName());
    }
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    Set<String> undescribed = new LinkedHashSet<>();
    for (Inputs.CodecRoot root : inputs.codecRoots) {
      if (root.path() == null) {
        undescribed.add(root.typeName());
      }
    }
    Set<String> roots = new LinkedHashSet<>();
    inputs.codecRoots.forEach(r -> roots.add(r.typeName()));
    while (!todo.isEmpty()) {
      String type = todo.poll();
      if (paths.get(type).isEmpty() && !undescribed.contains(type)) {
        continue;
      }
      if (roots.contains(type)
          && !undescribed.contains(type)
          && schemas(paths.get(type)).isEmpty()) {
        throw new IllegalStateException(
            "type-names.txt [codecs]: "
                + type
                + " "
                + paths.get(type)
                + " is in no CRD of the targeted release");
      }
      List<Field> own = fields(type, paths.get(type));
      fields.put(type, own);
      for (Field f : own) {
        String element = elementType(f.javaType());
        if (element == null || !inputs.valueTypes.containsKey(element)) {
          continue;
        }
        Set<String> childPaths = paths.computeIfAbsent(element, t -> new LinkedHashSet<>());
        boolean grew = false;
        if (undescribed.contains(type)) {
          grew = undescribed.add(element);
        }
        for (String parent : paths.get(type)) {
          String child = parent + "." + f.json() + (f.javaType().startsWith("List<") ? "[]" : "");
          if (!schemas(Set.of(child)).isEmpty()) {
            grew |= childPaths.add(child);
          }
        }
        if (grew) {
          todo.add(element);
        }
      }
    }
    for (String type : inputs.valueTypes.keySet()) {
      if (!fields.containsKey(type)) {
        // reached only through a property the targeted release dropped (or not at all)
        System.err.println(
            "warning: " + type + " is in no schema of the targeted release; not generated");
      }
    }
    for (Map.Entry<String, List<Field>> e : fields.entrySet()) {
      Set<String> p = paths.get(e.getKey());
      types.put(
          e.getKey(),
          new ValueType(
              e.getKey(),
              java.util.Collections.unmodifiableSet(new LinkedHashSet<>(p)),
              description(p),
              e.getValue()));
    }
  }

  /** The fields of {@code type} at {@code paths}: declared order first, then new properties. */
  private List<Field> fields(String type, Set<String> paths) {
    Map<String, Declared> declared = inputs.valueTypes.get(type);
    if (declared == null) {
      throw new IllegalStateException(
          "type-names.txt [value-types]: no line for " + type + " (schema " + paths + ")");
    }
    List<JsonNode> parents = schemas(paths);
    Set<String> properties = new LinkedHashSet<>();
    for (JsonNode schema : parents) {
      for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
        properties.add(it.next());
      }
    }
    List<String> order = new ArrayList<>(declared.keySet());
    new TreeSet<>(properties).stream().filter(p -> !declared.containsKey(p)).forEach(order::add);
    List<Field> out = new ArrayList<>();
    for (String json : order) {
      Declared d = declared.getOrDefault(json, new Declared(json, null, null, null, null));
      String accessor = d.accessor() != null ? d.accessor() : json;
      if (paths.isEmpty()) {
        if (d.javaType() == null) {
          throw new IllegalStateException(
              "type-names.txt [value-types]: " + type + "." + json + " needs a Java type");
        }
        out.add(
            new Field(
                json,
                accessor,
                d.javaType(),
                d.omitEmpty() != null ? d.omitEmpty() : d.javaType().startsWith("List<"),
                null));
        continue;
      }
      if (!properties.contains(json)) {
        System.err.println(
            "warning: " + type + "." + json + " is in no schema at " + paths + "; left out");
        continue;
      }
      List<JsonNode> schemas = new ArrayList<>();
      List<String> fullPaths = new ArrayList<>();
      boolean required = true;
      for (String path : paths) {
        for (JsonNode parent : schemas(Set.of(path))) {
          if (parent.path("properties").has(json)) {
            schemas.add(parent.path("properties").get(json));
            fullPaths.add(path + "." + json);
            boolean req = false;
            for (JsonNode r : parent.path("required")) {
              req |= r.asText().equals(json);
            }
            required &= req;
          }
        }
      }
      String javaType =
          d.javaType() != null
              ? d.javaType()
              : javaType(type, json, schemas.get(0), fullPaths, d.typeName(), required);
      String description = null;
      for (JsonNode s : schemas) {
        if (description == null && s.hasNonNull("description")) {
          description = s.get("description").asText();
        }
      }
      boolean omitEmpty =
          d.omitEmpty() != null ? d.omitEmpty() : javaType.startsWith("List<") && !required;
      out.add(new Field(json, accessor, javaType, omitEmpty, description));
    }
    return out;
  }

  private String javaType(
      String type,
      String json,
      JsonNode schema,
      List<String> fullPaths,
      String typeName,
      boolean required) {
    String t = schema.path("type").asText();
    if (t.equals("array")) {
      List<String> items = new ArrayList<>();
      fullPaths.forEach(p -> items.add(p + "[]"));
      return "List<" + boxed(type, json, schema.path("items"), items, typeName) + ">";
    }
    if (t.equals("object") && typeName == null && schema.path("additionalProperties").isObject()) {
      return "Map<String,String>";
    }
    String element = boxed(type, json, schema, fullPaths, typeName);
    if (!required) {
      return "Optional<" + element + ">";
    }
    return switch (element) {
      case "Integer" -> "int";
      case "Long" -> "long";
      case "Boolean" -> "boolean";
      default -> element;
    };
  }

  private String boxed(
      String type, String json, JsonNode schema, List<String> fullPaths, String typeName) {
    if (typeName != null) {
      return typeName;
    }
    switch (schema.path("type").asText()) {
      case "string":
        for (String p : fullPaths) {
          if (openEnumByPath.containsKey(p)) {
            return openEnumByPath.get(p);
          }
        }
        return "String";
      case "integer":
        return schema.path("format").asText().equals("int64") ? "Long" : "Integer";
      case "boolean":
        return "Boolean";
      case "object":
        if (!schema.has("properties")) {
          return "JsonNode";
        }
        throw new IllegalStateException(
            "type-names.txt [value-types]: "
                + type
                + "."
                + json
                + " is an object ("
                + fullPaths.get(0)
                + "): name its Go type ("
                + json
                + ":TypeName) and add a line for that type");
      default:
        return "JsonNode";
    }
  }

  private String description(Set<String> paths) {
    for (JsonNode s : schemas(paths)) {
      if (s.hasNonNull("description")) {
        return s.get("description").asText();
      }
    }
    return null;
  }

  /** The schemas at {@code paths} in every CRD of the targeted release. */
  private List<JsonNode> schemas(Set<String> paths) {
    List<JsonNode> out = new ArrayList<>();
    for (String path : paths) {
      String kind = path.substring(0, path.indexOf('.'));
      String property = path.substring(path.indexOf('.') + 1);
      for (Crds c : crds) {
        out.addAll(c.schemasAt(kind, property));
      }
    }
    return out;
  }

  /** {@code X} of {@code X}, {@code Optional<X>}, {@code List<X>}; null for a map. */
  static String elementType(String javaType) {
    for (String wrapper : new String[] {"Optional<", "List<"}) {
      if (javaType.startsWith(wrapper)) {
        return javaType.substring(wrapper.length(), javaType.length() - 1);
      }
    }
    return javaType.contains("<") ? null : javaType;
  }
}
