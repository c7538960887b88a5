package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.ApiServerFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApisApi;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();

  static Map<String, Object> route(String name, String... hostnames) {
    Map<String, Object> r = new HashMap<>();
    r.put("apiVersion", GROUP + "/v1");
    r.put("kind", "HTTPRoute");
    r.put("metadata", new HashMap<>(Map.of("name", name)));
    Map<String, Object> spec = new HashMap<>();
    spec.put("hostnames", List.of(hostnames));
    spec.put("parentRefs", List.of(Map.of("name", "gw")));
    r.put("spec", spec);
    return r;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> meta(Object o) {
    return (Map<String, Object>) ((Map<String, Object>) o).get("metadata");
  }

  @Test
  void discoveryListsGatewayApiGroupWithPreferredV1() throws ApiException {
    List<V1APIGroup> groups =
        new ApisApi(server.apiClient()).getAPIVersions().execute().getGroups();
    V1APIGroup gw =
        groups.stream().filter(g -> g.getName().equals(GROUP)).findFirst().orElseThrow();
    assertThat(gw.getPreferredVersion().getVersion()).isEqualTo("v1");
    assertThat(gw.getVersions()).extracting(v -> v.getVersion()).contains("v1", "v1beta1");
  }

  @Test
  void configMapCrudWithConflictsAndNotFound() throws ApiException {
    CoreV1Api core = new CoreV1Api(server.apiClient());
    V1ConfigMap cm =
        new V1ConfigMap().metadata(new V1ObjectMeta().name("settings")).putDataItem("a", "1");
    V1ConfigMap created = core.createNamespacedConfigMap("default", cm).execute();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotNull();

    assertThatThrownBy(() -> core.createNamespacedConfigMap("default", cm).execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getResponseBody())
                  .contains(
                      "\"reason\":\"AlreadyExists\"", "configmaps \\\"settings\\\" already exists");
            });

    V1ConfigMap update =
        core.readNamespacedConfigMap("settings", "default").execute().putDataItem("a", "2");
    V1ConfigMap updated = core.replaceNamespacedConfigMap("settings", "default", update).execute();
    assertThat(updated.getData()).containsEntry("a", "2");
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

    update.putDataItem("a", "3");
    assertThatThrownBy(
            () -> core.replaceNamespacedConfigMap("settings", "default", update).execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getResponseBody())
                  .contains(
                      "Operation cannot be fulfilled on configmaps \\\"settings\\\": the object has been modified; please apply your changes to the latest version and try again");
            });

    core.deleteNamespacedConfigMap("settings", "default").execute();
    assertThatThrownBy(() -> core.readNamespacedConfigMap("settings", "default").execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseBody())
                  .contains("configmaps \\\"settings\\\" not found", "\"reason\":\"NotFound\"");
            });
  }

  @Test
  void namespacedObjectsNeedTheirNamespace() {
    CoreV1Api core = new CoreV1Api(server.apiClient());
    V1ConfigMap cm = new V1ConfigMap().metadata(new V1ObjectMeta().name("x"));
    assertThatThrownBy(() -> core.createNamespacedConfigMap("nowhere", cm).execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseBody()).contains("namespaces \\\"nowhere\\\" not found");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void httpRouteIsServedAtEveryVersionWithOneStorage() throws ApiException {
    CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
    api.createNamespacedCustomObject(
            GROUP, "v1", "default", "httproutes", route("versions", "a.example.com"))
        .execute();
    Map<String, Object> v1beta1 =
        (Map<String, Object>)
            api.getNamespacedCustomObject(GROUP, "v1beta1", "default", "httproutes", "versions")
                .execute();
    assertThat(v1beta1.get("apiVersion")).isEqualTo(GROUP + "/v1beta1");
    assertThat(meta(v1beta1).get("generation")).isEqualTo(1.0);
    assertThat((Map<String, Object>) v1beta1.get("spec"))
        .containsEntry("hostnames", List.of("a.example.com"));
    assertThatThrownBy(
            () ->
                api.getNamespacedCustomObject(GROUP, "v1", "default", "httproutes", "missing")
                    .execute())
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getResponseBody())
                    .contains("httproutes.gateway.networking.k8s.io \\\"missing\\\" not found"));
  }

  @Test
  void watchReportsAddedModifiedDeletedAndResumes() throws Exception {
    CoreV1Api core = new CoreV1Api(server.apiClient());
    core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name("watched"))).execute();
    String rv =
        core.listNamespacedConfigMap("watched").execute().getMetadata().getResourceVersion();
    core.createNamespacedConfigMap(
            "watched", new V1ConfigMap().metadata(new V1ObjectMeta().name("one")))
        .execute();
    V1ConfigMap two =
        core.createNamespacedConfigMap(
                "watched", new V1ConfigMap().metadata(new V1ObjectMeta().name("two")))
            .execute();
    core.replaceNamespacedConfigMap("two", "watched", two.putDataItem("k", "v")).execute();
    core.deleteNamespacedConfigMap("one", "watched").execute();
    try (Watch<V1ConfigMap> watch =
        Watch.createWatch(
            server.apiClient(),
            core.listNamespacedConfigMap("watched")
                .watch(true)
                .resourceVersion(rv)
                .timeoutSeconds(5)
                .buildCall(null),
            new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType())) {
      List<String> seen = new java.util.ArrayList<>();
      for (Watch.Response<V1ConfigMap> ev : watch) {
        seen.add(ev.type + " " + ev.object.getMetadata().getName());
        if (seen.size() == 4) {
          break;
        }
      }
      assertThat(seen).containsExactly("ADDED one", "ADDED two", "MODIFIED two", "DELETED one");
    }
  }
}
