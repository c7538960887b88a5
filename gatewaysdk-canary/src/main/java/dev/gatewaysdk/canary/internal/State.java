package dev.gatewaysdk.canary.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.Phase;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout state kept in the primary route's {@value #ANNOTATION} annotation, written in the
 * same JSON patch as the route changes it describes. Immutable: change a copy through {@link
 * #newBuilder()}. The JSON form carries {@code schema}; a state of a newer schema is not read.
 */
public final class State {
  public static final String ANNOTATION = "canary.gatewaysdk.dev/state";
  public static final String PHASE_ANNOTATION = "canary.gatewaysdk.dev/phase";
  public static final String COMMAND_ANNOTATION = "canary.gatewaysdk.dev/command";

  /**
   * On each secondary route: the plan and state revision of the canary's last write there ({@code
   * id#rev}), so that a deposed driver holding an older revision cannot write its weights over a
   * newer one.
   */
  public static final String FENCE_ANNOTATION = "canary.gatewaysdk.dev/fence";

  /**
   * The state annotation's format; a larger {@code schema} was written by a newer version and is
   * not read.
   */
  public static final int SCHEMA = 1;

  public final String plan;

  /** The plan's release ({@code ""}: none). */
  public final String release;

  /** The plan's backends (null in states written before they were recorded). */
  public final String stable;

  public final String canary;

  /** Incremented by every write: a fencing token between drivers. */
  public final long rev;

  public final Phase phase;

  /** The current step; {@code steps.size()} is the promotion. */
  public final int step;

  public final int weight;
  public final int mirror;

  /** Whether the MATCH steps up to the current one are in effect (their rules present). */
  public final boolean ab;

  public final boolean gate;
  public final boolean stableRemoved;

  /** Promotion by swap: "" none, "pending" canary at 100 awaiting the swap action, "done". */
  public final String swap;

  /** Secondary routes already carry this state's route changes. */
  public final boolean synced;

  public final Instant stepStartedAt;

  /** When the route spec last changed (the progress deadline counts from here). */
  public final Instant changedAt;

  public final Instant transitionAt;

  /**
   * The time of this write on the rollout's timeline: the first writer's clock, carried on by every
   * later writer as "the previous write's time plus the time elapsed on my own clock since I first
   * saw it", so that pauses, intervals and deadlines do not depend on how far the replicas' clocks
   * disagree. EPOCH in older states.
   */
  public final Instant writtenAt;

  public final String reason;
  public final Map<String, Counters> analysis;

  /**
   * Counters of the plan's background checks, kept across steps; empty until the canary takes
   * traffic.
   */
  public final Map<String, Counters> background;

  /**
   * Per route ("HTTPRoute/ns/name"): the {@code metadata.generation} the canary's last spec change
   * produced, so the progress deadline applies to the canary's own change only, not to a later edit
   * by someone else.
   */
  public final Map<String, Long> generations;

  /** Rules added per route ("HTTPRoute/ns/name"), so cleanup removes exactly those. */
  public final Map<String, List<JsonNode>> added;

  /**
   * The most recent measurements, oldest first, one line each ({@code time key: verdict value
   * (message)}).
   */
  public final List<String> history;

  /** Analysis counters of one check (of the current step, or a background check). */
  public record Counters(
      int consecutive,
      int successes,
      int failures,
      int inconclusive,
      boolean passed,
      Instant next) {
    public static Counters due(Instant next) {
      return new Counters(0, 0, 0, 0, false, next);
    }

    public Counters withNext(Instant at) {
      return new Counters(consecutive, successes, failures, inconclusive, passed, at);
    }
  }

  private State(Builder b) {
    plan = b.plan;
    release = b.release;
    stable = b.stable;
    canary = b.canary;
    rev = b.rev;
    phase = b.phase;
    step = b.step;
    weight = b.weight;
    mirror = b.mirror;
    ab = b.ab;
    gate = b.gate;
    stableRemoved = b.stableRemoved;
    swap = b.swap;
    synced = b.synced;
    stepStartedAt = b.stepStartedAt;
    changedAt = b.changedAt;
    transitionAt = b.transitionAt;
    writtenAt = b.writtenAt;
    reason = b.reason;
    analysis = Collections.unmodifiableMap(new LinkedHashMap<>(b.analysis));
    background = Collections.unmodifiableMap(new LinkedHashMap<>(b.background));
    generations = Collections.unmodifiableMap(new LinkedHashMap<>(b.generations));
    Map<String, List<JsonNode>> a = new LinkedHashMap<>();
    b.added.forEach(
        (k, v) -> {
          List<JsonNode> copy = new ArrayList<>();
          v.forEach(n -> copy.add(n.deepCopy()));
          a.put(k, Collections.unmodifiableList(copy));
        });
    added = Collections.unmodifiableMap(a);
    history = List.copyOf(b.history);
  }

  /** A new rollout of {@code plan} before its first step. */
  public static State initial(String plan) {
    Builder b = new Builder();
    b.plan = plan;
    return b.build();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.plan = plan;
    b.release = release;
    b.stable = stable;
    b.canary = canary;
    b.rev = rev;
    b.phase = phase;
    b.step = step;
    b.weight = weight;
    b.mirror = mirror;
    b.ab = ab;
    b.gate = gate;
    b.stableRemoved = stableRemoved;
    b.swap = swap;
    b.synced = synced;
    b.stepStartedAt = stepStartedAt;
    b.changedAt = changedAt;
    b.transitionAt = transitionAt;
    b.writtenAt = writtenAt;
    b.reason = reason;
    b.analysis.putAll(analysis);
    b.background.putAll(background);
    b.generations.putAll(generations);
    b.added.putAll(added);
    b.history.addAll(history);
    return b;
  }

  /** A mutable copy of a {@link State}'s fields; {@link #build()} makes the next state. */
  public static final class Builder {
    public String plan;
    public String release = "";
    public String stable;
    public String canary;
    public long rev;
    public Phase phase = Phase.PROGRESSING;
    public int step = -1;
    public int weight;
    public int mirror;
    public boolean ab;
    public boolean gate;
    public boolean stableRemoved;
    public String swap = "";
    public boolean synced = true;
    public Instant stepStartedAt = Instant.EPOCH;
    public Instant changedAt = Instant.EPOCH;
    public Instant transitionAt = Instant.EPOCH;
    public Instant writtenAt = Instant.EPOCH;
    public String reason = "";
    public final Map<String, Counters> analysis = new LinkedHashMap<>();
    public final Map<String, Counters> background = new LinkedHashMap<>();
    public final Map<String, Long> generations = new LinkedHashMap<>();
    public final Map<String, List<JsonNode>> added = new LinkedHashMap<>();
    public final List<String> history = new ArrayList<>();

    public State build() {
      return new State(this);
    }
  }

  /**
   * @throws IllegalArgumentException naming the problem if {@code text} is not a state this version
   *     reads
   */
  public static State parse(String text) {
    JsonNode n;
    try {
      n = Jsons.mapper().readTree(text);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (n.path("schema").asInt(SCHEMA) > SCHEMA) {
      throw new IllegalArgumentException(
          "schema "
              + n.path("schema").asInt()
              + ", written by a newer version (this one reads "
              + SCHEMA
              + ")");
    }
    try {
      Builder s = new Builder();
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
      s.writtenAt = Instant.parse(n.path("writtenAt").asText(Instant.EPOCH.toString()));
      s.reason = n.path("reason").asText("");
      readCounters(n.path("analysis"), s.analysis);
      readCounters(n.path("background"), s.background);
      n.path("generations")
          .fields()
          .forEachRemaining(e -> s.generations.put(e.getKey(), e.getValue().asLong()));
      n.path("added")
          .fields()
          .forEachRemaining(
              e -> {
                List<JsonNode> rules = new ArrayList<>();
                e.getValue().forEach(rules::add);
                s.added.put(e.getKey(), rules);
              });
      n.path("history").forEach(h -> s.history.add(h.asText()));
      return s.build();
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
    o.put("rev", rev)
        .put("phase", phase.name())
        .put("step", step)
        .put("weight", weight)
        .put("mirror", mirror)
        .put("ab", ab)
        .put("gate", gate)
        .put("stableRemoved", stableRemoved)
        .put("swap", swap)
        .put("synced", synced)
        .put("stepStartedAt", stepStartedAt.toString())
        .put("changedAt", changedAt.toString())
        .put("transitionAt", transitionAt.toString())
        .put("writtenAt", writtenAt.toString())
        .put("reason", reason);
    writeCounters(o.putObject("analysis"), analysis);
    if (!background.isEmpty()) {
      writeCounters(o.putObject("background"), background);
    }
    if (!generations.isEmpty()) {
      ObjectNode g = o.putObject("generations");
      generations.forEach(g::put);
    }
    if (!history.isEmpty()) {
      ArrayNode h = o.putArray("history");
      history.forEach(h::add);
    }
    ObjectNode a = o.putObject("added");
    added.forEach(
        (k, rules) -> {
          ArrayNode arr = a.putArray(k);
          rules.forEach(r -> arr.add(r.deepCopy()));
        });
    return o;
  }

  private static void readCounters(JsonNode from, Map<String, Counters> into) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              into.put(
                  e.getKey(),
                  new Counters(
                      v.path("consecutive").asInt(),
                      v.path("successes").asInt(),
                      v.path("failures").asInt(),
                      v.path("inconclusive").asInt(),
                      v.path("passed").asBoolean(),
                      Instant.parse(v.path("next").asText(Instant.EPOCH.toString()))));
            });
  }

  private static void writeCounters(ObjectNode into, Map<String, Counters> counters) {
    counters.forEach(
        (k, c) ->
            into.putObject(k)
                .put("consecutive", c.consecutive())
                .put("successes", c.successes())
                .put("failures", c.failures())
                .put("inconclusive", c.inconclusive())
                .put("passed", c.passed())
                .put("next", c.next().toString()));
  }

  public String write() {
    return Jsons.write(toJson());
  }

  /** The A/B rules this state added to route {@code routeKey}. */
  public List<JsonNode> addedRules(String routeKey) {
    return added.getOrDefault(routeKey, List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof State && write().equals(((State) o).write());
  }

  @Override
  public int hashCode() {
    return write().hashCode();
  }

  @Override
  public String toString() {
    return write();
  }
}
