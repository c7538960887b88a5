package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/** The JSON mapper of request and response bodies: the model's shared mapper. */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    return dev.gatewaysdk.model.internal.Json.mapper();
  }

  /**
   * Whether {@code actual} has everything {@code wanted} has (server defaults may add fields);
   * numbers by value.
   */
  public static boolean contains(JsonNode actual, JsonNode wanted) {
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode a = actual.get(e.getKey());
        if (a == null || !contains(a, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isArray()) {
      if (!actual.isArray() || actual.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!contains(actual.get(i), wanted.get(i))) {
          return false;
        }
      }
      return true;
    }
    return wanted.isNumber() && actual.isNumber()
        ? wanted.asDouble() == actual.asDouble()
        : wanted.equals(actual);
  }

  /** {@code value} as a JSON tree: itself when it is one, else converted through the mapper. */
  public static JsonNode tree(Object value) {
    return value instanceof JsonNode ? (JsonNode) value : mapper().valueToTree(value);
  }

  /** {@code key} as one JSON pointer token: {@code ~} and {@code /} escaped (RFC 6901). */
  public static String pointerToken(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
