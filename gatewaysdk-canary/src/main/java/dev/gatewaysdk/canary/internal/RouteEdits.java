package dev.gatewaysdk.canary.internal;

import dev.gatewaysdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.CanaryMatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the JSON patch that brings one route to a rollout state: the stable/canary weights in the rules that
 * have both ("managed rules"), the canary's RequestMirror filter on them, and the A/B rules next to them. Every
 * rule the patch touches is guarded by a {@code test} of its content as read; nothing else is touched.
 */
public final class RouteEdits {
  private RouteEdits() {}

  /** The patch and what it does. */
  public static final class Result {
    public final ArrayNode ops = Jsons.array();
    public final List<String> changes = new ArrayList<>();
    /** The A/B rules this state wants on the route (recorded in the state for cleanup). */
    public final ArrayNode abRules = Jsons.array();

    public boolean writes() {
      for (JsonNode op : ops) {
        if (!"test".equals(op.path("op").asText())) {
          return true;
        }
      }
      return false;
    }
  }

  /** Indices of the rules that have both backends. */
  public static List<Integer> managedRules(JsonNode route, String stable, String canary) {
    List<Integer> out = new ArrayList<>();
    JsonNode rules = route.path("spec").path("rules");
    for (int i = 0; i < rules.size(); i++) {
      if (!indices(rules.get(i), stable).isEmpty() && !indices(rules.get(i), canary).isEmpty()) {
        out.add(i);
      }
    }
    return out;
  }

  /** The canary's weight share in the first managed rule (0 when there is none). */
  public static int canaryShare(JsonNode route, String stable, String canary) {
    List<Integer> managed = managedRules(route, stable, canary);
    if (managed.isEmpty()) {
      return 0;
    }
    JsonNode rule = route.path("spec").path("rules").get(managed.get(0));
    long s = weight(rule.path("backendRefs").get(indices(rule, stable).get(0)));
    long c = weight(rule.path("backendRefs").get(indices(rule, canary).get(0)));
    return s + c == 0 ? 0 : (int) Math.round(100.0 * c / (s + c));
  }

  /** A description of managed weights that differ from the state's, or empty. */
  public static Optional<String> externalEdit(JsonNode route, String stable, String canary, int canaryWeight, boolean stableRemoved) {
    if (stableRemoved) {
      return Optional.empty();
    }
    List<Integer> managed = managedRules(route, stable, canary);
    if (managed.isEmpty()) {
      return Optional.of("no rule has both " + stable + " and " + canary + " any more");
    }
    List<String> diffs = new ArrayList<>();
    JsonNode rules = route.path("spec").path("rules");
    for (int i : managed) {
      JsonNode refs = rules.get(i).path("backendRefs");
      for (int j : indices(rules.get(i), stable)) {
        if (weight(refs.get(j)) != 100 - canaryWeight) {
          diffs.add("rules[" + i + "] " + stable + " weight " + weight(refs.get(j)) + ", expected " + (100 - canaryWeight));
        }
      }
      for (int j : indices(rules.get(i), canary)) {
        if (weight(refs.get(j)) != canaryWeight) {
          diffs.add("rules[" + i + "] " + canary + " weight " + weight(refs.get(j)) + ", expected " + canaryWeight);
        }
      }
    }
    return diffs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", diffs));
  }

