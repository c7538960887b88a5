package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Walks an OpenAPI v3 schema of a CRD. */
public final class Schemas {
  private Schemas() {}

  /** Whether {@code schema} has the dotted {@code path}; array levels are stepped through implicitly. */
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
}
