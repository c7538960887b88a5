package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ReferenceGrant;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed clients, waits and caches on the model's types against the embedded server. */
class TypedClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final Servers servers = new Servers(Channel.STANDARD);

  static HTTPRoute canary(String name, String gateway) {
    return HTTPRoute.builder()
        .name(name)
        .namespace("default")
        .parentRef(gateway)
        .rule(
            r ->
                r.pathPrefix("/app").backend("app-stable", 8080, 95).backend("app-canary", 8080, 5))
        .build();
  }

  @Test
  void typedRoutesRoundTripThroughTheServer() {
    ResourceClient<HTTPRoute> routes = servers.client.httpRoutes().inNamespace("default");
    HTTPRoute created = routes.create(canary("typed", "my-gateway"));
    assertThat(created.metadata().resourceVersion()).isPresent();
    HTTPRoute read = routes.get("typed");
    assertThat(read.spec().rules().get(0).backendRefs()).hasSize(2);
    assertThat(read.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(servers.client.httpRoutes().list(ListOptions.defaults()))
        .extracting(r -> r.metadata().name().orElse(""))
        .contains("typed");
  }

  @Test
  void objectsSentAreRetargetedToTheServedVersionAndReadOnesKeepTheirs() {
    GatewayApiClient oldClient = GatewayApiClient.create(servers.old.apiClient());
    ReferenceGrant grant =
        JSON.convertValue(
            JSON.createObjectNode()
                .put("apiVersion", "gateway.networking.k8s.io/v1")
                .put("kind", "ReferenceGrant")
                .set(
                    "metadata",
                    JSON.createObjectNode().put("name", "g").put("namespace", "default")),
            ReferenceGrant.class);
    ObjectNode spec = JSON.createObjectNode();
    spec.putArray("from")
        .addObject()
        .put("group", "gateway.networking.k8s.io")
        .put("kind", "HTTPRoute")
        .put("namespace", "a");
    spec.putArray("to").addObject().put("group", "").put("kind", "Service");
    ObjectNode g = JSON.valueToTree(grant);
    g.set("spec", spec);
    ReferenceGrant created =
        oldClient
            .referenceGrants()
            .inNamespace("default")
            .create(JSON.convertValue(g, ReferenceGrant.class));
    assertThat(created.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1beta1");
  }

  @Test
  void gatewayClassesAreClusterScoped() {
    ObjectNode gc =
        JSON.createObjectNode()
            .put("apiVersion", "gateway.networking.k8s.io/v1")
            .put("kind", "GatewayClass");
    gc.putObject("metadata").put("name", "example");
    gc.putObject("spec").put("controllerName", "example.com/gateway-controller");
    servers.client.gatewayClasses().create(JSON.convertValue(gc, GatewayClass.class));
    assertThat(servers.client.gatewayClasses().get("example").metadata().namespace()).isEmpty();
  }

  @Test
  void awaitReturnsWhenTheStatusArrivesThroughTheWatch() throws Exception {
    ResourceClient<HTTPRoute> routes = servers.client.httpRoutes().inNamespace("default");
    HTTPRoute route = routes.create(canary("awaited", "gw-a"));
    ResourceClient<ObjectNode> raw =
        servers.client.namespaced("HTTPRoute", ObjectNode.class).inNamespace("default");
    Thread controller =
        new Thread(
            () -> {
              ObjectNode r = raw.get("awaited");
              ObjectNode parent = r.putObject("status").putArray("parents").addObject();
              parent.putObject("parentRef").put("name", "gw-a");
              parent.put("controllerName", "example.com/c");
              parent
                  .putArray("conditions")
                  .addObject()
                  .put("type", "Accepted")
                  .put("status", "True")
                  .put("reason", "Accepted")
                  .put("message", "")
                  .put("lastTransitionTime", "2026-01-01T00:00:00Z")
                  .put("observedGeneration", r.at("/metadata/generation").asLong(1));
              raw.updateStatus(r, WriteOptions.defaults());
            });
    controller.start();
    HTTPRoute accepted =
        servers
            .client
            .await(route)
            .until(RouteConditions.acceptedBy("gw-a"), Duration.ofSeconds(30));
    controller.join();
    assertThat(accepted.status()).isNotNull();
    assertThat(RouteConditions.acceptedBy("gw-a").test(JSON.valueToTree(accepted))).isTrue();
  }

  @Test
  void awaitSurvivesAWatchConnectionThatDrops() throws Exception {
    AtomicInteger watches = new AtomicInteger();
    var api = servers.latest.apiClient();
    api.setHttpClient(
        api.getHttpClient()
            .newBuilder()
            .addInterceptor(
                chain -> {
                  okhttp3.Response response = chain.proceed(chain.request());
                  if (!"true".equals(chain.request().url().queryParameter("watch"))
                      || watches.getAndIncrement() > 0) {
                    return response;
                  }
                  response
                      .close(); // the first watch: the stream breaks as a dropped connection would
                  okio.Source broken =
                      new okio.ForwardingSource(
                          okio.Okio.source(new java.io.ByteArrayInputStream(new byte[0]))) {
                        @Override
                        public long read(okio.Buffer sink, long byteCount)
                            throws java.io.IOException {
                          throw new java.io.IOException("connection reset (test)");
                        }
                      };
                  return response
                      .newBuilder()
                      .body(
                          okhttp3.ResponseBody.create(
                              okio.Okio.buffer(broken),
                              okhttp3.MediaType.get("application/json"),
                              -1))
                      .build();
                })
            .build());
    GatewayApiClient dropping = GatewayApiClient.create(api);
    HTTPRoute route =
        dropping.httpRoutes().inNamespace("default").create(canary("dropped", "gw-d"));
    Thread controller =
        new Thread(
            () -> {
              try {
                while (watches.get()
                    == 0) { // the status arrives only once the await watches (and its stream broke)
                  Thread.sleep(10);
                }
              } catch (InterruptedException e) {
                return;
              }
              ResourceClient<ObjectNode> raw =
                  servers.client.namespaced("HTTPRoute", ObjectNode.class).inNamespace("default");
              ObjectNode r = raw.get("dropped");
              ObjectNode parent = r.putObject("status").putArray("parents").addObject();
              parent.putObject("parentRef").put("name", "gw-d");
              parent.put("controllerName", "example.com/c");
              parent
                  .putArray("conditions")
                  .addObject()
                  .put("type", "Accepted")
                  .put("status", "True")
                  .put("reason", "Accepted")
                  .put("message", "")
                  .put("lastTransitionTime", "2026-01-01T00:00:00Z")
                  .put("observedGeneration", 1);
              raw.updateStatus(r, WriteOptions.defaults());
            });
    controller.start();

    HTTPRoute accepted =
        dropping.await(route).until(RouteConditions.acceptedBy("gw-d"), Duration.ofSeconds(30));
    controller.join();

    assertThat(watches.get()).as("watches opened").isPositive();
    assertThat(RouteConditions.acceptedBy("gw-d").test(JSON.valueToTree(accepted))).isTrue();
  }

  /**
   * An await whose deadline falls just before the server ends the watch it opened: closing the
   * watch at the deadline must not leave a reader on the pooled connection. Before the fix, the
   * timer's close drained the connection for up to 100 ms, concurrently with the waiting thread;
   * when that thread got the stream's end it returned the connection to the pool and sent its next
   * request on it, and the draining timer swallowed the answer: the request hung until the server's
   * idle timeout.
   */
  @Test
  void aRequestAfterAnAwaitThatTimedOutAsTheServerEndedItsWatchIsAnswered() {
    ResourceClient<HTTPRoute> routes = servers.client.httpRoutes().inNamespace("default");
    HTTPRoute route = routes.create(canary("deadline", "gw-e"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          for (int i = 0; i < 12; i++) {
            Duration wait = Duration.ofMillis(920 + 6 * i);
            assertThatThrownBy(
                    () ->
                        servers.client.await(route).until(RouteConditions.acceptedBy("gw-e"), wait))
                .isInstanceOf(AwaitTimeoutException.class);
            assertThat(routes.get("deadline").metadata().name()).hasValue("deadline");
          }
        },
        "a request after an await hung");
  }

  @Test
  void awaitTimeoutStatesTheLastObservedStatus() {
    HTTPRoute route =
        servers.client.httpRoutes().inNamespace("default").create(canary("never", "gw-b"));
    assertThatThrownBy(
            () ->
                servers
                    .client
                    .await(route)
                    .until(RouteConditions.acceptedBy("gw-b"), Duration.ofMillis(300)))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageContaining(
            "HTTPRoute default/never was not accepted by Gateway gw-b within PT0.3S; last observed status: none");
  }

  @Test
  void cacheIndexesRoutesAndFeedsOneRoundTripChanges() throws Exception {
    GatewayApiClient.create(servers.latest.apiClient())
        .httpRoutes()
        .inNamespace("default")
        .create(canary("cached-1", "edge"));
    servers.client.httpRoutes().inNamespace("default").create(canary("cached-2", "other"));
    try (ResourceCache<HTTPRoute> cache =
        servers.client.cache(
            HTTPRoute.class, CacheOptions.builder().namespace("default").build())) {
      assertThat(cache.waitForSync(Duration.ofSeconds(30))).isTrue();
      assertThat(cache.byIndex(ResourceCache.BY_PARENT_GATEWAY, "default/edge"))
          .extracting(r -> r.metadata().name().orElse(""))
          .containsExactly("cached-1");
      assertThat(cache.byIndex(ResourceCache.BY_BACKEND_SERVICE, "default/app-canary"))
          .hasSizeGreaterThanOrEqualTo(2);

      CountDownLatch added = new CountDownLatch(1);
      cache.addHandler(
          new ResourceHandler<>() {
            @Override
            public void onAdd(HTTPRoute r) {
              if (r.metadata().name().orElse("").equals("cached-3")) {
                added.countDown();
              }
            }
          });
      servers.client.httpRoutes().inNamespace("default").create(canary("cached-3", "edge"));
      assertThat(added.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cache.get("default", "cached-3")).isPresent();

      RouteManager manager = RouteManager.create(servers.client);
      servers.requests.set(0);
      RouteChange c =
          manager.setWeights(
              RouteRef.from(cache.get("default", "cached-1").orElseThrow()),
              Map.of("app-canary", 50));
      assertThat(servers.requests.get()).isEqualTo(1);
      assertThat(c.route(HTTPRoute.class).spec().rules().get(0).backendRefs().get(1).weight())
          .contains(50);
    }
  }

  @Test
  void aCacheWhoseWatchVersionExpiredListsAgainAndCatchesUp() {
    EmbeddedApiServer small =
        EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().watchHistory(3).build());
    try {
      GatewayApiClient c = GatewayApiClient.create(small.apiClient());
      c.httpRoutes().inNamespace("default").create(canary("h0", "gw"));
      var real =
          dev.gatewaysdk.core.internal.Informers.source(
              c.raw(), "HTTPRoute", CacheOptions.defaults());
      java.util.concurrent.atomic.AtomicInteger lists =
          new java.util.concurrent.atomic.AtomicInteger();
      // the first list answers with a version the server has long forgotten, as after a long
      // disconnection
      var source =
          new dev.gatewaysdk.core.internal.Informers.Source() {
            @Override
            public dev.gatewaysdk.core.internal.Informers.Listing list() {
              var listing = real.list();
              if (lists.getAndIncrement() > 0) {
                return listing;
              }
              for (int i = 1; i < 10; i++) {
                c.httpRoutes().inNamespace("default").create(canary("h" + i, "gw"));
              }
              return listing;
            }

            @Override
            public dev.gatewaysdk.core.internal.RawClient.Watch watch(String resourceVersion) {
              return real.watch(resourceVersion);
            }
          };
      try (var cache =
          new dev.gatewaysdk.core.internal.Informers.WatchCache<>(
              source,
              "gateway.networking.k8s.io/v1",
              "HTTPRoute",
              HTTPRoute.class,
              Duration.ZERO)) {
        assertThat(cache.waitForSync(Duration.ofSeconds(30))).isTrue();
        await(() -> cache.list().size() == 10);
        assertThat(lists.get()).as("listed again after 410 Gone").isEqualTo(2);
        assertThat(cache.byIndex(ResourceCache.BY_PARENT_GATEWAY, "default/gw")).hasSize(10);
      }
    } finally {
      small.close();
    }
  }

  @Test
  void handlersSeeChangesInOrderOnOneThreadAndResyncs() throws Exception {
    new io.kubernetes.client.openapi.apis.CoreV1Api(servers.latest.apiClient())
        .createNamespace(
            new io.kubernetes.client.openapi.models.V1Namespace()
                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("handlers")))
        .execute();
    ResourceClient<HTTPRoute> routes = servers.client.httpRoutes().inNamespace("handlers");
    routes.create(inHandlers("before", 5));
    List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CacheOptions options =
        CacheOptions.builder().namespace("handlers").resync(Duration.ofMillis(300)).build();
    try (ResourceCache<HTTPRoute> cache = servers.client.cache(HTTPRoute.class, options)) {
      assertThat(cache.waitForSync(Duration.ofSeconds(30))).isTrue();
      cache.addHandler(
          new ResourceHandler<>() {
            @Override
            public void onAdd(HTTPRoute r) {
              threads.add(Thread.currentThread().getName());
              seen.add("add " + r.metadata().name().orElse(""));
            }

            @Override
            public void onUpdate(HTTPRoute before, HTTPRoute after) {
              threads.add(Thread.currentThread().getName());
              seen.add(
                  (before == after ? "resync " : "update ") + after.metadata().name().orElse(""));
            }

            @Override
            public void onDelete(HTTPRoute last) {
              threads.add(Thread.currentThread().getName());
              seen.add("delete " + last.metadata().name().orElse(""));
            }
          });
      routes.create(inHandlers("after", 5));
      routes.update(routes.get("after").withSpec(inHandlers("after", 50).spec()));
      routes.delete("after");
      await(() -> seen.contains("delete after") && seen.contains("resync before"));
      List<String> changes = seen.stream().filter(e -> !e.startsWith("resync")).toList();
      assertThat(changes)
          .containsExactly("add before", "add after", "update after", "delete after");
      assertThat(threads).containsExactly("gatewaysdk-cache-HTTPRoute-events");
      assertThat(cache.get("handlers", "after")).isEmpty();
      assertThat(cache.byIndex(ResourceCache.BY_PARENT_GATEWAY, "handlers/edge"))
          .extracting(r -> r.metadata().name().orElse(""))
          .containsExactly("before");
    }
  }

  private static HTTPRoute inHandlers(String name, int canaryWeight) {
    return HTTPRoute.builder()
        .name(name)
        .namespace("handlers")
        .parentRef("edge")
        .rule(
            r ->
                r.pathPrefix("/app")
                    .backend("app-stable", 8080, 100 - canaryWeight)
                    .backend("app-canary", 8080, canaryWeight))
        .build();
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition not met in 30 s").isNegative();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void cacheOfAKindTheClusterDoesNotServeFailsAtOnce() {
    GatewayApiClient oldClient = GatewayApiClient.create(servers.old.apiClient());
    assertThatThrownBy(() -> oldClient.cache(dev.gatewaysdk.model.TLSRoute.class))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessageContaining(
            "TLSRoute is not served by this cluster (Gateway API v1.0.0, standard channel)");
    assertThat(List.of()).isEmpty();
  }
}
