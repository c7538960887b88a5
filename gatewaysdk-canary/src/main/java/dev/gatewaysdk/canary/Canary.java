package dev.gatewaysdk.canary;

import dev.gatewaysdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.LeaseElector;
import dev.gatewaysdk.canary.internal.EventRecorder;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.canary.internal.RouteEdits;
import dev.gatewaysdk.canary.internal.RouteHealth;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.Backend;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.core.RuleSelector;
import dev.gatewaysdk.core.UnsupportedByClusterException;
import dev.gatewaysdk.core.internal.JsonPatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link CanaryPlan} on a cluster, like Flagger or Argo Rollouts but as a library: weight steps,
 * pauses, manual gates, metric analysis (at analysis steps and in the background, see {@link CanaryPlan}),
 * mirroring and A/B matches, then promotion, or rollback to 100% stable when a check fails, a route change is
 * refused or not accepted within the progress deadline, or on abort.
 *
 * <p><b>Durable.</b> The rollout state (step, weights, analysis counters, phase, last transition and reason)
 * lives in the primary route's {@code canary.gatewaysdk.dev/state} annotation, written in the same guarded JSON
 * patch as the route changes it describes. A process that dies at any point and a new instance that starts
 * later continue where it stopped: no step runs twice and no weight goes back. Several replicas may run the same
 * plan under {@link #runWithLeaderElection}; one drives, the others wait and take over.
 *
 * <p><b>Surgical.</b> Only the weights of the stable and canary backends in the rules that have both, the
 * canary's mirror filter on those rules and the A/B rules the plan adds are touched; everything else on the
 * route stays as it is. Weights changed by someone else are handled by the plan's {@link ExternalEditPolicy}.
 *
 * <p><b>Controlled</b> from code ({@link #promote()}, {@link #pause()}, {@link #resume()}, {@link #abort(String)})
 * or from the cluster: {@code kubectl annotate httproute storefront canary.gatewaysdk.dev/command=promote}.
 * Both go through that annotation, so they reach whichever replica drives.
 *
 * <p>Before a step proceeds, its route change is read back and every parent must report {@code Accepted} and
 * {@code ResolvedRefs} for the new generation. All waiting goes through the {@link CanaryClock}. Each
 * transition is also recorded as a Kubernetes Event on the route and told to the {@link CanaryListener}s.
 * Instances are thread-safe; run one rollout per instance at a time.
 *
 * <pre>{@code
 * Canary canary = Canary.builder(client, plan)
 *     .provider("prometheus", PrometheusProvider.create(URI.create("http://prometheus:9090")))
 *     .listener(new CanaryMetrics(meterRegistry))
 *     .build();
 * CanaryStatus end = canary.run();            // blocks until promoted, rolled back or aborted
 * if (end.phase() != Phase.PROMOTED) System.err.println(end.reason());
 * }</pre>
 */
public final class Canary {
  private static final Logger LOG = LoggerFactory.getLogger(Canary.class);
  private static final int MAX_CONSECUTIVE_ERRORS = 20;

  /** Makes the stable backend serve the new version ({@link Promotion#SWAP}); must be idempotent. */
  @FunctionalInterface
  public interface SwapAction {
    void swap(CanaryPlan plan) throws Exception;
  }

  private final GatewayApiClient client;
  private final RouteManager routes;
  private final CanaryPlan plan;
  private final CanaryClock clock;
  private final Map<String, MetricProvider> providers;
  private final List<CanaryListener> listeners;
  private final SwapAction swap;
  private final Duration pollInterval;
  private final boolean verifyRoutes;
  private final EventRecorder events;

  private Canary(Builder b) {
    this.client = b.client;
    this.routes = RouteManager.create(b.client, b.fieldManager);
    this.plan = b.plan;
    this.clock = b.clock;
    this.providers = Map.copyOf(b.providers);
    this.listeners = List.copyOf(b.listeners);
    this.swap = b.swap;
    this.pollInterval = b.pollInterval;
    this.verifyRoutes = b.verifyRoutes;
    this.events = b.events ? new EventRecorder(b.client.apiClient(), b.fieldManager) : null;
  }

  public static Builder builder(GatewayApiClient client, CanaryPlan plan) {
    return new Builder(client, plan);
  }

  public CanaryPlan plan() {
    return plan;
  }

  // ------------------------------------------------------------------------------------------------ running

  /**
   * Runs the rollout until it is promoted, rolled back or aborted, and returns how it ended. Resumes a
   * rollout of this plan already under way on the route.
   *
   * @throws InvalidPlanException if the routes or backends do not exist, before anything changes
   * <p>Which rollout runs: the state on the route belongs to one plan and {@linkplain CanaryPlan#release()
   * release}. The same plan and release continue (or, finished, return at once: a rollout never repeats). A
   * plan of another release starts a new rollout from its first step, after a finished one or mid-rollout. A
   * changed plan of the same release mid-rollout continues at the same step index of the new plan, that step
   * starting again (its weight written, its pause or analysis from the beginning; a rollout paused by command
   * stays paused); an event {@code PlanChanged} or {@code NewRelease} records it.
   *
   * @throws IllegalStateException if the route is in the middle of a rollout between other backends
   * @throws CanaryStateException if the state annotation is corrupt or of a newer format; nothing is changed
   * @throws InterruptedException if interrupted; the rollout stays where it is, another run continues it
   */
  public CanaryStatus run() throws InterruptedException {
    int errors = 0;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      Pass p;
      try {
        p = pass();
        errors = 0;
      } catch (InvalidPlanException | NotFoundException e) {
        throw e;
      } catch (GatewayApiException e) {
        if (++errors >= MAX_CONSECUTIVE_ERRORS) {
          throw e;
        }
        LOG.warn("canary {}: API error, retrying in {}: {}", plan.primaryRoute(), pollInterval, e.getMessage());
        clock.sleepUntil(clock.now().plus(pollInterval));
        continue;
      }
      notify(l -> l.statusChanged(p.status));
      if (p.done) {
        return p.status;
      }
      Instant now = clock.now();
      Instant wake = p.wake.isBefore(now.plus(pollInterval)) ? p.wake : now.plus(pollInterval);
      if (wake.isAfter(now)) {
        clock.sleepUntil(wake);
      }
    }
  }

  /**
   * One reconciliation pass: reads the routes, acts on commands, external edits, route status, the current
   * step, and writes at most one state change to the primary route. {@link #run()} repeats this.
   *
   * @throws InvalidPlanException if the routes or backends do not exist, before anything changes
   */
  public CanaryStatus reconcile() {
    Pass p = pass();
    notify(l -> l.statusChanged(p.status));
    return p.status;
  }

  /** The rollout's status as stored on the primary route (before the first step: step -1, PROGRESSING). */
  public CanaryStatus status() {
    State st = state(read(plan.primaryRoute()));
    if (st == null || !plan.id().equals(st.plan)) {
      State s = new State();
      s.plan = plan.id();
      return status(s);
    }
    return status(st);
  }

  /**
   * Runs the rollout while holding the Lease of {@code election}; replicas running the same plan wait, and one
   * of them takes over if this one dies or loses the lease. Returns how the rollout ended, also on replicas
   * that never led.
   *
   * @throws InterruptedException if interrupted
   */
  public CanaryStatus runWithLeaderElection(LeaderElection election) throws InterruptedException {
    while (true) {
      CanaryStatus s = status();
      if (s.terminal()) {
        return s;
      }
      AtomicBoolean lost = new AtomicBoolean();
      Thread self = Thread.currentThread();
      try (LeaseElector elector = new LeaseElector(client.apiClient(), election)) {
        long wait = Math.max(10, Math.min(pollInterval.toMillis(), election.retryPeriod().toMillis()));
        long nextAttempt = System.nanoTime();
        while (true) {
          if (System.nanoTime() - nextAttempt >= 0) {
            if (elector.tryAcquireOrRenew()) {
              break;
            }
            nextAttempt = System.nanoTime() + election.retryPeriod().toNanos();
          }
          CanaryStatus now = status();
          if (now.terminal()) {
            return now;
          }
          TimeUnit.MILLISECONDS.sleep(wait);
        }
        elector.keepRenewing(() -> {
          if (lost.compareAndSet(false, true)) {
            self.interrupt();
          }
        });
        LOG.info("canary {}: {} leads", plan.primaryRoute(), election.identity());
        try {
          return run();
        } catch (InterruptedException e) {
          if (!lost.get()) {
            throw e;
          }
          Thread.interrupted();
          LOG.warn("canary {}: {} lost the lease; waiting to lead again", plan.primaryRoute(), election.identity());
        } finally {
          lost.set(true); // from here on, a failed renewal no longer interrupts this thread
        }
      }
    }
  }

  // ----------------------------------------------------------------------------------------------- commands

  /** Finishes the current pause, manual gate or analysis now and continues; resumes a paused rollout. */
  public void promote() {
    command("promote");
  }

  /** Pauses the rollout where it is until {@link #resume()} or {@link #promote()}. */
  public void pause() {
    command("pause");
  }

  /** Continues a paused rollout, writing its weights back if someone changed them. */
  public void resume() {
    command("resume");
  }

  /** Rolls back to 100% stable and ends the rollout as ABORTED. */
  public void abort() {
    abort(null);
  }

  /** Rolls back to 100% stable and ends the rollout as ABORTED with {@code reason}. */
  public void abort(String reason) {
    command("abort" + (reason == null || reason.isBlank() ? "" : ": " + reason));
  }

  /**
   * Queues {@code command} on the primary route: appended as a line to the command annotation, guarded by
   * what was read (a test operation), so that a command written before the driver consumed the previous one
   * is never lost.
   */
  private void command(String command) {
    String key = "/metadata/annotations/" + Json.pointerToken(State.COMMAND_ANNOTATION);
    routes.patch(plan.primaryRoute(), route -> {
      ArrayNode ops = Jsons.array();
      JsonNode annotations = route.path("metadata").path("annotations");
      JsonNode queued = annotations.path(State.COMMAND_ANNOTATION);
      if (annotations.isObject()) {
        if (queued.isTextual() && !queued.asText().isBlank()) {
          ops.addObject().put("op", "test").put("path", key).set("value", queued);
          ops.addObject().put("op", "add").put("path", key).put("value", queued.asText().strip() + "\n" + command);
        } else {
          ops.addObject().put("op", "test").put("path", "/metadata/resourceVersion").set("value", route.at("/metadata/resourceVersion"));
          ops.addObject().put("op", "add").put("path", key).put("value", command);
        }
      } else {
        ops.addObject().put("op", "test").put("path", "/metadata/resourceVersion").set("value", route.at("/metadata/resourceVersion"));
        ops.addObject().put("op", "add").put("path", "/metadata/annotations").set("value", Jsons.object().put(State.COMMAND_ANNOTATION, command));
      }
      return ops;
    });
  }

  /** The queued command to run first: an abort anywhere in the queue, else the oldest line. */
  private static String nextCommand(String queued) {
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

  /** The queue left after running {@code command}: nothing after an abort (the rollout ends), else the later lines. */
  private static String remainingCommands(String queued, String command) {
    if (command.toLowerCase(Locale.ROOT).startsWith("abort")) {
      return "";
    }
    String rest = queued.strip();
    int nl = rest.indexOf('\n');
    return nl < 0 ? "" : rest.substring(nl + 1).strip();
  }

  // --------------------------------------------------------------------------------------------- dry run

  /**
   * What the rollout would do from the routes' current state, step by step, without changing anything.
   *
   * @throws InvalidPlanException if the routes or backends do not exist
   */
  public CanaryDryRun dryRun() {
    List<ObjectNode> current = new ArrayList<>();
    for (RouteRef r : plan.routes()) {
      current.add(read(r));
    }
    validate(current);
    List<String> lines = new ArrayList<>();
    List<JsonNode> patches = new ArrayList<>();
    State st = new State();
    st.plan = plan.id();
    st.weight = RouteEdits.canaryShare(current.get(0), plan.stable(), plan.canary());
    for (int i = 0; i <= plan.steps().size(); i++) {
      List<Runnable> ignored = new ArrayList<>();
      boolean backgroundBefore = !st.background.isEmpty();
      st = advance(st, i, Instant.EPOCH, ignored);
      String background = !backgroundBefore && !st.background.isEmpty()
          ? "; background analysis from here until promotion: " + plan.backgroundAnalysis() : "";
      if (st.swap.equals("pending")) {
        st.swap = "done";
      }
      List<String> changes = new ArrayList<>();
      for (int r = 0; r < current.size(); r++) {
        RouteRef ref = plan.routes().get(r);
        RouteEdits.Result res = RouteEdits.converge(current.get(r), key(ref), ref.kind(), plan.stable(), plan.canary(), st, abSteps(st));
        st.added.set(key(ref), res.abRules);
        if (res.writes()) {
          current.set(r, (ObjectNode) JsonPatch.apply(current.get(r), res.ops));
          changes.add(ref + " " + String.join(", ", res.changes));
        }
        if (r == 0) {
          patches.add(res.ops);
        }
      }
      String what = i < plan.steps().size() ? "steps[" + i + "] " + plan.steps().get(i) : "promotion (" + plan.promotion() + ")";
      lines.add(what + ": " + (changes.isEmpty() ? "no route change" : String.join("; ", changes)) + background);
      if (plan.promotion() == Promotion.SWAP && i == plan.steps().size()) {
        State after = st.copy();
        after.weight = 0;
        for (int r = 0; r < current.size(); r++) {
          RouteRef ref = plan.routes().get(r);
          RouteEdits.Result res = RouteEdits.converge(current.get(r), key(ref), ref.kind(), plan.stable(), plan.canary(), after, List.of());
          if (res.writes()) {
            current.set(r, (ObjectNode) JsonPatch.apply(current.get(r), res.ops));
            lines.add("after the swap action: " + ref + " " + String.join(", ", res.changes));
          }
        }
      }
    }
    return new CanaryDryRun(plan, lines, patches);
  }

  /**
   * Checks the plan against the cluster: every route exists, every route has a rule with both backends, every
   * check's provider is registered.
   *
   * @throws InvalidPlanException naming each problem
   */
  public void validate() {
    List<ObjectNode> current = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < plan.routes().size(); i++) {
      try {
        current.add(read(plan.routes().get(i)));
      } catch (NotFoundException e) {
        problems.add("routes[" + i + "] " + plan.routes().get(i) + ": not found");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(problems);
    }
    validate(current);
  }

  private void validate(List<ObjectNode> current) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      if (RouteEdits.managedRules(current.get(i), plan.stable(), plan.canary()).isEmpty()) {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : current.get(i).path("spec").path("rules")) {
          for (JsonNode b : rule.path("backendRefs")) {
            names.add(b.path("name").asText());
          }
        }
        problems.add("routes[" + i + "] " + plan.routes().get(i) + ": no rule has both backends " + plan.stable()
            + " and " + plan.canary() + " (backends in the route: " + names + ")");
      }
    }
    for (int i = 0; i < plan.steps().size(); i++) {
      for (AnalysisCheck c : plan.steps().get(i).checks()) {
        if (!providers.containsKey(c.provider())) {
          problems.add("steps[" + i + "] (" + plan.steps().get(i) + "): check " + c.name() + " uses provider "
              + c.provider() + ", which is not registered (registered: " + new java.util.TreeSet<>(providers.keySet()) + ")");
        }
      }
    }
    for (int i = 0; i < plan.backgroundAnalysis().size(); i++) {
      AnalysisCheck c = plan.backgroundAnalysis().get(i);
      if (!providers.containsKey(c.provider())) {
        problems.add("backgroundAnalysis[" + i + "]: check " + c.name() + " uses provider " + c.provider()
            + ", which is not registered (registered: " + new java.util.TreeSet<>(providers.keySet()) + ")");
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(mirrorPercentProblems(current));
    }
    if (plan.promotion() == Promotion.SWAP && swap == null) {
      problems.add("promotion: SWAP needs a swap action (Canary.Builder.swap)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(problems);
    }
  }

  /**
   * A mirror step below 100% needs {@code requestMirror.percent}, which older Gateway API releases (v1.0.0) do
   * not have: there the server would drop the field and mirror every request. Asks {@link RouteManager} (a
   * server-side dry run, nothing stored) and names the step when the cluster cannot mirror a share.
   */
  private List<String> mirrorPercentProblems(List<ObjectNode> current) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < plan.steps().size(); i++) {
      Step s = plan.steps().get(i);
      if (s.kind() != Step.Kind.MIRROR || s.percent() <= 0 || s.percent() >= 100) {
        continue;
      }
      for (int r = 0; r < current.size(); r++) {
        RouteRef ref = plan.routes().get(r);
        try {
          routes.withDryRun(true).setMirror(ref, RuleSelector.withBackend(plan.canary()),
              Backend.service(plan.canary(), canaryPort(current.get(r))), s.percent());
        } catch (UnsupportedByClusterException e) {
          problems.add("steps[" + i + "] (" + s + "): " + e.getMessage() + " (on this cluster the mirror would carry every request)");
          return problems;
        } catch (RuntimeException e) {
          LOG.debug("canary {}: mirror dry run: {}", ref, e.toString()); // the real write reports it
        }
      }
    }
    return problems;
  }

  private int canaryPort(ObjectNode route) {
    for (JsonNode rule : route.path("spec").path("rules")) {
      for (JsonNode b : rule.path("backendRefs")) {
        if (b.path("name").asText().equals(plan.canary()) && b.has("port")) {
          return b.get("port").asInt();
        }
      }
    }
    return 80;
  }

  // ------------------------------------------------------------------------------------------------ engine

  /** The result of one pass. */
  private static final class Pass {
    final CanaryStatus status;
    final Instant wake;
    final boolean done;

    Pass(CanaryStatus status, Instant wake, boolean done) {
      this.status = status;
      this.wake = wake;
      this.done = done;
    }
  }

  /** Another writer changed the state since it was read: read again. */
  private static final class StaleState extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleState() {
      super(null, null, false, false);
    }
  }

  private Pass pass() {
    Instant now = clock.now();
    ObjectNode primary;
    try {
      primary = read(plan.primaryRoute());
    } catch (NotFoundException e) {
      validate();
      throw e;
    }
    State st = state(primary);
    List<Runnable> notes = new ArrayList<>();
    if (st == null || !plan.id().equals(st.plan)) {
      return start(primary, st, now);
    }
    if (!st.synced) {
      return sync(primary, st, now);
    }
    String queued = annotation(primary, State.COMMAND_ANNOTATION);
    boolean abortQueued = queued != null && nextCommand(queued).toLowerCase(Locale.ROOT).startsWith("abort");
    if (queued != null && (st.phase.terminal() || abortQueued)) {
      return command(primary, st, queued.trim(), now);
    }
    if (st.phase.terminal()) {
      return new Pass(status(st), now, true);
    }
    // someone else changed the weights? checked in every phase, paused and at gates too, and before a queued
    // command runs, so that a promote never overwrites an edit nobody was told about
    List<ObjectNode> all = new ArrayList<>();
    all.add(primary);
    for (int i = 1; i < plan.routes().size(); i++) {
      all.add(read(plan.routes().get(i)));
    }
    for (int i = 0; i < all.size(); i++) {
      Optional<String> edit = RouteEdits.externalEdit(all.get(i), plan.stable(), plan.canary(), st.weight, st.stableRemoved);
      if (edit.isPresent()) {
        Pass p = externalEdit(primary, st, plan.routes().get(i) + ": " + edit.get(), now);
        if (p != null) {
          return p;
        }
        break;
      }
    }
    if (queued != null) {
      return command(primary, st, queued.trim(), now);
    }
    // the last change accepted by every parent? (in every phase: a refusal while paused rolls back too)
    if (verifyRoutes) {
      for (int i = 0; i < all.size(); i++) {
        RouteHealth h = RouteHealth.check(all.get(i));
        if (h.verdict == RouteHealth.Verdict.REFUSED) {
          return rollback(primary, st, Phase.ROLLED_BACK, plan.routes().get(i) + " change refused: " + h.detail, now);
        }
        if (h.verdict == RouteHealth.Verdict.PENDING) {
          long generation = all.get(i).path("metadata").path("generation").asLong(0);
          long own = st.generations.path(key(plan.routes().get(i))).asLong(0);
          if (own > 0 && generation > own) {
            // someone else changed the spec since the canary's own change: their change, not the canary's,
            // awaits the controller, so no progress deadline (and no rollback) applies; wait for it
            LOG.debug("canary {}: waiting for generation {} (not the canary's own change {}): {}", plan.routes().get(i), generation, own, h.detail);
            return soonest(new Pass(status(st), now.plus(pollInterval), false), st);
          }
          Instant deadline = st.changedAt.plus(plan.progressDeadline());
          if (!now.isBefore(deadline)) {
            return rollback(primary, st, Phase.ROLLED_BACK, "progress deadline " + dev.gatewaysdk.canary.internal.DurationText.format(plan.progressDeadline())
                + " exceeded: " + plan.routes().get(i) + " " + h.detail, now);
          }
          return new Pass(status(st), deadline.isBefore(now.plus(pollInterval)) ? deadline : now.plus(pollInterval), false);
        }
      }
    }
    if (st.phase == Phase.PAUSED) {
      // background checks keep measuring at gates and while paused: the canary still takes traffic
      Pass bg = background(primary, st, now);
      return bg != null ? bg : soonest(new Pass(status(st), now.plus(pollInterval), false), st);
    }
    if (st.step >= plan.steps().size()) {
      return finishSwap(primary, st, now);
    }
    Pass bg = background(primary, st, now);
    if (bg != null) {
      return bg;
    }
    Step step = plan.steps().get(st.step);
    switch (step.kind()) {
      case PAUSE: {
        Instant end = st.stepStartedAt.plus(step.duration().orElseThrow());
        if (now.isBefore(end)) {
          return soonest(new Pass(status(st), end, false), st);
        }
        return commit(primary, st, advance(st, st.step + 1, now, notes), true, null, notes, now);
      }
      case ANALYSIS:
        return soonest(analyse(primary, st, step, now), st);
      default:
        return commit(primary, st, advance(st, st.step + 1, now, notes), true, null, notes, now);
    }
  }

  /**
   * The first write of this plan on the route: a fresh rollout (no state, a finished rollout of another plan or
   * release), a new release mid-rollout (from the first step), or the plan changed within one release
   * mid-rollout (the current step index restarts in the new plan).
   */
  private Pass start(ObjectNode primary, State st, Instant now) {
    List<Runnable> notes = new ArrayList<>();
    boolean midRollout = st != null && !st.phase.terminal();
    if (midRollout && st.stable != null && (!st.stable.equals(plan.stable()) || !st.canary.equals(plan.canary()))) {
      throw new IllegalStateException(plan.primaryRoute() + " is in the middle of another rollout (" + st.stable + " -> "
          + st.canary + ", " + st.phase + " at step " + st.step + "); abort it or let it finish first");
    }
    validate();
    State from = new State();
    from.plan = plan.id();
    from.release = plan.release();
    from.stable = plan.stable();
    from.canary = plan.canary();
    from.rev = st == null ? 0 : st.rev;
    from.weight = RouteEdits.canaryShare(primary, plan.stable(), plan.canary());
    if (!midRollout) {
      return commit(primary, st, advance(from, 0, now, notes), true, null, notes, now);
    }
    // the route changes the old state made (mirror, match rules) are known, so the new state's converge
    // replaces exactly those
    from.mirror = st.mirror;
    from.ab = st.ab;
    from.added = st.added.deepCopy();
    from.generations = st.generations.deepCopy();
    from.changedAt = st.changedAt;
    String reason;
    State next;
    if (!st.release.equals(plan.release())) {
      next = advance(from, 0, now, notes);
      reason = "release " + show(plan.release()) + " replaces " + show(st.release) + " at steps[" + st.step
          + "]: starting over from steps[0]";
    } else {
      int at = Math.max(0, Math.min(st.step, plan.steps().size()));
      next = advance(from, at, now, notes);
      reason = "plan changed mid-rollout: steps[" + at + "] of the new plan starts";
      if (st.phase == Phase.PAUSED && !st.gate && next.phase == Phase.PROGRESSING) {
        next.phase = Phase.PAUSED;
        reason += "; still paused";
      }
    }
    next.reason = next.reason.isEmpty() ? reason : reason + "; " + next.reason;
    String message = next.reason;
    notes.add(() -> event(primary, "Normal", st.release.equals(plan.release()) ? "PlanChanged" : "NewRelease", message));
    LOG.info("canary {}: {}", plan.primaryRoute(), message);
    return commit(primary, st, next, true, null, notes, now);
  }

  private static String show(String release) {
    return release.isEmpty() ? "(none)" : release;
  }

  /** Whether the canary takes requests in {@code st}: a weight, a mirror or match rules. */
  private static boolean givesTraffic(State st) {
    return st.weight > 0 || st.mirror > 0 || st.ab;
  }

  /** Whether the background checks run in {@code st}: from the canary's first traffic until promotion. */
  private boolean backgroundActive(State st) {
    return !plan.backgroundAnalysis().isEmpty() && st.step >= 0 && st.step < plan.steps().size()
        && !st.phase.terminal() && (!st.background.isEmpty() || givesTraffic(st));
  }

  /** {@code p}, waking no later than the next background measurement due in {@code st}. */
  private Pass soonest(Pass p, State st) {
    if (p.done || !backgroundActive(st)) {
      return p;
    }
    Instant wake = p.wake;
    for (State.Counters c : st.background.values()) {
      wake = c.next.isBefore(wake) ? c.next : wake;
    }
    return new Pass(p.status, wake, false);
  }

  /** Starts the background checks' clocks: the first measurement is due one interval from {@code now}. */
  private void startBackground(State st, Instant now) {
    for (AnalysisCheck check : plan.backgroundAnalysis()) {
      st.background.computeIfAbsent(check.name(), k -> {
        State.Counters c = new State.Counters();
        c.next = now.plus(check.interval());
        return c;
      });
    }
  }

  /**
   * Measures the background checks due at {@code now} and writes their counters, or rolls back when one exceeds
   * its failure or inconclusive limit; null when none is due.
   */
  private Pass background(ObjectNode primary, State st, Instant now) {
    if (!backgroundActive(st)) {
      return null;
    }
    State next = st.copy();
    List<Runnable> notes = new ArrayList<>();
    boolean changed = false;
    if (next.background.size() < plan.backgroundAnalysis().size()) {
      // the canary took traffic without a step starting the checks (a state written before they existed)
      startBackground(next, now);
      changed = true;
    }
    String failure = null;
    for (AnalysisCheck check : plan.backgroundAnalysis()) {
      State.Counters c = next.background.get(check.name());
      if (now.isBefore(c.next)) {
        continue;
      }
      Measurement m = measure(check, st, now);
      changed = true;
      c.next = now.plus(check.interval());
      String f = count(check, c, m, "background analysis ", false);
      failure = failure == null ? f : failure;
      notes.add(() -> notify(l -> l.analysisResult(status(next), check, m)));
      if (m.verdict() != Measurement.Verdict.SUCCESS && events != null) {
        notes.add(() -> events.record(primary, "Warning", "AnalysisMeasurement", "background " + check.name() + ": " + m, clock.now()));
      }
    }
    if (failure != null) {
      return commit(primary, st, rollbackState(next, Phase.ROLLED_BACK, failure, now, notes), true, null, notes, now);
    }
    return changed ? commit(primary, st, next, false, null, notes, now) : null;
  }

  /**
   * Counts measurement {@code m} of {@code check} in {@code c}; returns the rollback reason when a limit is
   * exceeded, else null.
   */
  private static String count(AnalysisCheck check, State.Counters c, Measurement m, String what, boolean canPass) {
    switch (m.verdict()) {
      case SUCCESS:
        c.successes++;
        c.consecutive++;
        c.passed = canPass && c.consecutive >= check.successes();
        return null;
      case FAILURE:
        c.failures++;
        c.consecutive = 0;
        return c.failures > check.failureLimit()
            ? what + check.name() + " failed " + times(c.failures) + ", limit " + check.failureLimit() + ": " + m.message()
            : null;
      default:
        c.inconclusive++;
        c.consecutive = 0;
        return c.inconclusive > check.inconclusiveLimit()
            ? what + check.name() + " inconclusive " + times(c.inconclusive) + ", limit " + check.inconclusiveLimit() + ": " + m.message()
            : null;
    }
  }

  private static String times(int n) {
    return n == 1 ? "1 time" : n + " times";
  }

  private Pass analyse(ObjectNode primary, State st, Step step, Instant now) {
    State next = st.copy();
    List<Runnable> notes = new ArrayList<>();
    Instant wake = Instant.MAX;
    boolean measured = false;
    String failure = null;
    boolean allPassed = true;
    for (AnalysisCheck check : step.checks()) {
      State.Counters c = next.analysis.computeIfAbsent(check.name(), k -> {
        State.Counters n = new State.Counters();
        // judge the weight before this step only after it carried traffic for a while (the step started
        // once the Gateway accepted that weight)
        n.next = st.stepStartedAt.plus(check.initialDelay().orElse(check.interval()));
        return n;
      });
      if (c.passed) {
        continue;
      }
      if (!now.isBefore(c.next)) {
        Measurement m = measure(check, st, now);
        measured = true;
        c.next = now.plus(check.interval());
        String f = count(check, c, m, "analysis ", true);
        failure = failure == null ? f : failure;
        notes.add(() -> notify(l -> l.analysisResult(status(next), check, m)));
        if (m.verdict() != Measurement.Verdict.SUCCESS && events != null) {
          notes.add(() -> events.record(primary, "Warning", "AnalysisMeasurement",
              "steps[" + st.step + "] " + check.name() + ": " + m, clock.now()));
        }
      }
      if (!c.passed) {
        allPassed = false;
        wake = c.next.isBefore(wake) ? c.next : wake;
      }
    }
    if (failure != null) {
      State rb = rollbackState(next, Phase.ROLLED_BACK, failure, now, notes);
      return commit(primary, st, rb, true, null, notes, now);
    }
    if (allPassed) {
      State adv = advance(next, st.step + 1, now, notes);
      return commit(primary, st, adv, true, null, notes, now);
    }
    if (measured) {
      Pass p = commit(primary, st, next, false, null, notes, now);
      return new Pass(p.status, wake, false);
    }
    return new Pass(status(st), wake, false);
  }

  private Measurement measure(AnalysisCheck check, State st, Instant now) {
    MetricProvider provider = providers.get(check.provider());
    AnalysisContext ctx = new AnalysisContext(check, plan.primaryRoute(), plan.stable(), plan.canary(), st.step, st.weight, now);
    try {
      Measurement m = provider.measure(ctx);
      return m == null ? Measurement.inconclusive("provider " + check.provider() + " returned nothing") : m;
    } catch (Exception | LinkageError e) {
      LOG.debug("check {} errored", check.name(), e);
      return Measurement.inconclusive(check.provider() + " failed: " + e);
    }
  }

  private Pass finishSwap(ObjectNode primary, State st, Instant now) {
    if (!"pending".equals(st.swap)) {
      return new Pass(status(st), now, true);
    }
    try {
      swap.swap(plan);
    } catch (Exception e) {
      LOG.warn("canary {}: swap action failed, retrying: {}", plan.primaryRoute(), e.toString());
      return new Pass(status(st), now.plus(pollInterval), false);
    }
    State next = st.copy();
    next.weight = 0;
    next.swap = "done";
    next.phase = Phase.PROMOTED;
    next.reason = "promoted; " + plan.stable() + " now serves the new version";
    next.transitionAt = now;
    List<Runnable> notes = new ArrayList<>();
    notes.add(() -> notify(l -> l.promoted(status(next))));
    notes.add(() -> event(primary, "Normal", "Promoted", next.reason));
    return commit(primary, st, next, true, null, notes, now);
  }

  private Pass command(ObjectNode primary, State st, String queued, Instant now) {
    String command = nextCommand(queued);
    String verb = command.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
    String detail = command.contains(":") ? command.substring(command.indexOf(':') + 1).trim() : "";
    List<Runnable> notes = new ArrayList<>();
    State next;
    if (st.phase.terminal()) {
      next = st.copy();
      LOG.info("canary {}: ignoring command {} after the rollout ended {}", plan.primaryRoute(), command, st.phase);
    } else {
      switch (verb) {
        case "promote":
          if (st.phase == Phase.PAUSED && !st.gate) {
            next = resumed(st, "resumed by promote", now, notes);
          } else {
            next = advance(st, Math.min(st.step + 1, plan.steps().size()), now, notes);
            next.reason = next.reason.isEmpty() ? "promoted past steps[" + st.step + "] by command" : next.reason;
          }
          break;
        case "resume":
          if (st.phase != Phase.PAUSED) {
            next = st.copy();
          } else if (st.gate) {
            next = advance(st, st.step + 1, now, notes);
          } else {
            next = resumed(st, "resumed by command", now, notes);
          }
          break;
        case "pause":
          next = st.copy();
          if (st.phase != Phase.PAUSED) {
            next.phase = Phase.PAUSED;
            next.reason = "paused by command" + (detail.isEmpty() ? "" : ": " + detail);
            next.transitionAt = now;
            State n = next;
            notes.add(() -> notify(l -> l.paused(status(n))));
            notes.add(() -> event(primary, "Normal", "Paused", n.reason));
          }
          break;
        case "abort":
          next = rollbackState(st, Phase.ABORTED, "aborted by command" + (detail.isEmpty() ? "" : ": " + detail), now, notes);
          break;
        default:
          next = st.copy();
          LOG.warn("canary {}: unknown command {} (promote, pause, resume, abort) removed", plan.primaryRoute(), command);
          notes.add(() -> event(primary, "Warning", "UnknownCommand", "unknown command " + command + "; use promote, pause, resume or abort"));
      }
    }
    return commit(primary, st, next, true, queued, notes, now);
  }

  private State resumed(State st, String reason, Instant now, List<Runnable> notes) {
    State next = st.copy();
    next.phase = Phase.PROGRESSING;
    next.reason = reason;
    next.transitionAt = now;
    // a resumed step's waiting restarts (a timed pause runs its full duration again); the route is re-verified
    // from now on
    next.stepStartedAt = now;
    next.changedAt = now;
    notes.add(() -> notify(l -> l.resumed(status(next))));
    notes.add(() -> event(primary(), "Normal", "Resumed", reason));
    return next;
  }

  /** Applies the external-edit policy to {@code edit}; null when it was already reported and nothing changes. */
  private Pass externalEdit(ObjectNode primary, State st, String edit, Instant now) {
    List<Runnable> notes = new ArrayList<>();
    switch (plan.externalEditPolicy()) {
      case ABORT:
        return commit(primary, st, rollbackState(st, Phase.ABORTED, "external edit: " + edit, now, notes), true, null, notes, now);
      case REASSERT: {
        State next = st.copy();
        next.reason = "weights written back after an external edit: " + edit;
        next.changedAt = now;
        notes.add(() -> event(primary, "Warning", "ExternalEditReverted", next.reason));
        return commit(primary, st, next, true, null, notes, now);
      }
      default: {
        String reason = "paused after an external edit: " + edit;
        if (st.phase == Phase.PAUSED && reason.equals(st.reason)) {
          return null; // already reported; stays paused until resumed, promoted or aborted
        }
        State next = st.copy();
        next.phase = Phase.PAUSED;
        next.reason = reason;
        next.transitionAt = now;
        notes.add(() -> notify(l -> l.paused(status(next))));
        notes.add(() -> event(primary, "Warning", "ExternalEdit", next.reason));
        return commit(primary, st, next, false, null, notes, now);
      }
    }
  }

  private Pass rollback(ObjectNode primary, State st, Phase phase, String reason, Instant now) {
    List<Runnable> notes = new ArrayList<>();
    return commit(primary, st, rollbackState(st, phase, reason, now, notes), true, null, notes, now);
  }

  private State rollbackState(State st, Phase phase, String reason, Instant now, List<Runnable> notes) {
    State next = st.copy();
    next.phase = phase;
    next.weight = 0;
    next.mirror = 0;
    next.ab = false;
    next.gate = false;
    next.swap = "";
    next.reason = reason;
    next.transitionAt = now;
    notes.add(() -> notify(l -> l.rolledBack(status(next))));
    notes.add(() -> event(primary(), "Warning", phase == Phase.ABORTED ? "Aborted" : "RolledBack", reason));
    return next;
  }

  /** The state after moving to step {@code index} ({@code steps.size()}: promotion), with its route effect. */
  private State advance(State st, int index, Instant now, List<Runnable> notes) {
    State next = st.copy();
    int from = st.step;
    next.step = index;
    next.stepStartedAt = now;
    next.transitionAt = now;
    next.analysis.clear();
    next.gate = false;
    next.phase = Phase.PROGRESSING;
    next.reason = "";
    if (from >= 0 && from < plan.steps().size()) {
      Step done = plan.steps().get(from);
      notes.add(() -> notify(l -> l.stepFinished(status(next), done)));
    }
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
        notes.add(() -> notify(l -> l.promoted(status(next))));
        notes.add(() -> event(primary(), "Normal", "Promoted", "canary " + plan.canary() + " promoted"));
      }
      return next;
    }
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
        notes.add(() -> notify(l -> l.paused(status(next))));
        break;
      default:
        break;
    }
    boolean startsBackground = !plan.backgroundAnalysis().isEmpty() && next.background.isEmpty() && givesTraffic(next);
    if (startsBackground) {
      startBackground(next, now);
    }
    notes.add(() -> notify(l -> l.stepStarted(status(next), step)));
    notes.add(() -> event(primary(), "Normal", "StepStarted", "steps[" + index + "] " + step + "; canary " + next.weight + "%"
        + (startsBackground ? "; background analysis started" : "")));
    return next;
  }

  /**
   * Writes {@code next} to the primary route, guarded by the state read ({@code expected}), together with the
   * route changes it implies ({@code converge}) and the removal of the consumed {@code command}.
   */
  private Pass commit(ObjectNode primary, State expected, State next, boolean converge, String command, List<Runnable> notes, Instant now) {
    String expectedText = annotation(primary, State.ANNOTATION);
    RouteRef ref = plan.primaryRoute();
    next.rev = (expected == null ? 0 : expected.rev) + 1;
    boolean secondaries = plan.routes().size() > 1;
    try {
      routes.patch(ref, route -> {
        String current = annotation(route, State.ANNOTATION);
        if (!Objects.equals(current, expectedText)) {
          throw new StaleState();
        }
        if (command != null && !command.equals(Optional.ofNullable(annotation(route, State.COMMAND_ANNOTATION)).map(String::trim).orElse(null))) {
          throw new StaleState();
        }
        ArrayNode ops = Jsons.array();
        if (converge) {
          RouteEdits.Result r = RouteEdits.converge(route, key(ref), ref.kind(), plan.stable(), plan.canary(), next, abSteps(next));
          ops.addAll(r.ops);
          if (next.ab) {
            next.added.set(key(ref), r.abRules);
          } else {
            next.added.remove(key(ref));
          }
          if (r.writes()) {
            next.changedAt = now;
            next.generations.put(key(ref), route.path("metadata").path("generation").asLong(0) + 1);
            if (!r.changes.isEmpty()) {
              LOG.info("canary {}: {}", ref, r.changes);
            }
          }
          next.synced = !secondaries;
        }
        JsonNode annotations = route.path("metadata").path("annotations");
        String base = "/metadata/annotations/";
        if (current == null) {
          ops.addObject().put("op", "test").put("path", "/metadata/resourceVersion").set("value", route.at("/metadata/resourceVersion"));
        } else {
          ops.addObject().put("op", "test").put("path", base + Json.pointerToken(State.ANNOTATION)).put("value", current);
        }
        if (command != null) {
          ops.addObject().put("op", "test").put("path", base + Json.pointerToken(State.COMMAND_ANNOTATION)).set("value", annotations.get(State.COMMAND_ANNOTATION));
          String rest = remainingCommands(command, nextCommand(command));
          if (rest.isEmpty()) {
            ops.addObject().put("op", "remove").put("path", base + Json.pointerToken(State.COMMAND_ANNOTATION));
          } else {
            ops.addObject().put("op", "add").put("path", base + Json.pointerToken(State.COMMAND_ANNOTATION)).put("value", rest);
          }
        }
        if (annotations.isObject()) {
          ops.addObject().put("op", "add").put("path", base + Json.pointerToken(State.ANNOTATION)).put("value", next.write());
          ops.addObject().put("op", "add").put("path", base + Json.pointerToken(State.PHASE_ANNOTATION)).put("value", next.phase.name());
        } else {
          ops.addObject().put("op", "add").put("path", "/metadata/annotations").set("value",
              Jsons.object().put(State.ANNOTATION, next.write()).put(State.PHASE_ANNOTATION, next.phase.name()));
        }
        return ops;
      });
    } catch (StaleState e) {
      LOG.debug("canary {}: state changed by another writer; reading again", ref);
      return new Pass(status(expected == null ? next : expected), now, false);
    }
    for (Runnable n : notes) {
      try {
        n.run();
      } catch (RuntimeException e) {
        LOG.warn("canary {}: listener failed: {}", ref, e.toString());
      }
    }
    return new Pass(status(next), now, false);
  }

  /** Brings the secondary routes to the state, then records that on the primary. */
  private Pass sync(ObjectNode primary, State st, Instant now) {
    State next = st.copy();
    for (int i = 1; i < plan.routes().size(); i++) {
      RouteRef ref = plan.routes().get(i);
      ArrayNode[] ab = new ArrayNode[1];
      long[] generation = new long[1];
      routes.patch(ref, route -> {
        RouteEdits.Result r = RouteEdits.converge(route, key(ref), ref.kind(), plan.stable(), plan.canary(), st, abSteps(st));
        ab[0] = r.abRules;
        generation[0] = r.writes() ? route.path("metadata").path("generation").asLong(0) + 1 : 0;
        if (r.writes()) {
          LOG.info("canary {}: {}", ref, r.changes);
          return r.ops;
        }
        return Jsons.array();
      });
      if (generation[0] > 0) {
        next.generations.put(key(ref), generation[0]);
      }
      if (st.ab) {
        next.added.set(key(ref), ab[0]);
      } else {
        next.added.remove(key(ref));
      }
    }
    next.synced = true;
    return commit(primary, st, next, false, null, List.of(), now);
  }

  private List<List<CanaryMatch>> abSteps(State st) {
    List<List<CanaryMatch>> out = new ArrayList<>();
    if (!st.ab) {
      return out;
    }
    for (int i = 0; i <= st.step && i < plan.steps().size(); i++) {
      if (plan.steps().get(i).kind() == Step.Kind.MATCH) {
        out.add(plan.steps().get(i).matches());
      }
    }
    return out;
  }

  private CanaryStatus status(State st) {
    Optional<Step> current = st.step >= 0 && st.step < plan.steps().size() ? Optional.of(plan.steps().get(st.step)) : Optional.empty();
    Map<String, String> analysis = new LinkedHashMap<>();
    st.analysis.forEach((k, c) -> analysis.put(k, c.successes + " ok (" + c.consecutive + " in a row), " + c.failures
        + " failed, " + c.inconclusive + " inconclusive" + (c.passed ? ", passed" : "")));
    st.background.forEach((k, c) -> analysis.put("background/" + k, c.successes + " ok (" + c.consecutive + " in a row), "
        + c.failures + " failed, " + c.inconclusive + " inconclusive"));
    return new CanaryStatus(st.phase, st.step, plan.steps().size(), current, st.weight, st.mirror, st.reason,
        st.transitionAt, st.rev, analysis);
  }

  private void notify(Consumer<CanaryListener> call) {
    for (CanaryListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("canary {}: listener {} failed: {}", plan.primaryRoute(), l, e.toString());
      }
    }
  }

  private ObjectNode lastPrimary;

  private synchronized ObjectNode primary() {
    return lastPrimary;
  }

  private void event(ObjectNode route, String type, String reason, String message) {
    if (events != null && route != null) {
      events.record(route, type, reason, message, clock.now());
    }
  }

  private ObjectNode read(RouteRef ref) {
    ObjectNode r = routes.patch(ref.withoutState(), route -> Jsons.array()).route();
    if (ref.equals(plan.primaryRoute())) {
      synchronized (this) {
        lastPrimary = r;
      }
    }
    return r;
  }

  /** The last unreadable-state problem recorded as an Event, so that it is recorded once. */
  private volatile String lastUnreadable;

  /** @throws CanaryStateException if the annotation is corrupt or of a newer format (recorded as an Event once) */
  private State state(JsonNode route) {
    String text = annotation(route, State.ANNOTATION);
    if (text == null) {
      return null;
    }
    try {
      return State.parse(text);
    } catch (IllegalArgumentException e) {
      CanaryStateException error = new CanaryStateException(plan.primaryRoute(), e.getMessage(), e);
      if (!e.getMessage().equals(lastUnreadable)) {
        lastUnreadable = e.getMessage();
        LOG.warn("canary: {}", error.getMessage());
        event(route instanceof ObjectNode ? (ObjectNode) route : null, "Warning", "UnreadableState", error.getMessage());
      }
      throw error;
    }
  }

  private static String annotation(JsonNode route, String key) {
    JsonNode v = route.path("metadata").path("annotations").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String key(RouteRef ref) {
    return ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }

  @Override
  public String toString() {
    return "Canary " + plan.primaryRoute() + " " + plan.stable() + " -> " + plan.canary();
  }

  /** Builds a {@link Canary}; defaults: system clock, 5 second polling, route verification and Events on. */
  public static final class Builder {
    private final GatewayApiClient client;
    private final CanaryPlan plan;
    private CanaryClock clock = CanaryClock.system();
    private final Map<String, MetricProvider> providers = new LinkedHashMap<>();
    private final List<CanaryListener> listeners = new ArrayList<>();
    private SwapAction swap;
    private Duration pollInterval = Duration.ofSeconds(5);
    private boolean verifyRoutes = true;
    private boolean events = true;
    private String fieldManager = "gatewaysdk-canary";

    Builder(GatewayApiClient client, CanaryPlan plan) {
      this.client = Objects.requireNonNull(client, "client");
      this.plan = Objects.requireNonNull(plan, "plan");
    }

    public Builder clock(CanaryClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Registers {@code provider} for the checks naming {@code name}. */
    public Builder provider(String name, MetricProvider provider) {
      providers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(provider, "provider"));
      return this;
    }

    public Builder listener(CanaryListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The action of {@link Promotion#SWAP}. */
    public Builder swap(SwapAction swap) {
      this.swap = Objects.requireNonNull(swap, "swap");
      return this;
    }

    /** How often the routes are read while waiting (for commands, route status, external edits). */
    public Builder pollInterval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Whether a step waits for every parent to report Accepted and ResolvedRefs for the route's new generation
     * (default on; turn off only for clusters without a Gateway controller).
     */
    public Builder verifyRoutes(boolean verify) {
      this.verifyRoutes = verify;
      return this;
    }

    /** Whether transitions are recorded as Kubernetes Events on the primary route (default on). */
    public Builder events(boolean events) {
      this.events = events;
      return this;
    }

    /** @throws IllegalArgumentException if blank */
    public Builder fieldManager(String fieldManager) {
      if (fieldManager == null || fieldManager.isBlank()) {
        throw new IllegalArgumentException("fieldManager must not be blank: " + fieldManager);
      }
      this.fieldManager = fieldManager;
      return this;
    }

    public Canary build() {
      return new Canary(this);
    }
  }
}
