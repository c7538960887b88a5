package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.CrdSourceException;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<HTTPRoute> routeAfterRun = new AtomicReference<>();

  @BeforeAll
  static void crdsAvailable() {
    try {
      CrdSource.fromEnvironment().installManifest(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    } catch (CrdSourceException e) {
      CrdRequirement.available(false, e.getMessage());
      Assumptions.abort("the embedded API server needs the Gateway API CRDs: " + e.getMessage());
    }
  }

  /**
   * Runs the demo in-process; the latency threshold is generous so that a busy machine cannot
   * decide the outcome.
   */
  private int demo(String... args) {
    DemoCommand command = new DemoCommand();
    command.afterRun =
        cluster ->
            routeAfterRun.set(
                cluster.client().httpRoutes().inNamespace(cluster.namespace()).get(DemoRun.ROUTE));
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 6];
    System.arraycopy(
        new String[] {"--interval", "1s", "--rps", "100", "--max-latency", "30s"}, 0, all, 0, 6);
    System.arraycopy(args, 0, all, 6, args.length);
    return cli.execute(all);
  }

  @Test
  void healthyCanaryIsPromotedAndTheRouteEndsOnTheCanary(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.html");
    int code = demo("--scenario", "success", "--report", report.toString());

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(RouteWeights.weightsOf(routeAfterRun.get()))
        .isEqualTo(Map.of(DemoRun.STABLE, 0, DemoRun.CANARY, 100));
    assertThat(out.toString())
        .containsPattern(
            "load: [0-9]+ requests/s to http://127\\.[0-9.]+:8080/app; analysis from http://127\\.0\\.0\\.1:[0-9]+/metrics")
        .contains("weight step 1/6: canary weight 5%")
        .contains("weight step 6/6: canary weight 100%")
        .contains("PROMOTED")
        .contains("route weights on the server: {app-stable=0, app-canary=100}");
    assertThat(out.toString()).doesNotContain("fail ");
    String html = Files.readString(report);
    assertThat(html)
        .contains("<svg")
        .contains("class=\"outcome promoted\"")
        .containsPattern("<polyline class=\"series\"[^>]*points=\"[0-9., ]+\"")
        .contains("<td class=\"kind step\">step</td><td>weight step 6/6: canary weight 100%</td>")
        .contains("<td class=\"kind pass\">pass</td>");
    assertThat(html)
        .contains("canary requests per sample")
        .contains("class=\"marker-label\"")
        .contains("analysis passed / promoted")
        .contains("class=\"decision\"");
    Screenshots.take(report, "demo-promoted");
  }

  @Test
  void failingCanaryIsRolledBackWithExitCode3(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.html");
    int code = demo("--scenario", "failure", "--report", report.toString());

    assertThat(code).as(out + "\n" + err).isEqualTo(DemoCommand.ROLLED_BACK);
    assertThat(RouteWeights.weightsOf(routeAfterRun.get()))
        .isEqualTo(Map.of(DemoRun.STABLE, 100, DemoRun.CANARY, 0));
    assertThat(out.toString())
        .contains("ROLLED BACK: analysis error-rate failed")
        .contains("route weights on the server: {app-stable=100, app-canary=0}")
        .doesNotContain("weight step 6/6");
    String html = Files.readString(report);
    assertThat(html)
        .contains("<svg")
        .contains("class=\"outcome rolled-back\"")
        .contains("<td class=\"kind fail\">fail</td><td>analysis at")
        .contains("<td class=\"kind rollback\">rollback</td>");
    // the decision and its measured value on the chart, not only in the timeline; which step fails
    // depends on
    // the Gateway's weighted random picks (a 5% step sees a handful of canary requests)
    assertThat(html)
        .containsPattern("<text class=\"decision\"[^>]*>analysis at [0-9]+%: error-rate ");
    Screenshots.take(report, "demo-failure");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(demo("--canary-error-rate", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--canary-error-rate must be 0..1: 2.0");
    assertThat(demo("--weights", "10,5,100")).isEqualTo(2);
    assertThat(demo("--weights", "5,50")).isEqualTo(2);
    assertThat(demo("--interval", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("not a duration");
  }
}
