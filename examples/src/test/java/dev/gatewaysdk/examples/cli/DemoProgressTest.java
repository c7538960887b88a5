package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The demo's progress output: a live line that never wraps on a terminal, plain lines elsewhere.
 */
class DemoProgressTest {
  private static final String LONG =
      "[ 12.3s] STEP 2/6 | weights app-stable 90 / app-canary 10 | 100 req/s | "
          + "canary err 0% p95 20 ms | stable err 0% p95 21 ms";

  @Test
  void liveLineFitsEightyColumns() {
    StringWriter out = new StringWriter();
    DemoRun.Progress progress = new DemoRun.Progress(new PrintWriter(out), true, 80);
    progress.update(LONG);
    progress.update("short");
    for (String frame : out.toString().split("\r")) {
      assertThat(frame.length()).as(frame).isLessThan(80);
    }
    assertThat(out.toString()).contains("[ 12.3s] STEP 2/6").contains("…");
  }

  @Test
  void withoutATerminalOnlyEventsArePrintedAsPlainLines() {
    StringWriter out = new StringWriter();
    DemoRun.Progress progress = new DemoRun.Progress(new PrintWriter(out), false, 80);
    progress.update(LONG);
    progress.event("[  1.0s] step     weight step 1/6");
    assertThat(out.toString())
        .isEqualTo("[  1.0s] step     weight step 1/6" + System.lineSeparator())
        .doesNotContain("\r");
  }
}
