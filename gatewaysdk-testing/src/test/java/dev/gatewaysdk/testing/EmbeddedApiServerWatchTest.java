package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerWatchTest {
  static final String GROUP = "gateway.networking.k8s.io";

  static DynamicKubernetesObject route(String name, String hostname) {
    return new DynamicKubernetesObject(
        JsonParser.parseString(
                "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\","
                    + "\"metadata\":{\"name\":\""
                    + name
                    + "\",\"namespace\":\"default\"},"
                    + "\"spec\":{\"hostnames\":[\""
                    + hostname
                    + "\"]}}")
            .getAsJsonObject());
  }

  @Test
  void watchFromCompactedResourceVersionGetsExpiredErrorEvent() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().watchHistory(3).build())) {
      CoreV1Api core = new CoreV1Api(server.apiClient());
      String rv =
          core.listNamespacedConfigMap("default").execute().getMetadata().getResourceVersion();
      for (int i = 0; i < 5; i++) {
        core.createNamespacedConfigMap(
                "default", new V1ConfigMap().metadata(new V1ObjectMeta().name("c" + i)))
            .execute();
      }
      try (Watch<V1ConfigMap> watch =
          Watch.createWatch(
              server.apiClient(),
              core.listNamespacedConfigMap("default")
                  .watch(true)
                  .resourceVersion(rv)
                  .buildCall(null),
              new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType())) {
        Watch.Response<V1ConfigMap> first = watch.next();
        assertThat(first.type).isEqualTo("ERROR");
        assertThat(first.status.getCode()).isEqualTo(410);
        assertThat(first.status.getReason()).isEqualTo("Expired");
        assertThat(first.status.getMessage()).startsWith("too old resource version: " + rv);
      }
    }
  }

  @Test
  void watchSendsBookmarksWhenAllowed() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().bookmarkIntervalMillis(100).build())) {
      CoreV1Api core = new CoreV1Api(server.apiClient());
      String rv =
          core.listNamespacedConfigMap("default").execute().getMetadata().getResourceVersion();
      try (Watch<V1ConfigMap> watch =
          Watch.createWatch(
              server.apiClient(),
              core.listNamespacedConfigMap("default")
                  .watch(true)
                  .allowWatchBookmarks(true)
                  .resourceVersion(rv)
                  .timeoutSeconds(10)
                  .buildCall(null),
              new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType())) {
        Watch.Response<V1ConfigMap> ev = watch.next();
        assertThat(ev.type).isEqualTo("BOOKMARK");
        assertThat(Long.parseLong(ev.object.getMetadata().getResourceVersion()))
            .isGreaterThanOrEqualTo(Long.parseLong(rv));
      }
    }
  }

  @Test
  void informerSyncsAndReceivesAddsUpdatesAndDeletes() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      ApiClient client = server.apiClient();
      DynamicKubernetesApi routes = new DynamicKubernetesApi(GROUP, "v1", "httproutes", client);
      routes.create(route("before", "a.example.com")).throwsApiException();
      SharedInformerFactory factory = new SharedInformerFactory(client);
      SharedIndexInformer<DynamicKubernetesObject> informer =
          factory.sharedIndexInformerFor(routes, DynamicKubernetesObject.class, 0);
      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      informer.addEventHandler(
          new ResourceEventHandler<>() {
            @Override
            public void onAdd(DynamicKubernetesObject obj) {
              events.add("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(DynamicKubernetesObject oldObj, DynamicKubernetesObject newObj) {
              events.add(
                  "update "
                      + newObj.getMetadata().getName()
                      + " "
                      + newObj.getRaw().getAsJsonObject("spec").get("hostnames"));
            }

            @Override
            public void onDelete(DynamicKubernetesObject obj, boolean deletedFinalStateUnknown) {
              events.add("delete " + obj.getMetadata().getName());
            }
          });
      factory.startAllRegisteredInformers();
      try {
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("add before");
        assertThat(informer.hasSynced()).isTrue();
        routes.create(route("after", "b.example.com")).throwsApiException();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("add after");
        DynamicKubernetesObject after =
            routes.get("default", "after").throwsApiException().getObject();
        after
            .getRaw()
            .getAsJsonObject("spec")
            .add("hostnames", JsonParser.parseString("[\"c.example.com\"]"));
        routes.update(after).throwsApiException();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("update after [\"c.example.com\"]");
        routes.delete("default", "before").throwsApiException();
        assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("delete before");
        assertThat(informer.getIndexer().list())
            .extracting(o -> o.getMetadata().getName())
            .containsExactly("after");
      } finally {
        factory.stopAllRegisteredInformers();
      }
    }
  }

  @Test
  void leaderElectionOnALeaseElectsOneLeader() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().gatewayApi(false).build())) {
      ApiClient client = server.apiClient();
      CountDownLatch leading = new CountDownLatch(1);
      LeaseLock lock = new LeaseLock("kube-system", "gatewaysdk-test", "candidate-1", client);
      LeaderElectionConfig config =
          new LeaderElectionConfig(
              lock, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(200));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (LeaderElector elector = new LeaderElector(config)) {
        pool.submit(() -> elector.run(leading::countDown, () -> {}));
        assertThat(leading.await(20, TimeUnit.SECONDS)).isTrue();
        V1Lease lease =
            new CoordinationV1Api(client)
                .readNamespacedLease("gatewaysdk-test", "kube-system")
                .execute();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("candidate-1");
        assertThat(lease.getSpec().getRenewTime()).isNotNull();
        // A second candidate does not take over while the first renews.
        LeaseLock other = new LeaseLock("kube-system", "gatewaysdk-test", "candidate-2", client);
        assertThat(other.get().getHolderIdentity()).isEqualTo("candidate-1");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void watchOfCustomResourcesAtOtherVersionRendersThatVersion() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      DynamicKubernetesApi v1 =
          new DynamicKubernetesApi(GROUP, "v1", "httproutes", server.apiClient());
      DynamicKubernetesApi v1beta1 =
          new DynamicKubernetesApi(GROUP, "v1beta1", "httproutes", server.apiClient());
      v1.create(route("x", "x.example.com")).throwsApiException();
      var watchable = v1beta1.watch("default");
      try {
        var ev = watchable.next();
        assertThat(ev.type).isEqualTo("ADDED");
        assertThat(ev.object.getApiVersion()).isEqualTo(GROUP + "/v1beta1");
      } finally {
        watchable.close();
      }
      assertThat(List.of(v1beta1.list("default").getObject().getItems().get(0).getApiVersion()))
          .containsExactly(GROUP + "/v1beta1");
    }
  }
}
