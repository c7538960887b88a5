package dev.gatewaysdk.canary.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.Phase;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollout state kept in the primary route's {@value #ANNOTATION} annotation, written in the same JSON patch
 * as the route changes it describes. Mutable; copy before changing.
 */
public final class State {
  public static final String ANNOTATION = "canary.gatewaysdk.dev/state";
  public static final String PHASE_ANNOTATION = "canary.gatewaysdk.dev/phase";
  public static final String COMMAND_ANNOTATION = "canary.gatewaysdk.dev/command";

  public String plan;
  /** The plan's release ({@code ""}: none). */
  public String release = "";
  /** The plan's backends (null in states written before they were recorded). */
  public String stable;
  public String canary;
  /** Incremented by every write: a fencing token between drivers. */
  public long rev;
  public Phase phase = Phase.PROGRESSING;
  /** The current step; {@code steps.size()} is the promotion. */
  public int step = -1;
  public int weight;
  public int mirror;
  /** How many MATCH steps are in effect (their rules present). */
  public boolean ab;
  public boolean gate;
  public boolean stableRemoved;
  /** Promotion by swap: "" none, "pending" canary at 100 awaiting the swap action, "done". */
  public String swap = "";
  /** Secondary routes already carry this state's route changes. */
  public boolean synced = true;
  public Instant stepStartedAt = Instant.EPOCH;
  /** When the route spec last changed (the progress deadline counts from here). */
  public Instant changedAt = Instant.EPOCH;
  public Instant transitionAt = Instant.EPOCH;
  public String reason = "";
  public Map<String, Counters> analysis = new LinkedHashMap<>();
  /** Counters of the plan's background checks, kept across steps; empty until the canary takes traffic. */
  public Map<String, Counters> background = new LinkedHashMap<>();
  /**
   * Per route ("HTTPRoute/ns/name"): the {@code metadata.generation} the canary's last spec change produced, so
   * the progress deadline applies to the canary's own change only, not to a later edit by someone else.
   */
  public ObjectNode generations = Jsons.object();
  /** Rules added per route ("HTTPRoute/ns/name"), so cleanup removes exactly those. */
  public ObjectNode added = Jsons.object();

  /** Analysis counters of one check (of the current step, or a background check). */
  public static final class Counters {
    public int consecutive;
    public int successes;
    public int failures;
    public int inconclusive;
    public boolean passed;
    public Instant next = Instant.EPOCH;
  }

  /** The state annotation's format; a larger {@code schema} was written by a newer version and is not read. */
  public static final int SCHEMA = 1;

  /** @throws IllegalArgumentException naming the problem if {@code text} is not a state this version reads */
  public static State parse(String text) {
    JsonNode n;
    try {
      n = Jsons.mapper().readTree(text);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (n.path("schema").asInt(SCHEMA) > SCHEMA) {
      throw new IllegalArgumentException("schema " + n.path("schema").asInt() + ", written by a newer version (this one reads "
          + SCHEMA + ")");
    }
    try {
      State s = new State();
      s.plan = n.path("plan").asText();
      s.release = n.path("release").asText("");
      s.stable = n.hasNonNull("stable") ? n.get("stable").asText() : null;
      s.canary = n.hasNonNull("canary") ? n.get("canary").asText() : null;
      s.rev = n.path("rev").asLong();
      s.phase = Phase.valueOf(n.path("phase").asText("PROGRESSING"));
      s.step = n.path("step").asInt(-1);
      s.weight = n.path("weight").asInt();
      s.mirror = n.path("mirror").asInt();
      s.ab = n.path("ab").asBoolean();
      s.gate = n.path("gate").asBoolean();
      s.stableRemoved = n.path("stableRemoved").asBoolean();
      s.swap = n.path("swap").asText("");
      s.synced = n.path("synced").asBoolean(true);
      s.stepStartedAt = Instant.parse(n.path("stepStartedAt").asText(Instant.EPOCH.toString()));
      s.changedAt = Instant.parse(n.path("changedAt").asText(Instant.EPOCH.toString()));
      s.transitionAt = Instant.parse(n.path("transitionAt").asText(Instant.EPOCH.toString()));
      s.reason = n.path("reason").asText("");
      readCounters(n.path("analysis"), s.analysis);
      readCounters(n.path("background"), s.background);
      if (n.path("generations").isObject()) {
        s.generations = (ObjectNode) n.get("generations");
      }
      if (n.path("added").isObject()) {
        s.added = (ObjectNode) n.get("added");
      }
      return s;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public ObjectNode toJson() {
    ObjectNode o = Jsons.object();
    o.put("schema", SCHEMA).put("plan", plan);
    if (!release.isEmpty()) {
      o.put("release", release);
    }
    if (stable != null) {
      o.put("stable", stable).put("canary", canary);
    }
    o.put("rev", rev).put("phase", phase.name()).put("step", step).put("weight", weight)
        .put("mirror", mirror).put("ab", ab).put("gate", gate).put("stableRemoved", stableRemoved).put("swap", swap)
        .put("synced", synced).put("stepStartedAt", stepStartedAt.toString()).put("changedAt", changedAt.toString())
        .put("transitionAt", transitionAt.toString()).put("reason", reason);
    writeCounters(o.putObject("analysis"), analysis);
    if (!background.isEmpty()) {
      writeCounters(o.putObject("background"), background);
    }
    if (!generations.isEmpty()) {
      o.set("generations", generations.deepCopy());
    }
    o.set("added", added.deepCopy());
    return o;
  }

  private static void readCounters(JsonNode from, Map<String, Counters> into) {
    from.fields().forEachRemaining(e -> {
      Counters c = new Counters();
      JsonNode v = e.getValue();
      c.consecutive = v.path("consecutive").asInt();
      c.successes = v.path("successes").asInt();
      c.failures = v.path("failures").asInt();
      c.inconclusive = v.path("inconclusive").asInt();
      c.passed = v.path("passed").asBoolean();
      c.next = Instant.parse(v.path("next").asText(Instant.EPOCH.toString()));
      into.put(e.getKey(), c);
    });
  }

  private static void writeCounters(ObjectNode into, Map<String, Counters> counters) {
    counters.forEach((k, c) -> into.putObject(k).put("consecutive", c.consecutive).put("successes", c.successes)
        .put("failures", c.failures).put("inconclusive", c.inconclusive).put("passed", c.passed)
        .put("next", c.next.toString()));
  }

  public String write() {
    return Jsons.write(toJson());
  }

  public State copy() {
    return parse(write());
  }

  public ArrayNode addedRules(String routeKey) {
    JsonNode a = added.path(routeKey);
    return a.isArray() ? (ArrayNode) a : Jsons.array();
  }
}
