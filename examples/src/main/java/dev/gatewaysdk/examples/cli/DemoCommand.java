package dev.gatewaysdk.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatewaysdk demo}: a progressive canary from start to finish, on the embedded API server
 * (default) or a real cluster.
 *
 * <p>Creates a GatewayClass, a Gateway with HTTP and HTTPS listeners (TLS Secret generated), stable
 * and canary Services and the guide's canary HTTPRoute; starts two in-process HTTP backends behind
 * the Services and a load generator that sends real requests to the Gateway's listener, whose
 * embedded data plane splits them by the route's current weights; then runs a {@link
 * dev.gatewaysdk.canary.Canary} whose analysis reads the canary's error rate and p95 from the
 * Gateway's own metrics.
 *
 * <p>Exit codes: 0 promoted, 3 rolled back (analysis failed), 1 error, 2 usage error.
 */
@Command(
    name = "demo",
    description = {
      "Run a progressive canary end to end: Gateway, TLS, canary HTTPRoute, real traffic, analysis, "
          + "promotion or rollback.",
      "Exit code: 0 promoted, 3 rolled back, 1 error, 2 usage error."
    },
    sortOptions = false)
final class DemoCommand implements Callable<Integer> {
  /** Exit code when the canary was rolled back. */
  static final int ROLLED_BACK = 3;

  enum Scenario {
    success,
    failure
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "success",
      description =
          "success: a healthy canary is promoted; failure: a canary answering 20%% errors is rolled back "
              + "(default ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(
      names = "--interval",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "How long each weight is held before its analysis (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--canary-error-rate",
      description =
          "Fraction of canary requests answered with 500, 0..1 (default: 0 for success, 0.2 for failure).")
  Double canaryErrorRate;

  @Option(
      names = "--canary-latency",
      converter = DurationConverter.class,
      description = "Canary response time (default: 20ms for success, 60ms for failure).")
  Duration canaryLatency;

  @Option(
      names = "--stable-latency",
      defaultValue = "20ms",
      converter = DurationConverter.class,
      description = "Stable response time (default ${DEFAULT-VALUE}).")
  Duration stableLatency;

  @Option(
      names = "--max-error-rate",
      defaultValue = "0.05",
      description =
          "Analysis threshold: highest acceptable canary error rate (default ${DEFAULT-VALUE}).")
  double maxErrorRate;

  @Option(
      names = "--max-latency",
      defaultValue = "500ms",
      converter = DurationConverter.class,
      description =
          "Analysis threshold: highest acceptable canary p95 latency; one slow interval per step is "
              + "tolerated (default ${DEFAULT-VALUE}).")
  Duration maxLatency;

  @Option(
      names = "--rps",
      defaultValue = "50",
      description = "Requests per second (default ${DEFAULT-VALUE}).")
  int requestsPerSecond;

  @Option(
      names = "--weights",
      split = ",",
      defaultValue = "5,10,25,50,75,100",
      description = "Canary weights, in percent, step by step (default ${DEFAULT-VALUE}).")
  List<Integer> weights;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Write a self-contained HTML report.")
  Path report;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Run against the cluster of this kubeconfig instead of the embedded API server.")
  Path kubeconfig;

  @Option(
      names = "--context",
      description = "Kubeconfig context (implies a real cluster; default: current).")
  String context;

  @Option(
      names = "--keep",
      description = "On a real cluster, keep the demo's namespace and GatewayClass.")
  boolean keep;

  @Option(
      names = "--no-live",
      negatable = false,
      description =
          "Print progress as lines instead of a live line (the default when not on a terminal).")
  boolean noLive;

  /**
   * Runs with the cluster after the rollout, before it is closed (tests read the server's state
   * here).
   */
  java.util.function.Consumer<DemoCluster> afterRun = cluster -> {};

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DemoRun.Settings settings = settings();
    boolean live = !noLive && System.console() != null;
    DemoRun.Progress progress = new DemoRun.Progress(out, live);
    boolean real = kubeconfig != null || context != null;
    out.println(
        "gatewaysdk demo: progressive canary, scenario "
            + scenario
            + ", "
            + settings.weights()
            + " % every "
            + DurationConverter.format(interval)
            + (real ? "" : " (embedded API server)"));
    out.flush();
    DemoRun.Result result;
    String leftBehind;
    try (DemoCluster cluster =
        real ? DemoCluster.fromKubeconfig(kubeconfig, context, keep) : DemoCluster.embedded()) {
      leftBehind = cluster.leftBehind();
      result = new DemoRun(cluster, settings, progress).run();
      afterRun.accept(cluster);
    }
    progress.clear();
    printSummary(out, result);
    if (!leftBehind.isEmpty()) {
      out.println("kept: " + leftBehind);
    }
    if (report != null) {
      result.report().writeHtml(report);
      out.println("report: " + report.toAbsolutePath());
    }
    out.flush();
    err.flush();
    return result.promoted() ? 0 : ROLLED_BACK;
  }

  DemoRun.Settings settings() {
    CommandLine cl = spec.commandLine();
    double errorRate =
        canaryErrorRate != null ? canaryErrorRate : scenario == Scenario.failure ? 0.2 : 0;
    Duration latency =
        canaryLatency != null
            ? canaryLatency
            : scenario == Scenario.failure ? Duration.ofMillis(60) : Duration.ofMillis(20);
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new CommandLine.ParameterException(
          cl, "--canary-error-rate must be 0..1: " + errorRate);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new CommandLine.ParameterException(
          cl, "--max-error-rate must be 0..1: " + maxErrorRate);
    }
    if (interval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new CommandLine.ParameterException(
          cl, "--interval must be at least 100ms: " + DurationConverter.format(interval));
    }
    if (requestsPerSecond < 1 || requestsPerSecond > 2000) {
      throw new CommandLine.ParameterException(cl, "--rps must be 1..2000: " + requestsPerSecond);
    }
    int previous = 0;
    for (int w : weights) {
      if (w < 1 || w > 100 || w <= previous) {
        throw new CommandLine.ParameterException(
            cl, "--weights must rise within 1..100: " + weights);
      }
      previous = w;
    }
    if (previous != 100) {
      throw new CommandLine.ParameterException(cl, "--weights must end with 100: " + weights);
    }
    return new DemoRun.Settings(
        scenario.name(),
        interval,
        errorRate,
        latency,
        stableLatency,
        maxErrorRate,
        maxLatency,
        requestsPerSecond,
        List.copyOf(weights));
  }

  private static void printSummary(PrintWriter out, DemoRun.Result r) {
    out.println();
    out.println(
        r.promoted()
            ? "PROMOTED: " + DemoRun.CANARY + " serves 100% of " + DemoRun.ROUTE
            : "ROLLED BACK: " + r.status().reason());
    out.println("  route weights on the server: " + r.finalWeights());
    out.println("  traffic: " + r.report().facts().getOrDefault("traffic", ""));
    long passed = r.report().events().stream().filter(e -> e.kind().equals("pass")).count();
    long failed = r.report().events().stream().filter(e -> e.kind().equals("fail")).count();
    long steps = r.report().events().stream().filter(e -> e.kind().equals("step")).count();
    out.println(
        String.format(
            Locale.ROOT,
            "  %d weight steps, %d analysis checks passed, %d failed",
            steps,
            passed,
            failed));
    out.println("  exit code " + (r.promoted() ? 0 : ROLLED_BACK));
  }
}
