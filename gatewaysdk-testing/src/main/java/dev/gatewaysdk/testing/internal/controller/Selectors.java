package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes label selectors ({@code matchLabels} and {@code matchExpressions}) against a label
 * map.
 */
final class Selectors {
  private Selectors() {}

  static boolean matches(JsonNode selector, Map<String, String> labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText();
      Set<String> values = new HashSet<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      String op = expr.path("operator").asText();
      boolean has = labels.containsKey(key);
      boolean ok;
      switch (op) {
        case "In":
          ok = has && values.contains(labels.get(key));
          break;
        case "NotIn":
          ok = !has || !values.contains(labels.get(key));
          break;
        case "Exists":
          ok = has;
          break;
        case "DoesNotExist":
          ok = !has;
          break;
        default:
          ok = false;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
