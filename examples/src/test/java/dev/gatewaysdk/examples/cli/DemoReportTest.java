package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReportTest {
  private DemoReport report() {
    DemoReport r =
        new DemoReport(
            "gatewaysdk demo <canary>",
            Instant.parse("2025-01-01T00:00:00Z"),
            0.05,
            Duration.ofMillis(200));
    r.fact("route", "HTTPRoute demo/canary-route");
    r.event(0, "step", "weight 5%");
    r.sample(new DemoReport.Sample(0.5, 5, 10, 0, 12, 0, 10));
    r.sample(new DemoReport.Sample(1.0, 5, 20, 0.25, 250, 0, 11));
    r.event(1.0, "fail", "error rate 25% > 5%");
    r.event(1.1, "rollback", "weights stable 100, canary 0");
    r.outcome("rolled back");
    return r;
  }

  @Test
  void noCanaryRequestsIsAGapTheWeightAxisFitsThePlanAndTimeStartsAtTheRollout() {
    DemoReport r = new DemoReport("t", Instant.EPOCH, 0.05, Duration.ofMillis(500));
    r.event(1, "info", "cluster set up");
    r.sample(new DemoReport.Sample(10, 5, 3, 0.0, 20, 0, 20));
    r.sample(new DemoReport.Sample(11, 5, 0, 0, 0, 0, 20));
    r.sample(new DemoReport.Sample(12, 5, 2, 0.5, 30, 0, 20));
    String html = r.toHtml();
    // the canary's error-rate and latency lines break where it had no requests, rather than drop to
    // 0
    assertThat(html.split("stroke=\"#c62828\" points=", -1)).hasSize(3);
    assertThat(html.split("stroke=\"#ef6c00\" points=", -1)).hasSize(3);
    assertThat(html)
        .doesNotContain("<title>11.0 s: 0 of 0 requests</title>")
        .contains("<title>12.0 s: 50 of 2 requests</title>")
        .contains("<title>11.0 s: 0 canary requests</title>");
    // a plan that stays at 5%: the weight axis ends at 10, not 100
    assertThat(html).contains(">7.5</text>").doesNotContain(">75</text>");
    // the time axis starts just before the first sample, not at the set-up
    assertThat(html).contains(">9.5 s</text>").doesNotContain(">0.0 s</text>");
  }

  @Test
  void htmlHasChartThresholdsAndTimeline(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/report.html");
    report().writeHtml(file);
    String html = Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>");
    assertThat(html).containsPattern("<polyline class=\"series\"[^>]*points=\"[0-9., ]+\"");
    assertThat(html)
        .contains("class=\"threshold\"")
        .contains("threshold 5")
        .contains("threshold 200");
    assertThat(html).contains("<td class=\"kind fail\">fail</td><td>error rate 25% &gt; 5%</td>");
    assertThat(html).contains("class=\"outcome rolled-back\"");
    assertThat(html).contains("gatewaysdk demo &lt;canary&gt;").doesNotContain("<canary>");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("url(");
  }

  @Test
  void emptyReportIsStillValid() {
    String html = new DemoReport("t", Instant.EPOCH, 0.01, Duration.ofSeconds(1)).toHtml();
    assertThat(html).contains("<svg").contains("</html>").doesNotContain("<polyline");
  }
}
