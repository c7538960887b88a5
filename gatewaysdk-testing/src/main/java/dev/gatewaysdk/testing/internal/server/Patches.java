package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Patch (RFC 6902), JSON Merge Patch (RFC 7386) and the strategic merge patch of built-in
 * kinds.
 */
final class Patches {
  /** Merge keys of built-in lists that strategic merge patches merge instead of replace. */
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "metadata.ownerReferences", "uid",
          "spec.ports", "port",
          "status.conditions", "type",
          "status.loadBalancer.ingress", "ip");

  /** Primitive lists with patch strategy merge (union). */
  private static final Set<String> MERGE_PRIMITIVES = Set.of("metadata.finalizers");

  private Patches() {}

  // ---- RFC 6902

  static JsonNode jsonPatch(JsonNode doc, JsonNode patch) {
    if (!patch.isArray()) {
      throw ApiError.badRequest(
          "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    }
    JsonNode result = doc;
    for (JsonNode op : patch) {
      if (!op.isObject()) {
        throw ApiError.badRequest(
            "json: cannot unmarshal "
                + op.getNodeType().name().toLowerCase()
                + " into Go value of type jsonpatch.Operation");
      }
      String kind = op.path("op").asText("");
      String path = op.hasNonNull("path") ? op.get("path").asText() : null;
      if (path == null) {
        throw ApiError.unprocessable("missing path");
      }
      switch (kind) {
        case "add":
          requireValue(op, kind);
          result = add(result, path, op.get("value").deepCopy());
          break;
        case "remove":
          result = remove(result, path);
          break;
        case "replace":
          requireValue(op, kind);
          get(result, path, "replace operation does not apply: doc is missing key: " + path);
          result = remove(result, path);
          result = add(result, path, op.get("value").deepCopy());
          break;
        case "move":
          {
            String from = op.path("from").asText();
            JsonNode v =
                get(
                    result,
                    from,
                    "move operation does not apply: doc is missing from path: " + from);
            result = remove(result, from);
            result = add(result, path, v);
            break;
          }
        case "copy":
          {
            String from = op.path("from").asText();
            JsonNode v =
                get(
                    result,
                    from,
                    "copy operation does not apply: doc is missing from path: " + from);
            result = add(result, path, v.deepCopy());
            break;
          }
        case "test":
          {
            JsonNode actual = find(result, path);
            JsonNode expected = op.get("value");
            if (actual == null
                ? expected != null && !expected.isNull()
                : !equalish(actual, expected)) {
              throw ApiError.unprocessable("testing value " + path + " failed: test failed");
            }
            break;
          }
        default:
          throw ApiError.unprocessable("Unexpected kind: " + kind);
      }
    }
    return result;
  }

  private static boolean equalish(JsonNode a, JsonNode b) {
    if (a.isNumber() && b != null && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static void requireValue(JsonNode op, String kind) {
    if (!op.has("value")) {
      throw ApiError.unprocessable(kind + " operation does not apply: missing value");
    }
  }

  static List<String> pointer(String path) {
    List<String> parts = new ArrayList<>();
    if (path.isEmpty()) {
      return parts;
    }
    if (!path.startsWith("/")) {
      throw ApiError.unprocessable("invalid path: " + path);
    }
    for (String p : path.substring(1).split("/", -1)) {
      parts.add(p.replace("~1", "/").replace("~0", "~"));
    }
    return parts;
  }

  private static JsonNode find(JsonNode doc, String path) {
    JsonNode n = doc;
    for (String p : pointer(path)) {
      if (n.isObject()) {
        n = n.get(p);
      } else if (n.isArray()) {
        int i = index(p, n.size(), false, path);
        n = i < 0 ? null : n.get(i);
      } else {
        return null;
      }
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static JsonNode get(JsonNode doc, String path, String missing) {
    JsonNode n = find(doc, path);
    if (n == null) {
      throw ApiError.unprocessable(missing);
    }
    return n;
  }

  private static int index(String p, int size, boolean forAdd, String path) {
    if (forAdd && p.equals("-")) {
      return size;
    }
    try {
      int i = Integer.parseInt(p);
      if (i < 0 || i > (forAdd ? size : size - 1)) {
        return -1;
      }
      return i;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value) {
    List<String> parts = pointer(path);
    if (parts.isEmpty()) {
      return value;
    }
    JsonNode parent = find(doc, toPointer(parts.subList(0, parts.size() - 1)));
    String last = parts.get(parts.size() - 1);
    if (parent instanceof ObjectNode) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent instanceof ArrayNode) {
      int i = index(last, parent.size(), true, path);
      if (i < 0) {
        throw ApiError.unprocessable("add operation does not apply: index out of bounds: " + path);
      }
      ((ArrayNode) parent).insert(i, value);
    } else {
      throw ApiError.unprocessable(
          "add operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String path) {
    List<String> parts = pointer(path);
    if (parts.isEmpty()) {
      throw ApiError.unprocessable(
          "remove operation does not apply: cannot remove the whole document");
    }
    JsonNode parent = find(doc, toPointer(parts.subList(0, parts.size() - 1)));
    String last = parts.get(parts.size() - 1);
    if (parent instanceof ObjectNode && parent.has(last)) {
      ((ObjectNode) parent).remove(last);
    } else if (parent instanceof ArrayNode && index(last, parent.size(), false, path) >= 0) {
      ((ArrayNode) parent).remove(index(last, parent.size(), false, path));
    } else {
      throw ApiError.unprocessable(
          "remove operation does not apply: doc is missing path: \"" + path + "\"");
    }
    return doc;
  }

  private static String toPointer(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      sb.append('/').append(p.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  // ---- RFC 7386

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target instanceof ObjectNode ? (ObjectNode) target : Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  // ---- strategic merge patch (built-in kinds)

  static JsonNode strategicMerge(JsonNode target, JsonNode patch, String path) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("replace")) {
      ObjectNode copy = ((ObjectNode) patch).deepCopy();
      copy.remove("$patch");
      return copy;
    }
    if (directive.equals("delete")) {
      return null;
    }
    ObjectNode result = target instanceof ObjectNode ? (ObjectNode) target : Json.object();
    JsonNode retain = patch.get("$retainKeys");
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$setElementOrder/")
          || key.equals("$retainKeys")
          || key.equals("$patch")) {
        continue;
      }
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String field = key.substring("$deleteFromPrimitiveList/".length());
        JsonNode list = result.get(field);
        if (list instanceof ArrayNode) {
          Set<JsonNode> drop = new HashSet<>();
          value.forEach(drop::add);
          ArrayNode kept = Json.array();
          list.forEach(
              v -> {
                if (!drop.contains(v)) {
                  kept.add(v);
                }
              });
          result.set(field, kept);
        }
        continue;
      }
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isArray()
          && MERGE_KEYS.containsKey(childPath)
          && result.get(key) instanceof ArrayNode) {
        result.set(
            key,
            mergeList(
                (ArrayNode) result.get(key),
                (ArrayNode) value,
                MERGE_KEYS.get(childPath),
                childPath));
      } else if (value.isArray()
          && MERGE_PRIMITIVES.contains(childPath)
          && result.get(key) instanceof ArrayNode) {
        ArrayNode merged = ((ArrayNode) result.get(key)).deepCopy();
        Set<JsonNode> have = new HashSet<>();
        merged.forEach(have::add);
        value.forEach(
            v -> {
              if (have.add(v)) {
                merged.add(v);
              }
            });
        result.set(key, merged);
      } else if (value.isObject()) {
        JsonNode merged = strategicMerge(result.get(key), value, childPath);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else {
        result.set(key, stripDirectives(value.deepCopy()));
      }
    }
    if (retain != null && retain.isArray()) {
      Set<String> keep = new HashSet<>();
      retain.forEach(k -> keep.add(k.asText()));
      result.retain(keep);
    }
    return result;
  }

  private static ArrayNode mergeList(
      ArrayNode current, ArrayNode patch, String mergeKey, String path) {
    ArrayNode result = current.deepCopy();
    for (JsonNode item : patch) {
      if (!item.isObject() || !item.has(mergeKey)) {
        result.add(stripDirectives(item.deepCopy()));
        continue;
      }
      JsonNode key = item.get(mergeKey);
      int found = -1;
      for (int i = 0; i < result.size(); i++) {
        if (key.equals(result.get(i).get(mergeKey))) {
          found = i;
          break;
        }
      }
      if ("delete".equals(item.path("$patch").asText())) {
        if (found >= 0) {
          result.remove(found);
        }
      } else if (found >= 0) {
        result.set(found, strategicMerge(result.get(found), item, path));
      } else {
        result.add(stripDirectives(item.deepCopy()));
      }
    }
    return result;
  }

  private static JsonNode stripDirectives(JsonNode n) {
    if (n instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) n;
      List<String> drop = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              k -> {
                if (k.startsWith("$")) {
                  drop.add(k);
                }
              });
      o.remove(drop);
      o.forEach(Patches::stripDirectives);
    } else if (n instanceof ArrayNode) {
      n.forEach(Patches::stripDirectives);
    }
    return n;
  }
}
