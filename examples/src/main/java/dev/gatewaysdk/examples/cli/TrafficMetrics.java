package dev.gatewaysdk.examples.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the load generator measured, per backend: each response's time, outcome and latency. The
 * canary analysis and the report read windows of it ({@link #window(String, Duration)}).
 *
 * <p>Thread-safe. Keeps at most {@value #MAX_SAMPLES} samples per backend (the oldest are dropped),
 * so a long run cannot exhaust memory.
 */
final class TrafficMetrics {
  static final int MAX_SAMPLES = 200_000;

  private final LongSupplier nanoClock;
  private final Map<String, ArrayDeque<long[]>> samples = new LinkedHashMap<>();

  TrafficMetrics() {
    this(System::nanoTime);
  }

  TrafficMetrics(LongSupplier nanoClock) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  long now() {
    return nanoClock.getAsLong();
  }

  /** Records one response of {@code backend}, received now. */
  void record(String backend, boolean error, Duration latency) {
    record(backend, now(), error, latency);
  }

  /**
   * Records one response of {@code backend}, received at {@code atNanos} (of this metrics' clock).
   */
  synchronized void record(String backend, long atNanos, boolean error, Duration latency) {
    ArrayDeque<long[]> q = samples.computeIfAbsent(backend, b -> new ArrayDeque<>());
    if (q.size() == MAX_SAMPLES) {
      q.removeFirst();
    }
    q.addLast(new long[] {atNanos, error ? 1 : 0, latency.toNanos()});
  }

  /** The responses of {@code backend} received in the last {@code length}. */
  Window window(String backend, Duration length) {
    long now = now();
    return window(backend, now - length.toNanos(), now);
  }

  /** The responses of {@code backend} received in {@code (fromNanos, toNanos]}. */
  synchronized Window window(String backend, long fromNanos, long toNanos) {
    ArrayDeque<long[]> q = samples.get(backend);
    if (q == null) {
      return Window.EMPTY;
    }
    long[] latencies = new long[q.size()];
    int n = 0;
    int errors = 0;
    for (Iterator<long[]> it = q.descendingIterator(); it.hasNext(); ) {
      long[] s = it.next();
      if (s[0] <= fromNanos) {
        break;
      }
      if (s[0] <= toNanos) {
        latencies[n++] = s[2];
        errors += (int) s[1];
      }
    }
    return Window.of(n, errors, Arrays.copyOf(latencies, n));
  }

  /** All responses of {@code backend} recorded so far (up to {@value #MAX_SAMPLES}). */
  Window total(String backend) {
    return window(backend, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A summary of the responses of one backend in a time window. Immutable. */
  static final class Window {
    static final Window EMPTY = new Window(0, 0, Duration.ZERO, Duration.ZERO);

    private final int requests;
    private final int errors;
    private final Duration p95;
    private final Duration mean;

    private Window(int requests, int errors, Duration p95, Duration mean) {
      this.requests = requests;
      this.errors = errors;
      this.p95 = p95;
      this.mean = mean;
    }

    static Window of(int requests, int errors, long[] latencyNanos) {
      if (requests == 0) {
        return EMPTY;
      }
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      // Nearest-rank percentile: the smallest latency at or above which 5% of the responses lie.
      int rank = (int) Math.ceil(0.95 * sorted.length) - 1;
      long sum = 0;
      for (long l : sorted) {
        sum += l;
      }
      return new Window(
          requests,
          errors,
          Duration.ofNanos(sorted[Math.max(0, rank)]),
          Duration.ofNanos(sum / sorted.length));
    }

    int requests() {
      return requests;
    }

    int errors() {
      return errors;
    }

    /** Errors per request, 0 when there were no requests. */
    double errorRate() {
      return requests == 0 ? 0 : (double) errors / requests;
    }

    /** The 95th percentile latency (nearest rank), zero when there were no requests. */
    Duration p95() {
      return p95;
    }

    Duration mean() {
      return mean;
    }

    @Override
    public String toString() {
      return Counts.of(requests, "request")
          + ", "
          + Counts.of(errors, "error")
          + ", p95 "
          + p95.toMillis()
          + " ms";
    }
  }
}
