package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors ({@code a=b,c!=d,e in (x,y),f notin (z),g,!h}) and field selectors ({@code
 * metadata.name=x}).
 */
final class Selectors {
  private Selectors() {}

  static Predicate<ObjectNode> labels(String selector) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    List<Predicate<JsonNode>> reqs = new ArrayList<>();
    for (String part : splitTopLevel(selector)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      reqs.add(requirement(p, selector));
    }
    return o -> {
      JsonNode labels = o.path("metadata").path("labels");
      for (Predicate<JsonNode> r : reqs) {
        if (!r.test(labels)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<JsonNode> requirement(String p, String whole) {
    String lower = p.toLowerCase(java.util.Locale.ROOT);
    int in = indexOfWord(lower, " notin ");
    if (in > 0) {
      String key = p.substring(0, in).trim();
      Set<String> vals = values(p.substring(in + 7), whole);
      return l -> !l.has(key) || !vals.contains(l.get(key).asText());
    }
    in = indexOfWord(lower, " in ");
    if (in > 0) {
      String key = p.substring(0, in).trim();
      Set<String> vals = values(p.substring(in + 4), whole);
      return l -> l.has(key) && vals.contains(l.get(key).asText());
    }
    int ne = p.indexOf("!=");
    if (ne > 0) {
      String key = p.substring(0, ne).trim();
      String v = p.substring(ne + 2).trim();
      return l -> !l.has(key) || !l.get(key).asText().equals(v);
    }
    int cmp = Math.max(p.indexOf('>'), p.indexOf('<'));
    if (cmp > 0) {
      // Gt / Lt: the label must exist and parse as an integer.
      String key = p.substring(0, cmp).trim();
      checkKey(key, whole);
      boolean gt = p.charAt(cmp) == '>';
      String v = p.substring(cmp + 1).trim();
      long bound;
      try {
        bound = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw ApiError.badRequest(
            "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer");
      }
      return l -> {
        if (!l.has(key)) {
          return false;
        }
        try {
          long n = Long.parseLong(l.get(key).asText());
          return gt ? n > bound : n < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      };
    }
    int eq = p.indexOf("==");
    int len = 2;
    if (eq < 0) {
      eq = p.indexOf('=');
      len = 1;
    }
    if (eq > 0) {
      String key = p.substring(0, eq).trim();
      String v = p.substring(eq + len).trim();
      checkKey(key, whole);
      return l -> l.has(key) && l.get(key).asText().equals(v);
    }
    if (p.startsWith("!")) {
      String key = p.substring(1).trim();
      checkKey(key, whole);
      return l -> !l.has(key);
    }
    checkKey(p, whole);
    return l -> l.has(p);
  }

  private static void checkKey(String key, String whole) {
    if (key.isEmpty()
        || !key.matches("([A-Za-z0-9][-A-Za-z0-9_.]*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
      throw ApiError.badRequest(
          "unable to parse requirement: invalid label key \""
              + key
              + "\" in selector \""
              + whole
              + "\"");
    }
  }

  private static int indexOfWord(String s, String w) {
    return s.indexOf(w);
  }

  private static Set<String> values(String list, String whole) {
    String t = list.trim();
    if (!t.startsWith("(") || !t.endsWith(")")) {
      throw ApiError.badRequest(
          "unable to parse requirement: found '"
              + t
              + "', expected: '('"
              + " in selector \""
              + whole
              + "\"");
    }
    Set<String> s = new HashSet<>();
    for (String v : t.substring(1, t.length() - 1).split(",")) {
      s.add(v.trim());
    }
    return s;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /**
   * A field selector; custom resources support metadata.name, metadata.namespace and the CRD's
   * selectableFields, as the real server does.
   */
  /**
   * The fields besides metadata.name and metadata.namespace each built-in kind's registry can
   * select on.
   */
  private static final java.util.Map<String, List<String>> BUILTIN_FIELDS =
      java.util.Map.of(
          "/Namespace", List.of("status.phase"),
          "/Secret", List.of("type"),
          "/Service", List.of("spec.clusterIP", "spec.type"),
          "/Event",
              List.of(
                  "involvedObject.kind",
                  "involvedObject.namespace",
                  "involvedObject.name",
                  "involvedObject.uid",
                  "involvedObject.apiVersion",
                  "involvedObject.resourceVersion",
                  "involvedObject.fieldPath",
                  "reason",
                  "reportingComponent",
                  "source",
                  "type"),
          "discovery.k8s.io/EndpointSlice", List.of("addressType"));

  static Predicate<ObjectNode> fields(String selector, ResourceType type, String version) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    Set<String> allowed = new HashSet<>(List.of("metadata.name", "metadata.namespace"));
    List<String> builtin = BUILTIN_FIELDS.get(type.group + "/" + type.kind);
    if (builtin != null) {
      allowed.addAll(builtin);
    }
    if (type.crd != null) {
      for (JsonNode v : type.crd.path("spec").path("versions")) {
        if (v.path("name").asText().equals(version)) {
          for (JsonNode f : v.path("selectableFields")) {
            allowed.add(f.path("jsonPath").asText().replaceFirst("^\\.", ""));
          }
        }
      }
    }
    List<Predicate<ObjectNode>> reqs = new ArrayList<>();
    for (String part : selector.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      boolean negate = false;
      int i = p.indexOf("!=");
      int len = 2;
      if (i > 0) {
        negate = true;
      } else {
        i = p.indexOf("==");
        if (i < 0) {
          i = p.indexOf('=');
          len = 1;
        }
      }
      if (i <= 0) {
        throw ApiError.badRequest(
            "invalid selector: '" + selector + "'; can't understand '" + p + "'");
      }
      String field = p.substring(0, i).trim();
      String value = p.substring(i + len).trim();
      if ((type.crd != null || type.builtin) && !allowed.contains(field)) {
        throw ApiError.badRequest("field label not supported: " + field);
      }
      String[] path = field.split("\\.");
      boolean neg = negate;
      reqs.add(
          o -> {
            String actual = Json.text(o, path);
            boolean eq = value.equals(actual == null ? "" : actual);
            return neg != eq;
          });
    }
    return o -> {
      for (Predicate<ObjectNode> r : reqs) {
        if (!r.test(o)) {
          return false;
        }
      }
      return true;
    };
  }

  /** The name a field selector pins ({@code metadata.name=x}), or null. */
  static String pinnedName(String selector) {
    if (selector == null) {
      return null;
    }
    for (String part : selector.split(",")) {
      String p = part.trim();
      if (p.startsWith("metadata.name=") && !p.startsWith("metadata.name==")) {
        return p.substring("metadata.name=".length());
      }
      if (p.startsWith("metadata.name==")) {
        return p.substring("metadata.name==".length());
      }
    }
    return null;
  }
}
