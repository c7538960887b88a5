package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies schema defaults in place as the API server's structural defaulting does: an absent
 * property with a default gets a deep copy of it; a null in a non-nullable property becomes its
 * default, or is dropped when there is none; defaults apply recursively, also inside values that
 * were just defaulted.
 */
public final class Defaulter {
  private Defaulter() {}

  public static void apply(Schema s, JsonNode v) {
    if (s == null || v == null) {
      return;
    }
    if (v.isObject()) {
      ObjectNode o = (ObjectNode) v;
      for (Map.Entry<String, Schema> e : s.properties.entrySet()) {
        Schema p = e.getValue();
        JsonNode current = o.get(e.getKey());
        if (current != null && current.isNull() && !p.nullable) {
          if (p.defaultValue != null) {
            o.set(e.getKey(), p.defaultValue.deepCopy());
          } else {
            o.remove(e.getKey());
          }
        } else if (current == null && p.defaultValue != null) {
          o.set(e.getKey(), p.defaultValue.deepCopy());
        }
      }
      if (s.additionalProperties != null) {
        List<String> nulls = new ArrayList<>();
        o.fields()
            .forEachRemaining(
                e -> {
                  if (!s.properties.containsKey(e.getKey())
                      && e.getValue().isNull()
                      && !s.additionalProperties.nullable) {
                    nulls.add(e.getKey());
                  }
                });
        for (String k : nulls) {
          if (s.additionalProperties.defaultValue != null) {
            o.set(k, s.additionalProperties.defaultValue.deepCopy());
          } else {
            o.remove(k);
          }
        }
      }
      o.fields().forEachRemaining(e -> apply(s.child(e.getKey()), e.getValue()));
    } else if (v.isArray() && s.items != null) {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isNull() && !s.items.nullable && s.items.defaultValue != null) {
          a.set(i, s.items.defaultValue.deepCopy());
        }
        apply(s.items, a.get(i));
      }
    }
  }
}
