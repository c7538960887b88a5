package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.testing.EmbeddedApiServer;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The embedded API server: start in a fresh JVM (CRDs parsed, nothing cached in the JVM), start in
 * a warm JVM, and create/get/update of an HTTPRoute through the official Java client.
 *
 * <pre>
 * GATEWAYSDK_CRDS=/path/to/gateway-api java -jar benchmarks/target/benchmarks.jar EmbeddedApiServerBenchmark
 * </pre>
 */
public class EmbeddedApiServerBenchmark {
  private static final String QUIET = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

  /** Each fork is a new JVM, so the one measured call is a first start. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 5, jvmArgsAppend = QUIET)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public void firstStart(Blackhole bh) {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      bh.consume(server.url());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = QUIET)
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  public void warmStart(Blackhole bh) {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      bh.consume(server.url());
    }
  }

  /** One server and client for the CRUD benchmark. */
  @State(Scope.Benchmark)
  public static class Cluster {
    EmbeddedApiServer server;
    CustomObjectsApi api;
    final AtomicLong names = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
      server = EmbeddedApiServer.start();
      api = new CustomObjectsApi(server.apiClient());
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.close();
    }
  }

  /** create, get and update (replace) of one HTTPRoute: three requests per operation. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = QUIET)
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  @SuppressWarnings("unchecked")
  public Object createGetUpdateHttpRoute(Cluster c) throws ApiException {
    String name = "route-" + c.names.incrementAndGet();
    Map<String, Object> route =
        Map.of(
            "apiVersion",
            "gateway.networking.k8s.io/v1",
            "kind",
            "HTTPRoute",
            "metadata",
            Map.of("name", name),
            "spec",
            Map.of(
                "parentRefs", List.of(Map.of("name", "gw")),
                "hostnames", List.of("bench.example.com"),
                "rules",
                    List.of(Map.of("backendRefs", List.of(Map.of("name", "svc", "port", 8080))))));
    c.api
        .createNamespacedCustomObject(
            "gateway.networking.k8s.io", "v1", "default", "httproutes", route)
        .execute();
    Map<String, Object> read =
        (Map<String, Object>)
            c.api
                .getNamespacedCustomObject(
                    "gateway.networking.k8s.io", "v1", "default", "httproutes", name)
                .execute();
    ((Map<String, Object>) read.get("spec")).put("hostnames", List.of("updated.example.com"));
    return c.api
        .replaceNamespacedCustomObject(
            "gateway.networking.k8s.io", "v1", "default", "httproutes", name, read)
        .execute();
  }
}
