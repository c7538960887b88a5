package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.canary.AnalysisCheck;
import dev.gatewaysdk.canary.Canary;
import dev.gatewaysdk.canary.CanaryListener;
import dev.gatewaysdk.canary.CanaryPlan;
import dev.gatewaysdk.canary.CanaryStatus;
import dev.gatewaysdk.canary.GatewayMetricsProvider;
import dev.gatewaysdk.canary.Measurement;
import dev.gatewaysdk.canary.Phase;
import dev.gatewaysdk.canary.Step;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.GatewayConditions;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.core.RouteConditions;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.Condition;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.ProtocolType;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.SelfSignedCertificate;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One run of {@code gatewaysdk demo}: sets up the Gateway API objects of the guide's canary
 * scenario on a {@link DemoCluster}, starts the stable and canary backends and the load generator,
 * drives a progressive canary with {@link Canary} (analysis fed by the measured traffic), and
 * reports.
 */
final class DemoRun {
  static final String GATEWAY = "my-gateway";
  static final String ROUTE = "canary-route";
  static final String STABLE = "app-stable";
  static final String CANARY = "app-canary";
  static final String TLS_SECRET = "app-tls";
  static final String ERRORS_PROVIDER = "gateway-errors";
  static final String LATENCY_PROVIDER = "gateway-p95";
  static final String ERROR_RATE_CHECK = "error-rate";
  static final String LATENCY_CHECK = "latency-p95";

  /** The settings of a run; see {@link DemoCommand} for their meaning. */
  record Settings(
      String scenario,
      Duration interval,
      double canaryErrorRate,
      Duration canaryLatency,
      Duration stableLatency,
      double maxErrorRate,
      Duration maxLatency,
      int requestsPerSecond,
      List<Integer> weights) {}

  /**
   * How a run ended: the rollout's last status and the route's weights on the server afterwards.
   */
  record Result(CanaryStatus status, Map<String, Integer> finalWeights, DemoReport report) {
    boolean promoted() {
      return status.phase() == Phase.PROMOTED;
    }
  }

  private final DemoCluster cluster;
  private final Settings settings;
  private final Progress progress;
  private final GatewayApiClient client;
  private final String ns;
  private final long startNanos = System.nanoTime();
  private final DemoReport report;
  private volatile CanaryStatus lastStatus;

