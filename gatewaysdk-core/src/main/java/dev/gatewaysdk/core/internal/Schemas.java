package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks an OpenAPI v3 schema of a CRD. */
public final class Schemas {
  private Schemas() {}

  /**
   * Whether {@code schema} has the dotted {@code path}; array levels are stepped through
   * implicitly.
   */
  public static boolean hasField(JsonNode schema, String path) {
    JsonNode s = schema;
    for (String part : path.split("\\.")) {
      while (s.has("items")) {
        s = s.get("items");
      }
      if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !s.has("properties")) {
        return true;
      }
      JsonNode next = s.path("properties").get(part);
      if (next == null) {
        return false;
      }
      s = next;
    }
    return true;
  }

  /**
   * The paths of fields in {@code value} that {@code schema} does not declare, such as {@code
   * spec.rules[0].name}; empty when everything is declared.
   */
  public static List<String> undeclared(JsonNode schema, JsonNode value, String path) {
    List<String> out = new ArrayList<>();
    walk(schema, value, path, out);
    return out;
  }

  private static void walk(JsonNode schema, JsonNode value, String path, List<String> out) {
    if (schema == null
        || schema.isMissingNode()
        || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (value.isArray()) {
      JsonNode items = schema.get("items");
      for (int i = 0; i < value.size(); i++) {
        walk(items, value.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    JsonNode props = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> it = value.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode child = props == null ? null : props.get(e.getKey());
      if (child != null) {
        walk(child, e.getValue(), p, out);
      } else if (additional != null && additional.isObject()) {
        walk(additional, e.getValue(), p, out);
      } else if (props != null || (additional != null && !additional.asBoolean(true))) {
        out.add(p);
      }
    }
  }
}
