package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Manifest reading and writing: a typical HTTPRoute (read typed, write YAML and JSON) and the
 * largest manifest around, the targeted release's experimental CRD install (1.4 MB, read as generic
 * objects).
 *
 * <pre>{@code
 * GATEWAYSDK_CRDS=/path/to/crds java -jar benchmarks/target/benchmarks.jar ManifestsBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ManifestsBenchmark {
  private static final String ROUTE =
      String.join(
          "\n",
          "apiVersion: gateway.networking.k8s.io/v1",
          "kind: HTTPRoute",
          "metadata:",
          "  name: canary-route",
          "  namespace: default",
          "spec:",
          "  parentRefs:",
          "  - name: my-gateway",
          "  hostnames: [\"api.example.com\"]",
          "  rules:",
          "  - matches:",
          "    - path: {type: PathPrefix, value: /app}",
          "      headers:",
          "      - {name: X-Canary, value: \"true\"}",
          "    backendRefs:",
          "    - {name: app-stable, port: 8080, weight: 90}",
          "    - {name: app-canary, port: 8080, weight: 10}",
          "");

  private String install;
  private HTTPRoute route;

  @Setup
  public void setUp() throws IOException {
    install =
        Files.readString(
            CrdSource.fromEnvironment()
                .installManifest(CrdSource.LATEST_RELEASE, Channel.EXPERIMENTAL));
    route = Manifests.read(ROUTE, HTTPRoute.class);
  }

  @Benchmark
  public HTTPRoute readHttpRoute() {
    return Manifests.read(ROUTE, HTTPRoute.class);
  }

  @Benchmark
  public String writeHttpRouteYaml() {
    return Manifests.toYaml(route);
  }

  @Benchmark
  public String writeHttpRouteJson() {
    return Manifests.toJson(route);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<Object> readExperimentalInstall() {
    return Manifests.readAll(install);
  }
}
