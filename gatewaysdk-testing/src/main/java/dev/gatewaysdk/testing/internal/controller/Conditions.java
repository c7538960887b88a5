package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Builds and compares status conditions as JSON; keeps lastTransitionTime when nothing changed. */
final class Conditions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Conditions() {}

  static ObjectNode condition(
      String type, boolean status, String reason, String message, long generation) {
    ObjectNode c = F.objectNode();
    c.put("type", type);
    c.put("status", status ? "True" : "False");
    c.put("reason", reason);
    c.put("message", message);
    c.put("observedGeneration", generation);
    return c;
  }

  /**
   * Sets each condition's lastTransitionTime: the previous one when status is unchanged, else now.
   * Returns {@code wanted}.
   */
  static ArrayNode withTransitionTimes(ArrayNode wanted, JsonNode previous) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (JsonNode c : wanted) {
      JsonNode old = find(previous, c.path("type").asText());
      String time =
          old != null
                  && old.path("status").asText().equals(c.path("status").asText())
                  && old.hasNonNull("lastTransitionTime")
              ? old.path("lastTransitionTime").asText()
              : now;
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
      if (!Objects.equals(
          x.path("observedGeneration").asLong(-1), y.path("observedGeneration").asLong(-1))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Merges this controller's per-parent entries ({@code status.parents[]} of routes, {@code
   * status.ancestors[]} of policies) into the old list: other controllers' entries are kept as they
   * are, ours replaced (at most {@code max} entries in all). Returns null when ours say the same as
   * before. For each of ours, sets the transition times and calls {@code each} with the entry and
   * its previous conditions (or null).
   */
  static ArrayNode mergeEntries(
      String controllerName,
      JsonNode oldEntries,
      ArrayNode ours,
      Function<JsonNode, JsonNode> key,
      int max,
      BiConsumer<JsonNode, JsonNode> each) {
    ArrayNode merged = F.arrayNode();
    List<JsonNode> oldOurs = new ArrayList<>();
    for (JsonNode e : oldEntries) {
      if (controllerName.equals(e.path("controllerName").asText())) {
        oldOurs.add(e);
      } else {
        merged.add(e);
      }
    }
    boolean same = oldOurs.size() == ours.size();
    for (int i = 0; same && i < ours.size(); i++) {
      same =
          key.apply(oldOurs.get(i)).equals(key.apply(ours.get(i)))
              && same(ours.get(i).path("conditions"), oldOurs.get(i).path("conditions"));
    }
    if (same) {
      return null;
    }
    for (JsonNode w : ours) {
      if (merged.size() >= max) {
        break;
      }
      JsonNode old = null;
      for (JsonNode o : oldOurs) {
        if (key.apply(o).equals(key.apply(w))) {
          old = o.path("conditions");
        }
      }
      withTransitionTimes((ArrayNode) w.path("conditions"), old);
      each.accept(w, old);
      merged.add(w);
    }
    return merged;
  }
}
