package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.canary.internal.DurationText;
import dev.gatewaysdk.canary.internal.RouteHealth;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.CanaryTraffic;
import dev.gatewaysdk.core.RequestMatch;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollout as a pure function: ({@link State} as stored, {@link Observation} of the routes,
 * commands and measurements, time) → {@link Decision} (the next state and whether the routes follow
 * it, or what to wait for, measure or run). No I/O, no clock, no listeners: {@link Canary} drives
 * it. Instances are immutable.
 */
final class RolloutMachine {
  private final CanaryPlan plan;
  private final Duration pollInterval;
  private final boolean verifyRoutes;

  RolloutMachine(CanaryPlan plan, Duration pollInterval, boolean verifyRoutes) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.verifyRoutes = verifyRoutes;
  }

  CanaryPlan plan() {
    return plan;
  }

  // ------------------------------------------------------------------------------------------
  // values

  /**
   * What the driver saw: the plan's routes as read (primary first), the command queue on the
   * primary (null when none), the measurements taken for this decision (by {@link
   * #measurementKey}), whether the swap action ran.
   */
  record Observation(
      List<JsonNode> routes,
      String commands,
      Map<String, Measurement> measurements,
      boolean swapped) {
    Observation {
      routes = List.copyOf(routes);
      measurements = Map.copyOf(measurements);
    }

    static Observation of(List<? extends JsonNode> routes, String commands) {
      return new Observation(new ArrayList<>(routes), commands, Map.of(), false);
    }

    JsonNode primary() {
      return routes.get(0);
    }

    Observation withMeasurements(Map<String, Measurement> m) {
      Map<String, Measurement> all = new LinkedHashMap<>(measurements);
      all.putAll(m);
      return new Observation(routes, commands, all, swapped);
    }

    Observation withSwapped() {
      return new Observation(routes, commands, measurements, true);
    }
  }

  /** What to do next. */
  enum Action {
    /** Nothing to write; look again at {@link Decision#wake}. */
    WAIT,
    /**
     * Write {@link Decision#next} to the primary route (with the route changes when {@link
     * Decision#converge}).
     */
    WRITE,
    /** Bring the secondary routes to {@link Decision#next}, then record that on the primary. */
    SYNC,
    /** Measure {@link Decision#measure} and decide again with the results. */
    MEASURE,
    /**
     * Run the swap action and decide again (after success) with {@link Observation#withSwapped()}.
     */
    SWAP,
    /** The rollout has ended. */
    DONE
  }

  /** A listener call or Event to make once the decision's write is stored. */
  record Note(
      String kind,
      CanaryStatus status,
      Step step,
      AnalysisCheck check,
      Measurement measurement,
      String eventType,
      String reason,
      String message) {
    static Note listener(String kind, CanaryStatus status) {
      return new Note(kind, status, null, null, null, null, null, null);
    }

    static Note step(String kind, CanaryStatus status, Step step) {
      return new Note(kind, status, step, null, null, null, null, null);
    }

    static Note analysis(CanaryStatus status, AnalysisCheck check, Measurement m) {
      return new Note("analysisResult", status, null, check, m, null, null, null);
    }

    static Note event(String type, String reason, String message) {
      return new Note("event", null, null, null, null, type, reason, message);
    }
  }

  /**
   * The decision of one pass. {@link #next}: the state to write (WRITE, SYNC) or the state as read.
   * {@link #command}: the command queue the write consumes (its guard). {@link #validate}: check
   * the plan against the cluster before writing (a rollout starts).
   */
  record Decision(
      Action action,
      State next,
      boolean converge,
      String command,
      List<Note> notes,
      Instant wake,
      Map<String, AnalysisCheck> measure,
      boolean validate) {
    Decision {
      notes = List.copyOf(notes);
      measure = Map.copyOf(measure);
    }
  }

  private Decision waitUntil(State st, Instant wake) {
    return new Decision(Action.WAIT, st, false, null, List.of(), wake, Map.of(), false);
  }

  private Decision write(
      State next, boolean converge, String command, List<Note> notes, Instant now) {
    return new Decision(Action.WRITE, next, converge, command, notes, now, Map.of(), false);
  }

  // ------------------------------------------------------------------------------------------
  // decide

  /**
   * The next decision from {@code st} (null: no state of any plan on the route) given {@code obs}
   * at {@code now}.
   *
   * @throws IllegalStateException if the route is in the middle of a rollout between other backends
   */
  Decision decide(State st, Observation obs, Instant now) {
    if (st == null || !plan.id().equals(st.plan)) {
      return start(obs.primary(), st, now);
    }
    if (!st.synced) {
      return new Decision(Action.SYNC, st, true, null, List.of(), now, Map.of(), false);
    }
    String queued =
        obs.commands() == null || obs.commands().isBlank() ? null : obs.commands().trim();
    boolean abortQueued =
        queued != null && nextCommand(queued).toLowerCase(Locale.ROOT).startsWith("abort");
    if (queued != null && (st.phase.terminal() || abortQueued)) {
      return command(st, queued, now);
    }
    if (st.phase.terminal()) {
      return new Decision(Action.DONE, st, false, null, List.of(), now, Map.of(), false);
    }
    // someone else changed the canary's traffic (weights, mirror, A/B rules)? checked in every
    // phase, paused
    // and at gates too, and before a queued command runs, so that a promote never overwrites an
    // edit nobody
    // was told about
    for (int i = 0; i < obs.routes().size(); i++) {
      RouteRef ref = plan.routes().get(i);
      List<String> diffs = traffic(st, ref).differences(obs.routes().get(i), ref.kind());
      if (!diffs.isEmpty()) {
        Decision d = externalEdit(st, ref + ": " + String.join("; ", diffs), now);
        if (d != null) {
          return d;
        }
        break;
      }
    }
    if (queued != null) {
      return command(st, queued, now);
    }
    // the last change accepted by every parent? (in every phase: a refusal while paused rolls back
    // too)
    if (verifyRoutes) {
      for (int i = 0; i < obs.routes().size(); i++) {
        JsonNode route = obs.routes().get(i);
        RouteHealth h = RouteHealth.check(route);
        if (h.verdict == RouteHealth.Verdict.REFUSED) {
          return rollback(
              st, Phase.ROLLED_BACK, plan.routes().get(i) + " change refused: " + h.detail, now);
        }
        if (h.verdict == RouteHealth.Verdict.PENDING) {
          long generation = route.path("metadata").path("generation").asLong(0);
          long own = st.generations.getOrDefault(key(plan.routes().get(i)), 0L);
          if (own > 0 && generation > own) {
            // someone else changed the spec since the canary's own change: their change, not the
            // canary's,
            // awaits the controller, so no progress deadline (and no rollback) applies; wait for it
            return soonest(waitUntil(st, now.plus(pollInterval)), st);
          }
          Instant deadline = st.changedAt.plus(plan.progressDeadline());
          if (!now.isBefore(deadline)) {
            return rollback(
                st,
                Phase.ROLLED_BACK,
                "progress deadline "
                    + DurationText.format(plan.progressDeadline())
                    + " exceeded: "
                    + plan.routes().get(i)
                    + " "
                    + h.detail,
                now);
          }
          return waitUntil(
              st, deadline.isBefore(now.plus(pollInterval)) ? deadline : now.plus(pollInterval));
        }
      }
    }
    if (st.phase == Phase.PAUSED) {
      // background checks keep measuring at gates and while paused: the canary still takes traffic
      Decision bg = background(st, obs, now);
      return bg != null ? bg : soonest(waitUntil(st, now.plus(pollInterval)), st);
    }
    if (st.step >= plan.steps().size()) {
      return finishSwap(st, obs, now);
    }
    Decision bg = background(st, obs, now);
    if (bg != null) {
      return bg;
    }
    Step step = plan.steps().get(st.step);
    List<Note> notes = new ArrayList<>();
    switch (step.kind()) {
      case PAUSE:
        {
          Instant end = st.stepStartedAt.plus(step.duration().orElseThrow());
          if (now.isBefore(end)) {
            return soonest(waitUntil(st, end), st);
          }
          return write(advance(st, st.step + 1, now, notes), true, null, notes, now);
        }
      case ANALYSIS:
        return soonest(analyse(st, step, obs, now), st);
      default:
        return write(advance(st, st.step + 1, now, notes), true, null, notes, now);
    }
  }

  /**
   * The first write of this plan on the route: a fresh rollout (no state, a finished rollout of
   * another plan or release), a new release mid-rollout (from the first step), or the plan changed
   * within one release mid-rollout (the current step index restarts in the new plan).
   */
  private Decision start(JsonNode primary, State st, Instant now) {
    List<Note> notes = new ArrayList<>();
    boolean midRollout = st != null && !st.phase.terminal();
    if (midRollout
        && st.stable != null
        && (!st.stable.equals(plan.stable()) || !st.canary.equals(plan.canary()))) {
      throw new IllegalStateException(
          plan.primaryRoute()
              + " is in the middle of another rollout ("
              + st.stable
              + " -> "
              + st.canary
              + ", "
              + st.phase
              + " at step "
              + st.step
              + "); abort it or let it finish first");
    }
    State.Builder from = new State.Builder();
    from.plan = plan.id();
    from.release = plan.release();
    from.stable = plan.stable();
    from.canary = plan.canary();
    from.rev = st == null ? 0 : st.rev;
    from.weight = CanaryTraffic.of(plan.stable(), plan.canary()).observedWeight(primary);
    if (!midRollout) {
      return new Decision(
          Action.WRITE,
          advance(from.build(), 0, now, notes),
          true,
          null,
          notes,
          now,
          Map.of(),
          true);
    }
    // the route changes the old state made (mirror, match rules) are known, so the new state's
    // converge
    // replaces exactly those
    from.mirror = st.mirror;
    from.ab = st.ab;
    from.added.putAll(st.added);
    from.generations.putAll(st.generations);
    from.changedAt = st.changedAt;
    String reason;
    State.Builder next;
    if (!st.release.equals(plan.release())) {
      next = advance(from.build(), 0, now, notes).newBuilder();
      reason =
          "release "
              + show(plan.release())
              + " replaces "
              + show(st.release)
              + " at steps["
              + st.step
              + "]: starting over from steps[0]";
    } else {
      int at = Math.max(0, Math.min(st.step, plan.steps().size()));
      next = advance(from.build(), at, now, notes).newBuilder();
      reason = "plan changed mid-rollout: steps[" + at + "] of the new plan starts";
      if (st.phase == Phase.PAUSED && !st.gate && next.phase == Phase.PROGRESSING) {
        next.phase = Phase.PAUSED;
        reason += "; still paused";
      }
    }
    next.reason = next.reason.isEmpty() ? reason : reason + "; " + next.reason;
    notes.add(
        Note.event(
            "Normal",
            st.release.equals(plan.release()) ? "PlanChanged" : "NewRelease",
            next.reason));
    return new Decision(Action.WRITE, next.build(), true, null, notes, now, Map.of(), true);
  }

  private static String show(String release) {
    return release.isEmpty() ? "(none)" : release;
  }

  // ------------------------------------------------------------------------------------------
  // steps

  /**
   * The state after moving to step {@code index} ({@code steps.size()}: promotion), with its notes.
   */
  State advance(State st, int index, Instant now, List<Note> notes) {
    State.Builder next = st.newBuilder();
    int from = st.step;
    next.step = index;
    next.stepStartedAt = now;
    next.transitionAt = now;
    next.analysis.clear();
    next.gate = false;
    next.phase = Phase.PROGRESSING;
    next.reason = "";
    List<Note> later = new ArrayList<>();
    if (index >= plan.steps().size()) {
      next.weight = 100;
      next.mirror = 0;
      next.ab = false;
      if (plan.promotion() == Promotion.SWAP) {
        next.swap = "pending";
        next.reason = "promoting: canary at 100%, swap pending";
      } else {
        next.phase = Phase.PROMOTED;
        next.stableRemoved = plan.promotion() == Promotion.REMOVE_STABLE;
        next.reason = "promoted";
        later.add(Note.listener("promoted", null));
        later.add(Note.event("Normal", "Promoted", "canary " + plan.canary() + " promoted"));
      }
    } else {
      Step step = plan.steps().get(index);
      switch (step.kind()) {
        case SET_WEIGHT:
          next.weight = step.percent();
          if (step.percent() > 0) {
            next.mirror = 0;
          }
          break;
        case MIRROR:
          next.mirror = step.percent();
          break;
        case MATCH:
          next.ab = true;
          break;
        case PAUSE_UNTIL_PROMOTED:
          next.phase = Phase.PAUSED;
          next.gate = true;
          next.reason = "waiting for promotion at steps[" + index + "]";
          later.add(Note.listener("paused", null));
          break;
        default:
          break;
      }
      boolean startsBackground =
          !plan.backgroundAnalysis().isEmpty() && next.background.isEmpty() && givesTraffic(next);
      if (startsBackground) {
        startBackground(next, now);
      }
      later.add(Note.step("stepStarted", null, step));
      later.add(
          Note.event(
              "Normal",
              "StepStarted",
              "steps["
                  + index
                  + "] "
                  + step
                  + "; canary "
                  + next.weight
                  + "%"
                  + (startsBackground ? "; background analysis started" : "")));
    }
    if (from >= 0 && from < plan.steps().size()) {
      notes.add(Note.step("stepFinished", null, plan.steps().get(from)));
    }
    notes.addAll(later);
    return next.build();
  }

  /** Whether the canary takes requests in {@code st}: a weight, a mirror or match rules. */
  private static boolean givesTraffic(State.Builder st) {
    return st.weight > 0 || st.mirror > 0 || st.ab;
  }

  private static boolean givesTraffic(State st) {
    return st.weight > 0 || st.mirror > 0 || st.ab;
  }

  /**
   * Whether the background checks run in {@code st}: from the canary's first traffic until
   * promotion.
   */
  private boolean backgroundActive(State st) {
    return !plan.backgroundAnalysis().isEmpty()
        && st.step >= 0
        && st.step < plan.steps().size()
        && !st.phase.terminal()
        && (!st.background.isEmpty() || givesTraffic(st));
  }

  /** {@code d}, waking no later than the next background measurement due in {@code st}. */
  private Decision soonest(Decision d, State st) {
    if (d.action() != Action.WAIT || !backgroundActive(st)) {
      return d;
    }
    Instant wake = d.wake();
    for (State.Counters c : st.background.values()) {
      wake = c.next().isBefore(wake) ? c.next() : wake;
    }
    return waitUntil(d.next(), wake);
  }

  /**
   * Starts the background checks' clocks: the first measurement is due one interval from {@code
   * now}.
   */
  private void startBackground(State.Builder st, Instant now) {
    for (AnalysisCheck check : plan.backgroundAnalysis()) {
      st.background.computeIfAbsent(
          check.name(), k -> State.Counters.due(now.plus(check.interval())));
    }
  }

  /**
   * The key of a measurement in {@link Observation#measurements()}: the check of a step, or a
   * background one.
   */
  static String measurementKey(State st, AnalysisCheck check, boolean background) {
    return (background ? "background/" : "steps[" + st.step + "]/") + check.name();
  }

  private Decision measure(State st, List<AnalysisCheck> checks, boolean background) {
    Map<String, AnalysisCheck> m = new LinkedHashMap<>();
    checks.forEach(c -> m.put(measurementKey(st, c, background), c));
    return new Decision(Action.MEASURE, st, false, null, List.of(), Instant.EPOCH, m, false);
  }

  /**
   * Counts the background measurements due at {@code now} and writes their counters, or rolls back
   * when one exceeds its failure or inconclusive limit; asks for the measurements first; null when
   * none is due.
   */
  private Decision background(State st, Observation obs, Instant now) {
    if (!backgroundActive(st)) {
      return null;
    }
    State.Builder next = st.newBuilder();
    boolean changed = false;
    if (next.background.size() < plan.backgroundAnalysis().size()) {
      // the canary took traffic without a step starting the checks (a state written before they
      // existed)
      startBackground(next, now);
      changed = true;
    }
    List<AnalysisCheck> due = new ArrayList<>();
    for (AnalysisCheck check : plan.backgroundAnalysis()) {
      if (!now.isBefore(next.background.get(check.name()).next())) {
        due.add(check);
      }
    }
    List<AnalysisCheck> missing = missing(st, due, obs, true);
    if (!missing.isEmpty()) {
      return measure(st, missing, true);
    }
    String failure = null;
    String judgement = null;
    List<AnalysisCheck> measured = new ArrayList<>();
    for (AnalysisCheck check : due) {
      Measurement m = obs.measurements().get(measurementKey(st, check, true));
      changed = true;
      State.Counters c =
          count(check, next.background.get(check.name()), m, false)
              .withNext(now.plus(check.interval()));
      String f = failure(check, c, m, "background analysis ");
      if (f != null && judges(check, m)) {
        judgement = judgement == null ? f : judgement;
        // counted afresh after the judgement: the same limit applies again
        c =
            new State.Counters(
                c.consecutive(), c.successes(), c.failures(), 0, c.passed(), c.next());
      } else {
        failure = failure == null ? f : failure;
      }
      next.background.put(check.name(), c);
      record(next, st, check, true, m, now);
      measured.add(check);
    }
    if (!changed) {
      return null;
    }
    State counted = next.build();
    List<Note> notes = new ArrayList<>();
    for (AnalysisCheck check : measured) {
      Measurement m = obs.measurements().get(measurementKey(st, check, true));
      notes.add(Note.analysis(measuredStatus(st, counted), check, m));
      if (m.verdict() != Measurement.Verdict.SUCCESS) {
        notes.add(
            Note.event("Warning", "AnalysisMeasurement", "background " + check.name() + ": " + m));
      }
    }
    if (failure != null) {
      return write(
          rollbackState(counted, Phase.ROLLED_BACK, failure, now, notes), true, null, notes, now);
    }
    if (judgement != null && st.phase != Phase.PAUSED) {
      return write(judgementPause(counted, judgement, now, notes), false, null, notes, now);
    }
    return write(counted, false, null, notes, now);
  }

  /**
   * Whether {@code m} of {@code check}, over a limit, pauses for judgement instead of rolling back.
   */
  private static boolean judges(AnalysisCheck check, Measurement m) {
    return check.pauseWhenInconclusive() && m.verdict() == Measurement.Verdict.INCONCLUSIVE;
  }

  /**
   * Paused for a person to judge an inconclusive analysis: promote continues past the step, abort
   * rolls back.
   */
  private State judgementPause(State counted, String why, Instant now, List<Note> notes) {
    State.Builder b = counted.newBuilder();
    b.phase = Phase.PAUSED;
    b.gate = true;
    b.reason = why + "; paused for judgement: promote to continue, abort to roll back";
    b.transitionAt = now;
    State paused = b.build();
    notes.add(Note.listener("paused", null));
    notes.add(Note.event("Warning", "Inconclusive", paused.reason));
    return paused;
  }

  /** The most recent measurements kept in the state (and shown in the status), oldest first. */
  static final int HISTORY = 20;

  private static void record(
      State.Builder next,
      State st,
      AnalysisCheck check,
      boolean background,
      Measurement m,
      Instant now) {
    next.history.add(
        now
            + " "
            + measurementKey(st, check, background)
            + (check.dryRun() ? " (dry run)" : "")
            + ": "
            + m);
    while (next.history.size() > HISTORY) {
      next.history.remove(0);
    }
  }

  private static List<AnalysisCheck> missing(
      State st, List<AnalysisCheck> due, Observation obs, boolean background) {
    List<AnalysisCheck> out = new ArrayList<>();
    for (AnalysisCheck c : due) {
      if (!obs.measurements().containsKey(measurementKey(st, c, background))) {
        out.add(c);
      }
    }
    return out;
  }

  /** {@code c} after measurement {@code m} of {@code check}. */
  private static State.Counters count(
      AnalysisCheck check, State.Counters c, Measurement m, boolean canPass) {
    switch (m.verdict()) {
      case SUCCESS:
        return new State.Counters(
            c.consecutive() + 1,
            c.successes() + 1,
            c.failures(),
            c.inconclusive(),
            canPass && c.consecutive() + 1 >= check.successes(),
            c.next());
      case FAILURE:
        return new State.Counters(
            0, c.successes(), c.failures() + 1, c.inconclusive(), c.passed(), c.next());
      default:
        return new State.Counters(
            0, c.successes(), c.failures(), c.inconclusive() + 1, c.passed(), c.next());
    }
  }

  /**
   * The rollback reason when {@code c} (after {@code m}) exceeds a limit of {@code check}, else
   * null.
   */
  private static String failure(AnalysisCheck check, State.Counters c, Measurement m, String what) {
    if (check.dryRun()) {
      return null; // measured and reported, never deciding
    }
    switch (m.verdict()) {
      case SUCCESS:
        return null;
      case FAILURE:
        return c.failures() > check.failureLimit()
            ? what
                + check.name()
                + " failed "
                + times(c.failures())
                + ", limit "
                + check.failureLimit()
                + ": "
                + m.message()
            : null;
      default:
        return c.inconclusive() > check.inconclusiveLimit()
            ? what
                + check.name()
                + " inconclusive "
                + times(c.inconclusive())
                + ", limit "
                + check.inconclusiveLimit()
                + ": "
                + m.message()
            : null;
    }
  }

  private static String times(int n) {
    return n == 1 ? "1 time" : n + " times";
  }

  private Decision analyse(State st, Step step, Observation obs, Instant now) {
    State.Builder next = st.newBuilder();
    List<AnalysisCheck> due = new ArrayList<>();
    for (AnalysisCheck check : step.checks()) {
      // judge the weight before this step only after it carried traffic for a while (the step
      // started once the
      // Gateway accepted that weight)
      State.Counters c =
          next.analysis.computeIfAbsent(
              check.name(),
              k ->
                  State.Counters.due(
                      st.stepStartedAt.plus(check.initialDelay().orElse(check.interval()))));
      if (!c.passed() && !now.isBefore(c.next())) {
        due.add(check);
      }
    }
    List<AnalysisCheck> missing = missing(st, due, obs, false);
    if (!missing.isEmpty()) {
      return measure(st, missing, false);
    }
    String failure = null;
    String judgement = null;
    for (AnalysisCheck check : due) {
      Measurement m = obs.measurements().get(measurementKey(st, check, false));
      State.Counters c =
          count(check, next.analysis.get(check.name()), m, true)
              .withNext(now.plus(check.interval()));
      next.analysis.put(check.name(), c);
      record(next, st, check, false, m, now);
      String f = failure(check, c, m, "analysis ");
      if (f != null && judges(check, m)) {
        judgement = judgement == null ? f : judgement;
      } else {
        failure = failure == null ? f : failure;
      }
    }
    Instant wake = Instant.MAX;
    boolean allPassed = true;
    for (AnalysisCheck check : step.checks()) {
      State.Counters c = next.analysis.get(check.name());
      boolean done =
          c.passed() || check.dryRun() && c.successes() + c.failures() + c.inconclusive() > 0;
      if (!done) {
        allPassed = false;
        wake = c.next().isBefore(wake) ? c.next() : wake;
      }
    }
    State counted = next.build();
    List<Note> notes = new ArrayList<>();
    for (AnalysisCheck check : due) {
      Measurement m = obs.measurements().get(measurementKey(st, check, false));
      notes.add(Note.analysis(measuredStatus(st, counted), check, m));
      if (m.verdict() != Measurement.Verdict.SUCCESS) {
        notes.add(
            Note.event(
                "Warning",
                "AnalysisMeasurement",
                "steps[" + st.step + "] " + check.name() + ": " + m));
      }
    }
    if (failure != null) {
      return write(
          rollbackState(counted, Phase.ROLLED_BACK, failure, now, notes), true, null, notes, now);
    }
    if (judgement != null) {
      return write(judgementPause(counted, judgement, now, notes), false, null, notes, now);
    }
    if (allPassed) {
      return write(advance(counted, st.step + 1, now, notes), true, null, notes, now);
    }
    if (!due.isEmpty()) {
      return new Decision(Action.WRITE, counted, false, null, notes, wake, Map.of(), false);
    }
    return waitUntil(st, wake);
  }

  private Decision finishSwap(State st, Observation obs, Instant now) {
    if (!"pending".equals(st.swap)) {
      return new Decision(Action.DONE, st, false, null, List.of(), now, Map.of(), false);
    }
    if (!obs.swapped()) {
      return new Decision(Action.SWAP, st, false, null, List.of(), now, Map.of(), false);
    }
    State.Builder next = st.newBuilder();
    next.weight = 0;
    next.swap = "done";
    next.phase = Phase.PROMOTED;
    next.reason = "promoted; " + plan.stable() + " now serves the new version";
    next.transitionAt = now;
    State built = next.build();
    return write(
        built,
        true,
        null,
        List.of(Note.listener("promoted", null), Note.event("Normal", "Promoted", built.reason)),
        now);
  }

  // ------------------------------------------------------------------------------------------
  // commands

  /** The queued command to run first: an abort anywhere in the queue, else the oldest line. */
  static String nextCommand(String queued) {
    String first = null;
    for (String line : queued.split("\n")) {
      String c = line.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (c.toLowerCase(Locale.ROOT).startsWith("abort")) {
        return c;
      }
      first = first == null ? c : first;
    }
    return first == null ? "" : first;
  }

  /**
   * The queue left after running its next command: nothing after an abort (the rollout ends), else
   * the later lines.
   */
  static String remainingCommands(String queued) {
    if (nextCommand(queued).toLowerCase(Locale.ROOT).startsWith("abort")) {
      return "";
    }
    String rest = queued.strip();
    int nl = rest.indexOf('\n');
    return nl < 0 ? "" : rest.substring(nl + 1).strip();
  }

  private Decision command(State st, String queued, Instant now) {
    String command = nextCommand(queued);
    String verb = command.split(":", 2)[0].trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String detail = command.contains(":") ? command.substring(command.indexOf(':') + 1).trim() : "";
    List<Note> notes = new ArrayList<>();
    State next;
    if (verb.equals("retry") && (st.phase == Phase.ROLLED_BACK || st.phase == Phase.ABORTED)) {
      next = retried(st, now, notes);
    } else if (st.phase.terminal() || verb.equals("retry")) {
      next =
          st; // retry of a rollout that did not fail, or any other command after the end: consumed
    } else {
      switch (verb) {
        case "promote --full":
          {
            State.Builder b = advance(st, plan.steps().size(), now, notes).newBuilder();
            b.reason =
                "promoted fully by command, skipping steps["
                    + Math.max(0, st.step + 1)
                    + ".."
                    + (plan.steps().size() - 1)
                    + "]"
                    + (b.reason.isEmpty() || b.reason.equals("promoted") ? "" : "; " + b.reason);
            next = b.build();
            break;
          }
        case "promote":
          if (st.phase == Phase.PAUSED && !st.gate) {
            next = resumed(st, "resumed by promote", now, notes);
          } else {
            next = advance(st, Math.min(st.step + 1, plan.steps().size()), now, notes);
            if (next.reason.isEmpty()) {
              State.Builder b = next.newBuilder();
              b.reason = "promoted past steps[" + st.step + "] by command";
              next = b.build();
            }
          }
          break;
        case "resume":
          if (st.phase != Phase.PAUSED) {
            next = st;
          } else if (st.gate) {
            next = advance(st, st.step + 1, now, notes);
          } else {
            next = resumed(st, "resumed by command", now, notes);
          }
          break;
        case "pause":
          next = st;
          if (st.phase != Phase.PAUSED) {
            State.Builder b = st.newBuilder();
            b.phase = Phase.PAUSED;
            b.reason = "paused by command" + (detail.isEmpty() ? "" : ": " + detail);
            b.transitionAt = now;
            next = b.build();
            notes.add(Note.listener("paused", null));
            notes.add(Note.event("Normal", "Paused", next.reason));
          }
          break;
        case "abort":
          next =
              rollbackState(
                  st,
                  Phase.ABORTED,
                  "aborted by command" + (detail.isEmpty() ? "" : ": " + detail),
                  now,
                  notes);
          break;
        default:
          next = st;
          notes.add(
              Note.event(
                  "Warning",
                  "UnknownCommand",
                  "unknown command "
                      + command
                      + "; use promote, promote --full, pause, resume, abort or retry"));
      }
    }
    return write(next, true, queued, notes, now);
  }

  /**
   * A rolled-back or aborted rollout of this plan started again from its first step: the rules it
   * added are known, so the new rollout replaces exactly those; analysis counters start afresh.
   */
  private State retried(State st, Instant now, List<Note> notes) {
    State.Builder from = st.newBuilder();
    from.step = -1;
    from.phase = Phase.PROGRESSING;
    from.background.clear();
    from.swap = "";
    State.Builder next = advance(from.build(), 0, now, notes).newBuilder();
    String reason =
        "retried after "
            + st.phase.name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " ("
            + st.reason
            + ")";
    next.reason = next.reason.isEmpty() ? reason : reason + "; " + next.reason;
    notes.add(Note.event("Normal", "Retried", next.reason));
    return next.build();
  }

  private State resumed(State st, String reason, Instant now, List<Note> notes) {
    State.Builder next = st.newBuilder();
    next.phase = Phase.PROGRESSING;
    next.reason = reason;
    next.transitionAt = now;
    // a resumed step's waiting restarts (a timed pause runs its full duration again); the route is
    // re-verified
    // from now on
    next.stepStartedAt = now;
    next.changedAt = now;
    State built = next.build();
    notes.add(Note.listener("resumed", null));
    notes.add(Note.event("Normal", "Resumed", reason));
    return built;
  }

  /**
   * Applies the external-edit policy to {@code edit}; null when it was already reported and nothing
   * changes.
   */
  private Decision externalEdit(State st, String edit, Instant now) {
    List<Note> notes = new ArrayList<>();
    switch (plan.externalEditPolicy()) {
      case ABORT:
        return write(
            rollbackState(st, Phase.ABORTED, "external edit: " + edit, now, notes),
            true,
            null,
            notes,
            now);
      case REASSERT:
        {
          State.Builder next = st.newBuilder();
          next.reason = "weights written back after an external edit: " + edit;
          next.changedAt = now;
          notes.add(Note.event("Warning", "ExternalEditReverted", next.reason));
          return write(next.build(), true, null, notes, now);
        }
      default:
        {
          String reason = "paused after an external edit: " + edit;
          if (st.phase == Phase.PAUSED && reason.equals(st.reason)) {
            return null; // already reported; stays paused until resumed, promoted or aborted
          }
          State.Builder next = st.newBuilder();
          next.phase = Phase.PAUSED;
          next.reason = reason;
          next.transitionAt = now;
          State built = next.build();
          notes.add(Note.listener("paused", null));
          notes.add(Note.event("Warning", "ExternalEdit", built.reason));
          return write(built, false, null, notes, now);
        }
    }
  }

  private Decision rollback(State st, Phase phase, String reason, Instant now) {
    List<Note> notes = new ArrayList<>();
    return write(rollbackState(st, phase, reason, now, notes), true, null, notes, now);
  }

  private State rollbackState(State st, Phase phase, String reason, Instant now, List<Note> notes) {
    State.Builder next = st.newBuilder();
    next.phase = phase;
    next.weight = 0;
    next.mirror = 0;
    next.ab = false;
    next.gate = false;
    next.swap = "";
    next.reason = reason;
    next.transitionAt = now;
    State built = next.build();
    notes.add(Note.listener("rolledBack", null));
    notes.add(Note.event("Warning", phase == Phase.ABORTED ? "Aborted" : "RolledBack", reason));
    return built;
  }

  // ------------------------------------------------------------------------------------------
  // views

  /** The traffic {@code st} wants on {@code route}. */
  CanaryTraffic traffic(State st, RouteRef route) {
    List<RequestMatch> matches = new ArrayList<>();
    if (st.ab) {
      for (int i = 0; i <= st.step && i < plan.steps().size(); i++) {
        if (plan.steps().get(i).kind() == Step.Kind.MATCH) {
          matches.add(requestMatch(plan.steps().get(i).matches()));
        }
      }
    }
    CanaryTraffic pair = CanaryTraffic.of(plan.stable(), plan.canary());
    if (plan.sessionAffinity().isPresent()) {
      pair = pair.withSessionAffinity(plan.sessionAffinity().get(), plan.sessionAffinityMaxAge());
    }
    return pair.withWeight(st.weight)
        .withMirror(st.mirror)
        .withStableRemoved(st.stableRemoved)
        .withMatches(matches)
        .withPreviousRules(st.addedRules(key(route)));
  }

  private static RequestMatch requestMatch(List<CanaryMatch> matches) {
    RequestMatch m = null;
    for (CanaryMatch c : matches) {
      switch (c.type()) {
        case HEADER:
          m =
              m == null
                  ? RequestMatch.header(c.name(), c.value())
                  : m.andHeader(c.name(), c.value());
          break;
        case COOKIE:
          m =
              m == null
                  ? RequestMatch.cookie(c.name(), c.value())
                  : m.andCookie(c.name(), c.value());
          break;
        default:
          m =
              m == null
                  ? RequestMatch.queryParam(c.name(), c.value())
                  : m.andQueryParam(c.name(), c.value());
      }
    }
    return m;
  }

  /**
   * The status a measurement is reported with: the counted state as it is written (next revision).
   */
  private CanaryStatus measuredStatus(State read, State counted) {
    State.Builder b = counted.newBuilder();
    b.rev = read.rev + 1;
    return status(b.build());
  }

  CanaryStatus status(State st) {
    Optional<Step> current =
        st.step >= 0 && st.step < plan.steps().size()
            ? Optional.of(plan.steps().get(st.step))
            : Optional.empty();
    Map<String, String> analysis = new LinkedHashMap<>();
    st.analysis.forEach(
        (k, c) ->
            analysis.put(
                k,
                c.successes()
                    + " ok ("
                    + c.consecutive()
                    + " in a row), "
                    + c.failures()
                    + " failed, "
                    + c.inconclusive()
                    + " inconclusive"
                    + (c.passed() ? ", passed" : "")));
    st.background.forEach(
        (k, c) ->
            analysis.put(
                "background/" + k,
                c.successes()
                    + " ok ("
                    + c.consecutive()
                    + " in a row), "
                    + c.failures()
                    + " failed, "
                    + c.inconclusive()
                    + " inconclusive"));
    return new CanaryStatus(
        st.phase,
        st.step,
        plan.steps().size(),
        current,
        st.weight,
        st.mirror,
        st.reason,
        st.transitionAt,
        st.rev,
        analysis,
        st.history);
  }

  static String key(RouteRef ref) {
    return ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }
}
