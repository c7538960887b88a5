package dev.gatewaysdk.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The ratios of {@link ModelJsonBenchmark} measured for a machine under load: gatewaysdk's {@code
 * Manifests}, fabric8's {@code ObjectMapper}, and Jackson databind on the Immutables types without
 * and with Blackbird ({@link DatabindImmutables}) run in alternating 100 ms slices in one JVM, so
 * all see the same load, each slice counted in operations per second of the thread's CPU time; it
 * prints each one's median ratio to fabric8 over the rounds. Reads, indented writes (gatewaysdk's
 * kubectl layout against fabric8's default pretty printer), then compact writes. Reads also run
 * {@code parse only}: Jackson's char parser (the one under both reads) walking the text and making
 * every string value, binding nothing, the floor under any binding. JMH runs one benchmark after
 * the other, which on a shared machine gives errors of ±100 %; use JMH on a quiet machine.
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
    ObjectMapper databind = DatabindImmutables.mapper();
    ObjectMapper blackbird = DatabindImmutables.blackbirdMapper();
    HTTPRoute route = ModelJsonBenchmark.largeRoute();
    Gateway gateway = ModelJsonBenchmark.largeGateway();
    String routeJson = Manifests.toJson(route);
    String gatewayJson = Manifests.toJson(gateway);
    Class<?> fabric8Route = io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class;
    Class<?> fabric8Gateway = io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class;
    for (ObjectMapper m : List.of(databind, blackbird)) {
      DatabindImmutables.check(m, routeJson, HTTPRoute.class);
      DatabindImmutables.check(m, gatewayJson, Gateway.class);
    }
    Object fabric8RouteValue = fabric8.readValue(routeJson, fabric8Route);
    Object fabric8GatewayValue = fabric8.readValue(gatewayJson, fabric8Gateway);

    compare(
        "read 16-rule HTTPRoute",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.read(routeJson, HTTPRoute.class),
            "fabric8", () -> fabric8.readValue(routeJson, fabric8Route),
            "databind", () -> databind.readValue(routeJson, HTTPRoute.class),
            "databind+blackbird", () -> blackbird.readValue(routeJson, HTTPRoute.class),
            "parse only", () -> parseOnly(routeJson)));
    compare(
        "read 64-listener Gateway",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.read(gatewayJson, Gateway.class),
            "fabric8", () -> fabric8.readValue(gatewayJson, fabric8Gateway),
            "databind", () -> databind.readValue(gatewayJson, Gateway.class),
            "databind+blackbird", () -> blackbird.readValue(gatewayJson, Gateway.class),
            "parse only", () -> parseOnly(gatewayJson)));
    ObjectWriter fabric8Pretty = fabric8.writerWithDefaultPrettyPrinter();
    compare(
        "write 16-rule HTTPRoute, indented",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.toJson(route),
            "fabric8", () -> fabric8Pretty.writeValueAsString(fabric8RouteValue)));
    compare(
        "write 64-listener Gateway, indented",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.toJson(gateway),
            "fabric8", () -> fabric8Pretty.writeValueAsString(fabric8GatewayValue)));
    compare(
        "write 16-rule HTTPRoute, compact",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.toCompactJson(route),
            "fabric8", () -> fabric8.writeValueAsString(fabric8RouteValue),
            "databind", () -> databind.writeValueAsString(route),
            "databind+blackbird", () -> blackbird.writeValueAsString(route)));
    compare(
        "write 64-listener Gateway, compact",
        rounds,
        Map.of(
            "gatewaysdk", () -> Manifests.toCompactJson(gateway),
            "fabric8", () -> fabric8.writeValueAsString(fabric8GatewayValue),
            "databind", () -> databind.writeValueAsString(gateway),
            "databind+blackbird", () -> blackbird.writeValueAsString(gateway)));
  }

  private static final List<String> ORDER =
      List.of("gatewaysdk", "fabric8", "databind", "databind+blackbird", "parse only");

  private static final JsonFactory PARSER = new JsonFactory();

  /** Walks {@code json} with Jackson's char parser, making every string value; binds nothing. */
  private static long parseOnly(String json) throws Exception {
    return ModelJsonBenchmark.tokenize(PARSER.createParser(json));
  }

  private static void compare(String what, int rounds, Map<String, Callable<Object>> contenders)
      throws Exception {
    // warm-up: 30 slices each and at least 10 s of this thread's CPU time, so that on a loaded
    // machine the JIT has compiled every contender before the first measured slice
    List<String> names = ORDER.stream().filter(contenders::containsKey).toList();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < 30 || THREADS.getCurrentThreadCpuTime() - cpuStart < 10_000_000_000L; i++) {
      for (String name : names) {
        opsPerSecond(contenders.get(name));
      }
    }
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> ops = new LinkedHashMap<>();
    for (String name : names) {
      ratios.put(name, new ArrayList<>());
      ops.put(name, new ArrayList<>());
    }
    for (int i = 0; i < rounds; i++) {
      Map<String, Double> slice = new LinkedHashMap<>();
      for (String name : names) {
        slice.put(name, opsPerSecond(contenders.get(name)));
      }
      for (String name : names) {
        ratios.get(name).add(slice.get(name) / slice.get("fabric8"));
        ops.get(name).add(slice.get(name));
      }
    }
    System.out.printf("%s (median over %d rounds; ratio to fabric8, quartiles):%n", what, rounds);
    for (String name : names) {
      List<Double> r = ratios.get(name);
      List<Double> o = ops.get(name);
      Collections.sort(r);
      Collections.sort(o);
      System.out.printf(
          "  %-20s %9.0f ops/s  %.2fx (%.2fx..%.2fx)%n",
          name, o.get(rounds / 2), r.get(rounds / 2), r.get(rounds / 4), r.get(3 * rounds / 4));
    }
  }

  /**
   * Operations per second of this thread's CPU time (not wall time) over one slice: on a shared
   * machine the time the thread waits for a core does not count against any contender.
   */
  private static double opsPerSecond(Callable<Object> op) throws Exception {
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long end = start + SLICE_NANOS;
    long n = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10; i++) {
        sink = op.call();
      }
      n += 10;
    }
    return n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
}
