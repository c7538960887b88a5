package dev.gatewaysdk.canary.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.AnalysisCheck;
import dev.gatewaysdk.canary.CanaryMatch;
import dev.gatewaysdk.canary.CanaryPlan;
import dev.gatewaysdk.canary.ExternalEditPolicy;
import dev.gatewaysdk.canary.InvalidPlanException;
import dev.gatewaysdk.canary.Promotion;
import dev.gatewaysdk.canary.Step;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the YAML/JSON form of a {@link CanaryPlan}, collecting problems with the path of each
 * field.
 */
public final class PlanReader {
  private static final Set<String> TOP =
      Set.of(
          "routes",
          "route",
          "stable",
          "canary",
          "steps",
          "progressDeadline",
          "externalEditPolicy",
          "promotion",
          "release",
          "sessionAffinity",
          "backgroundAnalysis");

  private final List<String> problems = new ArrayList<>();

  private PlanReader() {}

  public static CanaryPlan read(String text) {
    JsonNode root;
    try {
      root = Jsons.yaml().readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new InvalidPlanException(
          List.of("not YAML or JSON" + where + ": " + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPlanException(
          List.of("a canary plan must be a mapping with routes, stable, canary and steps"));
    }
    return new PlanReader().plan((ObjectNode) root);
  }

  private CanaryPlan plan(ObjectNode root) {
    CanaryPlan.Builder b = CanaryPlan.builder();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TOP.contains(f)) {
        problems.add(f + ": unknown field; expected one of " + new java.util.TreeSet<>(TOP));
      }
    }
    JsonNode routes = root.has("routes") ? root.get("routes") : root.path("route");
    if (routes.isTextual() || routes.isObject()) {
      routes = Jsons.array().add(routes);
    }
    for (int i = 0; i < routes.size(); i++) {
      JsonNode r = routes.get(i);
      String at = "routes[" + i + "]";
      attempt(
          at,
          () ->
              b.route(
                  r.isTextual()
                      ? RouteRef.parse(r.asText())
                      : RouteRef.of(
                          r.path("kind").asText(RouteRef.HTTP_ROUTE),
                          r.path("namespace").asText(null),
                          r.path("name").asText(null))));
    }
    text(root, "stable").ifPresent(b::stable);
    text(root, "canary").ifPresent(b::canary);
    text(root, "release").ifPresent(r -> attempt("release", () -> b.release(r)));
    if (root.has("sessionAffinity")) {
      JsonNode a = root.get("sessionAffinity");
      attempt(
          "sessionAffinity",
          () -> {
            if (!a.isObject() || !a.path("cookie").isTextual()) {
              throw new IllegalArgumentException("must be {cookie: NAME, maxAge: 24h}");
            }
            b.sessionAffinity(
                a.get("cookie").asText(),
                a.has("maxAge") ? duration(a.get("maxAge").asText()) : Duration.ofHours(24));
          });
    }
    text(root, "progressDeadline")
        .ifPresent(d -> attempt("progressDeadline", () -> b.progressDeadline(duration(d))));
    text(root, "externalEditPolicy")
        .ifPresent(
            p ->
                attempt(
                    "externalEditPolicy",
                    () ->
                        b.externalEditPolicy(
                            ExternalEditPolicy.valueOf(p.toUpperCase(Locale.ROOT)))));
    text(root, "promotion")
        .ifPresent(
            p ->
                attempt(
                    "promotion",
                    () ->
                        b.promotion(
                            Promotion.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_')))));
    JsonNode steps = root.path("steps");
    if (!steps.isMissingNode() && !steps.isArray()) {
      problems.add("steps: must be a list");
    }
    for (int i = 0; i < steps.size(); i++) {
      steps(b, steps.get(i), "steps[" + i + "]");
    }
    JsonNode background = root.path("backgroundAnalysis");
    if (!background.isMissingNode() && !background.isNull() && !background.isArray()) {
      problems.add("backgroundAnalysis: must be a list of checks");
    } else {
      for (int i = 0; i < background.size(); i++) {
        JsonNode c = background.get(i);
        attempt("backgroundAnalysis[" + i + "]", () -> b.backgroundAnalysis(check(c)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(problems);
    }
    return b.build();
  }

  private void steps(CanaryPlan.Builder b, JsonNode s, String at) {
    if (!s.isObject() || s.size() == 0) {
      problems.add(at + ": a step is a mapping such as {setWeight: 10} or {pause: 30s}");
      return;
    }
    if (s.has("setWeight")) {
      JsonNode w = s.get("setWeight");
      if (!w.isIntegralNumber()) {
        problems.add(at + ".setWeight: must be an integer 0..100: " + w);
        return;
      }
      b.step(
          s.path("decrease").asBoolean(false)
              ? Step.setWeightDecreasing(w.asInt())
              : Step.setWeight(w.asInt()));
    } else if (s.has("weights")) {
      JsonNode ws = s.get("weights");
      for (int i = 0; i < ws.size(); i++) {
        if (!ws.get(i).isIntegralNumber()) {
          problems.add(at + ".weights[" + i + "]: must be an integer 0..100: " + ws.get(i));
        } else {
          b.step(Step.setWeight(ws.get(i).asInt()));
        }
      }
    } else if (s.has("setWeights")) {
      JsonNode w = s.get("setWeights");
      attempt(
          at + ".setWeights",
          () -> b.weightIncrements(w.path("increment").asInt(0), w.path("max").asInt(0)));
    } else if (s.has("pause")) {
      JsonNode p = s.get("pause");
      if (p.isObject() && p.path("duration").isMissingNode()) {
        b.step(Step.pauseUntilPromoted());
      } else {
        String d = p.isObject() ? p.path("duration").asText() : p.asText();
        attempt(at + ".pause", () -> b.step(Step.pause(duration(d))));
      }
    } else if (s.has("pauseUntilPromoted")) {
      b.step(Step.pauseUntilPromoted());
    } else if (s.has("mirror")) {
      JsonNode m = s.get("mirror");
      if (!m.isIntegralNumber()) {
        problems.add(at + ".mirror: must be a percent 0..100: " + m);
        return;
      }
      b.step(Step.mirror(m.asInt()));
    } else if (s.has("match")) {
      JsonNode ms = s.get("match");
      if (ms.isObject()) {
        ms = Jsons.array().add(ms);
      }
      List<CanaryMatch> matches = new ArrayList<>();
      for (int i = 0; i < ms.size(); i++) {
        JsonNode m = ms.get(i);
        String mat = at + ".match[" + i + "]";
        attempt(
            mat,
            () -> {
              String value = m.path("value").asText(null);
              if (m.has("header")) {
                matches.add(CanaryMatch.header(m.get("header").asText(), value));
              } else if (m.has("cookie")) {
                matches.add(CanaryMatch.cookie(m.get("cookie").asText(), value));
              } else if (m.has("queryParam")) {
                matches.add(CanaryMatch.queryParam(m.get("queryParam").asText(), value));
              } else {
                throw new IllegalArgumentException("needs header, cookie or queryParam, and value");
              }
            });
      }
      attempt(at + ".match", () -> b.step(Step.match(matches)));
    } else if (s.has("analysis")) {
      JsonNode cs = s.get("analysis");
      if (cs.isObject() && cs.has("checks")) {
        cs = cs.get("checks");
      }
      List<AnalysisCheck> checks = new ArrayList<>();
      for (int i = 0; i < cs.size(); i++) {
        JsonNode c = cs.get(i);
        attempt(at + ".analysis[" + i + "]", () -> checks.add(check(c)));
      }
      attempt(at + ".analysis", () -> b.step(Step.analysis(checks)));
    } else {
      problems.add(
          at
              + ": unknown step "
              + s.fieldNames().next()
              + "; expected setWeight, weights, setWeights, pause, pauseUntilPromoted, mirror, match or analysis");
    }
  }

  private static AnalysisCheck check(JsonNode c) {
    AnalysisCheck.Builder b =
        AnalysisCheck.builder(c.path("name").asText(null), c.path("provider").asText(null));
    if (c.has("query")) {
      b.query(c.get("query").asText());
    }
    if (c.has("min")) {
      b.min(number(c, "min"));
    }
    if (c.has("max")) {
      b.max(number(c, "max"));
    }
    if (c.has("unit")) {
      b.unit(AnalysisCheck.Unit.parse(c.get("unit").asText()));
    }
    if (c.has("interval")) {
      b.interval(duration(c.get("interval").asText()));
    }
    if (c.has("initialDelay")) {
      b.initialDelay(duration(c.get("initialDelay").asText()));
    }
    if (c.has("failureLimit")) {
      b.failureLimit(c.get("failureLimit").asInt(-1));
    }
    if (c.has("inconclusiveLimit")) {
      b.inconclusiveLimit(c.get("inconclusiveLimit").asInt(-1));
    }
    if (c.has("successes")) {
      b.successes(c.get("successes").asInt(0));
    }
    if (c.has("dryRun")) {
      if (!c.get("dryRun").isBoolean()) {
        throw new IllegalArgumentException("dryRun must be true or false: " + c.get("dryRun"));
      }
      b.dryRun(c.get("dryRun").asBoolean());
    }
    if (c.has("onInconclusive")) {
      String on = c.get("onInconclusive").asText();
      if (!on.equals("pause") && !on.equals("rollback")) {
        throw new IllegalArgumentException(
            "onInconclusive must be pause or rollback: " + c.get("onInconclusive"));
      }
      b.pauseWhenInconclusive(on.equals("pause"));
    }
    return b.build();
  }

  private static double number(JsonNode c, String field) {
    if (!c.get(field).isNumber()) {
      throw new IllegalArgumentException(field + " must be a number: " + c.get(field));
    }
    return c.get(field).asDouble();
  }

  private static Duration duration(String text) {
    return DurationText.parse(text);
  }

  private void attempt(String at, Runnable r) {
    try {
      r.run();
    } catch (InvalidPlanException e) {
      e.problems().forEach(p -> problems.add(at + ": " + p));
    } catch (IllegalArgumentException e) {
      problems.add(at + ": " + e.getMessage());
    }
  }

  private java.util.Optional<String> text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return java.util.Optional.empty();
    }
    if (!n.isValueNode()) {
      problems.add(field + ": must be a string: " + n);
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(n.asText());
  }

  /** The YAML/JSON form of one step. */
  public static ObjectNode stepJson(Step s) {
    ObjectNode o = Jsons.object();
    switch (s.kind()) {
      case SET_WEIGHT:
        o.put("setWeight", s.percent());
        if (s.decreaseAllowed()) {
          o.put("decrease", true);
        }
        break;
      case PAUSE:
        o.put("pause", DurationText.format(s.duration().orElseThrow()));
        break;
      case PAUSE_UNTIL_PROMOTED:
        o.put("pauseUntilPromoted", true);
        break;
      case MIRROR:
        o.put("mirror", s.percent());
        break;
      case MATCH:
        {
          ArrayNode a = o.putArray("match");
          for (CanaryMatch m : s.matches()) {
            String key =
                m.type() == CanaryMatch.Type.HEADER
                    ? "header"
                    : m.type() == CanaryMatch.Type.COOKIE ? "cookie" : "queryParam";
            a.addObject().put(key, m.name()).put("value", m.value());
          }
          break;
        }
      default:
        o.set("analysis", checksJson(s.checks()));
    }
    return o;
  }

  /** The YAML/JSON form of analysis checks. */
  public static ArrayNode checksJson(List<AnalysisCheck> checks) {
    ArrayNode a = Jsons.array();
    for (AnalysisCheck c : checks) {
      ObjectNode j = a.addObject().put("name", c.name()).put("provider", c.provider());
      if (!c.query().isEmpty()) {
        j.put("query", c.query());
      }
      if (c.min() != Double.NEGATIVE_INFINITY) {
        j.put("min", c.min());
      }
      if (c.max() != Double.POSITIVE_INFINITY) {
        j.put("max", c.max());
      }
      j.put("interval", DurationText.format(c.interval()))
          .put("failureLimit", c.failureLimit())
          .put("inconclusiveLimit", c.inconclusiveLimit())
          .put("successes", c.successes());
      c.initialDelay().ifPresent(d -> j.put("initialDelay", DurationText.format(d)));
      if (c.dryRun()) {
        j.put("dryRun", true);
      }
      if (c.pauseWhenInconclusive()) {
        j.put("onInconclusive", "pause");
      }
      if (c.unit() != AnalysisCheck.Unit.NONE) {
        j.put("unit", c.unit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    return a;
  }
}
