package dev.gatewaysdk.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The read ratio of {@link ModelJsonBenchmark} (gatewaysdk's {@code Manifests.read} over fabric8's
 * {@code readValue}, same JSON) measured for a machine under load: the two reads run in alternating
 * 100 ms slices in one JVM, so both see the same load, each slice counted in reads per second of
 * the thread's CPU time, and the median ratio of the slice pairs is printed. JMH runs one benchmark
 * after the other, which on a shared machine gives errors of ±100 %; use JMH on a quiet machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.gatewaysdk.benchmarks.InterleavedReadRatio [rounds]}
 */
public final class InterleavedReadRatio {
  private static final long SLICE_NANOS = 100_000_000L;
  private static volatile Object sink;

  private InterleavedReadRatio() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    ObjectMapper fabric8 =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    String route = Manifests.toJson(ModelJsonBenchmark.largeRoute());
    String gateway = Manifests.toJson(ModelJsonBenchmark.largeGateway());
    compare(
        "16-rule HTTPRoute",
        rounds,
        () -> Manifests.read(route, HTTPRoute.class),
        () ->
            fabric8.readValue(
                route, io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class));
    compare(
        "64-listener Gateway",
        rounds,
        () -> Manifests.read(gateway, Gateway.class),
        () ->
            fabric8.readValue(
                gateway, io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class));
  }

  private static void compare(
      String what, int rounds, Callable<Object> ours, Callable<Object> theirs) throws Exception {
    // warm-up: 30 slice pairs and at least 10 s of this thread's CPU time, so that on a loaded
    // machine the JIT has compiled both readers before the first measured slice
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < 30 || THREADS.getCurrentThreadCpuTime() - cpuStart < 10_000_000_000L; i++) {
      opsPerSecond(ours);
      opsPerSecond(theirs);
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> own = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      double o = opsPerSecond(ours);
      double t = opsPerSecond(theirs);
      ratios.add(o / t);
      own.add(o);
    }
    Collections.sort(ratios);
    Collections.sort(own);
    System.out.printf(
        "%s: gatewaysdk/fabric8 median %.2fx (quartiles %.2fx..%.2fx), gatewaysdk median %.0f ops/s%n",
        what,
        ratios.get(rounds / 2),
        ratios.get(rounds / 4),
        ratios.get(3 * rounds / 4),
        own.get(rounds / 2));
  }

  /**
   * Reads per second of this thread's CPU time (not wall time) over one slice: on a shared machine
   * the time the thread waits for a core does not count against either reader.
   */
  private static double opsPerSecond(Callable<Object> read) throws Exception {
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long end = start + SLICE_NANOS;
    long n = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10; i++) {
        sink = read.call();
      }
      n += 10;
    }
    return n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
}
