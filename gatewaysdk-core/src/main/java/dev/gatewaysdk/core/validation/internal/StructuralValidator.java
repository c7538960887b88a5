package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.validation.Cause;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validates a JSON tree against a structural schema as kube-openapi's validator does and reports
 * causes worded like the API server's converted OpenAPI errors ({@code spec.x in body should match
 * ...}). Stateless; one instance may be shared.
 */
public final class StructuralValidator {
  private StructuralValidator() {}

  /**
   * Validates {@code value} (already defaulted and pruned) against {@code schema} at {@code path}.
   */
  public static List<Cause> validate(Schema schema, JsonNode value, String path) {
    List<Cause> out = new ArrayList<>();
    node(schema, value, path, out);
    return out;
  }

  private static void node(Schema s, JsonNode v, String path, List<Cause> out) {
    if (v == null || v.isMissingNode()) {
      return;
    }
    if (v.isNull()) {
      if (!s.nullable && s.type != null) {
        out.add(typeInvalid(path, "null", s.type));
      }
      return;
    }
    if (!typeOk(s, v, path, out)) {
      return;
    }
    composition(s, v, path, out);
    if (v.isTextual()) {
      string(s, v.asText(), v, path, out);
    } else if (v.isNumber()) {
      number(s, v, path, out);
    }
    enumCheck(s, v, path, out);
    if (v.isArray()) {
      array(s, v, path, out);
    } else if (v.isObject()) {
      object(s, v, path, out);
    }
  }

  private static boolean typeOk(Schema s, JsonNode v, String path, List<Cause> out) {
    if (s.intOrString) {
      if (v.isTextual() || isInteger(v)) {
        return true;
      }
      out.add(
          invalid(
              path,
              GoValues.value(v),
              path + " in body must validate at least one schema (anyOf)"));
      out.add(typeInvalid(path, GoValues.jsonType(v), "integer"));
      return false;
    }
    if (s.type == null) {
      return true;
    }
    boolean ok =
        switch (s.type) {
          case "object" -> v.isObject();
          case "array" -> v.isArray();
          case "string" -> v.isTextual();
          case "integer" -> isInteger(v);
          case "number" -> v.isNumber();
          case "boolean" -> v.isBoolean();
          default -> true;
        };
    if (!ok) {
      out.add(typeInvalid(path, GoValues.jsonType(v), s.type));
    }
    return ok;
  }

