package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.DurationText;
import dev.gatewaysdk.canary.internal.EventRecorder;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.canary.internal.LeaseElector;
import dev.gatewaysdk.canary.internal.RouteHealth;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.AwaitTimeoutException;
import dev.gatewaysdk.core.Backend;
import dev.gatewaysdk.core.CanaryTraffic;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.core.RuleSelector;
import dev.gatewaysdk.core.StatusCheck;
import dev.gatewaysdk.core.UnsupportedByClusterException;
import dev.gatewaysdk.core.internal.JsonPatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link CanaryPlan} on a cluster, like Flagger or Argo Rollouts but as a library: weight
 * steps, pauses, manual gates, metric analysis (at analysis steps and in the background, see {@link
 * CanaryPlan}), mirroring and A/B matches, then promotion, or rollback to 100% stable when a check
 * fails, a route change is refused or not accepted within the progress deadline, or on abort.
 *
 * <p><b>Durable.</b> The rollout state (step, weights, analysis counters, phase, last transition
 * and reason) lives in the primary route's {@code canary.gatewaysdk.dev/state} annotation, written
 * in the same guarded JSON patch as the route changes it describes. A process that dies at any
 * point and a new instance that starts later continue where it stopped: no step runs twice and no
 * weight goes back. Several replicas may run the same plan under {@link #runWithLeaderElection};
 * one drives, the others wait and take over.
 *
 * <p><b>Surgical.</b> Only the weights of the stable and canary backends in the rules that have
 * both, the canary's mirror filter on those rules and the A/B rules the plan adds are touched;
 * everything else on the route stays as it is. Weights changed by someone else are handled by the
 * plan's {@link ExternalEditPolicy}.
 *
 * <p><b>Controlled</b> from code ({@link #promote()}, {@link #pause()}, {@link #resume()}, {@link
 * #abort(String)}) or from the cluster: {@code kubectl annotate httproute storefront
 * canary.gatewaysdk.dev/command=promote}. Both go through that annotation, so they reach whichever
 * replica drives.
 *
 * <p>Before a step proceeds, its route change is read back and every parent must report {@code
 * Accepted} and {@code ResolvedRefs} for the new generation. All waiting goes through the {@link
 * CanaryClock}. Each transition is also recorded as a Kubernetes Event on the route and told to the
 * {@link CanaryListener}s. Instances are thread-safe; run one rollout per instance at a time.
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

  /** The longest wait between attempts while the API fails. */
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /**
   * Makes the stable backend serve the new version ({@link Promotion#SWAP}); must be idempotent.
   */
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
  private final boolean watchRoutes;
  private final EventRecorder events;
  private final RolloutMachine machine;
  private final StateStore store;

  private Canary(Builder b) {
    this.client = b.client;
    this.routes = RouteManager.create(b.client, b.fieldManager);
    this.plan = b.plan;
    this.clock = b.clock;
    this.providers = Map.copyOf(b.providers);
    this.listeners = List.copyOf(b.listeners);
    this.swap = b.swap;
    this.pollInterval = b.pollInterval;
    this.watchRoutes = b.watchRoutes;
    this.events = b.events ? new EventRecorder(b.client.apiClient(), b.fieldManager) : null;
    this.machine = new RolloutMachine(b.plan, b.pollInterval, b.verifyRoutes);
    this.store = new StateStore(routes, machine);
  }

  public static Builder builder(GatewayApiClient client, CanaryPlan plan) {
    return new Builder(client, plan);
  }

  public CanaryPlan plan() {
    return plan;
  }

  // ------------------------------------------------------------------------------------------------ running

  /**
   * Runs the rollout until it is promoted, rolled back or aborted, and returns how it ended.
   * Resumes a rollout of this plan already under way on the route.
   *
   * <p>Which rollout runs: the state on the route belongs to one plan and {@linkplain
   * CanaryPlan#release() release}. The same plan and release continue (or, finished, return at
   * once: a rollout never repeats). A plan of another release starts a new rollout from its first
   * step, after a finished one or mid-rollout. A changed plan of the same release mid-rollout
   * continues at the same step index of the new plan, that step starting again (its weight written,
   * its pause or analysis from the beginning; a rollout paused by command stays paused); an event
   * {@code PlanChanged} or {@code NewRelease} records it.
   *
   * @throws InvalidPlanException if the routes or backends do not exist, before anything changes
   * @throws IllegalStateException if the route is in the middle of a rollout between other backends
   * @throws CanaryStateException if the state annotation is corrupt or of a newer format; nothing
   *     is changed
   * @throws InterruptedException if interrupted; the rollout stays where it is, another run
   *     continues it
   */
  public CanaryStatus run() throws InterruptedException {
    int errors = 0;
    Instant failingSince = null;
    boolean reported = false;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      Pass p;
      try {
        p = pass();
      } catch (InvalidPlanException | NotFoundException e) {
        throw e;
      } catch (GatewayApiException e) {
        // an outage: keep the rollout where it is and try again, backing off, for as long as it
        // takes
        errors++;
        failingSince = failingSince == null ? clock.now() : failingSince;
        Duration retry = backoff(errors);
        LOG.warn(
            "canary {}: API error (attempt {}), retrying in {}: {}",
            plan.primaryRoute(),
            errors,
            retry,
            e.getMessage());
        int attempt = errors;
        CanaryStatus last = lastStatus;
        notify(l -> l.apiUnavailable(last, e, attempt, retry));
        if (errors == 1) {
          reported =
              event(
                  lastPrimary,
                  "Warning",
                  "ApiUnavailable",
                  "API error, retrying with back-off: " + e.getMessage());
        }
        clock.sleepUntil(clock.now().plus(retry));
        continue;
      }
      if (errors > 0) {
        String text =
            "the API failed "
                + errors
                + " attempt(s) over "
                + DurationText.format(Duration.between(failingSince, clock.now()))
                + "; continuing";
        LOG.info("canary {}: {}", plan.primaryRoute(), text);
        event(
            lastPrimary,
            reported ? "Normal" : "Warning",
            reported ? "ApiRecovered" : "ApiUnavailable",
            text);
        errors = 0;
        failingSince = null;
      }
      notify(l -> l.statusChanged(p.status));
      if (p.done) {
        return p.status;
      }
      Instant now = clock.now();
      Instant wake = p.wake.isBefore(now.plus(pollInterval)) ? p.wake : now.plus(pollInterval);
      if (wake.isAfter(now)) {
        waitUntil(wake);
      }
    }
  }

  /**
   * Waits until {@code wake} or until the watched route changes (the primary: the Gateway's status,
   * a command, an edit; while a secondary route awaits the Gateway: that one), whichever comes
   * first: on the system clock through a watch of the route, so that a change the Gateway accepts
   * is acted on at once; the poll interval is then only the fallback. Other clocks (a {@link
   * VirtualClock}) cannot be watched in real time and sleep on their own time.
   */
  private void waitUntil(Instant wake) throws InterruptedException {
    ObjectNode seen = watched;
    if (!watchRoutes || clock != CanaryClock.system() || seen == null) {
      clock.sleepUntil(wake);
      return;
    }
    String version = seen.path("metadata").path("resourceVersion").asText("");
    Duration timeout = Duration.between(clock.now(), wake);
    try {
      client
          .await(seen)
          .until(
              StatusCheck.of(
                  "changed since resourceVersion " + version,
                  route ->
                      !version.equals(route.path("metadata").path("resourceVersion").asText(""))),
              timeout);
      watchWakeups.incrementAndGet();
    } catch (AwaitTimeoutException e) {
      LOG.trace("canary {}: no change within {}; polling", plan.primaryRoute(), timeout);
    } catch (RuntimeException e) {
      // a failed or interrupted watch (an API error, the lease lost): the poll is the fallback
      LOG.debug(
          "canary {}: watching the route failed, sleeping instead: {}",
          plan.primaryRoute(),
          e.toString());
      clock.sleepUntil(wake);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /** How many waits a route change ended early (for tests). */
  final java.util.concurrent.atomic.AtomicInteger watchWakeups =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The wait after {@code attempt} failed attempts in a row: the poll interval doubled each time,
   * at most 5 minutes.
   */
  private Duration backoff(int attempt) {
    Duration d = pollInterval;
    for (int i = 1; i < attempt && d.compareTo(MAX_BACKOFF) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(MAX_BACKOFF) > 0
        ? (pollInterval.compareTo(MAX_BACKOFF) > 0 ? pollInterval : MAX_BACKOFF)
        : d;
  }

  /**
   * One reconciliation pass: reads the routes, acts on commands, external edits, route status, the
   * current step, and writes at most one state change to the primary route. {@link #run()} repeats
   * this.
   *
   * @throws InvalidPlanException if the routes or backends do not exist, before anything changes
   */
  public CanaryStatus reconcile() {
    Pass p = pass();
    notify(l -> l.statusChanged(p.status));
    return p.status;
  }

  /**
   * The rollout's status as stored on the primary route (before the first step: step -1,
   * PROGRESSING).
   */
  public CanaryStatus status() {
    State st = state(read(plan.primaryRoute()));
    return machine.status(st == null || !plan.id().equals(st.plan) ? State.initial(plan.id()) : st);
  }

  /**
   * Runs the rollout while holding the Lease of {@code election}; replicas running the same plan
   * wait, and one of them takes over if this one dies or loses the lease. Returns how the rollout
   * ended, also on replicas that never led.
   *
   * @throws InterruptedException if interrupted
   */
  public CanaryStatus runWithLeaderElection(LeaderElection election) throws InterruptedException {
    while (true) {
      CanaryStatus s = status();
      if (s.terminal() && !retryQueued()) {
        return s;
      }
      AtomicBoolean lost = new AtomicBoolean();
      Thread self = Thread.currentThread();
      try (LeaseElector elector = new LeaseElector(client.apiClient(), election)) {
        long wait =
            Math.max(10, Math.min(pollInterval.toMillis(), election.retryPeriod().toMillis()));
        long nextAttempt = System.nanoTime();
        while (true) {
          if (System.nanoTime() - nextAttempt >= 0) {
            if (elector.tryAcquireOrRenew()) {
              break;
            }
            nextAttempt = System.nanoTime() + election.retryPeriod().toNanos();
          }
          CanaryStatus now = status();
          if (now.terminal() && !retryQueued()) {
            return now;
          }
          TimeUnit.MILLISECONDS.sleep(wait);
        }
        elector.keepRenewing(
            () -> {
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
          LOG.warn(
              "canary {}: {} lost the lease; waiting to lead again",
              plan.primaryRoute(),
              election.identity());
        } finally {
          lost.set(true); // from here on, a failed renewal no longer interrupts this thread
        }
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // commands

  /**
   * Finishes the current pause, manual gate or analysis now and continues; resumes a paused
   * rollout.
   */
  public void promote() {
    command("promote");
  }

  /**
   * Skips every remaining step and promotes now (command {@code promote --full}); a rollout at the
   * promotion's swap stays there until the swap action ran.
   */
  public void promoteFull() {
    command("promote --full");
  }

  /**
   * Starts a rolled-back or aborted rollout of this plan again from its first step (command {@code
   * retry}); then {@link #run()} drives it. Ignored after a promotion or while the rollout is under
   * way.
   */
  public void retry() {
    command("retry");
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

  private boolean retryQueued() {
    String queued = StateStore.annotation(read(plan.primaryRoute()), State.COMMAND_ANNOTATION);
    return queued != null && queued.lines().anyMatch(l -> l.trim().equalsIgnoreCase("retry"));
  }

  /**
   * Queues {@code command} on the primary route: appended as a line to the command annotation,
   * guarded by what was read, so that a command written before the driver consumed the previous one
   * is never lost.
   */
  private void command(String command) {
    routes.annotate(
        plan.primaryRoute(),
        route -> {
          String queued = StateStore.annotation(route, State.COMMAND_ANNOTATION);
          return Map.of(
              State.COMMAND_ANNOTATION,
              queued == null || queued.isBlank() ? command : queued.strip() + "\n" + command);
        });
  }

  // ---------------------------------------------------------------------------------------------
  // dry run

  /**
   * What the rollout would do from the routes' current state, step by step, without changing
   * anything.
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
    State.Builder initial = State.initial(plan.id()).newBuilder();
    initial.weight = CanaryTraffic.of(plan.stable(), plan.canary()).observedWeight(current.get(0));
    State st = initial.build();
    for (int i = 0; i <= plan.steps().size(); i++) {
      boolean backgroundBefore = !st.background.isEmpty();
      st = machine.advance(st, i, Instant.EPOCH, new ArrayList<>());
      String background =
          !backgroundBefore && !st.background.isEmpty()
              ? "; background analysis from here until promotion: " + plan.backgroundAnalysis()
              : "";
      State.Builder next = st.newBuilder();
      if (st.swap.equals("pending")) {
        next.swap = "done";
      }
      List<String> changes = new ArrayList<>();
      for (int r = 0; r < current.size(); r++) {
        RouteRef ref = plan.routes().get(r);
        CanaryTraffic.Edit edit = machine.traffic(st, ref).editFor(current.get(r), ref.kind());
        next.added.put(RolloutMachine.key(ref), edit.matchRules());
        if (edit.writes()) {
          current.set(r, (ObjectNode) JsonPatch.apply(current.get(r), edit.patch()));
          changes.add(ref + " " + String.join(", ", edit.descriptions()));
        }
        if (r == 0) {
          patches.add(edit.patch());
        }
      }
      st = next.build();
      String what =
          i < plan.steps().size()
              ? "steps[" + i + "] " + plan.steps().get(i)
              : "promotion (" + plan.promotion() + ")";
      lines.add(
          what
              + ": "
              + (changes.isEmpty() ? "no route change" : String.join("; ", changes))
              + background);
      if (plan.promotion() == Promotion.SWAP && i == plan.steps().size()) {
        State.Builder after = st.newBuilder();
        after.weight = 0;
        for (int r = 0; r < current.size(); r++) {
          RouteRef ref = plan.routes().get(r);
          State a = after.build();
          CanaryTraffic.Edit edit =
              machine.traffic(a, ref).withMatches(List.of()).editFor(current.get(r), ref.kind());
          if (edit.writes()) {
            current.set(r, (ObjectNode) JsonPatch.apply(current.get(r), edit.patch()));
            lines.add(
                "after the swap action: " + ref + " " + String.join(", ", edit.descriptions()));
          }
        }
      }
    }
    return new CanaryDryRun(plan, lines, patches);
  }

  /**
   * Checks the plan against the cluster: every route exists, every route has a rule with both
   * backends, every check's provider is registered.
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
    CanaryTraffic pair = CanaryTraffic.of(plan.stable(), plan.canary());
    for (int i = 0; i < current.size(); i++) {
      if (pair.managedRules(current.get(i)).isEmpty()) {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : current.get(i).path("spec").path("rules")) {
          for (JsonNode b : rule.path("backendRefs")) {
            names.add(b.path("name").asText());
          }
        }
        problems.add(
            "routes["
                + i
                + "] "
                + plan.routes().get(i)
                + ": no rule has both backends "
                + plan.stable()
                + " and "
                + plan.canary()
                + " (backends in the route: "
                + names
                + ")");
      }
    }
    for (int i = 0; i < plan.steps().size(); i++) {
      for (AnalysisCheck c : plan.steps().get(i).checks()) {
        if (!providers.containsKey(c.provider())) {
          problems.add(
              "steps["
                  + i
                  + "] ("
                  + plan.steps().get(i)
                  + "): check "
                  + c.name()
                  + " uses provider "
                  + c.provider()
                  + ", which is not registered (registered: "
                  + new TreeSet<>(providers.keySet())
                  + ")");
        }
      }
    }
    for (int i = 0; i < plan.backgroundAnalysis().size(); i++) {
      AnalysisCheck c = plan.backgroundAnalysis().get(i);
      if (!providers.containsKey(c.provider())) {
        problems.add(
            "backgroundAnalysis["
                + i
                + "]: check "
                + c.name()
                + " uses provider "
                + c.provider()
                + ", which is not registered (registered: "
                + new TreeSet<>(providers.keySet())
                + ")");
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
   * A mirror step below 100% needs {@code requestMirror.percent}, which older Gateway API releases
   * (v1.0.0) do not have: there the server would drop the field and mirror every request. Asks
   * {@link RouteManager} (a server-side dry run, nothing stored) and names the step when the
   * cluster cannot mirror a share.
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
          routes
              .withDryRun(true)
              .setMirror(
                  ref,
                  RuleSelector.withBackend(plan.canary()),
                  Backend.service(plan.canary(), canaryPort(current.get(r))),
                  s.percent());
        } catch (UnsupportedByClusterException e) {
          problems.add(
              "steps["
                  + i
                  + "] ("
                  + s
                  + "): "
                  + e.getMessage()
                  + " (on this cluster the mirror would carry every request)");
          return problems;
        } catch (RuntimeException e) {
          LOG.debug(
              "canary {}: mirror dry run: {}", ref, e.toString()); // the real write reports it
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

  // ------------------------------------------------------------------------------------------------ driver

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

  /**
   * Reads the routes, asks the {@link RolloutMachine} what to do, and does it: measure, swap,
   * write, notify.
   */
  private Pass pass() {
    ObjectNode primary;
    try {
      primary = read(plan.primaryRoute());
    } catch (NotFoundException e) {
      validate();
      throw e;
    }
    lastPrimary = primary;
    String stateText = StateStore.annotation(primary, State.ANNOTATION);
    State st = state(primary);
    Instant local = clock.now();
    Instant now = timeline(st, local);
    Pass p = decideAndAct(primary, stateText, st, now, local);
    lastStatus = p.status;
    // the machine's times are on the rollout's timeline; the driver waits on its own clock
    Instant wake =
        p.wake.isAfter(now.plus(Duration.ofDays(1))) ? now.plus(Duration.ofDays(1)) : p.wake;
    return new Pass(p.status, local.plus(Duration.between(now, wake)), p.done);
  }

  private Pass decideAndAct(
      ObjectNode primary, String stateText, State st, Instant now, Instant local) {
    List<ObjectNode> all = new ArrayList<>();
    all.add(primary);
    boolean ours = st != null && plan.id().equals(st.plan);
    if (ours && st.synced && !st.phase.terminal()) {
      for (int i = 1; i < plan.routes().size(); i++) {
        all.add(read(plan.routes().get(i)));
      }
    }
    watched = primary;
    for (ObjectNode route : all) {
      if (RouteHealth.check(route).verdict == RouteHealth.Verdict.PENDING) {
        watched = route;
        break;
      }
    }
    RolloutMachine.Observation obs =
        RolloutMachine.Observation.of(
            all, StateStore.annotation(primary, State.COMMAND_ANNOTATION));
    RolloutMachine.Decision d = machine.decide(st, obs, now);
    while (d.action() == RolloutMachine.Action.MEASURE
        || d.action() == RolloutMachine.Action.SWAP) {
      if (d.action() == RolloutMachine.Action.MEASURE) {
        Map<String, Measurement> measured = new LinkedHashMap<>();
        d.measure().forEach((key, check) -> measured.put(key, measure(check, st, now)));
        obs = obs.withMeasurements(measured);
      } else {
        try {
          swap.swap(plan);
        } catch (Exception e) {
          LOG.warn(
              "canary {}: swap action failed, retrying: {}", plan.primaryRoute(), e.toString());
          return new Pass(machine.status(st), now.plus(pollInterval), false);
        }
        obs = obs.withSwapped();
      }
      d = machine.decide(st, obs, now);
    }
    switch (d.action()) {
      case DONE:
        return new Pass(machine.status(st), now, true);
      case WAIT:
        return new Pass(machine.status(st), d.wake(), false);
      case SYNC:
        {
          State written = store.sync(st, stateText, now);
          seen(written, local);
          return new Pass(machine.status(written == null ? st : written), now, false);
        }
      default:
        {
          if (d.validate()) {
            validate();
          }
          if (d.command() != null && st != null && st.phase.terminal() && d.next() == st) {
            LOG.info(
                "canary {}: ignoring command {} after the rollout ended {}",
                plan.primaryRoute(),
                d.command(),
                st.phase);
          }
          State written = store.commit(st, stateText, d.next(), d.converge(), d.command(), now);
          seen(written, local);
          if (written == null) {
            return new Pass(machine.status(st == null ? d.next() : st), now, false);
          }
          if (d.next().reason.startsWith("plan changed")
              || d.next().reason.startsWith("release ")) {
            LOG.info("canary {}: {}", plan.primaryRoute(), d.next().reason);
          }
          deliver(primary, written, d.notes());
          return new Pass(machine.status(written), d.wake(), false);
        }
    }
  }

  private volatile ObjectNode lastPrimary;

  /** The route the next wait watches: the first one awaiting the Gateway, else the primary. */
  private volatile ObjectNode watched;

  private volatile CanaryStatus lastStatus;

  /**
   * The state last seen or written: its revision, its time on the rollout's timeline, and when it
   * was seen here.
   */
  private State seenState;

  private Instant seenLocal;

  /**
   * {@code local} on the rollout's timeline: the time of {@code st}'s write plus the time elapsed
   * on this replica's clock since it first saw that write. A replica that takes over counts from
   * when it first saw the state (as a Lease candidate does), so a writer's clock running ahead or
   * behind moves no deadline.
   */
  private synchronized Instant timeline(State st, Instant local) {
    if (st == null || st.writtenAt.equals(Instant.EPOCH)) {
      return local; // no rollout yet, or written by a version without the timeline
    }
    if (seenState == null || seenState.rev != st.rev || !seenState.writtenAt.equals(st.writtenAt)) {
      seenState = st;
      seenLocal = local;
    }
    Duration elapsed = Duration.between(seenLocal, local);
    return st.writtenAt.plus(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  private synchronized void seen(State written, Instant local) {
    if (written != null) {
      seenState = written;
      seenLocal = local;
    }
  }

  /** Tells the listeners and records the Events of a stored decision. */
  private void deliver(ObjectNode primary, State written, List<RolloutMachine.Note> notes) {
    CanaryStatus status = machine.status(written);
    for (RolloutMachine.Note n : notes) {
      CanaryStatus s = n.status() == null ? status : n.status();
      switch (n.kind()) {
        case "event":
          event(primary, n.eventType(), n.reason(), n.message());
          break;
        case "stepStarted":
          notify(l -> l.stepStarted(s, n.step()));
          break;
        case "stepFinished":
          notify(l -> l.stepFinished(s, n.step()));
          break;
        case "analysisResult":
          notify(l -> l.analysisResult(s, n.check(), n.measurement()));
          break;
        case "paused":
          notify(l -> l.paused(s));
          break;
        case "resumed":
          notify(l -> l.resumed(s));
          break;
        case "promoted":
          notify(l -> l.promoted(s));
          break;
        case "rolledBack":
          notify(l -> l.rolledBack(s));
          break;
        default:
          throw new IllegalStateException("unknown note " + n.kind());
      }
    }
  }

  private Measurement measure(AnalysisCheck check, State st, Instant now) {
    MetricProvider provider = providers.get(check.provider());
    AnalysisContext ctx =
        new AnalysisContext(
            check, plan.primaryRoute(), plan.stable(), plan.canary(), st.step, st.weight, now);
    try {
      Measurement m = provider.measure(ctx);
      return m == null
          ? Measurement.inconclusive("provider " + check.provider() + " returned nothing")
          : m;
    } catch (Exception | LinkageError e) {
      LOG.debug("check {} errored", check.name(), e);
      return Measurement.inconclusive(check.provider() + " failed: " + e);
    }
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

  private boolean event(ObjectNode route, String type, String reason, String message) {
    return events != null
        && route != null
        && events.record(route, type, reason, message, clock.now());
  }

  private ObjectNode read(RouteRef ref) {
    return routes.patch(ref.withoutState(), route -> Jsons.array()).route();
  }

  /** The last unreadable-state problem recorded as an Event, so that it is recorded once. */
  private volatile String lastUnreadable;

  /**
   * @throws CanaryStateException if the annotation is corrupt or of a newer format (recorded as an
   *     Event once)
   */
  private State state(ObjectNode route) {
    String text = StateStore.annotation(route, State.ANNOTATION);
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
        event(route, "Warning", "UnreadableState", error.getMessage());
      }
      throw error;
    }
  }

  @Override
  public String toString() {
    return "Canary " + plan.primaryRoute() + " " + plan.stable() + " -> " + plan.canary();
  }

  /**
   * Builds a {@link Canary}; defaults: system clock, 5 second polling, route verification and
   * Events on.
   */
  public static final class Builder {
    private final GatewayApiClient client;
    private final CanaryPlan plan;
    private CanaryClock clock = CanaryClock.system();
    private final Map<String, MetricProvider> providers = new LinkedHashMap<>();
    private final List<CanaryListener> listeners = new ArrayList<>();
    private SwapAction swap;
    private Duration pollInterval = Duration.ofSeconds(5);
    private boolean watchRoutes = true;
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
      providers.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(provider, "provider"));
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

    /**
     * The longest wait between two reads of the routes (for commands, route status, external edits;
     * default 5 seconds). With {@link #watchRoutes} (the default) on the system clock a change of
     * the primary route ends the wait at once, so this is only the fallback.
     */
    public Builder pollInterval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Whether waits end as soon as the primary route changes, through a watch of it (default on): a
     * change the Gateway accepts, a command or an edit is acted on at once instead of at the next
     * {@link #pollInterval} poll. Applies on {@link CanaryClock#system()}; other clocks wait on
     * their own time.
     */
    public Builder watchRoutes(boolean watch) {
      this.watchRoutes = watch;
      return this;
    }

    /**
     * Whether a step waits for every parent to report Accepted and ResolvedRefs for the route's new
     * generation (default on; turn off only for clusters without a Gateway controller).
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

    /**
     * @throws IllegalArgumentException if blank
     */
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
