package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple JSONPath subset of CRD printer columns: {@code .a.b}, {@code [*]}, {@code [0]} and
 * {@code [?(@.type=="Ready")]} filters.
 */
final class JsonPath {
  private JsonPath() {}

  static List<JsonNode> eval(JsonNode root, String expr) {
    List<JsonNode> current = new ArrayList<>();
    current.add(root);
    String e = expr.trim();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1);
    }
    if (e.startsWith("$")) {
      e = e.substring(1);
    }
    int i = 0;
    while (i < e.length() && !current.isEmpty()) {
      char ch = e.charAt(i);
      List<JsonNode> next = new ArrayList<>();
      if (ch == '.') {
        int j = i + 1;
        while (j < e.length() && e.charAt(j) != '.' && e.charAt(j) != '[') {
          j++;
        }
        String name = e.substring(i + 1, j);
        for (JsonNode n : current) {
          if (name.isEmpty()) {
            next.add(n);
          } else if (n.isObject() && n.has(name)) {
            next.add(n.get(name));
          }
        }
        i = j;
      } else if (ch == '[') {
        int j = matchingBracket(e, i);
        String inner = e.substring(i + 1, j).trim();
        for (JsonNode n : current) {
          if (inner.equals("*")) {
            if (n.isArray() || n.isObject()) {
              n.forEach(next::add);
            }
          } else if (inner.startsWith("?(") && inner.endsWith(")")) {
            filter(n, inner.substring(2, inner.length() - 1).trim(), next);
          } else if (inner.startsWith("'") || inner.startsWith("\"")) {
            String key = inner.substring(1, inner.length() - 1);
            if (n.has(key)) {
              next.add(n.get(key));
            }
          } else {
            try {
              int idx = Integer.parseInt(inner);
              if (n.isArray()) {
                int k = idx < 0 ? n.size() + idx : idx;
                if (k >= 0 && k < n.size()) {
                  next.add(n.get(k));
                }
              }
            } catch (NumberFormatException ex) {
              // unsupported expression: no results, as a column cell that shows <none>
            }
          }
        }
        i = j + 1;
      } else {
        return List.of();
      }
      current = next;
    }
    return current;
  }

  private static int matchingBracket(String e, int open) {
    int depth = 0;
    boolean quote = false;
    for (int i = open; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c == '"' || c == '\'') {
        quote = !quote;
      } else if (!quote && c == '[') {
        depth++;
      } else if (!quote && c == ']' && --depth == 0) {
        return i;
      }
    }
    return e.length() - 1;
  }

  private static void filter(JsonNode n, String cond, List<JsonNode> out) {
    String op = cond.contains("!=") ? "!=" : "==";
    int at = cond.indexOf(op);
    if (at < 0 || !cond.startsWith("@")) {
      return;
    }
    String left = cond.substring(1, at).trim();
    String right = cond.substring(at + 2).trim();
    if ((right.startsWith("\"") && right.endsWith("\""))
        || (right.startsWith("'") && right.endsWith("'"))) {
      right = right.substring(1, right.length() - 1);
    }
    if (!n.isArray()) {
      return;
    }
    for (JsonNode item : n) {
      List<JsonNode> v = eval(item, left);
      boolean eq = !v.isEmpty() && v.get(0).isValueNode() && v.get(0).asText().equals(right);
      if (eq == op.equals("==")) {
        out.add(item);
      }
    }
  }
}
