package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.canary.internal.PlanReader;
import dev.gatewaysdk.core.RouteRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a canary rollout does: the routes it moves in lockstep (HTTPRoutes and GRPCRoutes; the first
 * one holds the rollout state), the stable and canary backends (by name; both must be in the same
 * rules of every route), the steps, how it ends ({@link Promotion}), how long a route change may
 * take to be accepted (progress deadline), and what to do about weights someone else changed
 * ({@link ExternalEditPolicy}).
 *
 * <p><b>Background analysis</b> ({@link Builder#backgroundAnalysis}, Argo Rollouts' background
 * AnalysisRun, Flagger's per-interval checks): checks measured every {@link
 * AnalysisCheck#interval()} from the first step that gives the canary traffic (a weight above 0, a
 * mirror or a match step) until promotion, through pauses and manual gates. The first measurement
 * comes one interval after the canary gets traffic. A background check that exceeds its failure or
 * inconclusive limit (counted over the whole rollout) rolls back like a failed analysis step; it
 * never passes, so {@link AnalysisCheck#successes()} does not apply.
 *
 * <p>Steps are checked when the plan is built: weights 0..100, no lowering of the canary's share
 * unless the step says so, mirroring only before the canary takes traffic. Problems are reported
 * together in an {@link InvalidPlanException}, each naming its step. Instances are immutable.
 *
 * <pre>{@code
 * CanaryPlan plan = CanaryPlan.builder()
 *     .route(RouteRef.httpRoute("shop", "storefront"))
 *     .stable("storefront-v1").canary("storefront-v2")
 *     .step(Step.setWeight(5)).step(Step.analysis(successRate))
 *     .weights(25, 50, 100)
 *     .build();
 * CanaryPlan fromFile = CanaryPlan.read(Path.of("canary.yaml"));
 * }</pre>
 *
 * <p>The YAML/JSON form:
 *
 * <pre>
 * routes: [shop/storefront, grpcroute/shop/storefront-grpc]
 * stable: storefront-v1
 * canary: storefront-v2
 * progressDeadline: 10m
 * externalEditPolicy: PAUSE          # PAUSE, ABORT, REASSERT
 * promotion: KEEP_STABLE             # KEEP_STABLE, SWAP, REMOVE_STABLE
 * release: v2.3.1                    # optional: a new release starts a new rollout
 * sessionAffinity: {cookie: canary, maxAge: 24h}   # optional: pin clients that reached the canary
 * backgroundAnalysis:
 *   - {name: error-rate, provider: prometheus, query: "...", max: 0.01, interval: 1m, failureLimit: 2}
 * steps:
 *   - mirror: 50
 *   - match: [{header: x-canary, value: always}, {cookie: beta, value: "yes"}]
 *   - setWeight: 10
 *   - pause: 5m
 *   - analysis:
 *       - {name: success-rate, provider: prometheus, query: "...", min: 0.99, interval: 30s, failureLimit: 1}
 *   - setWeights: {increment: 20, max: 90}
 *   - weights: [95, 100]
 *   - pauseUntilPromoted: true
 *   - {setWeight: 50, decrease: true}
 * </pre>
 */
public final class CanaryPlan {
  private final List<RouteRef> routes;
  private final String stable;
  private final String canary;
  private final List<Step> steps;
  private final List<AnalysisCheck> background;
  private final Duration progressDeadline;
  private final ExternalEditPolicy externalEditPolicy;
  private final Promotion promotion;
  private final String release;
  private final String affinityCookie;
  private final Duration affinityMaxAge;
  private final String id;

  private CanaryPlan(Builder b) {
    this.routes = List.copyOf(b.routes);
    this.stable = b.stable;
    this.canary = b.canary;
    this.steps = List.copyOf(b.steps);
    this.background = List.copyOf(b.background);
    this.progressDeadline = b.progressDeadline;
    this.externalEditPolicy = b.externalEditPolicy;
    this.promotion = b.promotion;
    this.release = b.release;
    this.affinityCookie = b.affinityCookie;
    this.affinityMaxAge = b.affinityMaxAge;
    this.id = digest(Jsons.write(toJson()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this plan's values. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.routes.addAll(routes);
    b.stable = stable;
    b.canary = canary;
    b.steps.addAll(steps);
    b.background.addAll(background);
    b.progressDeadline = progressDeadline;
    b.externalEditPolicy = externalEditPolicy;
    b.promotion = promotion;
    b.release = release;
    b.affinityCookie = affinityCookie;
    b.affinityMaxAge = affinityMaxAge;
    return b;
  }

  /**
   * Parses a plan written in YAML or JSON (see the class documentation).
   *
   * @throws InvalidPlanException naming each bad field ({@code steps[3].setWeight: must be 0..100:
   *     150})
   */
  public static CanaryPlan parse(String yamlOrJson) {
    return PlanReader.read(yamlOrJson);
  }

  /**
   * Reads a plan file in YAML or JSON.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws InvalidPlanException naming each bad field
   */
  public static CanaryPlan read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read canary plan " + file + ": " + e.getMessage(), e);
    }
  }

  /** The routes, the first holding the rollout state. */
  public List<RouteRef> routes() {
    return routes;
  }

  /** The route holding the rollout state. */
  public RouteRef primaryRoute() {
    return routes.get(0);
  }

  public String stable() {
    return stable;
  }

  public String canary() {
    return canary;
  }

  public List<Step> steps() {
    return steps;
  }

  /**
   * The checks measured in the background from the first step giving the canary traffic until
   * promotion.
   */
  public List<AnalysisCheck> backgroundAnalysis() {
    return background;
  }

  /**
   * How long a route change may take to be accepted by every parent before the rollout rolls back.
   */
  public Duration progressDeadline() {
    return progressDeadline;
  }

  public ExternalEditPolicy externalEditPolicy() {
    return externalEditPolicy;
  }

  public Promotion promotion() {
    return promotion;
  }

  /**
   * The release this rollout ships ({@code ""} when not set): an image tag, a commit, a build
   * number. A plan with a release other than the one on the route starts a new rollout, also after
   * a finished one and mid-rollout (from its first step, as Flagger and Argo Rollouts start over
   * for a new revision). See {@link Canary#run()} for what happens when the plan changes within one
   * release.
   */
  public String release() {
    return release;
  }

  /**
   * The cookie pinning a client that reached the canary to it (Flagger's session affinity), if set
   * with {@link Builder#sessionAffinity}: while the canary has a share between 0 and 100%, its
   * responses set the cookie and requests carrying it go to the canary ({@link
   * dev.gatewaysdk.core.CanaryTraffic#withSessionAffinity}); a rollback or promotion removes both.
   */
  public java.util.Optional<String> sessionAffinity() {
    return java.util.Optional.ofNullable(affinityCookie);
  }

  /** How long the session-affinity cookie lives ({@code Max-Age}); 24 hours unless set. */
  public Duration sessionAffinityMaxAge() {
    return affinityMaxAge;
  }

  /**
   * A digest of the plan's content: the rollout state on the route belongs to exactly this plan.
   */
  public String id() {
    return id;
  }

  /** The canary's share once step {@code index} ran (0 before any weight step). */
  public int weightAfter(int index) {
    int w = 0;
    for (int i = 0; i <= index && i < steps.size(); i++) {
      if (steps.get(i).kind() == Step.Kind.SET_WEIGHT) {
        w = steps.get(i).percent();
      }
    }
    return w;
  }

  /** The plan in its YAML/JSON form (canonical: one {@code setWeight} per weight). */
  public ObjectNode toJson() {
    ObjectNode o = Jsons.mapper().createObjectNode();
    ArrayNode r = o.putArray("routes");
    routes.forEach(
        ref ->
            r.add(
                ref.kind().toLowerCase(java.util.Locale.ROOT)
                    + "/"
                    + ref.namespace()
                    + "/"
                    + ref.name()));
    o.put("stable", stable).put("canary", canary);
    o.put("progressDeadline", dev.gatewaysdk.canary.internal.DurationText.format(progressDeadline));
    o.put("externalEditPolicy", externalEditPolicy.name());
    o.put("promotion", promotion.name());
    if (!release.isEmpty()) {
      o.put("release", release);
    }
    if (affinityCookie != null) {
      o.putObject("sessionAffinity")
          .put("cookie", affinityCookie)
          .put("maxAge", dev.gatewaysdk.canary.internal.DurationText.format(affinityMaxAge));
    }
    if (!background.isEmpty()) {
      o.set("backgroundAnalysis", PlanReader.checksJson(background));
    }
    ArrayNode s = o.putArray("steps");
    for (Step step : steps) {
      s.add(PlanReader.stepJson(step));
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanaryPlan && ((CanaryPlan) o).toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return Jsons.write(toJson());
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Builds a {@link CanaryPlan}; defaults: progress deadline 10 minutes, PAUSE on external edits,
   * KEEP_STABLE.
   */
  public static final class Builder {
    private final List<RouteRef> routes = new ArrayList<>();
    private String stable;
    private String canary;
    private final List<Step> steps = new ArrayList<>();
    private final List<AnalysisCheck> background = new ArrayList<>();
    private Duration progressDeadline = Duration.ofMinutes(10);
    private ExternalEditPolicy externalEditPolicy = ExternalEditPolicy.PAUSE;
    private Promotion promotion = Promotion.KEEP_STABLE;
    private String release = "";
    private String affinityCookie;
    private Duration affinityMaxAge = Duration.ofHours(24);

    Builder() {}

    /** Adds a route; the first added holds the rollout state. */
    public Builder route(RouteRef route) {
      routes.add(Objects.requireNonNull(route, "route").withoutState());
      return this;
    }

    public Builder routes(List<RouteRef> routes) {
      routes.forEach(this::route);
      return this;
    }

    public Builder stable(String backend) {
      this.stable = backend;
      return this;
    }

    public Builder canary(String backend) {
      this.canary = backend;
      return this;
    }

    public Builder step(Step step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    public Builder steps(List<Step> steps) {
      steps.forEach(this::step);
      return this;
    }

    /**
     * Adds checks measured in the background from the first step that gives the canary traffic
     * until promotion (see the class documentation); names must be unique among the background
     * checks.
     */
    public Builder backgroundAnalysis(AnalysisCheck... checks) {
      return backgroundAnalysis(List.of(checks));
    }

    /** Like {@link #backgroundAnalysis(AnalysisCheck...)}. */
    public Builder backgroundAnalysis(List<AnalysisCheck> checks) {
      checks.forEach(c -> background.add(Objects.requireNonNull(c, "check")));
      return this;
    }

    /** Appends one {@link Step#setWeight} per weight: {@code weights(5, 10, 25, 50, 75, 100)}. */
    public Builder weights(int... weights) {
      for (int w : weights) {
        step(Step.setWeight(w));
      }
      return this;
    }

    /**
     * Appends weight steps of {@code increment} up to {@code maximum} (Flagger's
     * stepWeight/maxWeight): {@code weightIncrements(20, 90)} adds 20, 40, 60, 80, 90.
     *
     * @throws IllegalArgumentException if {@code increment < 1} or {@code maximum} is outside
     *     1..100
     */
    public Builder weightIncrements(int increment, int maximum) {
      if (increment < 1 || increment > 100) {
        throw new IllegalArgumentException("increment must be 1..100: " + increment);
      }
      if (maximum < 1 || maximum > 100) {
        throw new IllegalArgumentException("maximum must be 1..100: " + maximum);
      }
      int w = increment;
      for (; w < maximum; w += increment) {
        step(Step.setWeight(w));
      }
      step(Step.setWeight(maximum));
      return this;
    }

    /**
     * @throws IllegalArgumentException if not positive
     */
    public Builder progressDeadline(Duration deadline) {
      if (deadline == null || deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("progressDeadline must be positive: " + deadline);
      }
      this.progressDeadline = deadline;
      return this;
    }

    public Builder externalEditPolicy(ExternalEditPolicy policy) {
      this.externalEditPolicy = Objects.requireNonNull(policy, "externalEditPolicy");
      return this;
    }

    /**
     * Pins clients that reached the canary to it with cookie {@code cookie} living {@code maxAge}
     * (see {@link CanaryPlan#sessionAffinity()}); HTTPRoutes only.
     */
    public Builder sessionAffinity(String cookie, Duration maxAge) {
      this.affinityCookie = Objects.requireNonNull(cookie, "cookie");
      this.affinityMaxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /**
     * The release this rollout ships (see {@link CanaryPlan#release()}); printable ASCII without
     * spaces, at most 128 characters; {@code ""} (the default) for none.
     */
    public Builder release(String release) {
      this.release = Objects.requireNonNull(release, "release");
      return this;
    }

    public Builder promotion(Promotion promotion) {
      this.promotion = Objects.requireNonNull(promotion, "promotion");
      return this;
    }

    /**
     * @throws InvalidPlanException listing every problem, each naming its step, route or backend
     */
    public CanaryPlan build() {
      List<String> problems = new ArrayList<>();
      if (routes.isEmpty()) {
        problems.add("routes: at least one HTTPRoute or GRPCRoute is needed");
      }
      if (new LinkedHashSet<>(routes).size() != routes.size()) {
        problems.add("routes: a route is listed twice: " + routes);
      }
      if (stable == null || stable.isBlank()) {
        problems.add("stable: the stable backend must be named");
      }
      if (canary == null || canary.isBlank()) {
        problems.add("canary: the canary backend must be named");
      }
      if (stable != null && stable.equals(canary)) {
        problems.add("canary: must differ from stable: " + canary);
      }
      if (affinityCookie != null) {
        try {
          dev.gatewaysdk.core.CanaryTraffic.of("a", "b")
              .withSessionAffinity(affinityCookie, affinityMaxAge);
        } catch (IllegalArgumentException e) {
          problems.add("sessionAffinity: " + e.getMessage());
        }
        if (routes.stream().anyMatch(r -> !RouteRef.HTTP_ROUTE.equals(r.kind()))) {
          problems.add(
              "sessionAffinity: a cookie pins HTTP clients; every route must be an HTTPRoute");
        }
      }
      if (release.length() > 128 || !release.chars().allMatch(c -> c > 32 && c < 127)) {
        problems.add("release: printable ASCII without spaces, at most 128 characters: " + release);
      }
      boolean grpc = routes.stream().anyMatch(r -> r.kind().equals(RouteRef.GRPC_ROUTE));
      int weight = 0;
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        String at = "steps[" + i + "] (" + s + "): ";
        switch (s.kind()) {
          case SET_WEIGHT:
            if (s.percent() < 0 || s.percent() > 100) {
              problems.add(at + "weight must be 0..100: " + s.percent());
            } else if (s.percent() < weight && !s.decreaseAllowed()) {
              problems.add(
                  at
                      + "lowers the canary's share from "
                      + weight
                      + " to "
                      + s.percent()
                      + "; use Step.setWeightDecreasing (YAML decrease: true) if that is intended");
            }
            weight = s.percent();
            break;
          case MIRROR:
            if (s.percent() < 0 || s.percent() > 100) {
              problems.add(at + "mirror percent must be 0..100: " + s.percent());
            } else if (s.percent() > 0 && weight > 0) {
              problems.add(
                  at
                      + "mirrors to a canary that already takes "
                      + weight
                      + "% of the traffic; mirror before the first weight step");
            }
            break;
          case MATCH:
            if (grpc
                && s.matches().stream().anyMatch(m -> m.type() == CanaryMatch.Type.QUERY_PARAM)) {
              problems.add(at + "GRPCRoutes cannot match query parameters");
            }
            break;
          default:
            break;
        }
      }
      if (!background.isEmpty()) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < background.size(); i++) {
          if (!names.add(background.get(i).name())) {
            problems.add(
                "backgroundAnalysis["
                    + i
                    + "]: check name "
                    + background.get(i).name()
                    + " is used twice");
          }
        }
        if (steps.stream().noneMatch(Step::givesCanaryTraffic)) {
          problems.add(
              "backgroundAnalysis: no step gives the canary traffic (setWeight above 0, mirror or match),"
                  + " so the checks would never run");
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidPlanException(problems);
      }
      return new CanaryPlan(this);
    }
  }
}
