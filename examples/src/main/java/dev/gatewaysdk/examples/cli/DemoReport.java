package dev.gatewaysdk.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What happened during a demo run, kept for the summary and the HTML report: periodic samples of
 * the canary weight and the canary's measured error rate and latency, the thresholds the analysis
 * holds them to, and the step/event timeline.
 *
 * <p>The HTML report ({@link #toHtml()}) is one self-contained file: inline CSS and an inline SVG
 * chart, no scripts, fonts or images fetched from anywhere. Thread-safe.
 */
final class DemoReport {
  /**
   * One sample: seconds since start, canary weight percent, error rates 0..1, p95 latencies in ms.
   */
  record Sample(
      double seconds,
      double canaryPercent,
      int canaryRequests,
      double canaryErrorRate,
      double canaryP95Millis,
      double stableErrorRate,
      double stableP95Millis) {}

  /**
   * One event of the timeline; {@code kind} is a CSS class: step, pass, fail, info, done, rollback.
   */
  record Event(double seconds, String kind, String text) {}

  private final String title;
  private final Instant started;
  private final double maxErrorRate;
  private final Duration maxLatency;
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private String outcome = "running";

  DemoReport(String title, Instant started, double maxErrorRate, Duration maxLatency) {
    this.title = title;
    this.started = started;
    this.maxErrorRate = maxErrorRate;
    this.maxLatency = maxLatency;
  }

  /** A line of the report's header table, such as the route or the scenario. */
  synchronized DemoReport fact(String name, String value) {
    facts.put(name, value);
    return this;
  }

  synchronized void sample(Sample s) {
    samples.add(s);
  }

  synchronized void event(double seconds, String kind, String text) {
    events.add(new Event(seconds, kind, text));
  }

  synchronized void outcome(String outcome) {
    this.outcome = outcome;
  }

  synchronized String outcome() {
    return outcome;
  }

  synchronized Map<String, String> facts() {
    return Map.copyOf(facts);
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Writes {@link #toHtml()} to {@code file}. */
  void writeHtml(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized String toHtml() {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:980px;color:#222}\n")
        .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}\n")
        .append(
            "table{border-collapse:collapse}td,th{padding:3px 10px;text-align:left;vertical-align:top}\n")
        .append("table.facts td:first-child{color:#666}\n")
        .append(
            "table.timeline tr{border-bottom:1px solid #eee}table.timeline td:first-child{text-align:right;color:#666;white-space:nowrap}\n")
        .append(
            ".outcome{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}\n")
        .append(
            ".promoted{background:#2e7d32}.rolled-back{background:#c62828}.running,.error{background:#757575}\n")
        .append(
            "td.kind{font-weight:600}.step{color:#1565c0}.pass{color:#2e7d32}.fail{color:#c62828}")
        .append(".rollback{color:#c62828}.done{color:#2e7d32}.info{color:#555}\n")
        .append("svg text{font-size:11px;fill:#444}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>")
        .append(esc(title))
        .append(" <span class=\"outcome ")
        .append(esc(outcomeClass()))
        .append("\">")
        .append(esc(outcome))
        .append("</span></h1>\n");
    h.append("<table class=\"facts\">\n");
    row(h, "started", started.toString());
    for (Map.Entry<String, String> f : facts.entrySet()) {
      row(h, f.getKey(), f.getValue());
    }
    row(
        h,
        "thresholds",
        "canary error rate ≤ "
            + percent(maxErrorRate)
            + ", canary p95 latency ≤ "
            + maxLatency.toMillis()
            + " ms");
    h.append("</table>\n<h2>Canary weight, error rate and latency</h2>\n");
    appendChart(h);
    h.append("<h2>Timeline</h2>\n<table class=\"timeline\">\n");
    for (Event e : events) {
      h.append("<tr class=\"event\"><td>")
          .append(String.format(Locale.ROOT, "%.1f s", e.seconds()))
          .append("</td><td class=\"kind ")
          .append(esc(e.kind()))
          .append("\">")
          .append(esc(e.kind()))
          .append("</td><td>")
          .append(esc(e.text()))
          .append("</td></tr>\n");
    }
    h.append(
        "</table>\n<p style=\"color:#888\">Generated by gatewaysdk demo. Traffic is real HTTP from the demo's"
            + " load generator to its in-process backends, split by the route's weights as read from the API server.</p>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private String outcomeClass() {
    String o = outcome.toLowerCase(Locale.ROOT);
    if (o.startsWith("promoted")) {
      return "promoted";
    }
    if (o.startsWith("rolled")) {
      return "rolled-back";
    }
    return o.startsWith("running") ? "running" : "error";
  }

  // ------------------------------------------------------------------------------------------------ chart

  private static final int WIDTH = 940;
  private static final int PANEL = 130;
  private static final int COUNTS = 60;
  private static final int GAP = 34;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final String STEP_COLOR = "#64b5f6";
  private static final String PASS_COLOR = "#81c784";
  private static final String FAIL_COLOR = "#c62828";

  /**
   * The time axis: from the first sample or step (the set-up before it is in the timeline) to the
   * last.
   */
  private double t0;

  private double tSpan;

  private void appendChart(StringBuilder h) {
    double first = Double.MAX_VALUE;
    double last = 0;
    for (Sample s : samples) {
      first = Math.min(first, s.seconds());
      last = Math.max(last, s.seconds());
    }
    for (Event e : events) {
      if (!e.kind().equals("info")) {
        first = Math.min(first, e.seconds());
        last = Math.max(last, e.seconds());
      }
    }
    if (first == Double.MAX_VALUE) {
      first = 0;
    }
    t0 = Math.max(0, first - 0.5);
    tSpan = Math.max(last - t0, 1);
    double maxErrPct = Math.max(maxErrorRate * 100 * 2, 1);
    double maxLat = Math.max(maxLatency.toMillis() * 2.0, 1);
    double maxWeight = 0;
    int maxRequests = 1;
    for (Sample s : samples) {
      if (s.canaryRequests() > 0 && s.canaryPercent() > 0) {
        maxErrPct = Math.max(maxErrPct, s.canaryErrorRate() * 100);
        maxLat = Math.max(maxLat, s.canaryP95Millis());
      }
      maxErrPct = Math.max(maxErrPct, s.stableErrorRate() * 100);
      maxLat = Math.max(maxLat, s.stableP95Millis());
      maxWeight = Math.max(maxWeight, s.canaryPercent());
      maxRequests = Math.max(maxRequests, s.canaryRequests());
    }
    int countsTop = TOP + 3 * (PANEL + GAP);
    double bottom = countsTop + COUNTS;
    int height = (int) bottom + 56;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" aria-label=\"canary weight, error rate, latency and requests over time\">\n");
    panel(
        h,
        TOP,
        PANEL,
        "canary weight (%)",
        Math.min(nice(Math.max(maxWeight * 1.2, 1)), 100),
        -1,
        List.of(new Series("#1565c0", "canary weight", Sample::canaryPercent, true, false)));
    panel(
        h,
        TOP + PANEL + GAP,
        PANEL,
        "error rate (%)",
        maxErrPct,
        maxErrorRate * 100,
        List.of(
            new Series("#9e9e9e", "stable", s -> s.stableErrorRate() * 100, false, false),
            new Series("#c62828", "canary", s -> s.canaryErrorRate() * 100, false, true)));
    panel(
        h,
        TOP + 2 * (PANEL + GAP),
        PANEL,
        "p95 latency (ms)",
        maxLat,
        maxLatency.toMillis(),
        List.of(
            new Series("#9e9e9e", "stable", Sample::stableP95Millis, false, false),
            new Series("#ef6c00", "canary", Sample::canaryP95Millis, false, true)));
    counts(h, countsTop, maxRequests);
    markers(h, bottom, TOP + PANEL + GAP);
    // Time axis.
    for (int i = 0; i <= 10; i++) {
      double s = t0 + tSpan * i / 10;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                  + (tSpan < 10 ? "%.1f" : "%.0f")
                  + " s</text>\n",
              x(s),
              bottom + 16,
              s));
    }
    // Legend of the markers.
    double y = bottom + 40;
    int lx = LEFT;
    for (String[] m :
        new String[][] {
          {STEP_COLOR, "weight step"},
          {PASS_COLOR, "analysis passed / promoted"},
          {FAIL_COLOR, "analysis failed / rollback"}
        }) {
      h.append(
          String.format(
              Locale.ROOT,
              "<line class=\"legend\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                  + "stroke-width=\"2\" stroke-dasharray=\"3,3\"/><text x=\"%d\" y=\"%.1f\">%s</text>\n",
              lx,
              y - 4,
              lx + 22,
              y - 4,
              m[0],
              lx + 27,
              y,
              m[1]));
      lx += 210;
    }
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%.1f\">gaps: canary without requests or weight</text>\n",
            lx,
            y));
    h.append("</svg>\n");
  }

  /**
   * Vertical markers for steps, analyses and the outcome, labelled; the decision also carries its
   * measured value.
   */
  private void markers(StringBuilder h, double bottom, int errorPanelTop) {
    for (Event e : events) {
      if (e.kind().equals("info")) {
        continue;
      }
      double x = x(e.seconds());
      boolean bad = e.kind().equals("fail") || e.kind().equals("rollback");
      String color = bad ? FAIL_COLOR : e.kind().equals("step") ? STEP_COLOR : PASS_COLOR;
      h.append(
          String.format(
              Locale.ROOT,
              "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"3,3\"><title>%s</title></line>\n",
              x,
              TOP,
              x,
              bottom,
              color,
              esc(String.format(Locale.ROOT, "%.1f s %s", e.seconds(), e.text()))));
      String label = e.kind().equals("step") ? stepLabel(e.text()) : null;
      if (label != null) {
        h.append(
            String.format(
                Locale.ROOT,
                "<text class=\"marker-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#1565c0\">%s</text>\n",
                x,
                TOP - 18,
                esc(label)));
      }
      if (e.kind().equals("fail") || e.kind().equals("done") || e.kind().equals("rollback")) {
        boolean right = x > LEFT + (WIDTH - LEFT - RIGHT) * 0.6;
        int y = e.kind().equals("rollback") ? errorPanelTop + 30 : errorPanelTop + 14;
        h.append(
            String.format(
                Locale.ROOT,
                "<text class=\"decision\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" font-weight=\"600\" fill=\"%s\">%s</text>\n",
                right ? x - 4 : x + 4,
                y,
                right ? "end" : "start",
                bad ? FAIL_COLOR : "#2e7d32",
                esc(shorten(e.text(), 95))));
      }
    }
  }

  /** "weight step 2/6: canary weight 10%" is labelled "10%". */
  private static String stepLabel(String text) {
    int pct = text.lastIndexOf('%');
    int space = text.lastIndexOf(' ', pct);
    return pct > space && space >= 0 ? text.substring(space + 1, pct + 1) : null;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * Requests that reached the canary per sample, as bars: how much each error-rate point stands on.
   */
  private void counts(StringBuilder h, int top, int maxRequests) {
    int bottom = top + COUNTS;
    double yMax = nice(maxRequests);
    h.append(
        String.format(
            Locale.ROOT,
            "<g class=\"panel counts\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ddd\"/>\n",
            LEFT,
            top,
            WIDTH - LEFT - RIGHT,
            COUNTS));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-weight=\"600\">canary requests per sample</text>\n",
            LEFT,
            top - 5));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
            LEFT - 6,
            top + 10,
            number(yMax)));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n",
            LEFT - 6,
            bottom));
    double barWidth = Math.max(2, (WIDTH - LEFT - RIGHT) / Math.max(samples.size(), 1) * 0.6);
    for (Sample s : samples) {
      double height = COUNTS * Math.min(s.canaryRequests() / yMax, 1);
      h.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"count\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#90a4ae\"><title>%.1f s: %d canary requests</title></rect>\n",
              x(s.seconds()) - barWidth,
              bottom - height,
              barWidth,
              height,
              s.seconds(),
              s.canaryRequests()));
    }
    h.append("</g>\n");
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code v}. */
  static double nice(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * {@code canaryOnly}: drawn only where the canary had requests and weight, with a gap elsewhere.
   */
  private record Series(
      String color,
      String label,
      ToDoubleFunction<Sample> value,
      boolean step,
      boolean canaryOnly) {}

  private void panel(
      StringBuilder h,
      int top,
      int height,
      String label,
      double yMax,
      double threshold,
      List<Series> series) {
    int bottom = top + height;
    h.append(
        String.format(
            Locale.ROOT,
            "<g class=\"panel\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ddd\"/>\n",
            LEFT,
            top,
            WIDTH - LEFT - RIGHT,
            height));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-weight=\"600\">%s</text>\n",
            LEFT,
            top - 5,
            esc(label)));
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double y = bottom - height * (double) i / 4;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT - 6,
              y + 4,
              number(v)));
      if (i > 0 && i < 4) {
        h.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                LEFT,
                y,
                WIDTH - RIGHT,
                y));
      }
    }
    if (threshold >= 0) {
      double y = bottom - height * Math.min(threshold / yMax, 1);
      h.append(
          String.format(
              Locale.ROOT,
              "<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c62828\" stroke-dasharray=\"6,4\"/>\n",
              LEFT,
              y,
              WIDTH - RIGHT,
              y));
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#c62828\">threshold %s</text>\n",
              WIDTH - RIGHT - 4,
              y - 4,
              number(threshold)));
    }
    int legendX = LEFT + 190;
    for (Series s : series) {
      List<StringBuilder> lines = new ArrayList<>();
      StringBuilder points = null;
      double prevY = Double.NaN;
      for (Sample sample : samples) {
        if (s.canaryOnly() && (sample.canaryRequests() == 0 || sample.canaryPercent() == 0)) {
          points =
              null; // a gap: no data is not 0, and at weight 0 the window only holds requests from
          // before
          prevY = Double.NaN;
          continue;
        }
        if (points == null) {
          points = new StringBuilder();
          lines.add(points);
        }
        double x = x(sample.seconds());
        double y =
            bottom - height * Math.min(Math.max(s.value().applyAsDouble(sample), 0) / yMax, 1);
        if (s.step() && !Double.isNaN(prevY)) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, prevY));
        }
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        if (s.canaryOnly()) {
          h.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\">"
                      + "<title>%.1f s: %s of %d requests</title></circle>\n",
                  x,
                  y,
                  s.color(),
                  sample.seconds(),
                  number(s.value().applyAsDouble(sample)),
                  sample.canaryRequests()));
        }
        prevY = y;
      }
      for (StringBuilder p : lines) {
        h.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"")
            .append(s.color())
            .append("\" points=\"")
            .append(p.toString().trim())
            .append("\"><title>")
            .append(esc(s.label()))
            .append("</title></polyline>\n");
      }
      if (series.size() > 1) {
        h.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                legendX,
                top - 9,
                legendX + 16,
                top - 9,
                s.color(),
                legendX + 20,
                top - 5,
                esc(s.label())));
        legendX += 90;
      }
    }
    h.append("</g>\n");
  }

  private double x(double seconds) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (seconds - t0) / tSpan;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String percent(double rate) {
    double p = rate * 100;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p))
        + "%";
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><td>")
        .append(esc(name))
        .append("</td><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
