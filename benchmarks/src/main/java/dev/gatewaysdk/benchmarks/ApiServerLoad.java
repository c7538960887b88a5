package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load figures of the embedded API server over HTTP (no JMH: these are requests per second and
 * latency percentiles under concurrency, and a fan-out to many connections):
 *
 * <ul>
 *   <li>write throughput (ConfigMap creates) without and with a state file (every write fsynced);
 *   <li>get, update (PUT) and merge patch of one ConfigMap, requests per second: over plain HTTP,
 *       over HTTPS, and over HTTPS with bearer tokens and RBAC (a non-administrator whose
 *       RoleBinding is one of 100);
 *   <li>watch fan-out: one write observed by N watchers (default 1,000), delivery latency p50/p99,
 *       and the server's heap with the watches open.
 * </ul>
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java [-Dapiserverload.readsOnly=true] -cp benchmarks/target/benchmarks.jar dev.gatewaysdk.benchmarks.ApiServerLoad [seconds] [threads] [watchers]
 * </pre>
 */
public final class ApiServerLoad {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ApiServerLoad() {}

  /**
   * Where requests go: the server's URL, the client (trusting its CA over TLS) and the bearer
   * token, if any.
   */
  record Target(String url, HttpClient http, String token) {
    static Target plain(EmbeddedApiServer server) {
      return new Target(server.url(), HTTP, null);
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int watchers = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    System.out.printf(
        "machine: %d CPUs, %s %s, max heap %d MiB; %d s per figure, %d client threads%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        seconds,
        threads);
    EmbeddedApiServerOptions base = EmbeddedApiServerOptions.builder().gatewayApi(false).build();
    // -Dapiserverload.readsOnly=true: only the get/update/patch comparison.
    boolean onlyGetUpdatePatch = Boolean.getBoolean("apiserverload.readsOnly");
    if (!onlyGetUpdatePatch) {
      try (EmbeddedApiServer server = EmbeddedApiServer.start(base)) {
        report("create (no state file)", run(Target.plain(server), seconds, threads, Op.CREATE));
      }
      Path dir = Files.createTempDirectory("apiserver-load");
      try (EmbeddedApiServer server =
          EmbeddedApiServer.start(base.newBuilder().stateFile(dir.resolve("state.json")).build())) {
        report(
            "create (--state, fsync per write)",
            run(Target.plain(server), seconds, threads, Op.CREATE));
      }
      try (EmbeddedApiServer server = EmbeddedApiServer.start(base)) {
        fanOut(server, watchers);
      }
    }
    // get/update/patch over plain HTTP, over HTTPS without authorization, and over HTTPS with
    // bearer tokens
    // and RBAC (the user is no administrator: its rights come from one RoleBinding among 100, with
    // 20
    // ClusterRoleBindings beside). The three servers run side by side and are measured in turns,
    // twice; the
    // first turn warms the JIT for all three and is not reported.
    try (EmbeddedApiServer plain = EmbeddedApiServer.start(base);
        EmbeddedApiServer https = EmbeddedApiServer.start(base.newBuilder().tls(true).build());
        EmbeddedApiServer rbac =
            EmbeddedApiServer.start(
                base.newBuilder()
                    .user("bench-admin", "admin", "system:masters")
                    .user("bench-user", "bench")
                    .build())) {
      Target admin = tls(rbac, "bench-admin");
      for (int i = 0; i < 100; i++) {
        String role = i == 57 ? "configmap-editor" : "role-" + i;
        String resource = i == 57 ? "configmaps" : "secrets";
        send(
            admin,
            "POST",
            "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
            "application/json",
            "{\"metadata\":{\"name\":\""
                + role
                + "\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\""
                + resource
                + "\"],"
                + "\"verbs\":[\"get\",\"list\",\"create\",\"update\",\"patch\"]}]}");
        send(
            admin,
            "POST",
            "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings",
            "application/json",
            "{\"metadata\":{\"name\":\""
                + role
                + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\","
                + "\"name\":\""
                + role
                + "\"},\"subjects\":[{\"kind\":\"User\",\"name\":\""
                + (i == 57 ? "bench" : "user-" + i)
                + "\"}]}");
      }
      for (int i = 0; i < 20; i++) {
        send(
            admin,
            "POST",
            "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            "application/json",
            "{\"metadata\":{\"name\":\"crb-"
                + i
                + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\","
                + "\"name\":\"view-"
                + i
                + "\"},\"subjects\":[{\"kind\":\"Group\",\"name\":\"group-"
                + i
                + "\"}]}");
      }
      List<Target> targets =
          List.of(Target.plain(plain), tls(https, null), tls(rbac, "bench-user"));
      List<String> labels = List.of("HTTP, ", "HTTPS, ", "HTTPS + token + RBAC, ");
      for (Target t : targets) {
        int code =
            send(
                t,
                "POST",
                "/api/v1/namespaces/default/configmaps",
                "application/json",
                "{\"metadata\":{\"name\":\"hot\"},\"data\":{\"n\":\"0\"}}");
        if (code != 201) {
          throw new IllegalStateException("creating the ConfigMap answered " + code);
        }
      }
      for (int turn = 0; turn < 2; turn++) {
        for (Op op : List.of(Op.GET, Op.UPDATE, Op.PATCH)) {
          for (int i = 0; i < targets.size(); i++) {
            Result r = run(targets.get(i), turn == 0 ? 1 : seconds, threads, op);
            if (turn == 1) {
              report(labels.get(i) + op.name().toLowerCase(java.util.Locale.ROOT), r);
            }
          }
        }
      }
    }
  }

