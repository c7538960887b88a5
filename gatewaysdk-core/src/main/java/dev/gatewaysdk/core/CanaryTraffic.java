package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The traffic a canary gets on a route, as {@link RouteManager#setCanaryTraffic} writes it: in
 * every rule that has both the stable and the canary backend (a "managed rule") the canary's weight
 * share in percent, a {@code RequestMirror} filter to the canary, the removal of the stable backend
 * after promotion, and A/B rules next to the managed rules that send requests matching a {@link
 * RequestMatch} to the canary. Nothing else on the route is touched.
 *
 * <p>A/B rules copy their managed rule (its matches, with the match's conditions added, and its
 * filters except mirrors) and send to the canary only. The rules an earlier traffic added are named
 * with {@link #withPreviousRules} so that those no longer wanted are removed and no one else's rule
 * is.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * CanaryTraffic t = CanaryTraffic.of("web-v1", "web-v2").withWeight(20).withMirror(50);
 * routes.setCanaryTraffic(RouteRef.httpRoute("shop", "web"), t);
 * }</pre>
 */
public final class CanaryTraffic {
  private final String stable;
  private final String canary;
  private final int weight;
  private final int mirror;
  private final boolean stableRemoved;
  private final List<RequestMatch> matches;
  private final List<JsonNode> previousRules;

  /** The session-affinity cookie's name, or null for none. */
  private final String affinityCookie;

  private final Duration affinityMaxAge;

  private CanaryTraffic(
      String stable,
      String canary,
      int weight,
      int mirror,
      boolean stableRemoved,
      List<RequestMatch> matches,
      List<JsonNode> previousRules,
      String affinityCookie,
      Duration affinityMaxAge) {
    this.affinityCookie = affinityCookie;
    this.affinityMaxAge = affinityMaxAge;
    this.stable = stable;
    this.canary = canary;
    this.weight = weight;
    this.mirror = mirror;
    this.stableRemoved = stableRemoved;
    this.matches = List.copyOf(matches);
    this.previousRules = List.copyOf(previousRules);
  }

  /**
   * All traffic to {@code stable}: canary weight 0, no mirror, no A/B rule.
   *
   * @throws IllegalArgumentException if a name is blank or both are the same
   */
  public static CanaryTraffic of(String stable, String canary) {
    if (stable == null || stable.isBlank() || canary == null || canary.isBlank()) {
      throw new IllegalArgumentException(
          "stable and canary must not be blank: " + stable + ", " + canary);
    }
    if (stable.equals(canary)) {
      throw new IllegalArgumentException("stable and canary must differ: " + stable);
    }
    return new CanaryTraffic(stable, canary, 0, 0, false, List.of(), List.of(), null, null);
  }

  /**
   * @throws IllegalArgumentException if {@code percent} is outside 0..100
   */
  public CanaryTraffic withWeight(int percent) {
    return new CanaryTraffic(
        stable,
        canary,
        percent("weight", percent),
        mirror,
        stableRemoved,
        matches,
        previousRules,
        affinityCookie,
        affinityMaxAge);
  }

  /**
   * Mirrors {@code percent} percent of the managed rules' requests to the canary (0: no mirror).
   */
  public CanaryTraffic withMirror(int percent) {
    return new CanaryTraffic(
        stable,
        canary,
        weight,
        percent("mirror", percent),
        stableRemoved,
        matches,
        previousRules,
        affinityCookie,
        affinityMaxAge);
  }

  /**
   * Removes the stable backend from the managed rules (after a promotion that keeps only the
   * canary).
   */
  public CanaryTraffic withStableRemoved(boolean removed) {
    return new CanaryTraffic(
        stable,
        canary,
        weight,
        mirror,
        removed,
        matches,
        previousRules,
        affinityCookie,
        affinityMaxAge);
  }

  /** One A/B rule per managed rule and match, sending the matching requests to the canary. */
  public CanaryTraffic withMatches(List<RequestMatch> matches) {
    return new CanaryTraffic(
        stable,
        canary,
        weight,
        mirror,
        stableRemoved,
        matches,
        previousRules,
        affinityCookie,
        affinityMaxAge);
  }

  /**
   * The A/B rules an earlier traffic added ({@link Edit#matchRules()}), removed where no longer
   * wanted.
   */
  public CanaryTraffic withPreviousRules(List<? extends JsonNode> rules) {
    return new CanaryTraffic(
        stable,
        canary,
        weight,
        mirror,
        stableRemoved,
        matches,
        new ArrayList<>(rules),
        affinityCookie,
        affinityMaxAge);
  }

  /**
   * Pins a client that reached the canary to it, as Flagger's session affinity does: while the
   * canary has a share between 0 and 100%, its responses set cookie {@code cookie=<canary>} (a
   * {@code ResponseHeaderModifier} on the canary's backendRef, {@code Max-Age} {@code maxAge}) and
   * an A/B rule sends requests carrying that cookie to the canary. At 0% (a rollback) or 100% both
   * are removed, so pinned clients follow the weights again.
   *
   * @throws IllegalArgumentException if {@code cookie} is not a cookie name or {@code maxAge} not
   *     positive
   */
  public CanaryTraffic withSessionAffinity(String cookie, Duration maxAge) {
    if (cookie == null || !cookie.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("not a cookie name: " + cookie);
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("cookie max age must be positive: " + maxAge);
    }
    return new CanaryTraffic(
        stable, canary, weight, mirror, stableRemoved, matches, previousRules, cookie, maxAge);
  }

  /** The session-affinity cookie's name, if {@link #withSessionAffinity} set one. */
  public java.util.Optional<String> sessionAffinity() {
    return java.util.Optional.ofNullable(affinityCookie);
  }

  private boolean affinityActive() {
    return affinityCookie != null && weight > 0 && weight < 100 && !stableRemoved;
  }

  /** The A/B matches, with the affinity cookie's while it is active. */
  private List<RequestMatch> effectiveMatches() {
    if (!affinityActive()) {
      return matches;
    }
    List<RequestMatch> all = new ArrayList<>(matches);
    all.add(RequestMatch.cookie(affinityCookie, canary));
    return all;
  }

  /** The canary backendRef's filter setting the affinity cookie. */
  private ObjectNode affinityFilter() {
    ObjectNode f = Json.mapper().createObjectNode().put("type", "ResponseHeaderModifier");
    f.putObject("responseHeaderModifier")
        .putArray("add")
        .addObject()
        .put("name", "Set-Cookie")
        .put(
            "value",
            affinityCookie + "=" + canary + "; Max-Age=" + affinityMaxAge.toSeconds() + "; Path=/");
    return f;
  }

  /** Index of the affinity filter among a backendRef's filters, or -1. */
  private int affinityFilterIndex(JsonNode backendRef) {
    JsonNode filters = backendRef.path("filters");
    for (int k = 0; k < filters.size(); k++) {
      for (JsonNode h : filters.get(k).path("responseHeaderModifier").path("add")) {
        if ("set-cookie".equalsIgnoreCase(h.path("name").asText())
            && h.path("value").asText().startsWith(affinityCookie + "=")) {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * Adds, replaces or removes the affinity filter on the canary's backendRef {@code j} of rule
   * {@code i}.
   */
  private void setAffinity(
      ArrayNode ops, List<String> changes, String rp, int i, JsonNode ref, int j) {
    if (affinityCookie == null) {
      return;
    }
    int at = affinityFilterIndex(ref);
    String path = rp + "/backendRefs/" + j + "/filters";
    if (affinityActive()) {
      ObjectNode want = affinityFilter();
      if (at < 0) {
        if (ref.path("filters").isArray()) {
          ops.addObject().put("op", "add").put("path", path + "/-").set("value", want);
        } else {
          ops.addObject()
              .put("op", "add")
              .put("path", path)
              .set("value", Json.mapper().createArrayNode().add(want));
        }
        changes.add("rules[" + i + "] " + canary + " + session affinity cookie " + affinityCookie);
      } else if (!ref.path("filters").get(at).equals(want)) {
        ops.addObject().put("op", "replace").put("path", path + "/" + at).set("value", want);
        changes.add("rules[" + i + "] " + canary + " session affinity cookie " + affinityCookie);
      }
    } else if (at >= 0) {
      ops.addObject()
          .put("op", "remove")
          .put("path", ref.path("filters").size() == 1 ? path : path + "/" + at);
      changes.add("rules[" + i + "] " + canary + " - session affinity cookie " + affinityCookie);
    }
  }

  public String stable() {
    return stable;
  }

  public String canary() {
    return canary;
  }

  public int weight() {
    return weight;
  }

  public int mirror() {
    return mirror;
  }

  public boolean stableRemoved() {
    return stableRemoved;
  }

  public List<RequestMatch> matches() {
    return matches;
  }

  private static int percent(String what, int p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException(what + " must be 0..100: " + p);
    }
    return p;
  }

  // -------------------------------------------------------------------------------------------
  // reading

  /** Indices of the rules of {@code route} (a route object or its JSON) that have both backends. */
  public List<Integer> managedRules(Object route) {
    return managed(Json.tree(route).path("spec").path("rules"));
  }

  /**
   * The canary's share in percent of the first managed rule of {@code route}; 0 when there is none.
   */
  public int observedWeight(Object route) {
    JsonNode rules = Json.tree(route).path("spec").path("rules");
    List<Integer> m = managed(rules);
    if (m.isEmpty()) {
      return 0;
    }
    JsonNode rule = rules.get(m.get(0));
    long s = weightOf(rule.path("backendRefs").get(indices(rule, stable).get(0)));
    long c = weightOf(rule.path("backendRefs").get(indices(rule, canary).get(0)));
    return s + c == 0 ? 0 : (int) Math.round(100.0 * c / (s + c));
  }

  /**
   * Where {@code route} differs from this traffic, one description each: a managed weight, a
   * missing or changed mirror, a missing A/B rule, no managed rule at all; empty when it carries
   * this traffic. With the stable backend removed there is nothing left to compare.
   */
  public List<String> differences(Object route, String kind) {
    JsonNode r = Json.tree(route);
    List<String> diffs = new ArrayList<>();
    if (stableRemoved) {
      return diffs;
    }
    JsonNode rules = r.path("spec").path("rules");
    List<Integer> managed = managed(rules);
    if (managed.isEmpty()) {
      diffs.add("no rule has both " + stable + " and " + canary + " any more");
      return diffs;
    }
    for (int i : managed) {
      JsonNode refs = rules.get(i).path("backendRefs");
      for (int j : indices(rules.get(i), stable)) {
        if (weightOf(refs.get(j)) != 100 - weight) {
          diffs.add(
              "rules["
                  + i
                  + "] "
                  + stable
                  + " weight "
                  + weightOf(refs.get(j))
                  + ", expected "
                  + (100 - weight));
        }
      }
      for (int j : indices(rules.get(i), canary)) {
        if (weightOf(refs.get(j)) != weight) {
          diffs.add(
              "rules["
                  + i
                  + "] "
                  + canary
                  + " weight "
                  + weightOf(refs.get(j))
                  + ", expected "
                  + weight);
        }
        if (affinityActive() && affinityFilterIndex(refs.get(j)) < 0) {
          diffs.add("rules[" + i + "] " + canary + " session affinity cookie missing");
        }
      }
      List<Integer> mirrors = mirrors(rules.get(i));
      if (mirror > 0 && mirrors.isEmpty()) {
        diffs.add("rules[" + i + "] mirror " + mirror + "% to " + canary + " missing");
      } else if (mirror > 0
          && !rules
              .get(i)
              .path("filters")
              .get(mirrors.get(0))
              .equals(mirrorFilter(rules.get(i), mirror))) {
        diffs.add(
            "rules["
                + i
                + "] mirror to "
                + canary
                + " changed: "
                + rules.get(i).path("filters").get(mirrors.get(0)));
      } else if (mirror == 0 && !mirrors.isEmpty()) {
        diffs.add("rules[" + i + "] mirror to " + canary + " added");
      }
    }
    List<JsonNode> present = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!managed.contains(i)) {
        present.add(rules.get(i));
      }
    }
    for (JsonNode wanted : matchRules(rules, managed, "GRPCRoute".equals(kind))) {
      JsonNode found = null;
      for (JsonNode p : present) {
        if (Json.contains(p, wanted)) {
          found = p;
          break;
        }
      }
      for (JsonNode p : found == null ? present : List.<JsonNode>of()) {
        // a rule an earlier traffic added, written in an older form: the next edit replaces it,
        // nobody removed it
        for (JsonNode previous : previousRules) {
          if (found == null && Json.contains(p, previous) && sameBackends(p, wanted)) {
            found = p;
          }
        }
      }
      if (found == null) {
        diffs.add("A/B rule " + describeMatches(wanted) + " -> " + canary + " missing");
      } else {
        present.remove(found);
      }
    }
    return diffs;
  }

  // -------------------------------------------------------------------------------------------
  // writing

  /** The patch that brings one route to a {@link CanaryTraffic}, and what it does. */
  public static final class Edit {
    private final ArrayNode patch;
    private final List<String> descriptions;
    private final List<JsonNode> matchRules;

    Edit(ArrayNode patch, List<String> descriptions, List<JsonNode> matchRules) {
      this.patch = patch;
      this.descriptions = List.copyOf(descriptions);
      this.matchRules = List.copyOf(matchRules);
    }

    /**
     * The JSON patch (RFC 6902), every rule it changes guarded by a {@code test} of its content as
     * read.
     */
    public ArrayNode patch() {
      return patch.deepCopy();
    }

    /**
     * What the patch changes, one line each ({@code "rules[0] web-v2: 0 -> 10"}); empty when
     * nothing.
     */
    public List<String> descriptions() {
      return descriptions;
    }

    /**
     * The A/B rules the traffic wants on the route (give them to {@link #withPreviousRules} next
     * time).
     */
    public List<JsonNode> matchRules() {
      return matchRules;
    }

    /** Whether the patch changes anything. */
    public boolean writes() {
      for (JsonNode op : patch) {
        if (!"test".equals(op.path("op").asText())) {
          return true;
        }
      }
      return false;
    }
  }

  /** The edit bringing {@code route} (of {@code kind}) to this traffic; nothing is sent. */
  public Edit editFor(Object route, String kind) {
    JsonNode r = Json.tree(route);
    ArrayNode ops = Json.mapper().createArrayNode();
    List<String> changes = new ArrayList<>();
    JsonNode rules = r.path("spec").path("rules");
    List<Integer> managed = managed(rules);
    List<JsonNode> wanted = matchRules(rules, managed, "GRPCRoute".equals(kind));
    List<JsonNode> known = new ArrayList<>(previousRules);
    known.addAll(wanted);

    for (int i : managed) {
      ops.addObject().put("op", "test").put("path", "/spec/rules/" + i).set("value", rules.get(i));
    }
    for (int i : managed) {
      JsonNode rule = rules.get(i);
      String rp = "/spec/rules/" + i;
      JsonNode refs = rule.path("backendRefs");
      for (int j : indices(rule, canary)) {
        setWeight(ops, changes, rp, i, refs.get(j), j, weight);
        setAffinity(ops, changes, rp, i, refs.get(j), j);
      }
      List<Integer> st = indices(rule, stable);
      if (stableRemoved) {
        for (int k = st.size() - 1; k >= 0; k--) {
          ops.addObject().put("op", "remove").put("path", rp + "/backendRefs/" + st.get(k));
          changes.add("rules[" + i + "] - backend " + stable);
        }
      } else {
        for (int j : st) {
          setWeight(ops, changes, rp, i, refs.get(j), j, 100 - weight);
        }
      }
      JsonNode filters = rule.path("filters");
      List<Integer> mirrors = mirrors(rule);
      if (mirror > 0) {
        ObjectNode filter = mirrorFilter(rule, mirror);
        if (mirrors.isEmpty()) {
          if (filters.isArray()) {
            ops.addObject().put("op", "add").put("path", rp + "/filters/-").set("value", filter);
          } else {
            ops.addObject()
                .put("op", "add")
                .put("path", rp + "/filters")
                .set("value", Json.mapper().createArrayNode().add(filter));
          }
          changes.add("rules[" + i + "] + mirror " + mirror + "% to " + canary);
        } else if (!filters.get(mirrors.get(0)).equals(filter)) {
          ops.addObject()
              .put("op", "replace")
              .put("path", rp + "/filters/" + mirrors.get(0))
              .set("value", filter);
          changes.add("rules[" + i + "] mirror " + mirror + "% to " + canary);
        }
      } else {
        for (int k = mirrors.size() - 1; k >= 0; k--) {
          ops.addObject().put("op", "remove").put("path", rp + "/filters/" + mirrors.get(k));
          changes.add("rules[" + i + "] - mirror to " + canary);
        }
      }
    }
    // A/B rules: remove those no longer wanted (descending), then append the missing ones
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (managed.contains(i)) {
        continue;
      }
      for (JsonNode k : known) {
        if (Json.contains(rules.get(i), k)) {
          present.add(i);
          break;
        }
      }
    }
    List<JsonNode> satisfied = new ArrayList<>();
    List<Integer> remove = new ArrayList<>();
    for (int i : present) {
      JsonNode match = null;
      for (JsonNode w : wanted) {
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
      changes.add("- rules[" + i + "] (A/B rule to " + canary + ")");
    }
    for (JsonNode w : wanted) {
      if (!satisfied.contains(w)) {
        ops.addObject().put("op", "add").put("path", "/spec/rules/-").set("value", w);
        changes.add("+ rule " + describeMatches(w) + " -> " + canary);
      }
    }
    return new Edit(ops, changes, wanted);
  }

  private List<JsonNode> matchRules(JsonNode rules, List<Integer> managed, boolean grpc) {
    List<JsonNode> out = new ArrayList<>();
    for (RequestMatch m : effectiveMatches()) {
      for (int i : managed) {
        out.add(matchRule(rules.get(i), m, grpc));
      }
    }
    return out;
  }

  private void setWeight(
      ArrayNode ops, List<String> changes, String rp, int i, JsonNode entry, int j, int w) {
    if (entry.has("weight") && entry.get("weight").asInt() == w) {
      return;
    }
    ops.addObject()
        .put("op", "add")
        .put("path", rp + "/backendRefs/" + j + "/weight")
        .put("value", w);
    changes.add(
        "rules[" + i + "] " + entry.path("name").asText() + ": " + weightOf(entry) + " -> " + w);
  }

  private List<Integer> mirrors(JsonNode rule) {
    List<Integer> out = new ArrayList<>();
    JsonNode filters = rule.path("filters");
    for (int f = 0; f < filters.size(); f++) {
      JsonNode fl = filters.get(f);
      if ("RequestMirror".equals(fl.path("type").asText())
          && canary.equals(fl.path("requestMirror").path("backendRef").path("name").asText())) {
        out.add(f);
      }
    }
    return out;
  }

  private ObjectNode mirrorFilter(JsonNode rule, int percent) {
    JsonNode canaryRef = rule.path("backendRefs").get(indices(rule, canary).get(0));
    ObjectNode f = Json.mapper().createObjectNode().put("type", "RequestMirror");
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

  private ObjectNode matchRule(JsonNode managed, RequestMatch match, boolean grpc) {
    ObjectNode rule = Json.mapper().createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = managed.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "name":
        case "matches":
        case "backendRefs":
          break;
        case "filters":
          {
            ArrayNode kept = Json.mapper().createArrayNode();
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
    List<JsonNode> base = new ArrayList<>();
    managed.path("matches").forEach(base::add);
    if (base.isEmpty()) {
      base.add(Json.mapper().createObjectNode());
    }
    for (JsonNode o : base) {
      ms.add(match.addTo(o.deepCopy(), grpc ? RouteRef.GRPC_ROUTE : RouteRef.HTTP_ROUTE));
    }
    ObjectNode ref = null;
    for (JsonNode b : managed.path("backendRefs")) {
      if (canary.equals(b.path("name").asText())) {
        ref = ((ObjectNode) b).deepCopy();
        break;
      }
    }
    ref = ref == null ? Json.mapper().createObjectNode().put("name", canary) : ref;
    ref.remove("weight");
    int affinity = affinityCookie == null ? -1 : affinityFilterIndex(ref);
    if (affinity >= 0) {
      // the A/B rule stays the same whether or not the managed rule already sets the cookie
      ((ArrayNode) ref.get("filters")).remove(affinity);
      if (ref.get("filters").isEmpty()) {
        ref.remove("filters");
      }
    }
    rule.putArray("backendRefs").add(ref);
    return rule;
  }

  private static boolean sameBackends(JsonNode a, JsonNode b) {
    return a.path("backendRefs").size() == b.path("backendRefs").size()
        && a.path("backendRefs")
            .path(0)
            .path("name")
            .equals(b.path("backendRefs").path(0).path("name"));
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

  private List<Integer> managed(JsonNode rules) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!indices(rules.get(i), stable).isEmpty() && !indices(rules.get(i), canary).isEmpty()) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> indices(JsonNode rule, String name) {
    return RouteManager.backendIndices(rule, name);
  }

  private static int weightOf(JsonNode ref) {
    return RouteManager.weightOf(ref);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanaryTraffic
        && toString().equals(o.toString())
        && previousRules.equals(((CanaryTraffic) o).previousRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString(), previousRules);
  }

  @Override
  public String toString() {
    return "CanaryTraffic{"
        + stable
        + " -> "
        + canary
        + " "
        + weight
        + "%"
        + (mirror > 0 ? ", mirror " + mirror + "%" : "")
        + (stableRemoved ? ", stable removed" : "")
        + (matches.isEmpty() ? "" : ", A/B " + matches)
        + "}";
  }
}
