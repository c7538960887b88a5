package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source positions of the nodes of one document's tree, so that an error found later (when binding
 * the tree to a type) can name its line and column. Positions are packed as {@code line << 32 |
 * column}.
 */
public final class Locations {
  private final Map<JsonNode, Object> children = new IdentityHashMap<>();
  private final Map<JsonNode, Long> starts = new IdentityHashMap<>();

  static long pack(int line, int column) {
    return ((long) Math.max(0, line) << 32) | (Math.max(0, column) & 0xffffffffL);
  }

  public static int line(long packed) {
    return (int) (packed >>> 32);
  }

  public static int column(long packed) {
    return (int) packed;
  }

  void container(JsonNode node, long start) {
    starts.put(node, start);
  }

  @SuppressWarnings("unchecked")
  void field(JsonNode object, String name, long at) {
    ((Map<String, Long>) children.computeIfAbsent(object, o -> new HashMap<String, Long>()))
        .put(name, at);
  }

  @SuppressWarnings("unchecked")
  void element(JsonNode array, long at) {
    ((List<Long>) children.computeIfAbsent(array, o -> new ArrayList<Long>())).add(at);
  }

  /**
   * The position of the deepest node {@code path} reaches from {@code root}; each segment is a
   * field name ({@code String}) or an array index ({@code Integer}). Zero when nothing is known.
   */
  @SuppressWarnings("unchecked")
  public long find(JsonNode root, List<Object> path) {
    JsonNode node = root;
    long best = starts.getOrDefault(root, 0L);
    for (Object segment : path) {
      if (node == null) {
        break;
      }
      Object kids = children.get(node);
      if (segment instanceof String && node.isObject()) {
        Long at = kids instanceof Map ? ((Map<String, Long>) kids).get(segment) : null;
        if (at != null) {
          best = at;
        }
        node = node.get((String) segment);
      } else if (segment instanceof Integer && node.isArray()) {
        int i = (Integer) segment;
        if (kids instanceof List && i >= 0 && i < ((List<Long>) kids).size()) {
          best = ((List<Long>) kids).get(i);
        }
        node = node.get(i);
      } else {
        break;
      }
    }
    return best;
  }
}
