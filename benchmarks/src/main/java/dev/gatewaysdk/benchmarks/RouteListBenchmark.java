package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.core.CacheOptions;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.ResourceCache;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing 10,000 seed canary routes (typed, pages of 500) and the initial sync of an informer cache
 * of them, against the embedded API server. The cache benchmark also reports the retained heap per
 * cached route: used heap after full GCs with the synced cache held, minus before, divided by the
 * route count.
 *
 * <p>Run: {@code GATEWAYSDK_CRDS=/path/to/crds java -jar benchmarks/target/benchmarks.jar
 * RouteList}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class RouteListBenchmark {
  @Param("10000")
  int routes;

  EmbeddedApiServer server;
  GatewayApiClient client;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = EmbeddedApiServer.start();
    client = GatewayApiClient.create(server.apiClient());
    ResourceClient<HTTPRoute> rc = client.httpRoutes().inNamespace("default");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      fs.add(
          pool.submit(
              () -> {
                for (int i = first; i < routes; i += 4) {
                  rc.create(SeedRoutes.canary("route-" + i));
                }
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** Heap retained by the cache per route, in bytes. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public long bytesPerCachedRoute;
  }

  @Benchmark
  public int listAll() {
    List<HTTPRoute> all = client.httpRoutes().list(ListOptions.builder().pageSize(500).build());
    if (all.size() != routes) {
      throw new IllegalStateException("listed " + all.size());
    }
    return all.size();
  }

  @Benchmark
  public int informerInitialSync(Heap heap) {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(mem);
    ResourceCache<HTTPRoute> cache = client.cache(HTTPRoute.class, CacheOptions.defaults());
    try {
      if (!cache.waitForSync(Duration.ofMinutes(2)) || cache.list().size() != routes) {
        throw new IllegalStateException("cache did not sync");
      }
      long after = usedAfterGc(mem);
      heap.bytesPerCachedRoute = Math.max(0, (after - before) / routes);
      System.out.println("retained heap per cached route: " + heap.bytesPerCachedRoute + " bytes");
      return cache.list().size();
    } finally {
      cache.close();
    }
  }

  private static long usedAfterGc(MemoryMXBean mem) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
