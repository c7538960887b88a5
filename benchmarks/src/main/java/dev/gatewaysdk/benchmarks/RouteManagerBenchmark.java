package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.HTTPBackendRef;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.HTTPRouteRule;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * One canary weight change against the embedded API server (the targeted release's CRDs, loopback
 * HTTP): the seed guide's GET + UPDATE, the RouteManager without known state (GET + guarded PATCH),
 * and with known state (one guarded PATCH, the state carried from the previous change or an
 * informer cache). Latency is sampled (p50/p99 in the output); the {@code changes} and {@code
 * httpRequests} counters (an OkHttp interceptor) give the round trips per change.
 *
 * <p>Run: {@code GATEWAYSDK_CRDS=/path/to/crds java -jar benchmarks/target/benchmarks.jar
 * RouteManager}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RouteManagerBenchmark {
  EmbeddedApiServer server;
  GatewayApiClient client;
  RouteManager manager;
  ResourceClient<HTTPRoute> routes;
  final AtomicLong requests = new AtomicLong();
  RouteRef known;
  int weight;

  @Setup(Level.Trial)
  public void start() {
    server = EmbeddedApiServer.start();
    ApiClient api = server.apiClient();
    api.setHttpClient(
        api.getHttpClient()
            .newBuilder()
            .addInterceptor(
                chain -> {
                  requests.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build());
    client = GatewayApiClient.create(api);
    manager = RouteManager.create(client);
    routes = client.httpRoutes().inNamespace("default");
    routes.create(SeedRoutes.canary("canary-route"));
    known = RouteRef.from(routes.get("canary-route"));
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** Requests per weight change, reported next to the latencies. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    public long changes;
    public long httpRequests;
  }

  private int nextWeight() {
    weight = weight % 99 + 1;
    return weight;
  }

  /** The seed guide's UpdateCanaryWeight: GET, set weights by position, UPDATE. */
  @Benchmark
  public HTTPRoute seedGetThenUpdate(Counters c) {
    long before = requests.get();
    int canary = nextWeight();
    HTTPRoute r = routes.get("canary-route");
    HTTPRouteRule rule = r.spec().rules().get(0);
    List<HTTPBackendRef> refs = new ArrayList<>(rule.backendRefs());
    refs.set(0, HTTPBackendRef.builder().from(refs.get(0)).weight(100 - canary).build());
    refs.set(1, HTTPBackendRef.builder().from(refs.get(1)).weight(canary).build());
    HTTPRoute changed =
        r.newBuilder()
            .spec(
                r.spec()
                    .newBuilder()
                    .rules(List.of(rule.newBuilder().backendRefs(refs).build()))
                    .build())
            .build();
    HTTPRoute out = routes.update(changed);
    c.changes++;
    c.httpRequests += requests.get() - before;
    return out;
  }

  /** RouteManager.setWeights addressing the route by name: GET + guarded PATCH. */
  @Benchmark
  public RouteChange setWeightsByName(Counters c) {
    long before = requests.get();
    int canary = nextWeight();
    RouteChange out =
        manager.setWeights(
            RouteRef.httpRoute("default", "canary-route"),
            Map.of("app-stable", 100 - canary, "app-canary", canary));
    c.changes++;
    c.httpRequests += requests.get() - before;
    return out;
  }

  /** RouteManager.setWeights with the state of the previous change: one guarded PATCH. */
  @Benchmark
  public RouteChange setWeightsKnownState(Counters c) {
    long before = requests.get();
    int canary = nextWeight();
    RouteChange out =
        manager.setWeights(known, Map.of("app-stable", 100 - canary, "app-canary", canary));
    known = out.ref();
    c.changes++;
    c.httpRequests += requests.get() - before;
    return out;
  }
}
