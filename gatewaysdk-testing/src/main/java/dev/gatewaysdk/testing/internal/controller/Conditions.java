package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Builds and compares status conditions as JSON; keeps lastTransitionTime when nothing changed. */
final class Conditions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Conditions() {}

  static ObjectNode condition(String type, boolean status, String reason, String message, long generation) {
    ObjectNode c = F.objectNode();
    c.put("type", type);
    c.put("status", status ? "True" : "False");
    c.put("reason", reason);
    c.put("message", message);
    c.put("observedGeneration", generation);
    return c;
  }

  /**
   * Sets each condition's lastTransitionTime: the previous one when status is unchanged, else now. Returns
   * {@code wanted}.
   */
  static ArrayNode withTransitionTimes(ArrayNode wanted, JsonNode previous) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (JsonNode c : wanted) {
      JsonNode old = find(previous, c.path("type").asText());
      String time = old != null && old.path("status").asText().equals(c.path("status").asText())
          && old.hasNonNull("lastTransitionTime") ? old.path("lastTransitionTime").asText() : now;
      ((ObjectNode) c).put("lastTransitionTime", time);
    }
    return wanted;
  }

  static JsonNode find(JsonNode conditions, String type) {
    if (conditions == null) {
      return null;
    }
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  /** Whether two condition lists say the same, ignoring lastTransitionTime and order. */
  static boolean same(JsonNode a, JsonNode b) {
    int na = a == null ? 0 : a.size();
    int nb = b == null ? 0 : b.size();
    if (na != nb) {
      return false;
    }
    for (int i = 0; i < na; i++) {
      JsonNode x = a.get(i);
      JsonNode y = find(b, x.path("type").asText());
      if (y == null) {
        return false;
      }
      for (String f : new String[] {"status", "reason", "message"}) {
        if (!x.path(f).asText().equals(y.path(f).asText())) {
          return false;
        }
      }
      if (!Objects.equals(x.path("observedGeneration").asLong(-1), y.path("observedGeneration").asLong(-1))) {
        return false;
      }
    }
    return true;
  }
}
