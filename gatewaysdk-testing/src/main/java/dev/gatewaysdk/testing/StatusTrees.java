package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Condition lookups on status JSON shared by the assertion classes. */
final class StatusTrees {
  private StatusTrees() {}

  /**
   * The condition of {@code type} if computed for {@code generation} or later (or without
   * observedGeneration).
   */
  static JsonNode current(JsonNode conditions, String type, long generation) {
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        if (c.has("observedGeneration") && c.path("observedGeneration").asLong() < generation) {
          return null;
        }
        return c;
      }
    }
    return null;
  }

  static String describe(JsonNode condition) {
    if (condition == null) {
      return "absent (or stale)";
    }
    return condition.path("status").asText()
        + " ("
        + condition.path("reason").asText()
        + ": "
        + condition.path("message").asText()
        + ")";
  }
}