  private static boolean isInteger(JsonNode v) {
    if (v.isIntegralNumber()) {
      return true;
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
    return false;
  }

  private static void composition(Schema s, JsonNode v, String path, List<Cause> out) {
    if (!s.allOf.isEmpty()) {
      List<Cause> errs = new ArrayList<>();
      for (Schema sub : s.allOf) {
        node(sub, v, path, errs);
      }
      if (!errs.isEmpty()) {
        out.add(
            invalid(
                path, GoValues.value(v), path + " in body must validate all the schemas (allOf)"));
        out.addAll(errs);
      }
    }
    if (!s.anyOf.isEmpty()) {
      List<Cause> best = null;
      boolean any = false;
      for (Schema sub : s.anyOf) {
        List<Cause> errs = new ArrayList<>();
        node(sub, v, path, errs);
        if (errs.isEmpty()) {
          any = true;
          break;
        }
        if (best == null) {
          best = errs;
        }
      }
      if (!any) {
        out.add(
            invalid(
                path,
                GoValues.value(v),
                path + " in body must validate at least one schema (anyOf)"));
        out.addAll(best);
      }
    }
    if (!s.oneOf.isEmpty()) {
      List<Cause> best = null;
      int valid = 0;
      for (Schema sub : s.oneOf) {
        List<Cause> errs = new ArrayList<>();
        node(sub, v, path, errs);
        if (errs.isEmpty()) {
          valid++;
        } else if (best == null) {
          best = errs;
        }
      }
      if (valid != 1) {
        String found = valid == 0 ? "Found none valid" : "Found " + valid + " valid alternatives";
        out.add(
            invalid(
                path,
                GoValues.value(v),
                path + " in body must validate one and only one schema (oneOf). " + found));
        if (valid == 0 && best != null) {
          out.addAll(best);
        }
      }
    }
    if (s.not != null) {
      List<Cause> errs = new ArrayList<>();
      node(s.not, v, path, errs);
      if (errs.isEmpty()) {
        out.add(
            invalid(path, GoValues.value(v), path + " in body must not validate the schema (not)"));
      }
    }
  }

  private static void string(Schema s, String text, JsonNode v, String path, List<Cause> out) {
    long len = text.codePointCount(0, text.length());
    if (s.maxLength != null && len > s.maxLength) {
      out.add(
          Cause.of(
              path,
              Cause.FIELD_VALUE_TOO_LONG,
              "Too long: may not be more than " + s.maxLength + " bytes"));
    }
    if (s.minLength != null && len < s.minLength) {
      out.add(
          invalid(
              path,
              GoValues.value(v),
              path + " in body should be at least " + s.minLength + " chars long"));
    }
    if (s.pattern != null && !s.pattern.matcher(text).find()) {
      out.add(
          invalid(path, GoValues.value(v), path + " in body should match '" + s.patternText + "'"));
    }
    if (s.format != null && !Formats.matches(s.format, text)) {
      out.add(
          Cause.of(
              path,
              Cause.FIELD_VALUE_TYPE_INVALID,
              "Invalid value: "
                  + GoValues.value(v)
                  + ": "
                  + path
                  + " in body must be of type "
                  + s.format
                  + ": "
                  + GoValues.quote(text)));
    }
  }

  private static void number(Schema s, JsonNode v, String path, List<Cause> out) {
    BigDecimal d = v.decimalValue();
    if (s.maximum != null) {
      int c = d.compareTo(s.maximum);
      if (s.exclusiveMaximum ? c >= 0 : c > 0) {
        out.add(
            invalid(
                path,
                GoValues.value(v),
                path
                    + " in body should be less than "
                    + (s.exclusiveMaximum ? "" : "or equal to ")
                    + GoValues.number(s.maximum)));
      }
    }
    if (s.minimum != null) {
      int c = d.compareTo(s.minimum);
      if (s.exclusiveMinimum ? c <= 0 : c < 0) {
        out.add(
            invalid(
                path,
                GoValues.value(v),
                path
                    + " in body should be greater than "
                    + (s.exclusiveMinimum ? "" : "or equal to ")
                    + GoValues.number(s.minimum)));
      }
    }
    if (s.multipleOf != null
        && s.multipleOf.signum() != 0
        && d.remainder(s.multipleOf).signum() != 0) {
      out.add(
          invalid(
              path,
              GoValues.value(v),
              path + " in body should be a multiple of " + GoValues.number(s.multipleOf)));
    }
  }

  private static void enumCheck(Schema s, JsonNode v, String path, List<Cause> out) {
    if (s.enumValues.isEmpty()) {
      return;
    }
    for (JsonNode e : s.enumValues) {
      if (equalJson(e, v)) {
        return;
      }
    }
    String supported = s.enumValues.stream().map(GoValues::value).collect(Collectors.joining(", "));
    out.add(
        Cause.of(
            path,
            Cause.FIELD_VALUE_NOT_SUPPORTED,
            "Unsupported value: " + GoValues.value(v) + ": supported values: " + supported));
  }

  private static void array(Schema s, JsonNode v, String path, List<Cause> out) {
    int n = v.size();
    if (s.maxItems != null && n > s.maxItems) {
      out.add(
          Cause.of(
              path,
              Cause.FIELD_VALUE_TOO_MANY,
              "Too many: " + n + ": must have at most " + s.maxItems + " items"));
    }
    if (s.minItems != null && n < s.minItems) {
      out.add(
          invalid(
              path,
              String.valueOf(n),
              path + " in body should have at least " + s.minItems + " items"));
    }
    if (s.items != null) {
      for (int i = 0; i < n; i++) {
        node(s.items, v.get(i), FieldPath.index(path, i), out);
      }
    }
    listType(s, v, path, out);
  }

  private static void listType(Schema s, JsonNode v, String path, List<Cause> out) {
    if ("set".equals(s.listType)) {
      List<JsonNode> seen = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (seen.stream().anyMatch(x -> equalJson(x, item))) {
          out.add(
              Cause.of(
                  FieldPath.index(path, i),
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: " + GoValues.value(item)));
        } else {
          seen.add(item);
        }
      }
    } else if (s.isMapList()) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isObject()) {
          continue;
        }
        TreeMap<String, JsonNode> keys = new TreeMap<>();
        for (String k : s.listMapKeys) {
          JsonNode kv = item.get(k);
          if (kv == null && s.items != null && s.items.properties.containsKey(k)) {
            kv = s.items.properties.get(k).defaultValue;
          }
          keys.put(k, kv);
        }
        String id = keys.toString();
        if (seen.putIfAbsent(id, i) != null) {
          out.add(
              Cause.of(
                  FieldPath.index(path, i),
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: " + goMap(keys)));
        }
      }
    }
  }

  /**
   * Go's {@code %#v} of a map[string]interface{}: {@code map[string]interface {}{"name":"a",
   * "port":80}}.
   */
  private static String goMap(TreeMap<String, JsonNode> keys) {
    return keys.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> GoValues.quote(e.getKey()) + ":" + GoValues.value(e.getValue()))
        .collect(Collectors.joining(", ", "map[string]interface {}{", "}"));
  }

  private static void object(Schema s, JsonNode v, String path, List<Cause> out) {
    int n = v.size();
    if (s.maxProperties != null && n > s.maxProperties) {
      out.add(
          Cause.of(
              path,
              Cause.FIELD_VALUE_TOO_MANY,
              "Too many: " + n + ": must have at most " + s.maxProperties + " items"));
    }
    if (s.minProperties != null && n < s.minProperties) {
      out.add(
          invalid(
              path,
              String.valueOf(n),
              path + " in body should have at least " + s.minProperties + " properties"));
    }
    for (String r : s.required) {
      if (!v.has(r)) {
        out.add(Cause.of(FieldPath.child(path, r), Cause.FIELD_VALUE_REQUIRED, "Required value"));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Schema p = s.properties.get(e.getKey());
      if (p != null) {
        node(p, e.getValue(), FieldPath.child(path, e.getKey()), out);
      } else if (s.additionalProperties != null) {
        node(s.additionalProperties, e.getValue(), FieldPath.child(path, e.getKey()), out);
      }
    }
  }

  /**
   * JSON equality with numbers compared by value (1 equals 1.0), as Go's unstructured comparison
   * does.
   */
  public static boolean equalJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode o = b.get(e.getKey());
        if (o == null || !equalJson(e.getValue(), o)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equalJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static Cause invalid(String path, String renderedValue, String detail) {
    return Cause.of(
        path, Cause.FIELD_VALUE_INVALID, "Invalid value: " + renderedValue + ": " + detail);
  }

  private static Cause typeInvalid(String path, String actualType, String wanted) {
    return Cause.of(
        path,
        Cause.FIELD_VALUE_TYPE_INVALID,
        "Invalid value: "
            + GoValues.quote(actualType)
            + ": "
            + path
            + " in body must be of type "
            + wanted
            + ": "
            + GoValues.quote(actualType));
  }
}
