package dev.gatewaysdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.validation.CompiledCrd;
import dev.gatewaysdk.core.validation.GatewayApiValidator;
import dev.gatewaysdk.core.validation.ValidationResult;
import dev.gatewaysdk.core.validation.internal.CrdFiles;
import dev.gatewaysdk.model.CrdSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation engine costs, each next to plain Jackson parsing of the same document in the same run:
 * building the engine from all experimental CRDs of the targeted release ({@link
 * CrdSource#LATEST_RELEASE}), validating the seed's canary HTTPRoute (two weighted backends, one
 * path match), and validating the largest official example of that release.
 *
 * <p>Needs the CRD source setting ({@code GATEWAYSDK_CRDS} or {@code -Dgatewaysdk.crds}) to name a
 * directory with {@code <release>/experimental-install.yaml} and {@code <release>/examples} of that
 * release.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ValidationBenchmark {
  static final String CANARY =
      """
      {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
       "metadata": {"name": "canary-route", "namespace": "default"},
       "spec": {"parentRefs": [{"name": "my-gateway"}],
                "rules": [{"matches": [{"path": {"type": "PathPrefix", "value": "/app"}}],
                           "backendRefs": [{"name": "app-stable", "port": 8080, "weight": 90},
                                           {"name": "app-canary", "port": 8080, "weight": 10}]}]}}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong generation = new AtomicLong();

  List<JsonNode> crds;
  String installText;
  GatewayApiValidator validator;
  JsonNode canary;
  String largestText;
  JsonNode largest;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir =
        CrdSource.fromEnvironment()
            .directory()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set GATEWAYSDK_CRDS to the Gateway API data directory"));
    Path install = dir.resolve(CrdSource.LATEST_RELEASE + "/experimental-install.yaml");
    installText = Files.readString(install);
    crds = CrdFiles.crds(installText, install.toString());
    validator = GatewayApiValidator.fromFiles(install);
    canary = JSON.readTree(CANARY);
    largest = largestExample(dir.resolve(CrdSource.LATEST_RELEASE + "/examples"));
    largestText = JSON.writeValueAsString(largest);
    requireValid(validator.validate(canary), "canary");
    requireValid(validator.validate(largest), "largest example");
  }

  /**
   * The engine build: every CRD compiled afresh (a per-run annotation defeats the CRD content
   * cache); CEL programs of identical rule text are shared per JVM, so this is a warm rebuild.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public GatewayApiValidator buildEngineFromAllExperimentalCrds() {
    long g = generation.incrementAndGet();
    List<CompiledCrd> compiled = new ArrayList<>(crds.size());
    for (JsonNode crd : crds) {
      ObjectNode copy = crd.deepCopy();
      ((ObjectNode) copy.with("metadata").with("annotations"))
          .put("benchmark.gatewaysdk.dev/generation", g);
      compiled.add(CompiledCrd.compile(copy));
    }
    return GatewayApiValidator.of(compiled);
  }

  /** Baseline for the build: Jackson parsing of the same install manifest. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<JsonNode> parseAllExperimentalCrdsWithJackson() {
    return CrdFiles.crds(installText, "install");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ValidationResult validateCanaryRoute() {
    return validator.validate(canary);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode parseCanaryRouteWithJackson() throws IOException {
    return JSON.readTree(CANARY);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ValidationResult validateLargestOfficialExample() {
    return validator.validate(largest);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode parseLargestOfficialExampleWithJackson() throws IOException {
    return JSON.readTree(largestText);
  }

  private static JsonNode largestExample(Path examples) throws IOException {
    try (Stream<Path> files = Files.walk(examples)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") && p.startsWith(examples.resolve("standard")))
          .flatMap(
              p -> {
                try {
                  return CrdFiles.documents(Files.readString(p), p.toString()).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .filter(d -> d.path("apiVersion").asText().startsWith("gateway.networking.k8s.io/"))
          .max(Comparator.comparingInt(d -> d.toString().length()))
          .orElseThrow(() -> new IllegalStateException("no Gateway API example under " + examples));
    }
  }

  private static void requireValid(ValidationResult r, String what) {
    if (!r.valid()) {
      throw new IllegalStateException(what + " must be valid: " + r.statusMessage());
    }
  }
}
