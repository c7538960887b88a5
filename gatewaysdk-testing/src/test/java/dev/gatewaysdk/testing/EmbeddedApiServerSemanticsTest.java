package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.ApiServerFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.kubernetes.client.util.generic.options.ListOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerSemanticsTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static DynamicKubernetesApi routes;

  @BeforeAll
  static void clients() {
    routes = server.gatewayApi("httproutes");
  }

  static DynamicKubernetesObject route(String name, String hostname) {
    JsonObject o =
        JsonParser.parseString(
                "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\","
                    + "\"metadata\":{\"name\":\""
                    + name
                    + "\",\"namespace\":\"default\"},"
                    + "\"spec\":{\"parentRefs\":[{\"name\":\"gw\"}],\"hostnames\":[\""
                    + hostname
                    + "\"]}}")
            .getAsJsonObject();
    return new DynamicKubernetesObject(o);
  }

  static DynamicKubernetesObject create(String name, String hostname) throws ApiException {
    return routes.create(route(name, hostname)).throwsApiException().getObject();
  }

  static JsonObject spec(DynamicKubernetesObject o) {
    return o.getRaw().getAsJsonObject("spec");
  }

  @Test
  void jsonPatchWithFailingTestIsRejectedAndPassingTestApplies() throws Exception {
    create("jp", "a.example.com");
    KubernetesApiResponse<DynamicKubernetesObject> failed =
        routes.patch(
            "default",
            "jp",
            V1Patch.PATCH_FORMAT_JSON_PATCH,
            new V1Patch(
                "[{\"op\":\"test\",\"path\":\"/spec/hostnames/0\",\"value\":\"other.example.com\"},"
                    + "{\"op\":\"replace\",\"path\":\"/spec/hostnames/0\",\"value\":\"b.example.com\"}]"));
    assertThat(failed.getHttpStatusCode()).isEqualTo(422);
    assertThat(failed.getStatus().getDetails().getCauses().get(0).getMessage())
        .contains("test failed");
    DynamicKubernetesObject ok =
        routes
            .patch(
                "default",
                "jp",
                V1Patch.PATCH_FORMAT_JSON_PATCH,
                new V1Patch(
                    "[{\"op\":\"test\",\"path\":\"/spec/hostnames/0\",\"value\":\"a.example.com\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/hostnames/0\",\"value\":\"b.example.com\"}]"))
            .throwsApiException()
            .getObject();
    assertThat(spec(ok).getAsJsonArray("hostnames").get(0).getAsString())
        .isEqualTo("b.example.com");
    assertThat(ok.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void mergePatchKeepsUnmentionedFieldsAndNullDeletes() throws Exception {
    create("mp", "a.example.com");
    DynamicKubernetesObject patched =
        routes
            .patch(
                "default",
                "mp",
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                new V1Patch(
                    "{\"metadata\":{\"labels\":{\"team\":\"x\"}},\"spec\":{\"hostnames\":null}}"))
            .throwsApiException()
            .getObject();
    assertThat(patched.getMetadata().getLabels()).containsEntry("team", "x");
    assertThat(spec(patched).has("hostnames")).isFalse();
    assertThat(spec(patched).getAsJsonArray("parentRefs")).hasSize(1);
  }

  @Test
  void strategicMergePatchIsUnsupportedForCustomResourcesButWorksForConfigMaps() throws Exception {
    create("smp", "a.example.com");
    KubernetesApiResponse<DynamicKubernetesObject> r =
        routes.patch(
            "default",
            "smp",
            V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
            new V1Patch("{\"spec\":{\"hostnames\":[\"c.example.com\"]}}"));
    assertThat(r.getHttpStatusCode()).isEqualTo(415);
    assertThat(r.getStatus().getReason()).isEqualTo("UnsupportedMediaType");

    CoreV1Api core = new CoreV1Api(server.apiClient());
    core.createNamespacedConfigMap(
            "default",
            new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("smp").finalizers(List.of("a/b")))
                .putDataItem("a", "1"))
        .execute();
    HttpResponse<String> resp =
        server.http(
            "PATCH",
            "/api/v1/namespaces/default/configmaps/smp",
            "application/strategic-merge-patch+json",
            "{\"metadata\":{\"finalizers\":[\"c/d\"]},\"data\":{\"b\":\"2\"}}");
    assertThat(resp.statusCode()).isEqualTo(200);
    V1ConfigMap cm = core.readNamespacedConfigMap("smp", "default").execute();
    assertThat(cm.getData()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(cm.getMetadata().getFinalizers()).containsExactly("a/b", "c/d");
  }

  @Test
  void serverSideApplyConflictsBetweenManagersUnlessForced() throws Exception {
    String config =
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"ssa\",\"namespace\":\"default\",\"labels\":{\"app\":\"x\"}},"
            + "\"spec\":{\"hostnames\":[\"%s\"]}}";
    KubernetesApiResponse<DynamicKubernetesObject> first =
        routes.patch(
            "default",
            "ssa",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(String.format(config, "a.example.com")),
            new PatchOptions().fieldManager("alice"));
    assertThat(first.isSuccess()).isTrue();
    KubernetesApiResponse<DynamicKubernetesObject> same =
        routes.patch(
            "default",
            "ssa",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(String.format(config, "a.example.com")),
            new PatchOptions().fieldManager("bob"));
    assertThat(same.isSuccess()).as("same values are shared, no conflict").isTrue();

    KubernetesApiResponse<DynamicKubernetesObject> conflict =
        routes.patch(
            "default",
            "ssa",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(String.format(config, "b.example.com")),
            new PatchOptions().fieldManager("carol"));
    assertThat(conflict.getHttpStatusCode()).isEqualTo(409);
    assertThat(conflict.getStatus().getMessage())
        .contains("conflict with \"alice\"", ".spec.hostnames");
    assertThat(conflict.getStatus().getDetails().getCauses())
        .extracting(c -> c.getReason())
        .contains("FieldManagerConflict");

    DynamicKubernetesObject forced =
        routes
            .patch(
                "default",
                "ssa",
                V1Patch.PATCH_FORMAT_APPLY_YAML,
                new V1Patch(String.format(config, "b.example.com")),
                new PatchOptions().fieldManager("carol").force(true))
            .throwsApiException()
            .getObject();
    assertThat(spec(forced).getAsJsonArray("hostnames").get(0).getAsString())
        .isEqualTo("b.example.com");
    JsonArray managed = forced.getRaw().getAsJsonObject("metadata").getAsJsonArray("managedFields");
    List<String> managers = new ArrayList<>();
    managed.forEach(m -> managers.add(m.getAsJsonObject().get("manager").getAsString()));
    assertThat(managers).contains("alice", "carol");
    String aliceFields =
        managed.get(managers.indexOf("alice")).getAsJsonObject().get("fieldsV1").toString();
    assertThat(aliceFields).doesNotContain("f:hostnames").contains("f:app");
  }

  @Test
  void applyRemovesFieldsTheManagerNoLongerApplies() throws Exception {
    String withLabel =
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"prune\",\"labels\":{\"a\":\"1\"}},"
            + "\"spec\":{\"hostnames\":[\"a.example.com\"]}}";
    routes
        .patch(
            "default",
            "prune",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(withLabel),
            new PatchOptions().fieldManager("m"))
        .throwsApiException();
    String without =
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"prune\"},"
            + "\"spec\":{\"hostnames\":[\"a.example.com\"]}}";
    DynamicKubernetesObject o =
        routes
            .patch(
                "default",
                "prune",
                V1Patch.PATCH_FORMAT_APPLY_YAML,
                new V1Patch(without),
                new PatchOptions().fieldManager("m"))
            .throwsApiException()
            .getObject();
    assertThat(o.getMetadata().getLabels()).isNullOrEmpty();
  }

  @Test
  void statusSubresourceSeparatesSpecAndStatusAndGenerationTracksSpecOnly() throws Exception {
    DynamicKubernetesObject o = create("status", "a.example.com");
    assertThat(o.getMetadata().getGeneration()).isEqualTo(1L);
    o.getRaw().add("status", JsonParser.parseString("{\"parents\":[]}"));
    spec(o).add("hostnames", JsonParser.parseString("[\"ignored.example.com\"]"));
    // PUT .../status (GenericKubernetesApi.updateStatus PATCHes with application/json, which real
    // servers reject with 415)
    io.kubernetes.client.openapi.apis.CustomObjectsApi custom =
        new io.kubernetes.client.openapi.apis.CustomObjectsApi(server.apiClient());
    custom
        .replaceNamespacedCustomObjectStatus(
            GROUP, "v1", "default", "httproutes", "status", o.getRaw())
        .execute();
    DynamicKubernetesObject afterStatus =
        routes.get("default", "status").throwsApiException().getObject();
    assertThat(afterStatus.getRaw().has("status")).isTrue();
    assertThat(spec(afterStatus).getAsJsonArray("hostnames").get(0).getAsString())
        .isEqualTo("a.example.com");
    assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1L);

    afterStatus.getRaw().remove("status");
    spec(afterStatus).add("hostnames", JsonParser.parseString("[\"b.example.com\"]"));
    DynamicKubernetesObject afterSpec = routes.update(afterStatus).throwsApiException().getObject();
    assertThat(afterSpec.getRaw().has("status")).as("main resource writes keep status").isTrue();
    assertThat(afterSpec.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void finalizersDelayDeletionUntilRemoved() throws Exception {
    DynamicKubernetesObject o = route("fin", "a.example.com");
    o.getRaw()
        .getAsJsonObject("metadata")
        .add("finalizers", JsonParser.parseString("[\"example.com/cleanup\"]"));
    routes.create(o).throwsApiException();
    DynamicKubernetesObject deleting =
        routes.delete("default", "fin").throwsApiException().getObject();
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
    DynamicKubernetesObject still = routes.get("default", "fin").throwsApiException().getObject();
    assertThat(still.getMetadata().getDeletionTimestamp()).isNotNull();
    routes
        .patch(
            "default",
            "fin",
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            new V1Patch("{\"metadata\":{\"finalizers\":null}}"))
        .throwsApiException();
    assertThat(routes.get("default", "fin").getHttpStatusCode()).isEqualTo(404);
  }

  @Test
  void invalidObjectsAreRejectedWithTheServersCauses() throws Exception {
    HttpResponse<String> r =
        server.http(
            "POST",
            "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes",
            "application/json",
            "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"bad\"},"
                + "\"spec\":{\"rules\":[{\"matches\":[{\"method\":\"NOTREAL\"}]}]}}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains(
            "HTTPRoute.gateway.networking.k8s.io \\\"bad\\\" is invalid: [spec.rules[0].matches[0].method: Unsupported value: \\\"NOTREAL\\\"",
            "\"reason\":\"FieldValueNotSupported\"",
            "\"field\":\"spec.rules[0].matches[0].method\"");
  }

  @Test
  void fieldValidationStrictRejectsUnknownFieldsAndWarnPrunesThemWithAWarning() throws Exception {
    String body =
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"%s\"},"
            + "\"spec\":{\"hostnames\":[\"a.example.com\"],\"colour\":\"blue\"}}";
    HttpResponse<String> strict =
        server.http(
            "POST",
            "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes?fieldValidation=Strict",
            "application/json",
            String.format(body, "strict"));
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.body()).contains("strict decoding error: unknown field \\\"spec.colour\\\"");
    HttpResponse<String> warn =
        server.http(
            "POST",
            "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes?fieldValidation=Warn",
            "application/json",
            String.format(body, "warn"));
    assertThat(warn.statusCode()).isEqualTo(201);
    assertThat(warn.headers().allValues("Warning"))
        .anySatisfy(w -> assertThat(w).contains("unknown field \\\"spec.colour\\\""));
    assertThat(warn.body()).doesNotContain("colour");
    HttpResponse<String> ignore =
        server.http(
            "POST",
            "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes?fieldValidation=Ignore",
            "application/json",
            String.format(body, "ignore"));
    assertThat(ignore.statusCode()).isEqualTo(201);
    assertThat(ignore.headers().allValues("Warning")).isEmpty();
  }

  @Test
  void dryRunDoesNotPersist() throws Exception {
    KubernetesApiResponse<DynamicKubernetesObject> r =
        routes.create(route("dry", "a.example.com"), new CreateOptions().dryRun("All"));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.getObject().getMetadata().getUid()).isNotBlank();
    assertThat(routes.get("default", "dry").getHttpStatusCode()).isEqualTo(404);
  }

  @Test
  void updateWithoutResourceVersionIsInvalidForCustomResources() throws Exception {
    DynamicKubernetesObject o = create("norv", "a.example.com");
    o.getRaw().getAsJsonObject("metadata").remove("resourceVersion");
    KubernetesApiResponse<DynamicKubernetesObject> r = routes.update(o);
    assertThat(r.getHttpStatusCode()).isEqualTo(422);
    assertThat(r.getStatus().getMessage())
        .isEqualTo(
            "HTTPRoute.gateway.networking.k8s.io \"norv\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
  }

  @Test
  void paginationAndSelectors() throws Exception {
    CoreV1Api core = new CoreV1Api(server.apiClient());
    core.createNamespace(
            new io.kubernetes.client.openapi.models.V1Namespace()
                .metadata(new V1ObjectMeta().name("pages")))
        .execute();
    for (int i = 0; i < 5; i++) {
      core.createNamespacedConfigMap(
              "pages",
              new V1ConfigMap()
                  .metadata(
                      new V1ObjectMeta()
                          .name("cm-" + i)
                          .putLabelsItem("parity", i % 2 == 0 ? "even" : "odd")))
          .execute();
    }
    List<String> names = new ArrayList<>();
    String cont = null;
    int pages = 0;
    do {
      V1ConfigMapList page = core.listNamespacedConfigMap("pages").limit(2).execute();
      if (cont != null) {
        page = core.listNamespacedConfigMap("pages").limit(2)._continue(cont).execute();
      }
      page.getItems().forEach(c -> names.add(c.getMetadata().getName()));
      cont = page.getMetadata().getContinue();
      pages++;
    } while (cont != null && pages < 10);
    assertThat(names).containsExactly("cm-0", "cm-1", "cm-2", "cm-3", "cm-4");
    assertThat(pages).isEqualTo(3);
    assertThat(
            core.listNamespacedConfigMap("pages").labelSelector("parity=odd").execute().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("cm-1", "cm-3");
    assertThat(
            core.listNamespacedConfigMap("pages")
                .labelSelector("parity in (even),parity!=odd")
                .fieldSelector("metadata.name!=cm-0")
                .execute()
                .getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("cm-2", "cm-4");
    assertThat(routes.list("default", new ListOptions()).getObject().getItems()).isNotNull();
  }

  @Test
  void badInputAnswersStatusObjects() throws Exception {
    HttpResponse<String> malformed =
        server.http(
            "POST", "/api/v1/namespaces/default/configmaps", "application/json", "{not json");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"kind\":\"Status\"", "\"reason\":\"BadRequest\"");

    HttpResponse<String> media =
        server.http("POST", "/api/v1/namespaces/default/configmaps", "text/plain", "x");
    assertThat(media.statusCode()).isEqualTo(415);

    String big =
        "{\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\""
            + "x".repeat(3 * 1024 * 1024)
            + "\"}}";
    HttpResponse<String> tooLarge =
        server.http("POST", "/api/v1/namespaces/default/configmaps", "application/json", big);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("\"reason\":\"RequestEntityTooLarge\"");

    HttpResponse<String> unknown = server.http("GET", "/apis/example.com/v1/widgets", null, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("the server could not find the requested resource");

    HttpResponse<String> badName =
        server.http(
            "POST",
            "/api/v1/namespaces/default/configmaps",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"Bad_Name\"}}");
    assertThat(badName.statusCode()).isEqualTo(422);
    assertThat(badName.body())
        .contains(
            "ConfigMap \\\"Bad_Name\\\" is invalid: metadata.name: Invalid value: \\\"Bad_Name\\\": a lowercase RFC 1123 subdomain");
  }

  @Test
  void customResourceDefinitionsAppliedAtRuntimeAreServedLive() throws Exception {
    String crd =
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\",\"metadata\":{\"name\":\"widgets.example.com\"},"
            + "\"spec\":{\"group\":\"example.com\",\"scope\":\"Namespaced\",\"names\":{\"plural\":\"widgets\",\"singular\":\"widget\",\"kind\":\"Widget\",\"listKind\":\"WidgetList\"},"
            + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
    HttpResponse<String> created =
        server.http(
            "POST",
            "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            "application/json",
            crd);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"Established\"", "\"NamesAccepted\"");
    assertThat(server.http("GET", "/apis/example.com/v1", null, null).body())
        .contains("\"name\":\"widgets\"");
    HttpResponse<String> widget =
        server.http(
            "POST",
            "/apis/example.com/v1/namespaces/default/widgets",
            "application/json",
            "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"size\":3}");
    assertThat(widget.statusCode()).isEqualTo(201);
    assertThat(
            server
                .http(
                    "DELETE",
                    "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com",
                    null,
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .http("GET", "/apis/example.com/v1/namespaces/default/widgets/w", null, null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void stateFileKeepsObjectsAcrossRestarts(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state.json");
    EmbeddedApiServerOptions options = EmbeddedApiServerOptions.builder().stateFile(state).build();
    long rv;
    try (EmbeddedApiServer first = EmbeddedApiServer.start(options)) {
      new DynamicKubernetesApi(GROUP, "v1", "httproutes", first.apiClient())
          .create(route("kept", "k.example.com"))
          .throwsApiException();
      rv = first.resourceVersion();
    }
    assertThat(Files.exists(state)).isTrue();
    try (EmbeddedApiServer second = EmbeddedApiServer.start(options)) {
      DynamicKubernetesObject kept =
          new DynamicKubernetesApi(GROUP, "v1beta1", "httproutes", second.apiClient())
              .get("default", "kept")
              .throwsApiException()
              .getObject();
      assertThat(spec(kept).getAsJsonArray("hostnames").get(0).getAsString())
          .isEqualTo("k.example.com");
      assertThat(second.resourceVersion()).isGreaterThanOrEqualTo(rv);
    }
  }
}
