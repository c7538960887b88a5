package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.validation.Cause;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the compiled {@code x-kubernetes-validations} rules of a schema tree against an object,
 * as the API server's CEL validator does: {@code self} is the node's value, transition rules (those
 * that read {@code oldSelf}) run only on update when the node has a correlated old value (through
 * object fields, map keys, and the keys of {@code x-kubernetes-list-type: map} lists), unchanged
 * values are ratcheted (their non-transition rules skipped), null values are not validated, and
 * evaluation is bounded by the server's per-rule cost limit and per-object cost budget. Not
 * thread-safe; one instance per validation.
 */
public final class CelValidator {
  private static final Object NULL = com.google.protobuf.NullValue.NULL_VALUE;

  private final List<Cause> causes = new ArrayList<>();
  private long budget;
  private boolean exhausted;

  private CelValidator(long budget) {
    this.budget = budget;
  }

  /**
   * Validates {@code object} (defaulted, pruned) against {@code root}'s rules; {@code old} is null
   * on create.
   */
  public static List<Cause> validate(Schema root, JsonNode object, JsonNode old) {
    return validate(root, object, old, KubernetesCel.RUNTIME_COST_BUDGET);
  }

  /** As {@link #validate(Schema, JsonNode, JsonNode)} with an explicit per-object cost budget. */
  public static List<Cause> validate(Schema root, JsonNode object, JsonNode old, long costBudget) {
    return validateAt(root, object, old, "", costBudget);
  }

  /** Validates a subtree found at field path {@code path} (e.g. {@code status}). */
  public static List<Cause> validateAt(
      Schema schema, JsonNode node, JsonNode old, String path, long costBudget) {
    CelValidator v = new CelValidator(costBudget);
    v.walk(schema, node, old, path, false);
    return v.causes;
  }

  /** Converts a subtree to CEL values and evaluates its rules; returns the converted value. */
  /** Size units of the value last returned by {@link #walk}: nodes plus string length / 16. */
  private long lastSize;

