package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.ApiRouteStore;
import dev.gatewaysdk.core.internal.Json;
import dev.gatewaysdk.core.internal.JsonPatch;
import dev.gatewaysdk.core.internal.RouteStore;
import dev.gatewaysdk.model.CrdSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Traffic operations on HTTPRoutes and GRPCRoutes: canary routes and weights, traffic shifts,
 * backends, rules, header/cookie/query A/B rules, request mirrors, parent attachment and redirects.
 *
 * <p>Every operation is <b>surgical</b>: it sends one JSON patch that touches only the backends,
 * rules, filters or parents it names, guarded by {@code test} operations on exactly the values it
 * read there. All other rules, filters, matches and fields unknown to this SDK stay as they were. A
 * concurrent change to what the operation touches makes a guard fail; the manager then re-reads the
 * route and re-applies the intent (at most {@link #maxAttempts()} times), so no update is lost.
 * Operations state an intent ("canary gets weight 25"): asking for what is already there writes
 * nothing.
 *
 * <p>With a route whose state is known ({@link RouteRef#from(Object)} on an informer-cached object,
 * or {@link RouteChange#ref()} of a previous change) a change takes one request; otherwise a read
 * and a patch.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * RouteManager routes = RouteManager.create(client);
 * RouteRef ref = RouteRef.httpRoute("shop", "storefront");
 * RouteChange c = routes.shiftTraffic(ref, "storefront-v1", "storefront-v2", 25);
 * System.out.println(c.weights()); // [rules[0] storefront-v1: 95 -> 75, rules[0] storefront-v2: 5 -> 25]
 * routes.addMatchRule(ref, RequestMatch.header("x-canary", "always"), Backend.service("storefront-v2", 8080));
 * }</pre>
 */
public final class RouteManager {
  private static final String DEFAULT_FIELD_MANAGER = "gatewaysdk-route-manager";

  private final RouteStore store;
  private final boolean dryRun;
  private final int maxAttempts;

  RouteManager(RouteStore store, boolean dryRun, int maxAttempts) {
    this.store = Objects.requireNonNull(store, "store");
    this.dryRun = dryRun;
    this.maxAttempts = maxAttempts;
  }

  /** A manager writing as field manager {@code gatewaysdk-route-manager}. */
  public static RouteManager create(GatewayApiClient client) {
    return create(client, DEFAULT_FIELD_MANAGER);
  }

  public static RouteManager create(GatewayApiClient client, String fieldManager) {
    if (fieldManager == null || fieldManager.isBlank()) {
      throw new IllegalArgumentException("fieldManager must not be blank: " + fieldManager);
    }
    return new RouteManager(
        new ApiRouteStore(client.raw(), client.fieldCheck(), fieldManager), false, 10);
  }

  /** A manager whose changes the server validates but does not store ({@code dryRun=All}). */
  public RouteManager withDryRun(boolean dryRun) {
    return new RouteManager(store, dryRun, maxAttempts);
  }

  /**
   * A manager that gives up after {@code maxAttempts} failed guards (default 10).
   *
   * @throws IllegalArgumentException if {@code maxAttempts < 1}
   */
  public RouteManager withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    return new RouteManager(store, dryRun, maxAttempts);
  }

  public boolean dryRun() {
    return dryRun;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  // ----------------------------------------------------------------------------------------------
  // canary

  /**
   * Creates the canary route; if it exists already with this content (server defaults aside),
   * returns it unchanged.
   *
   * @throws AlreadyExistsException if a different route of that name exists
   * @throws UnsupportedByClusterException if the cluster does not serve the route's kind
   */
  public RouteChange createCanaryRoute(CanaryRoute spec) {
    RouteRef ref = spec.ref();
    ObjectNode route = Json.mapper().createObjectNode();
    route.put("apiVersion", store.apiVersion(spec.kind())).put("kind", spec.kind());
    route.putObject("metadata").put("name", ref.name()).put("namespace", ref.namespace());
    ObjectNode specNode = route.putObject("spec");
    specNode.putArray("parentRefs").add(spec.parent().toJson());
    if (!spec.hostnames().isEmpty()) {
      ArrayNode h = specNode.putArray("hostnames");
      spec.hostnames().forEach(h::add);
    }
    ObjectNode rule = specNode.putArray("rules").addObject();
    spec.pathPrefix()
        .ifPresent(
            p ->
                rule.putArray("matches")
                    .addObject()
                    .putObject("path")
                    .put("type", "PathPrefix")
                    .put("value", p));
    rule.putArray("backendRefs").add(spec.stable().toJson(true)).add(spec.canary().toJson(true));
    List<WeightChange> weights =
        List.of(
            new WeightChange(0, spec.stable().name(), 0, spec.stable().weight().getAsInt()),
            new WeightChange(0, spec.canary().name(), 0, spec.canary().weight().getAsInt()));
    try {
      ObjectNode created = store.create(spec.kind(), ref.namespace(), route, dryRun);
      return new RouteChange(
          dryRun ? ref : RouteRef.from(created),
          true,
          dryRun,
          1,
          1,
          "",
          rv(created),
          weights,
          List.of("created " + ref),
          Json.mapper().createArrayNode(),
          created);
    } catch (AlreadyExistsException e) {
      ObjectNode existing = store.get(spec.kind(), ref.namespace(), ref.name());
      if (Json.contains(existing.path("spec"), specNode)) {
        return new RouteChange(
            RouteRef.from(existing),
            false,
            dryRun,
            1,
            2,
            rv(existing),
            rv(existing),
            List.of(),
            List.of(),
            Json.mapper().createArrayNode(),
            existing);
      }
      throw e;
    }
  }

  /**
   * Sets the weights of the stable and canary backends, in every rule that has them.
   *
   * @throws IllegalArgumentException if a weight is outside 0..1000000 or a backend is not in the
   *     route
   */
  public RouteChange updateCanaryWeight(
      RouteRef route, String stable, int stableWeight, String canary, int canaryWeight) {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put(stable, stableWeight);
    w.put(canary, canaryWeight);
    return setWeights(route, w);
  }

  /**
   * Brings the route to {@code traffic}: canary weight share, mirror, stable removal and A/B rules
   * in the rules that have both backends ({@link CanaryTraffic}). Asking for what is there writes
   * nothing.
   */
  public RouteChange setCanaryTraffic(RouteRef route, CanaryTraffic traffic) {
    return setCanaryTraffic(route, traffic, (r, e) -> Map.of());
  }

  /**
   * {@link #setCanaryTraffic(RouteRef, CanaryTraffic)} and, in the same patch, the annotations
   * {@code annotations} computes from the route as read and the planned edit (a {@code null} value
   * removes one), so that a controller's record of a change is written atomically with it. Each
   * annotation written or removed is guarded by its value as read (an absent one by the route's
   * resourceVersion). Called again on each attempt; an exception it throws ends the change and
   * propagates.
   */
  public RouteChange setCanaryTraffic(
      RouteRef route,
      CanaryTraffic traffic,
      BiFunction<ObjectNode, CanaryTraffic.Edit, Map<String, String>> annotations) {
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(annotations, "annotations");
    return run(
        route,
        plan -> {
          CanaryTraffic.Edit edit = traffic.editFor(plan.route, plan.ref.kind());
          for (JsonNode op : edit.patch()) {
            String path = op.path("path").asText();
            switch (op.path("op").asText()) {
              case "test":
                plan.patch.test(path, op.path("value"));
                break;
              case "add":
                plan.patch.add(path, op.path("value"));
                break;
              case "replace":
                plan.patch.replace(path, op.path("value"));
                break;
              default:
                plan.patch.remove(path);
            }
          }
          edit.descriptions().forEach(plan::describe);
          plan.setAnnotations(annotations.apply(plan.route.deepCopy(), edit));
        });
  }

  /**
   * Sets the annotations {@code annotations} computes from the route as read (a {@code null} value
   * removes one), each guarded by its value as read (an absent one by the route's resourceVersion):
   * a concurrent change of one of them makes the manager read again and call {@code annotations}
   * again. An exception it throws ends the change and propagates.
   *
   * <pre>{@code
   * routes.annotate(ref, route -> Map.of("example.com/owner", "team-a"));
   * }</pre>
   */
  public RouteChange annotate(
      RouteRef route, java.util.function.Function<ObjectNode, Map<String, String>> annotations) {
    Objects.requireNonNull(annotations, "annotations");
    return run(route, plan -> plan.setAnnotations(annotations.apply(plan.route.deepCopy())));
  }

  // ---------------------------------------------------------------------------------------------
  // weights

  /**
   * Sets backend weights (by backend name) in every rule that references those backends. Backends
   * not named keep their weights.
   *
   * @throws IllegalArgumentException if a weight is outside 0..1000000 or a named backend is in no
   *     rule
   */
  public RouteChange setWeights(RouteRef route, Map<String, Integer> weights) {
    return setWeights(route, null, weights);
  }

  /** {@link #setWeights(RouteRef, Map)} restricted to the selected rules. */
  public RouteChange setWeights(RouteRef route, RuleSelector rules, Map<String, Integer> weights) {
    Map<String, Integer> w = new LinkedHashMap<>(weights);
    if (w.isEmpty()) {
      throw new IllegalArgumentException("weights must name at least one backend");
    }
    w.values().forEach(Backend::checkWeight);
    return run(
        route,
        plan -> {
          List<Integer> selected =
              rules == null ? rulesWithAny(plan.rules(), w.keySet()) : rules.select(plan.rules());
          for (String backend : w.keySet()) {
            boolean found = false;
            for (int i : selected) {
              found |= !backendIndices(plan.rules().get(i), backend).isEmpty();
            }
            if (!found) {
              throw new IllegalArgumentException(
                  "backend "
                      + backend
                      + " is not in "
                      + (rules == null ? "any rule" : rules)
                      + " of "
                      + plan.ref
                      + "; add it with addBackend");
            }
          }
          for (int i : selected) {
            for (Map.Entry<String, Integer> e : w.entrySet()) {
              for (int j : backendIndices(plan.rules().get(i), e.getKey())) {
                plan.setWeight(i, j, e.getValue());
              }
            }
          }
        });
  }

  /** {@link #setWeights(RouteRef, Map)} on each route in turn; not atomic across routes. */
  public List<RouteChange> setWeights(Collection<RouteRef> routes, Map<String, Integer> weights) {
    List<RouteChange> out = new ArrayList<>();
    for (RouteRef r : routes) {
      out.add(setWeights(r, weights));
    }
    return out;
  }

  /**
   * Splits the traffic two backends receive together so that {@code to} gets {@code percent}
   * percent and {@code from} the rest, in every rule that has both: 95/5 shifted to 25 becomes
   * 75/25. Other backends keep their weights. When both weights are 0 the pair's total becomes 100.
   *
   * @throws IllegalArgumentException if {@code percent} is outside 0..100 or no rule has both
   *     backends
   */
  public RouteChange shiftTraffic(RouteRef route, String from, String to, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100: " + percent);
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to must differ: " + from);
    }
    return run(
        route,
        plan -> {
          boolean any = false;
          for (int i = 0; i < plan.rules().size(); i++) {
            JsonNode rule = plan.rules().get(i);
            List<Integer> f = backendIndices(rule, from);
            List<Integer> t = backendIndices(rule, to);
            if (f.isEmpty() || t.isEmpty()) {
              continue;
            }
            any = true;
            int wf = weightOf(rule.path("backendRefs").get(f.get(0)));
            int wt = weightOf(rule.path("backendRefs").get(t.get(0)));
            long total = (long) wf + wt == 0 ? 100 : (long) wf + wt;
            int newTo = (int) Math.round(total * percent / 100.0);
            int newFrom = (int) (total - newTo);
            f.forEach(j -> plan.setWeight(plan.index(rule), j, newFrom));
            t.forEach(j -> plan.setWeight(plan.index(rule), j, newTo));
          }
          if (!any) {
            throw new IllegalArgumentException(
                "no rule of " + plan.ref + " has both " + from + " and " + to);
          }
        });
  }

  /** {@link #shiftTraffic(RouteRef, String, String, int)} on each route in turn. */
  public List<RouteChange> shiftTraffic(
      Collection<RouteRef> routes, String from, String to, int percent) {
    List<RouteChange> out = new ArrayList<>();
    for (RouteRef r : routes) {
      out.add(shiftTraffic(r, from, to, percent));
    }
    return out;
  }

  // --------------------------------------------------------------------------------------------
  // backends

  /**
   * Adds {@code backend} to every rule that has backends (or to the only rule); where it is present
   * already only its weight is set, if given.
   *
   * @throws IllegalArgumentException if the route has several rules and none has backends
   */
  public RouteChange addBackend(RouteRef route, Backend backend) {
    return addBackend(route, null, backend);
  }

  /** {@link #addBackend(RouteRef, Backend)} on the selected rules. */
  public RouteChange addBackend(RouteRef route, RuleSelector rules, Backend backend) {
    return run(
        route,
        plan -> {
          List<Integer> selected =
              rules != null ? rules.select(plan.rules()) : rulesWithBackends(plan.rules());
          if (selected.isEmpty() && rules == null && plan.rules().size() == 1) {
            selected = List.of(0);
          }
          if (selected.isEmpty()) {
            throw new IllegalArgumentException(
                "no rule of "
                    + plan.ref
                    + " selected for "
                    + backend
                    + " ("
                    + (rules == null ? "rules with backends" : rules)
                    + ")");
          }
          for (int i : selected) {
            JsonNode rule = plan.rules().get(i);
            List<Integer> present = new ArrayList<>();
            JsonNode refs = rule.path("backendRefs");
            for (int j = 0; j < refs.size(); j++) {
              if (backend.matches(refs.get(j), plan.ref.namespace())) {
                present.add(j);
              }
            }
            if (!present.isEmpty()) {
              if (backend.weight().isPresent()) {
                present.forEach(j -> plan.setWeight(i, j, backend.weight().getAsInt()));
              }
              continue;
            }
            plan.appendTo(plan.rulePath(i), rule, "backendRefs", backend.toJson(true));
            plan.describe("rules[" + i + "] + backend " + backend);
            if (backend.weight().isPresent()) {
              plan.weights.add(new WeightChange(i, backend.name(), 0, backend.weight().getAsInt()));
            }
          }
        });
  }

  /** Removes backends of that name from every rule; nothing happens if none has it. */
  public RouteChange removeBackend(RouteRef route, String backendName) {
    return removeBackend(route, RuleSelector.all(), backendName);
  }

  /** {@link #removeBackend(RouteRef, String)} on the selected rules. */
  public RouteChange removeBackend(RouteRef route, RuleSelector rules, String backendName) {
    return run(
        route,
        plan -> {
          for (int i : rules.select(plan.rules())) {
            List<Integer> idx = backendIndices(plan.rules().get(i), backendName);
            for (int k = idx.size() - 1; k >= 0; k--) {
              plan.removeAt(
                  plan.rulePath(i) + "/backendRefs/" + idx.get(k),
                  plan.rules().get(i).path("backendRefs").get(idx.get(k)));
              plan.describe("rules[" + i + "] - backend " + backendName);
            }
          }
        });
  }

  // -----------------------------------------------------------------------------------------------
  // rules

  /**
   * Adds a rule (a typed rule object or its JSON). If a rule with the same content exists (server
   * defaults aside) nothing is written; if the rule has a {@code name} and a rule of that name
   * exists, that rule is replaced.
   */
  public RouteChange addRule(RouteRef route, Object rule) {
    JsonNode tree = rule instanceof JsonNode ? (JsonNode) rule : Json.mapper().valueToTree(rule);
    if (!(tree instanceof ObjectNode)) {
      throw new IllegalArgumentException("rule must be a JSON object: " + rule);
    }
    ObjectNode r = (ObjectNode) tree.deepCopy();
    return run(route, plan -> plan.upsertRule(r));
  }

  /** Removes the selected rules; nothing happens if none is selected. */
  public RouteChange removeRule(RouteRef route, RuleSelector rules) {
    return run(
        route,
        plan -> {
          List<Integer> selected = rules.select(plan.rules());
          for (int k = selected.size() - 1; k >= 0; k--) {
            int i = selected.get(k);
            plan.removeAt(plan.rulePath(i), plan.rules().get(i));
            plan.describe("- rules[" + i + "]");
          }
        });
  }

  /**
   * Adds a rule sending requests that match {@code match} to {@code backend} (A/B tests, "canary
   * for testers"). The rule is added once; calling again with the same match and backend writes
   * nothing.
   *
   * @throws IllegalArgumentException if the route kind cannot express the match
   */
  public RouteChange addMatchRule(RouteRef route, RequestMatch match, Backend backend) {
    ObjectNode rule = Json.mapper().createObjectNode();
    rule.putArray("matches").add(match.toJson(route.kind()));
    rule.putArray("backendRefs").add(backend.toJson(true));
    return run(route, plan -> plan.upsertRule(rule));
  }

  /** {@link #addMatchRule(RouteRef, RequestMatch, Backend)} as a rule named {@code ruleName}. */
  public RouteChange addMatchRule(
      RouteRef route, String ruleName, RequestMatch match, Backend backend) {
    ObjectNode rule = Json.mapper().createObjectNode();
    rule.put("name", ruleName);
    rule.putArray("matches").add(match.toJson(route.kind()));
    rule.putArray("backendRefs").add(backend.toJson(true));
    return run(route, plan -> plan.upsertRule(rule));
  }

  /**
   * Adds a rule redirecting requests that match {@code match} (HTTPRoute only).
   *
   * @throws IllegalArgumentException for a GRPCRoute
   */
  public RouteChange addRedirectRule(RouteRef route, RequestMatch match, Redirect redirect) {
    if (!RouteRef.HTTP_ROUTE.equals(route.kind())) {
      throw new IllegalArgumentException("redirects exist on HTTPRoute only: " + route);
    }
    ObjectNode rule = Json.mapper().createObjectNode();
    rule.putArray("matches").add(match.toJson(route.kind()));
    rule.putArray("filters").add(redirect.toFilterJson());
    return run(route, plan -> plan.upsertRule(rule));
  }

  // ---------------------------------------------------------------------------------------------
  // mirrors

  /**
   * Mirrors {@code percent} percent of the selected rules' requests to {@code mirror} (a {@code
   * RequestMirror} filter; at 100 percent without the {@code percent} field, which older releases
   * lack). An existing mirror to the same backend is updated.
   *
   * @throws UnsupportedByClusterException if {@code percent < 100} and the cluster's schema has no
   *     {@code requestMirror.percent}
   */
  public RouteChange setMirror(RouteRef route, RuleSelector rules, Backend mirror, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100: " + percent);
    }
    ObjectNode filter = Json.mapper().createObjectNode();
    filter.put("type", "RequestMirror");
    ObjectNode rm = filter.putObject("requestMirror");
    rm.set("backendRef", mirror.toJson(false));
    if (percent < 100) {
      if (store.hasField(route.kind(), "spec.rules.filters.requestMirror.percent").orElse(true)
          == Boolean.FALSE) {
        throw new UnsupportedByClusterException(
            route.kind()
                + " field spec.rules[].filters[].requestMirror.percent (mirroring "
                + percent
                + "% of requests) is not served by this cluster ("
                + store.describeCluster()
                + "); install a newer Gateway API release ("
                + CrdSource.LATEST_RELEASE
                + " serves it) or mirror 100%");
      }
      rm.put("percent", percent);
    }
    return run(
        route,
        plan -> {
          List<Integer> selected = rules.select(plan.rules());
          if (selected.isEmpty()) {
            throw new IllegalArgumentException("no rule of " + plan.ref + " is " + rules);
          }
          for (int i : selected) {
            JsonNode rule = plan.rules().get(i);
            JsonNode filters = rule.path("filters");
            boolean done = false;
            for (int f = 0; f < filters.size(); f++) {
              JsonNode existing = filters.get(f);
              if ("RequestMirror".equals(existing.path("type").asText())
                  && mirror.matches(
                      existing.path("requestMirror").path("backendRef"), plan.ref.namespace())) {
                done = true;
                ObjectNode updated = existing.deepCopy();
                ObjectNode urm = (ObjectNode) updated.path("requestMirror");
                urm.remove("percent");
                urm.remove("fraction");
                if (percent < 100) {
                  urm.put("percent", percent);
                }
                if (!updated.equals(existing)) {
                  String p = plan.rulePath(i) + "/filters/" + f;
                  plan.patch.test(p, existing).replace(p, updated);
                  plan.describe("rules[" + i + "] mirror " + mirror.name() + " " + percent + "%");
                }
              }
            }
            if (!done) {
              plan.appendTo(plan.rulePath(i), rule, "filters", filter);
              plan.describe("rules[" + i + "] + mirror " + mirror.name() + " " + percent + "%");
            }
          }
        });
  }

  /** Removes every {@code RequestMirror} filter of the selected rules. */
  public RouteChange clearMirror(RouteRef route, RuleSelector rules) {
    return run(
        route,
        plan -> {
          for (int i : rules.select(plan.rules())) {
            JsonNode filters = plan.rules().get(i).path("filters");
            for (int f = filters.size() - 1; f >= 0; f--) {
              if ("RequestMirror".equals(filters.get(f).path("type").asText())) {
                plan.removeAt(plan.rulePath(i) + "/filters/" + f, filters.get(f));
                plan.describe(
                    "rules["
                        + i
                        + "] - mirror "
                        + filters
                            .get(f)
                            .path("requestMirror")
                            .path("backendRef")
                            .path("name")
                            .asText());
              }
            }
          }
        });
  }

  // ----------------------------------------------------------------------------------------------
  // custom

  /**
   * Sends the JSON patch (RFC 6902: {@code test}, {@code add}, {@code replace}, {@code remove})
   * that {@code edit} computes from the route's current state, for callers that need several edits
   * in one atomic write, such as weights and annotations together. {@code edit} receives a copy of
   * the route and should guard what it changes with {@code test} operations; when a guard fails the
   * route is read again and {@code edit} called again (at most {@link #maxAttempts()} times). An
   * exception thrown by {@code edit} ends the change and propagates. A patch without writes writes
   * nothing.
   *
   * <pre>{@code
   * routes.patch(ref, route -> ops);   // ops: [{"op":"test",...},{"op":"add","path":"/metadata/annotations/x",...}]
   * }</pre>
   *
   * @throws IllegalArgumentException if the patch has another operation or a path that is not a
   *     string
   * @throws ConflictException if guards kept failing {@link #maxAttempts()} times
   */
  public RouteChange patch(
      RouteRef route, java.util.function.Function<ObjectNode, ? extends JsonNode> edit) {
    Objects.requireNonNull(edit, "edit");
    return run(
        route,
        plan -> {
          JsonNode ops = edit.apply(plan.route.deepCopy());
          for (JsonNode op : ops == null ? Json.mapper().createArrayNode() : ops) {
            String path = op.path("path").isTextual() ? op.path("path").asText() : null;
            String kind = op.path("op").asText();
            if (path == null) {
              throw new IllegalArgumentException("patch operation without a string path: " + op);
            }
            switch (kind) {
              case "test":
                plan.patch.test(path, op.path("value"));
                break;
              case "add":
                plan.patch.add(path, op.path("value"));
                plan.describe("add " + path);
                break;
              case "replace":
                plan.patch.replace(path, op.path("value"));
                plan.describe("replace " + path);
                break;
              case "remove":
                plan.patch.remove(path);
                plan.describe("remove " + path);
                break;
              default:
                throw new IllegalArgumentException(
                    "unsupported patch operation (test, add, replace, remove): " + op);
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // parents

  /**
   * Attaches the route to {@code parent} (a Gateway or one of its listeners); nothing if attached
   * already.
   */
  public RouteChange attachParent(RouteRef route, ParentRef parent) {
    return run(
        route,
        plan -> {
          JsonNode spec = plan.route.path("spec");
          for (JsonNode p : spec.path("parentRefs")) {
            if (parent.matches(p, plan.ref.namespace())) {
              return;
            }
          }
          plan.appendTo("/spec", spec, "parentRefs", parent.toJson());
          plan.describe("+ parent " + parent);
        });
  }

  /** Detaches the route from {@code parent}; nothing if not attached. */
  public RouteChange detachParent(RouteRef route, ParentRef parent) {
    return run(
        route,
        plan -> {
          JsonNode refs = plan.route.path("spec").path("parentRefs");
          for (int i = refs.size() - 1; i >= 0; i--) {
            if (parent.matches(refs.get(i), plan.ref.namespace())) {
              plan.removeAt("/spec/parentRefs/" + i, refs.get(i));
              plan.describe("- parent " + parent);
            }
          }
        });
  }

  // ----------------------------------------------------------------------------------------------
  // engine

  private interface Edit {
    void apply(Plan plan);
  }

  /** One attempt's view of the route and the patch being built. */
  private static final class Plan {
    final RouteRef ref;
    final ObjectNode route;
    final JsonPatch patch = new JsonPatch();
    final List<WeightChange> weights = new ArrayList<>();
    final List<String> descriptions = new ArrayList<>();

    Plan(RouteRef ref, ObjectNode route) {
      this.ref = ref;
      this.route = route;
    }

    JsonNode rules() {
      return route.path("spec").path("rules");
    }

    int index(JsonNode rule) {
      for (int i = 0; i < rules().size(); i++) {
        if (rules().get(i) == rule) {
          return i;
        }
      }
      throw new IllegalStateException("rule not in route");
    }

    String rulePath(int i) {
      return "/spec/rules/" + i;
    }

    void describe(String s) {
      descriptions.add(s);
    }

    /** Sets rules[i].backendRefs[j].weight, guarded by a test of the whole entry. */
    void setWeight(int i, int j, int weight) {
      JsonNode entry = rules().get(i).path("backendRefs").get(j);
      int current = weightOf(entry);
      if (current == weight && entry.has("weight")) {
        return;
      }
      if (current == weight) {
        return; // absent means 1, the API default: already as asked
      }
      String p = rulePath(i) + "/backendRefs/" + j;
      patch.test(p, entry).add(p + "/weight", Json.mapper().getNodeFactory().numberNode(weight));
      weights.add(new WeightChange(i, entry.path("name").asText(), current, weight));
      describe(
          "rules[" + i + "] " + entry.path("name").asText() + ": " + current + " -> " + weight);
    }

    /**
     * Appends {@code value} to {@code container.field}, guarded by a test of the array (or
     * container).
     */
    void appendTo(String containerPath, JsonNode container, String field, JsonNode value) {
      JsonNode array = container.get(field);
      if (array instanceof ArrayNode) {
        patch
            .test(containerPath + "/" + field, array)
            .add(containerPath + "/" + field + "/-", value);
      } else {
        patch
            .test(containerPath, container)
            .add(containerPath + "/" + field, Json.mapper().createArrayNode().add(value));
      }
    }

    /**
     * Sets ({@code null}: removes) annotations, each guarded by its value as read or the
     * resourceVersion.
     */
    void setAnnotations(Map<String, String> wanted) {
      JsonNode annotations = route.path("metadata").path("annotations");
      boolean versionGuard = false;
      ObjectNode created = Json.mapper().createObjectNode();
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        JsonNode current = annotations.get(e.getKey());
        String p = "/metadata/annotations/" + Json.pointerToken(e.getKey());
        if (current != null && e.getValue() != null && current.asText().equals(e.getValue())) {
          continue;
        }
        if (current == null && e.getValue() == null) {
          continue;
        }
        if (current == null) {
          versionGuard = true;
        } else {
          patch.test(p, current);
        }
        if (e.getValue() == null) {
          patch.remove(p);
          describe("- annotation " + e.getKey());
        } else if (annotations.isObject()) {
          patch.add(p, Json.mapper().getNodeFactory().textNode(e.getValue()));
          describe("annotation " + e.getKey());
        } else {
          created.put(e.getKey(), e.getValue());
          describe("annotation " + e.getKey());
        }
      }
      if (versionGuard) {
        patch.test("/metadata/resourceVersion", route.path("metadata").path("resourceVersion"));
      }
      if (!created.isEmpty()) {
        patch.add("/metadata/annotations", created);
      }
    }

    void removeAt(String path, JsonNode current) {
      patch.test(path, current).remove(path);
    }

    void upsertRule(ObjectNode rule) {
      JsonNode rules = rules();
      for (JsonNode r : rules) {
        if (Json.contains(r, rule)) {
          return;
        }
      }
      String name = rule.path("name").asText(null);
      if (name != null) {
        for (int i = 0; i < rules.size(); i++) {
          if (name.equals(rules.get(i).path("name").asText(null))) {
            patch.test(rulePath(i), rules.get(i)).replace(rulePath(i), rule);
            describe("rules[" + i + "] (" + name + ") replaced");
            return;
          }
        }
      }
      appendTo("/spec", route.path("spec"), "rules", rule);
      describe("+ rules[" + rules.size() + "]" + (name == null ? "" : " (" + name + ")"));
    }
  }

  private RouteChange run(RouteRef ref, Edit edit) {
    int requests = 0;
    ObjectNode current = ref.knownStateUnsafe();
    boolean fresh = false;
    if (current == null) {
      current = store.get(ref.kind(), ref.namespace(), ref.name());
      requests++;
      fresh = true;
    }
    int patches = 0;
    while (true) {
      Plan plan = new Plan(ref, current);
      edit.apply(plan);
      if (!plan.patch.writes()) {
        if (!fresh) {
          // the known state may be stale: confirm with the server before reporting "nothing to do"
          current = store.get(ref.kind(), ref.namespace(), ref.name());
          requests++;
          fresh = true;
          continue;
        }
        return new RouteChange(
            RouteRef.from(current),
            false,
            dryRun,
            patches,
            requests,
            rv(current),
            rv(current),
            List.of(),
            List.of(),
            Json.mapper().createArrayNode(),
            current);
      }
      patches++;
      try {
        ObjectNode after =
            store.patch(ref.kind(), ref.namespace(), ref.name(), plan.patch.ops(), dryRun);
        requests++;
        List<WeightChange> weights = new ArrayList<>();
        for (WeightChange w : plan.weights) {
          JsonNode entry = after.path("spec").path("rules").path(w.rule()).path("backendRefs");
          int actual = w.after();
          for (JsonNode b : entry) {
            if (w.backend().equals(b.path("name").asText())) {
              actual = weightOf(b);
              break;
            }
          }
          weights.add(new WeightChange(w.rule(), w.backend(), w.before(), actual));
        }
        return new RouteChange(
            dryRun ? ref.withoutState() : RouteRef.from(after),
            true,
            dryRun,
            patches,
            requests,
            rv(current),
            rv(after),
            weights,
            plan.descriptions,
            plan.patch.ops(),
            after);
      } catch (ConflictException | InvalidException e) {
        requests++;
        if (patches >= maxAttempts) {
          throw new ConflictException(
              ref
                  + ": gave up after "
                  + patches
                  + " attempts; the route kept changing under this change ("
                  + plan.descriptions
                  + "): "
                  + e.getMessage(),
              e.status(),
              e);
        }
        String seen = rv(current);
        ObjectNode latest = store.get(ref.kind(), ref.namespace(), ref.name());
        requests++;
        if (e instanceof InvalidException && fresh && rv(latest).equals(seen)) {
          throw e; // the route did not change: the server rejects the change itself
        }
        current = latest;
        fresh = true;
        backoff(patches);
      }
    }
  }

  private static void backoff(int attempt) {
    long maxMicros = Math.min(50_000, 500L << Math.min(attempt, 10));
    LockSupport.parkNanos(
        TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(maxMicros + 1)));
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  static int weightOf(JsonNode backendRef) {
    return backendRef.has("weight") ? backendRef.get("weight").asInt() : 1;
  }

  private static String rv(JsonNode route) {
    return route.path("metadata").path("resourceVersion").asText("");
  }

  static List<Integer> backendIndices(JsonNode rule, String name) {
    List<Integer> out = new ArrayList<>();
    JsonNode refs = rule.path("backendRefs");
    for (int j = 0; j < refs.size(); j++) {
      if (name.equals(refs.get(j).path("name").asText())) {
        out.add(j);
      }
    }
    return out;
  }

  private static List<Integer> rulesWithAny(JsonNode rules, Collection<String> names) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      for (String n : names) {
        if (!backendIndices(rules.get(i), n).isEmpty()) {
          out.add(i);
          break;
        }
      }
    }
    return out;
  }

  private static List<Integer> rulesWithBackends(JsonNode rules) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).path("backendRefs").size() > 0) {
        out.add(i);
      }
    }
    return out;
  }
}