  /**
   * The patch bringing {@code route} to {@code state}: weights, mirror, A/B rules ({@code abSteps}: the
   * matches of each MATCH step in effect; empty when none is), stable removal.
   */
  public static Result converge(
      JsonNode route, String routeKey, String kind, String stable, String canary, State state, List<List<CanaryMatch>> abSteps) {
    Result r = new Result();
    JsonNode rules = route.path("spec").path("rules");
    List<Integer> managed = managedRules(route, stable, canary);
    boolean grpc = "GRPCRoute".equals(kind);

    // desired A/B rules, computed from the managed rules as read (deterministic: weights and mirrors excluded)
    if (state.ab) {
      for (List<CanaryMatch> matches : abSteps) {
        for (int i : managed) {
          r.abRules.add(abRule(rules.get(i), canary, matches, grpc));
        }
      }
    }
    List<JsonNode> known = new ArrayList<>();
    state.addedRules(routeKey).forEach(known::add);
    r.abRules.forEach(known::add);

    ArrayNode ops = r.ops;
    for (int i : managed) {
      ops.addObject().put("op", "test").put("path", "/spec/rules/" + i).set("value", rules.get(i));
    }
    for (int i : managed) {
      JsonNode rule = rules.get(i);
      String rp = "/spec/rules/" + i;
      JsonNode refs = rule.path("backendRefs");
      for (int j : indices(rule, canary)) {
        setWeight(r, rp, i, refs.get(j), j, state.weight);
      }
      List<Integer> st = indices(rule, stable);
      if (state.stableRemoved) {
        for (int k = st.size() - 1; k >= 0; k--) {
          ops.addObject().put("op", "remove").put("path", rp + "/backendRefs/" + st.get(k));
          r.changes.add("rules[" + i + "] - backend " + stable);
        }
      } else {
        for (int j : st) {
          setWeight(r, rp, i, refs.get(j), j, 100 - state.weight);
        }
      }
      // the canary mirror
      JsonNode filters = rule.path("filters");
      List<Integer> mirrors = new ArrayList<>();
      for (int f = 0; f < filters.size(); f++) {
        JsonNode fl = filters.get(f);
        if ("RequestMirror".equals(fl.path("type").asText())
            && canary.equals(fl.path("requestMirror").path("backendRef").path("name").asText())) {
          mirrors.add(f);
        }
      }
      if (state.mirror > 0) {
        ObjectNode wanted = mirrorFilter(refs.get(indices(rule, canary).get(0)), state.mirror);
        if (mirrors.isEmpty()) {
          if (filters.isArray()) {
            ops.addObject().put("op", "add").put("path", rp + "/filters/-").set("value", wanted);
          } else {
            ops.addObject().put("op", "add").put("path", rp + "/filters").set("value", Jsons.array().add(wanted));
          }
          r.changes.add("rules[" + i + "] + mirror " + state.mirror + "% to " + canary);
        } else if (!filters.get(mirrors.get(0)).equals(wanted)) {
          ops.addObject().put("op", "replace").put("path", rp + "/filters/" + mirrors.get(0)).set("value", wanted);
          r.changes.add("rules[" + i + "] mirror " + state.mirror + "% to " + canary);
        }
      } else {
        for (int k = mirrors.size() - 1; k >= 0; k--) {
          ops.addObject().put("op", "remove").put("path", rp + "/filters/" + mirrors.get(k));
          r.changes.add("rules[" + i + "] - mirror to " + canary);
        }
      }
    }
    // A/B rules: remove those not wanted (descending), then append the missing ones
    List<Integer> present = new ArrayList<>();
    List<JsonNode> satisfied = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (managed.contains(i)) {
        continue;
      }
      JsonNode rule = rules.get(i);
      for (JsonNode k : known) {
        if (Json.contains(rule, k)) {
          present.add(i);
          break;
        }
      }
    }
    List<Integer> remove = new ArrayList<>();
    for (int i : present) {
      JsonNode match = null;
      for (JsonNode w : r.abRules) {
        if (Json.contains(rules.get(i), w) && !satisfied.contains(w)) {
          match = w;
          break;
        }
      }
      if (match == null) {
        remove.add(i);
      } else {
        satisfied.add(match);
      }
    }
    for (int k = remove.size() - 1; k >= 0; k--) {
      int i = remove.get(k);
      ops.addObject().put("op", "test").put("path", "/spec/rules/" + i).set("value", rules.get(i));
      ops.addObject().put("op", "remove").put("path", "/spec/rules/" + i);
      r.changes.add("- rules[" + i + "] (A/B rule to " + canary + ")");
    }
    for (JsonNode w : r.abRules) {
      if (!satisfied.contains(w)) {
        ops.addObject().put("op", "add").put("path", "/spec/rules/-").set("value", w);
        r.changes.add("+ rule " + describeMatches(w) + " -> " + canary);
      }
    }
    return r;
  }

  private static void setWeight(Result r, String rp, int i, JsonNode entry, int j, int weight) {
    if (entry.has("weight") && entry.get("weight").asInt() == weight) {
      return;
    }
    r.ops.addObject().put("op", "add").put("path", rp + "/backendRefs/" + j + "/weight").put("value", weight);
    r.changes.add("rules[" + i + "] " + entry.path("name").asText() + ": " + weight(entry) + " -> " + weight);
  }

  static ObjectNode mirrorFilter(JsonNode canaryRef, int percent) {
    ObjectNode f = Jsons.object().put("type", "RequestMirror");
    ObjectNode rm = f.putObject("requestMirror");
    ObjectNode b = rm.putObject("backendRef");
    for (String k : new String[] {"group", "kind", "name", "namespace", "port"}) {
      if (canaryRef.has(k)) {
        b.set(k, canaryRef.get(k));
      }
    }
    if (percent < 100) {
      rm.put("percent", percent);
    }
    return f;
  }

  static ObjectNode abRule(JsonNode managed, String canary, List<CanaryMatch> matches, boolean grpc) {
    ObjectNode rule = Jsons.object();
    Iterator<Map.Entry<String, JsonNode>> it = managed.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "name":
        case "matches":
        case "backendRefs":
          break;
        case "filters": {
          ArrayNode kept = Jsons.array();
          for (JsonNode f : e.getValue()) {
            if (!"RequestMirror".equals(f.path("type").asText())) {
              kept.add(f.deepCopy());
            }
          }
          if (kept.size() > 0) {
            rule.set("filters", kept);
          }
          break;
        }
        default:
          rule.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    ArrayNode ms = rule.putArray("matches");
    JsonNode originals = managed.path("matches");
    List<JsonNode> base = new ArrayList<>();
    originals.forEach(base::add);
    if (base.isEmpty()) {
      base.add(Jsons.object());
    }
    for (JsonNode o : base) {
      ObjectNode m = o.deepCopy();
      for (CanaryMatch c : matches) {
        switch (c.type()) {
          case HEADER:
            headers(m).addObject().put("type", "Exact").put("name", c.name()).put("value", c.value());
            break;
          case COOKIE:
            headers(m).addObject().put("type", "RegularExpression").put("name", "Cookie")
                .put("value", "(^|.*;\\s*)" + regex(c.name()) + "=" + regex(c.value()) + "(;.*|$)");
            break;
          default:
            ArrayNode q = m.has("queryParams") ? (ArrayNode) m.get("queryParams") : m.putArray("queryParams");
            q.addObject().put("type", "Exact").put("name", c.name()).put("value", c.value());
        }
      }
      ms.add(m);
    }
    JsonNode canaryRef = null;
    for (JsonNode b : managed.path("backendRefs")) {
      if (canary.equals(b.path("name").asText())) {
        canaryRef = b;
        break;
      }
    }
    ObjectNode ref = canaryRef == null ? Jsons.object().put("name", canary) : ((ObjectNode) canaryRef).deepCopy();
    ref.remove("weight");
    rule.putArray("backendRefs").add(ref);
    return rule;
  }

  private static String regex(String literal) {
    StringBuilder b = new StringBuilder();
    for (char ch : literal.toCharArray()) {
      if (!Character.isLetterOrDigit(ch) && ch != '-' && ch != '_') {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }

  private static ArrayNode headers(ObjectNode match) {
    return match.has("headers") ? (ArrayNode) match.get("headers") : match.putArray("headers");
  }

  private static String describeMatches(JsonNode rule) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : rule.path("matches")) {
      List<String> parts = new ArrayList<>();
      if (m.has("path")) {
        parts.add(m.path("path").path("value").asText());
      }
      for (JsonNode h : m.path("headers")) {
        parts.add(h.path("name").asText() + "=" + h.path("value").asText());
      }
      for (JsonNode h : m.path("queryParams")) {
        parts.add("?" + h.path("name").asText() + "=" + h.path("value").asText());
      }
      out.add(String.join(" ", parts));
    }
    return out.toString();
  }

  static List<Integer> indices(JsonNode rule, String name) {
    List<Integer> out = new ArrayList<>();
    JsonNode refs = rule.path("backendRefs");
    for (int j = 0; j < refs.size(); j++) {
      if (name.equals(refs.get(j).path("name").asText())) {
        out.add(j);
      }
    }
    return out;
  }

  static int weight(JsonNode ref) {
    return ref.has("weight") ? ref.get("weight").asInt() : 1;
  }
}