  /** A target over HTTPS trusting the server's CA, sending {@code token}. */
  private static Target tls(EmbeddedApiServer server, String token) {
    return new Target(
        server.url(),
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(server.sslContext())
            .connectTimeout(Duration.ofSeconds(10))
            .build(),
        token);
  }

  enum Op {
    CREATE,
    GET,
    UPDATE,
    PATCH
  }

  static final class Result {
    final long[] nanos;
    final double seconds;

    Result(long[] nanos, double seconds) {
      this.nanos = nanos;
      this.seconds = seconds;
    }
  }

  static Result run(Target url, int seconds, int threads, Op op) throws Exception {
    AtomicLong names = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<long[]> samples = new ArrayList<>();
    List<Thread> ts = new ArrayList<>();
    long[][] perThread = new long[threads][];
    int[] counts = new int[threads];
    for (int t = 0; t < threads; t++) {
      int ti = t;
      perThread[t] = new long[1 << 20];
      Thread th =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int code =
                        switch (op) {
                          case CREATE ->
                              send(
                                  url,
                                  "POST",
                                  "/api/v1/namespaces/default/configmaps",
                                  "application/json",
                                  "{\"metadata\":{\"name\":\"cm-"
                                      + names.incrementAndGet()
                                      + "\"},\"data\":{\"a\":\"b\"}}");
                          case GET ->
                              send(
                                  url,
                                  "GET",
                                  "/api/v1/namespaces/default/configmaps/hot",
                                  null,
                                  null);
                          case UPDATE ->
                              send(
                                  url,
                                  "PUT",
                                  "/api/v1/namespaces/default/configmaps/hot",
                                  "application/json",
                                  "{\"metadata\":{\"name\":\"hot\"},\"data\":{\"n\":\""
                                      + names.incrementAndGet()
                                      + "\"}}");
                          case PATCH ->
                              send(
                                  url,
                                  "PATCH",
                                  "/api/v1/namespaces/default/configmaps/hot",
                                  "application/merge-patch+json",
                                  "{\"data\":{\"n\":\"" + names.incrementAndGet() + "\"}}");
                        };
                    if (code >= 300) {
                      throw new IllegalStateException(op + " answered " + code);
                    }
                    if (counts[ti] < perThread[ti].length) {
                      perThread[ti][counts[ti]++] = System.nanoTime() - t0;
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      ts.add(th);
    }
    // Warm-up: a second of the same load, not counted.
    long start = System.nanoTime();
    ts.forEach(Thread::start);
    Thread.sleep(1000);
    Arrays.fill(counts, 0);
    start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (Thread th : ts) {
      th.join();
    }
    for (int t = 0; t < threads; t++) {
      samples.add(Arrays.copyOf(perThread[t], counts[t]));
    }
    long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return new Result(all, elapsed);
  }

  static int send(Target target, String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target.url() + path)).timeout(Duration.ofSeconds(30));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (target.token() != null) {
      b.header("Authorization", "Bearer " + target.token());
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return target.http().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static void report(String what, Result r) {
    System.out.printf(
        "%-36s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests)%n",
        what,
        r.nanos.length / r.seconds,
        pct(r.nanos, 50) / 1e6,
        pct(r.nanos, 99) / 1e6,
        r.nanos.length);
  }

  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
  }

