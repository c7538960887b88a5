package dev.gatewaysdk.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPMethod;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Listener;
import dev.gatewaysdk.model.ListenerTLSConfig;
import dev.gatewaysdk.model.Manifests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * JSON read and write of a large HTTPRoute (16 rules with matches, filters and weighted backends)
 * and of a Gateway with 64 listeners: gatewaysdk's model through its public {@link Manifests} API
 * against fabric8's {@code kubernetes-model-gatewayapi} with a plain Jackson {@link ObjectMapper},
 * on the same JSON text. Writes are measured like for like: indented ({@link
 * Manifests#toJson(Object)} against fabric8 with Jackson's default pretty printer) and compact
 * ({@link Manifests#toCompactJson(Object)} against {@code writeValueAsString}).
 *
 * <p>{@code tokenize*} is the floor under both reads: Jackson's UTF-8 parser (the one under {@code
 * Manifests.read} of JSON text) walking the same text and decoding every name, string and number,
 * binding nothing.
 *
 * <p>{@code *Databind} and {@code *Blackbird} are the alternative issue 17 asks to measure: Jackson
 * databind binding the same Immutables types through their builders ({@link DatabindImmutables}),
 * without and with the Blackbird module; the set-up fails unless they read and write the same
 * values and JSON as {@code Manifests}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ModelJson}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelJsonBenchmark {
  private final ObjectMapper fabric8Mapper =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ObjectWriter fabric8Pretty = fabric8Mapper.writerWithDefaultPrettyPrinter();
  private final ObjectMapper databind = DatabindImmutables.mapper();
  private final ObjectMapper blackbird = DatabindImmutables.blackbirdMapper();

  String routeJson;
  String gatewayJson;
  HTTPRoute route;
  Gateway gateway;
  io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute fabric8Route;
  io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway fabric8Gateway;

  @Setup
  public void setUp() throws Exception {
    route = largeRoute();
    gateway = largeGateway();
    routeJson = Manifests.toJson(route);
    gatewayJson = Manifests.toJson(gateway);
    fabric8Route =
        fabric8Mapper.readValue(
            routeJson, io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class);
    fabric8Gateway =
        fabric8Mapper.readValue(
            gatewayJson, io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class);
    for (ObjectMapper m : new ObjectMapper[] {databind, blackbird}) {
      DatabindImmutables.check(m, routeJson, HTTPRoute.class);
      DatabindImmutables.check(m, gatewayJson, Gateway.class);
    }
  }

  /**
   * 16 rules, each with a path, header, query and method match, header filters and three weighted
   * backends.
   */
  static HTTPRoute largeRoute() {
    HTTPRoute.Builder b =
        HTTPRoute.builder()
            .name("large-route")
            .namespace("default")
            .parentRef("my-gateway")
            .hostname("shop.example.com")
            .hostname("api.example.com");
    for (int i = 0; i < 16; i++) {
      int n = i;
      b.rule(
          r ->
              r.pathPrefix("/svc-" + n)
                  .header("x-tenant", "tenant-" + n)
                  .queryParam("version", "v" + n)
                  .method(HTTPMethod.GET)
                  .requestHeaders(
                      h ->
                          h.setHeader("x-route", "rule-" + n)
                              .addHeader("x-trace", "on")
                              .removeHeader("x-debug"))
                  .requestTimeout(Duration.ofSeconds(10))
                  .backend("svc-" + n + "-stable", 8080, 80)
                  .backend("svc-" + n + "-canary", 8080, 15)
                  .backend("svc-" + n + "-shadow", 8080, 5));
    }
    return b.build();
  }

  /** 64 listeners alternating HTTP and HTTPS with TLS termination, each on its own hostname. */
  static Gateway largeGateway() {
    Gateway.Builder b =
        Gateway.builder().name("large-gateway").namespace("default").gatewayClassName("envoy");
    for (int i = 0; i < 64; i++) {
      String host = "host-" + i + ".example.com";
      b.listener(
          i % 2 == 0
              ? Listener.http("http-" + i, host, 80)
              : Listener.https("https-" + i, host, 443, ListenerTLSConfig.terminate("cert-" + i)));
    }
    return b.build();
  }

  private static final JsonFactory TOKENIZER = new JsonFactory();

  /** Walks every token {@code p} gives, decoding names, strings and numbers; binds nothing. */
  static long tokenize(JsonParser p) throws Exception {
    long seen = 0;
    try (p) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          seen += p.currentName().length();
        } else if (t == JsonToken.VALUE_STRING) {
          seen += p.getText().length();
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
          seen += p.getIntValue();
        }
      }
    }
    return seen;
  }

  /** {@code json} as bytes through Jackson's UTF-8 parser. */
  private static long tokenize(String json) throws Exception {
    return tokenize(TOKENIZER.createParser(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Benchmark
  public long tokenizeRouteJackson() throws Exception {
    return tokenize(routeJson);
  }

  @Benchmark
  public long tokenizeGatewayJackson() throws Exception {
    return tokenize(gatewayJson);
  }

  @Benchmark
  public HTTPRoute readRouteGatewaysdk() {
    return Manifests.read(routeJson, HTTPRoute.class);
  }

  @Benchmark
  public Object readRouteFabric8() throws Exception {
    return fabric8Mapper.readValue(
        routeJson, io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class);
  }

  @Benchmark
  public String writeRouteIndentedGatewaysdk() {
    return Manifests.toJson(route);
  }

  @Benchmark
  public String writeRouteIndentedFabric8() throws Exception {
    return fabric8Pretty.writeValueAsString(fabric8Route);
  }

  @Benchmark
  public String writeRouteCompactGatewaysdk() {
    return Manifests.toCompactJson(route);
  }

  @Benchmark
  public String writeRouteCompactFabric8() throws Exception {
    return fabric8Mapper.writeValueAsString(fabric8Route);
  }

  @Benchmark
  public Gateway readGatewayGatewaysdk() {
    return Manifests.read(gatewayJson, Gateway.class);
  }

  @Benchmark
  public Object readGatewayFabric8() throws Exception {
    return fabric8Mapper.readValue(
        gatewayJson, io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class);
  }

  @Benchmark
  public String writeGatewayIndentedGatewaysdk() {
    return Manifests.toJson(gateway);
  }

  @Benchmark
  public String writeGatewayIndentedFabric8() throws Exception {
    return fabric8Pretty.writeValueAsString(fabric8Gateway);
  }

  @Benchmark
  public String writeGatewayCompactGatewaysdk() {
    return Manifests.toCompactJson(gateway);
  }

  @Benchmark
  public String writeGatewayCompactFabric8() throws Exception {
    return fabric8Mapper.writeValueAsString(fabric8Gateway);
  }

  @Benchmark
  public HTTPRoute readRouteDatabind() throws Exception {
    return databind.readValue(routeJson, HTTPRoute.class);
  }

  @Benchmark
  public HTTPRoute readRouteBlackbird() throws Exception {
    return blackbird.readValue(routeJson, HTTPRoute.class);
  }

  @Benchmark
  public Gateway readGatewayDatabind() throws Exception {
    return databind.readValue(gatewayJson, Gateway.class);
  }

  @Benchmark
  public Gateway readGatewayBlackbird() throws Exception {
    return blackbird.readValue(gatewayJson, Gateway.class);
  }

  @Benchmark
  public String writeRouteCompactDatabind() throws Exception {
    return databind.writeValueAsString(route);
  }

  @Benchmark
  public String writeRouteCompactBlackbird() throws Exception {
    return blackbird.writeValueAsString(route);
  }

  @Benchmark
  public String writeGatewayCompactDatabind() throws Exception {
    return databind.writeValueAsString(gateway);
  }

  @Benchmark
  public String writeGatewayCompactBlackbird() throws Exception {
    return blackbird.writeValueAsString(gateway);
  }
}