  DemoRun(DemoCluster cluster, Settings settings, Progress progress) {
    this.cluster = cluster;
    this.settings = settings;
    this.progress = progress;
    this.client = cluster.client();
    this.ns = cluster.namespace();
    this.report =
        new DemoReport(
            "gatewaysdk demo: progressive canary (" + settings.scenario() + ")",
            Instant.now(),
            settings.maxErrorRate(),
            settings.maxLatency());
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void event(String kind, String text) {
    report.event(seconds(), kind, text);
    progress.event(String.format(Locale.ROOT, "[%5.1fs] %-8s %s", seconds(), kind, text));
  }

  Result run() throws Exception {
    report
        .fact("cluster", cluster.description())
        .fact("namespace", ns)
        .fact(
            "route",
            "HTTPRoute " + ns + "/" + ROUTE + " (PathPrefix /app, parent Gateway " + GATEWAY + ")")
        .fact("scenario", settings.scenario())
        .fact(
            "stable backend",
            STABLE
                + ": error rate 0%, latency "
                + DurationConverter.format(settings.stableLatency()))
        .fact(
            "canary backend",
            CANARY
                + ": error rate "
                + DemoReport.percent(settings.canaryErrorRate())
                + ", latency "
                + DurationConverter.format(settings.canaryLatency()))
        .fact(
            "load",
            settings.requestsPerSecond()
                + " requests/s to the Gateway's http listener, split by its data plane")
        .fact(
            "steps",
            "canary weight "
                + settings.weights()
                + " %, each held "
                + DurationConverter.format(settings.interval())
                + " and analysed before the next");
    event("info", "cluster: " + cluster.description());
    setUp();

    try (DemoBackend stable = DemoBackend.start(STABLE, 0, settings.stableLatency());
        DemoBackend canary =
            DemoBackend.start(CANARY, settings.canaryErrorRate(), settings.canaryLatency());
        RouteWeights weights = RouteWeights.watch(client, ns, ROUTE)) {
      event("info", "backends: " + stable + "; " + canary);
      // The Services' endpoints are the two local backends: the Gateway's data plane routes to
      // them.
      DiscoveryV1Api discovery = new DiscoveryV1Api(cluster.apiClient());
      discovery
          .createNamespacedEndpointSlice(
              ns, Fixtures.endpointSlice(ns, STABLE, stable.uri().getPort()))
          .execute();
      discovery
          .createNamespacedEndpointSlice(
              ns, Fixtures.endpointSlice(ns, CANARY, canary.uri().getPort()))
          .execute();
      URI target = cluster.gatewayUrl(GATEWAY, "http").resolve("/app");
      event(
          "info",
          "load: "
              + settings.requestsPerSecond()
              + " requests/s to "
              + target
              + "; analysis from "
              + cluster.metricsUrl());
      TrafficMetrics metrics = new TrafficMetrics();
      ScheduledExecutorService sampler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "demo-sampler");
                t.setDaemon(true);
                return t;
              });
      try (LoadGenerator load =
          new LoadGenerator(
                  Map.of(GATEWAY, target),
                  () -> Map.of(GATEWAY, 1),
                  metrics,
                  settings.requestsPerSecond())
              .start()) {
        sampler.scheduleAtFixedRate(
            () -> sample(metrics, weights, load), 250, 250, TimeUnit.MILLISECONDS);
        // Let stable traffic flow first, so the chart starts with a baseline.
        Thread.sleep(Math.min(1000, settings.interval().toMillis()));
        CanaryStatus end = canary().run();
        lastStatus = end;
        Thread.sleep(Math.min(1000, settings.interval().toMillis()));
        sample(metrics, weights, load);
        sampler.shutdownNow();
        progress.clear();
        Map<String, Integer> finalWeights = RouteWeights.weightsOf(routes().get(ROUTE));
        report.outcome(end.phase() == Phase.PROMOTED ? "promoted" : "rolled back");
        report.fact("final weights", finalWeights.toString());
        report.fact(
            "traffic",
            summary(metrics, STABLE)
                + "; "
                + summary(metrics, CANARY)
                + "; "
                + Counts.of(load.sent(), "request")
                + " sent in "
                + String.format(Locale.ROOT, "%.1f s", seconds()));
        return new Result(end, finalWeights, report);
      } finally {
        sampler.shutdownNow();
      }
    }
  }

  static String summary(TrafficMetrics metrics, String backend) {
    TrafficMetrics.Window w = metrics.total(backend);
    return backend
        + " "
        + Counts.of(w.requests(), "request")
        + ", "
        + Counts.of(w.errors(), "error")
        + " ("
        + DemoReport.percent(w.errorRate())
        + "), p95 "
        + w.p95().toMillis()
        + " ms";
  }

  // ----------------------------------------------------------------------------------------------
  // set-up

  private ResourceClient<HTTPRoute> routes() {
    return client.httpRoutes().inNamespace(ns);
  }

  private void setUp() throws ApiException, InterruptedException {
    cluster.createNamespace();
    CoreV1Api core = new CoreV1Api(cluster.apiClient());

    ResourceClient<GatewayClass> classes = client.gatewayClasses();
    classes.create(
        GatewayClass.builder()
            .name(cluster.gatewayClassName())
            .controllerName(cluster.controllerName())
            .description("gatewaysdk demo (simulated controller, embedded data plane)")
            .build());
    GatewayClass gc =
        await(
            "GatewayClass " + cluster.gatewayClassName() + " Accepted",
            () -> classes.get(cluster.gatewayClassName()),
            c -> isTrue(c.status().map(s -> s.conditions()).orElse(List.of()), "Accepted"));
    event(
        "info",
        "GatewayClass "
            + gc.metadata().name().orElse("")
            + " (controller "
            + cluster.controllerName()
            + ") Accepted");

    SelfSignedCertificate cert = SelfSignedCertificate.generate("app.example.com", "*.example.com");
    core.createNamespacedSecret(ns, Fixtures.tlsSecret(ns, TLS_SECRET, cert)).execute();
    event("info", "Secret " + TLS_SECRET + ": self-signed certificate for " + cert.dnsNames());

    ResourceClient<Gateway> gateways = client.gateways().inNamespace(ns);
    gateways.create(
        Gateway.builder()
            .name(GATEWAY)
            .namespace(ns)
            .gatewayClassName(cluster.gatewayClassName())
            .listener(Listener.http("http", 8080).allowingRoutesFromAllNamespaces())
            .listener(
                Listener.builder()
                    .name("https")
                    .protocol(ProtocolType.HTTPS)
                    .port(8443)
                    .tls(ListenerTLSConfig.terminate(TLS_SECRET))
                    .build()
                    .allowingRoutesFromAllNamespaces())
            .build());
    Gateway gw =
        client
            .await(gateways.get(GATEWAY))
            .until(GatewayConditions.programmed(), Duration.ofSeconds(30));
    event(
        "info",
        "Gateway "
            + GATEWAY
            + " Programmed: listeners http:8080, https:8443 (TLS Terminate, "
            + TLS_SECRET
            + "), address "
            + gw.status()
                .flatMap(s -> s.addresses().stream().findFirst())
                .map(a -> a.value())
                .orElse("-"));

    core.createNamespacedService(ns, Fixtures.service(ns, STABLE, 8080)).execute();
    core.createNamespacedService(ns, Fixtures.service(ns, CANARY, 8080)).execute();

    // The guide's canary route (section 4.3), starting with all traffic on the stable version.
    HTTPRoute route =
        routes()
            .create(
                HTTPRoute.builder()
                    .name(ROUTE)
                    .namespace(ns)
                    .parentRef(GATEWAY)
                    .rule(
                        r ->
                            r.pathPrefix("/app")
                                .backend(STABLE, 8080, 100)
                                .backend(CANARY, 8080, 0))
                    .build());
    client
        .await(route)
        .until(
            RouteConditions.acceptedBy(GATEWAY).and(RouteConditions.resolvedRefs(GATEWAY)),
            Duration.ofSeconds(30));
    event(
        "info",
        "HTTPRoute "
            + ROUTE
            + " Accepted by "
            + GATEWAY
            + ": "
            + STABLE
            + " 100, "
            + CANARY
            + " 0");
  }

  private static boolean isTrue(List<Condition> conditions, String type) {
    return conditions.stream().anyMatch(c -> c.type().equals(type) && c.isTrue());
  }

  /** Reads until {@code done} holds, for up to 30 seconds. */
  private static <T> T await(String what, Supplier<T> read, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what + ": " + last);
      }
      Thread.sleep(50);
      last = read.get();
    }
    return last;
  }

  // ----------------------------------------------------------------------------------------------
  // canary

  CanaryPlan plan() {
    AnalysisCheck errorRate =
        AnalysisCheck.builder(ERROR_RATE_CHECK, ERRORS_PROVIDER)
            .max(settings.maxErrorRate())
            .unit(AnalysisCheck.Unit.RATIO)
            .interval(settings.interval())
            .failureLimit(0)
            .inconclusiveLimit(2)
            .successes(1)
            .build();
    // One slow interval is tolerated: a p95 over a handful of canary requests is one stall away
    // from the max.
    AnalysisCheck latency =
        AnalysisCheck.builder(LATENCY_CHECK, LATENCY_PROVIDER)
            .max(settings.maxLatency().toMillis() / 1000.0)
            .unit(AnalysisCheck.Unit.SECONDS)
            .interval(settings.interval())
            .failureLimit(1)
            .inconclusiveLimit(2)
            .successes(1)
            .build();
    CanaryPlan.Builder plan =
        CanaryPlan.builder()
            .route(RouteRef.httpRoute(ns, ROUTE))
            .stable(STABLE)
            .canary(CANARY)
            .progressDeadline(Duration.ofSeconds(30));
    for (int w : settings.weights()) {
      plan.step(Step.setWeight(w));
      if (w < 100) {
        // the analysis first measures one interval after the Gateway accepted the weight: it judges
        // that interval
        plan.step(Step.analysis(errorRate, latency));
      }
    }
    return plan.build();
  }

  /**
   * The analysis reads the Gateway's own metrics: the canary backend's 5xx share and p95 since the
   * last measurement.
   */
  private Canary canary() {
    return Canary.builder(client, plan())
        .provider(ERRORS_PROVIDER, GatewayMetricsProvider.errorRate(cluster.metricsUrl()))
        .provider(LATENCY_PROVIDER, GatewayMetricsProvider.latencyP95(cluster.metricsUrl()))
        .pollInterval(Duration.ofMillis(100))
        .listener(new Listener_())
        .build();
  }

  /** Turns rollout transitions into timeline events. */
  private final class Listener_ implements CanaryListener {
    @Override
    public void stepStarted(CanaryStatus status, Step step) {
      if (step.kind() == Step.Kind.SET_WEIGHT) {
        event(
            "step",
            "weight step "
                + (settings.weights().indexOf(step.percent()) + 1)
                + "/"
                + settings.weights().size()
                + ": canary weight "
                + step.percent()
                + "%");
      }
    }

    @Override
    public void analysisResult(CanaryStatus status, AnalysisCheck check, Measurement m) {
      String value =
          m.value().isPresent()
              ? (check.name().equals(ERROR_RATE_CHECK)
                  ? DemoReport.percent(m.value().getAsDouble())
                      + " (max "
                      + DemoReport.percent(check.max())
                      + ")"
                  : Math.round(m.value().getAsDouble() * 1000)
                      + " ms (max "
                      + Math.round(check.max() * 1000)
                      + " ms)")
              : m.message();
      String kind =
          switch (m.verdict()) {
            case SUCCESS -> "pass";
            case FAILURE -> "fail";
            default -> "info";
          };
      event(kind, "analysis at " + status.canaryWeight() + "%: " + check.name() + " " + value);
    }

    @Override
    public void promoted(CanaryStatus status) {
      lastStatus = status;
      event("done", "promoted: " + CANARY + " takes 100% (" + status.reason() + ")");
    }

    @Override
    public void rolledBack(CanaryStatus status) {
      lastStatus = status;
      event(
          "rollback",
          status.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ": "
              + status.reason()
              + "; all traffic back on "
              + STABLE);
    }

    @Override
    public void statusChanged(CanaryStatus status) {
      lastStatus = status;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // sampling

  private void sample(TrafficMetrics metrics, RouteWeights weights, LoadGenerator load) {
    try {
      Duration window = Duration.ofSeconds(1);
      TrafficMetrics.Window c = metrics.window(CANARY, window);
      TrafficMetrics.Window s = metrics.window(STABLE, window);
      Map<String, Integer> w = weights.get();
      int total = w.values().stream().mapToInt(Integer::intValue).sum();
      double canaryPercent = total == 0 ? 0 : 100.0 * w.getOrDefault(CANARY, 0) / total;
      report.sample(
          new DemoReport.Sample(
              seconds(),
              canaryPercent,
              c.requests(),
              c.errorRate(),
              c.p95().toMillis(),
              s.errorRate(),
              s.p95().toMillis()));
      CanaryStatus st = lastStatus;
      String phase =
          st == null
              ? "baseline (all stable)"
              : st.terminal()
                  ? st.phase().toString()
                  : st.phase() + " " + st.currentStep().map(Step::toString).orElse("");
      progress.update(
          String.format(
              Locale.ROOT,
              "[%5.1fs] %s | weights %s %d / %s %d | %d req/s | canary err %s p95 %d ms | stable err %s p95 %d ms",
              seconds(),
              phase,
              STABLE,
              w.getOrDefault(STABLE, 0),
              CANARY,
              w.getOrDefault(CANARY, 0),
              c.requests() + s.requests(),
              DemoReport.percent(c.errorRate()),
              c.p95().toMillis(),
              DemoReport.percent(s.errorRate()),
              s.p95().toMillis()));
    } catch (RuntimeException e) {
      // a sample lost is not worth ending the demo for
    }
  }

  /**
   * Where progress goes: a live line rewritten in place on a terminal, plain lines otherwise. The
   * live line is cut to the terminal's width ({@code COLUMNS}, else 80) less one column: a line
   * that wraps cannot be rewritten.
   */
  static final class Progress {
    private final PrintWriter out;
    private final boolean live;
    private final int columns;
    private int width;

    Progress(PrintWriter out, boolean live) {
      this(out, live, terminalColumns());
    }

    Progress(PrintWriter out, boolean live, int columns) {
      this.out = out;
      this.live = live;
      this.columns = Math.max(columns, 20);
    }

    private static int terminalColumns() {
      try {
        return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
      } catch (NumberFormatException e) {
        return 80;
      }
    }

    synchronized void update(String full) {
      if (!live) {
        return;
      }
      String line = full.length() < columns ? full : full.substring(0, columns - 2) + "…";
      out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      width = line.length();
      out.flush();
    }

    synchronized void event(String line) {
      clear();
      out.println(line);
      out.flush();
    }

    synchronized void clear() {
      if (live && width > 0) {
        out.print("\r" + " ".repeat(width) + "\r");
        width = 0;
      }
    }
  }

  Optional<CanaryStatus> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }
}