  /**
   * N raw watch connections read by one selector thread; a write is timed until each watcher has
   * it.
   */
  static void fanOut(EmbeddedApiServer server, int watchers) throws Exception {
    System.gc();
    long heapBefore = usedHeap();
    Selector selector = Selector.open();
    List<SocketChannel> channels = new ArrayList<>();
    StringBuilder[] seen = new StringBuilder[watchers];
    for (int i = 0; i < watchers; i++) {
      SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
      ch.write(
          ByteBuffer.wrap(
              ("GET /api/v1/namespaces/default/configmaps?watch=1&resourceVersion="
                      + server.resourceVersion()
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      ch.configureBlocking(false);
      ch.register(selector, SelectionKey.OP_READ, i);
      channels.add(ch);
      seen[i] = new StringBuilder();
    }
    Thread.sleep(2000);
    System.gc();
    long heapWith = usedHeap();
    int rounds = 20;
    long[] latencies = new long[rounds * watchers];
    int n = 0;
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    for (int round = 0; round < rounds; round++) {
      String marker = "fan-" + round;
      boolean[] got = new boolean[watchers];
      int remaining = watchers;
      long t0 = System.nanoTime();
      CountDownLatch sent = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () -> {
                try {
                  send(
                      Target.plain(server),
                      "POST",
                      "/api/v1/namespaces/default/configmaps",
                      "application/json",
                      "{\"metadata\":{\"name\":\"" + marker + "\"}}");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  sent.countDown();
                }
              });
      writer.start();
      long deadline = t0 + 30_000_000_000L;
      while (remaining > 0 && System.nanoTime() < deadline) {
        selector.select(100);
        for (SelectionKey k : selector.selectedKeys()) {
          int i = (Integer) k.attachment();
          buf.clear();
          int read = ((SocketChannel) k.channel()).read(buf);
          if (read > 0) {
            seen[i].append(new String(buf.array(), 0, read, StandardCharsets.UTF_8));
            if (!got[i] && seen[i].indexOf("\"" + marker + "\"") >= 0) {
              got[i] = true;
              latencies[n++] = System.nanoTime() - t0;
              remaining--;
              seen[i].setLength(0);
            }
          }
        }
        selector.selectedKeys().clear();
      }
      sent.await();
      if (remaining > 0) {
        throw new IllegalStateException(remaining + " watchers did not see " + marker);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf(
        "watch fan-out: 1 write -> %d watchers, %d writes: delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " heap with the watches open +%d MiB (%d KiB per watch)%n",
        watchers,
        rounds,
        pct(sorted, 50) / 1e6,
        pct(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        (heapWith - heapBefore) >> 20,
        ((heapWith - heapBefore) >> 10) / watchers);
    for (SocketChannel ch : channels) {
      ch.close();
    }
    selector.close();
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
