package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON patch (RFC 6902) being built, and a small applier of the operations this SDK emits (test,
 * add, remove, replace) for previews and tests.
 */
public final class JsonPatch {
  private final ArrayNode ops = Json.mapper().createArrayNode();
  private int writes;

  public JsonPatch test(String path, JsonNode value) {
    ops.addObject().put("op", "test").put("path", path).set("value", value.deepCopy());
    return this;
  }

  public JsonPatch add(String path, JsonNode value) {
    ops.addObject().put("op", "add").put("path", path).set("value", value.deepCopy());
    writes++;
    return this;
  }

  public JsonPatch replace(String path, JsonNode value) {
    ops.addObject().put("op", "replace").put("path", path).set("value", value.deepCopy());
    writes++;
    return this;
  }

  public JsonPatch remove(String path) {
    ops.addObject().put("op", "remove").put("path", path);
    writes++;
    return this;
  }

  /** Whether the patch changes anything (test operations alone do not). */
  public boolean writes() {
    return writes > 0;
  }

  public ArrayNode ops() {
    return ops;
  }

  /** Thrown by {@link #apply} when a test fails or a path does not exist. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** Applies {@code ops} to a copy of {@code doc}. */
  public static JsonNode apply(JsonNode doc, JsonNode ops) {
    JsonNode result = doc.deepCopy();
    for (JsonNode op : ops) {
      String path = op.path("path").asText();
      String kind = op.path("op").asText();
      if (path.isEmpty()) {
        throw new Failure("whole-document operations are not supported: " + op);
      }
      int slash = path.lastIndexOf('/');
      JsonNode parent = resolve(result, path.substring(0, slash));
      String key = unescape(path.substring(slash + 1));
      switch (kind) {
        case "test":
          {
            JsonNode actual = child(parent, key);
            if (actual == null || !actual.equals(op.get("value"))) {
              throw new Failure(
                  "test failed at " + path + ": expected " + op.get("value") + ", found " + actual);
            }
            break;
          }
        case "add":
          if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(key, op.get("value").deepCopy());
          } else if (parent instanceof ArrayNode) {
            ArrayNode a = (ArrayNode) parent;
            int i = "-".equals(key) ? a.size() : index(key, a.size() + 1, path);
            a.insert(i, op.get("value").deepCopy());
          } else {
            throw new Failure("no container at " + path);
          }
          break;
        case "remove":
        case "replace":
          {
            if (child(parent, key) == null) {
              throw new Failure("nothing at " + path);
            }
            if (parent instanceof ObjectNode) {
              if (kind.equals("remove")) {
                ((ObjectNode) parent).remove(key);
              } else {
                ((ObjectNode) parent).set(key, op.get("value").deepCopy());
              }
            } else {
              ArrayNode a = (ArrayNode) parent;
              int i = index(key, a.size(), path);
              if (kind.equals("remove")) {
                a.remove(i);
              } else {
                a.set(i, op.get("value").deepCopy());
              }
            }
            break;
          }
        default:
          throw new Failure("unsupported operation " + kind);
      }
    }
    return result;
  }

  private static JsonNode resolve(JsonNode doc, String pointer) {
    JsonNode n = doc;
    if (pointer.isEmpty()) {
      return n;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      n = child(n, unescape(token));
      if (n == null) {
        throw new Failure("path does not exist: " + pointer);
      }
    }
    return n;
  }

  private static JsonNode child(JsonNode parent, String key) {
    if (parent instanceof ObjectNode) {
      return parent.get(key);
    }
    if (parent instanceof ArrayNode) {
      try {
        int i = Integer.parseInt(key);
        return i >= 0 && i < parent.size() ? parent.get(i) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static int index(String key, int limit, String path) {
    try {
      int i = Integer.parseInt(key);
      if (i >= 0 && i < limit) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // fall through
    }
    throw new Failure("bad array index at " + path);
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