  private Object walk(Schema s, JsonNode v, JsonNode old, String path, boolean needValue) {
    if (!needValue && (s == null || !s.subtreeHasRules())) {
      return null; // nothing below has rules and no rule above reads this value
    }
    boolean childNeed = needValue || !s.rules().isEmpty();
    long size = 1;
    Object value;
    if (v.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Schema cs = s == null ? null : s.child(e.getKey());
        JsonNode oc =
            old != null && old.isObject() && !(s != null && "atomic".equals(s.mapType))
                ? old.get(e.getKey())
                : null;
        // a path is only read where rules are, so none is built for subtrees without rules
        String childPath =
            cs != null && cs.subtreeHasRules() ? FieldPath.child(path, e.getKey()) : path;
        Object child = walk(cs, e.getValue(), oc, childPath, childNeed);
        size += lastSize;
        String name = celName(s, e.getKey());
        if (name != null) {
          m.put(name, child);
        }
      }
      value = m;
    } else if (v.isArray()) {
      List<Object> l = new ArrayList<>(v.size());
      Schema is = s == null ? null : s.items;
      Map<List<JsonNode>, JsonNode> oldByKey =
          s != null && s.isMapList() && old != null && old.isArray() ? index(s, old) : null;
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        JsonNode oi = oldByKey == null ? null : oldByKey.get(keys(s, item));
        l.add(
            walk(
                is,
                item,
                oi,
                is != null && is.subtreeHasRules() ? FieldPath.index(path, i) : path,
                childNeed));
        size += lastSize;
      }
      value = l;
    } else {
      value = scalar(s, v);
      if (v.isTextual()) {
        size += v.textValue().length() / 16;
      }
    }
    if (s != null && !s.rules().isEmpty() && !v.isNull()) {
      evaluate(s, v, value, old, path, size);
    }
    lastSize = size;
    return value;
  }

  private void evaluate(Schema s, JsonNode v, Object self, JsonNode old, String path, long size) {
    boolean unchanged = old != null && StructuralValidator.equalJson(old, v);
    Object oldSelf = null;
    for (CompiledRule rule : s.rules()) {
      if (exhausted) {
        return;
      }
      if (unchanged && !rule.transition()) {
        continue; // ratcheting: an unchanged value keeps passing whatever it failed before
      }
      Object oldVar = null;
      if (rule.transition()) {
        if (old == null && !rule.optionalOldSelf()) {
          continue;
        }
        if (oldSelf == null && old != null) {
          oldSelf = convert(s, old);
        }
        oldVar = rule.optionalOldSelf() ? Optional.ofNullable(oldSelf) : oldSelf;
      } else if (rule.optionalOldSelf()) {
        oldVar = Optional.empty();
      }
      Vars vars = new Vars(self, oldVar);
      long[] cost = {0};
      boolean budgetBound = budget <= KubernetesCel.PER_CALL_COST_LIMIT;
      long limit = Math.min(KubernetesCel.PER_CALL_COST_LIMIT, budget);
      Object result;
      try {
        if (rule.boundedBy(size, limit)) {
          // Statically within the limit (as the server's estimator would prove): skip per-step
          // accounting.
          cost[0] = rule.astSize() + size;
          result = rule.program().eval(vars);
        } else {
          result =
              rule.program()
                  .trace(
                      vars,
                      (expr, val) -> {
                        cost[0] += 1 + sizeCost(val);
                        if (cost[0] > limit) {
                          throw new CostLimitExceeded();
                        }
                      });
        }
      } catch (Exception | StackOverflowError e) {
        budget -= cost[0];
        if (isCostError(e)) {
          exhausted = true;
          if (budgetBound || budget <= 0) {
            causes.add(
                Cause.of(
                    path,
                    Cause.FIELD_VALUE_INVALID,
                    "Invalid value: "
                        + GoValues.quote(s.typeName())
                        + ": validation failed due to running out of cost budget, no further validation rules will be run"));
          } else {
            causes.add(
                Cause.of(
                    path,
                    Cause.FIELD_VALUE_INVALID,
                    "Invalid value: "
                        + GoValues.quote(s.typeName())
                        + ": 'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to "
                        + "call cost exceeds limit for rule: "
                        + ruleErrorString(rule)));
          }
        } else {
          String err = evaluationError(e);
          String detail =
              err.startsWith("no matching overload") || err.startsWith("no such overload")
                  ? "'"
                      + err
                      + "': call arguments did not match a supported operator, function or macro signature for rule: "
                      + ruleErrorString(rule)
                  : err + " evaluating rule: " + ruleErrorString(rule);
          causes.add(
              Cause.of(
                  path,
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: " + GoValues.quote(s.typeName()) + ": " + detail));
        }
        continue;
      }
      budget -= cost[0];
      if (Boolean.TRUE.equals(result)) {
        continue;
      }
      if (!(result instanceof Boolean)) {
        causes.add(
            Cause.of(
                path,
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: "
                    + GoValues.quote(s.typeName())
                    + ": rule evaluated to a non-bool value "
                    + result
                    + " evaluating rule: "
                    + ruleErrorString(rule)));
        continue;
      }
      String field = rule.fieldPath() == null ? path : joinFieldPath(path, rule.fieldPath());
      causes.add(fieldError(field, badValue(s, v), message(rule, vars), rule.reason()));
    }
  }

  /** The activation of one rule: {@code self} and, for transition rules, {@code oldSelf}. */
  private record Vars(Object self, Object oldSelf) implements dev.cel.runtime.CelVariableResolver {
    @Override
    public Optional<Object> find(String name) {
      if (name.equals("self")) {
        return Optional.of(self);
      }
      if (name.equals("oldSelf") && oldSelf != null) {
        return Optional.of(oldSelf);
      }
      return Optional.empty();
    }
  }

  private String message(CompiledRule rule, Vars vars) {
    if (rule.messageProgram() != null && !exhausted) {
      try {
        Object m = rule.messageProgram().eval(vars);
        if (m instanceof String str && !str.isBlank() && !str.contains("\n")) {
          return str.trim();
        }
      } catch (Exception e) {
        // The server falls back to the static message when the message expression fails.
      }
    }
    if (rule.message() != null && !rule.message().isBlank()) {
      return rule.message().trim();
    }
    return "failed rule: " + rule.rule().trim();
  }

  /**
   * The value a failed rule reports: the type name for objects and arrays, the value itself for
   * scalars.
   */
  private static String badValue(Schema s, JsonNode v) {
    return v.isObject() || v.isArray()
        ? GoValues.quote(
            s.typeName().isEmpty() ? (v.isObject() ? "object" : "array") : s.typeName())
        : GoValues.value(v);
  }

  private static String ruleErrorString(CompiledRule rule) {
    return rule.message() != null && !rule.message().isBlank()
        ? rule.message().trim()
        : rule.rule().trim();
  }

  private static Cause fieldError(String field, String value, String detail, String reason) {
    if (reason == null) {
      reason = Cause.FIELD_VALUE_INVALID;
    }
    return switch (reason) {
      case Cause.FIELD_VALUE_FORBIDDEN -> Cause.of(field, reason, "Forbidden: " + detail);
      case Cause.FIELD_VALUE_REQUIRED -> Cause.of(field, reason, "Required value: " + detail);
      case Cause.FIELD_VALUE_DUPLICATE -> Cause.of(field, reason, "Duplicate value: " + value);
      default ->
          Cause.of(field, Cause.FIELD_VALUE_INVALID, "Invalid value: " + value + ": " + detail);
    };
  }

  private static String joinFieldPath(String path, String fieldPath) {
    String fp = fieldPath.trim();
    if (path.isEmpty()) {
      return fp.startsWith(".") ? fp.substring(1) : fp;
    }
    return fp.startsWith(".") || fp.startsWith("[") ? path + fp : path + "." + fp;
  }

  private static long sizeCost(Object val) {
    if (val instanceof String str) {
      return str.length() / 10;
    }
    if (val instanceof List<?> l) {
      return l.size() / 10;
    }
    if (val instanceof Map<?, ?> m) {
      return m.size() / 10;
    }
    return 0;
  }

  private static boolean isCostError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CostLimitExceeded || t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  private static String evaluationError(Throwable e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    msg =
        msg.replaceFirst("^evaluation error at [^:]*:\\d+: ", "")
            .replaceFirst("^evaluation error: ", "");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("key '(.*)' is not present in map\\.?").matcher(msg);
    if (m.find()) {
      return "no such key: " + m.group(1);
    }
    return msg;
  }

  private static final java.util.Set<String> CEL_RESERVED =
      java.util.Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  /**
   * The name under which an object property is visible to CEL, as the API server escapes it:
   * reserved words become {@code __namespace__}, and {@code __ . - /} become {@code __underscores__
   * __dot__ __dash__ __slash__}; null when the name cannot be escaped. Keys of maps
   * (additionalProperties) are not escaped.
   */
  static String celName(Schema s, String name) {
    if (s != null && s.additionalProperties != null && !s.properties.containsKey(name)) {
      return name;
    }
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return null;
    }
    if (CEL_RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        b.append("__underscores__");
        i++;
      } else if (c == '.') {
        b.append("__dot__");
      } else if (c == '-') {
        b.append("__dash__");
      } else if (c == '/') {
        b.append("__slash__");
      } else if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
        b.append(c);
      } else {
        return null;
      }
    }
    return b.toString();
  }

  /** Converts a subtree to CEL values without evaluating rules (for {@code oldSelf}). */
  static Object convert(Schema s, JsonNode v) {
    if (v.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      v.fields()
          .forEachRemaining(
              e -> {
                String name = celName(s, e.getKey());
                if (name != null) {
                  m.put(name, convert(s == null ? null : s.child(e.getKey()), e.getValue()));
                }
              });
      return m;
    }
    if (v.isArray()) {
      List<Object> l = new ArrayList<>(v.size());
      v.forEach(i -> l.add(convert(s == null ? null : s.items, i)));
      return l;
    }
    return scalar(s, v);
  }

  private static Object scalar(Schema s, JsonNode v) {
    if (v.isNull()) {
      return NULL;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      boolean number = s != null && "number".equals(s.type);
      if (!number && v.isIntegralNumber() && v.canConvertToLong()) {
        return v.asLong();
      }
      if (!number && !v.isIntegralNumber()) {
        java.math.BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() <= 0
            && d.abs().compareTo(new java.math.BigDecimal(Long.MAX_VALUE)) < 0) {
          return s != null && ("integer".equals(s.type) || s.intOrString)
              ? (Object) d.longValue()
              : (Object) v.asDouble();
        }
      }
      if (v.isBigInteger()) {
        BigInteger b = v.bigIntegerValue();
        return b.doubleValue();
      }
      return v.asDouble();
    }
    return v.asText();
  }

  private static Map<List<JsonNode>, JsonNode> index(Schema s, JsonNode old) {
    Map<List<JsonNode>, JsonNode> m = new HashMap<>();
    for (JsonNode item : old) {
      m.putIfAbsent(keys(s, item), item);
    }
    return m;
  }

  private static List<JsonNode> keys(Schema s, JsonNode item) {
    List<JsonNode> k = new ArrayList<>(s.listMapKeys.size());
    for (String key : s.listMapKeys) {
      JsonNode kv = item.get(key);
      if (kv == null && s.items != null && s.items.properties.containsKey(key)) {
        kv = s.items.properties.get(key).defaultValue;
      }
      k.add(kv);
    }
    return k;
  }

  /** Thrown from the evaluation listener when a rule exceeds its cost limit. */
  static final class CostLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CostLimitExceeded() {
      super("operation cancelled: actual cost limit exceeded", null, false, false);
    }
  }
}
