package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.ApiServerFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * metadata.generation and resourceVersion as a real API server keeps them: generation counts spec
 * changes only, a write that changes nothing keeps the resourceVersion and emits no watch event.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerGenerationTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static DynamicKubernetesApi gateways;

  @BeforeAll
  static void clients() {
    gateways = server.gatewayApi("gateways");
  }

  /** A Gateway as users write it: the listener leaves allowedRoutes to the CRD's default. */
  static String gatewayJson(String name, String labels) {
    return "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"Gateway\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"default\""
        + (labels == null ? "" : ",\"labels\":" + labels)
        + "},"
        + "\"spec\":{\"gatewayClassName\":\"example\",\"listeners\":[{\"name\":\"http\",\"protocol\":\"HTTP\",\"port\":80}]}}";
  }

  static DynamicKubernetesObject create(String name) throws Exception {
    return gateways
        .create(
            new DynamicKubernetesObject(
                JsonParser.parseString(gatewayJson(name, null)).getAsJsonObject()))
        .throwsApiException()
        .getObject();
  }

  static DynamicKubernetesObject get(String name) throws Exception {
    return gateways.get("default", name).throwsApiException().getObject();
  }

  static DynamicKubernetesObject apply(String name, String labels, String manager)
      throws Exception {
    return gateways
        .patch(
            "default",
            name,
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(gatewayJson(name, labels)),
            new PatchOptions().fieldManager(manager))
        .throwsApiException()
        .getObject();
  }

  static DynamicKubernetesObject mergePatch(String name, String patch) throws Exception {
    return gateways
        .patch("default", name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(patch))
        .throwsApiException()
        .getObject();
  }

  static String rv(DynamicKubernetesObject o) {
    return o.getMetadata().getResourceVersion();
  }

  static long generation(DynamicKubernetesObject o) {
    return o.getMetadata().getGeneration();
  }

  @Test
  void updateWithTheSameSpecKeepsGenerationAndResourceVersion() throws Exception {
    DynamicKubernetesObject created = create("same-put");
    JsonObject asWritten = JsonParser.parseString(gatewayJson("same-put", null)).getAsJsonObject();
    asWritten.getAsJsonObject("metadata").addProperty("resourceVersion", rv(created));
    DynamicKubernetesObject undefaulted =
        gateways.update(new DynamicKubernetesObject(asWritten)).throwsApiException().getObject();
    assertThat(generation(undefaulted))
        .as("a PUT of the body as written (defaults left out)")
        .isEqualTo(1L);
    assertThat(rv(undefaulted)).isEqualTo(rv(created));

    DynamicKubernetesObject roundTrip =
        gateways.update(get("same-put")).throwsApiException().getObject();
    assertThat(generation(roundTrip)).isEqualTo(1L);
    assertThat(rv(roundTrip)).isEqualTo(rv(created));
    assertThat(rv(get("same-put"))).isEqualTo(rv(created));
  }

  @Test
  void patchesThatChangeNothingKeepGenerationAndResourceVersion() throws Exception {
    DynamicKubernetesObject created = create("same-patch");
    DynamicKubernetesObject merge =
        mergePatch("same-patch", "{\"spec\":{\"gatewayClassName\":\"example\"}}");
    DynamicKubernetesObject empty = mergePatch("same-patch", "{}");
    DynamicKubernetesObject json =
        gateways
            .patch(
                "default",
                "same-patch",
                V1Patch.PATCH_FORMAT_JSON_PATCH,
                new V1Patch(
                    "[{\"op\":\"test\",\"path\":\"/spec/gatewayClassName\",\"value\":\"example\"}]"))
            .throwsApiException()
            .getObject();
    DynamicKubernetesObject dropDefault =
        mergePatch(
            "same-patch",
            "{\"spec\":{\"listeners\":[{\"name\":\"http\",\"protocol\":\"HTTP\",\"port\":80}]}}");
    for (DynamicKubernetesObject o :
        new DynamicKubernetesObject[] {merge, empty, json, dropDefault}) {
      assertThat(generation(o)).isEqualTo(1L);
      assertThat(rv(o)).isEqualTo(rv(created));
    }
  }

  @Test
  void serverSideApplyOfTheSameConfigurationTwiceChangesNothing() throws Exception {
    DynamicKubernetesObject first = apply("same-apply", null, "alice");
    DynamicKubernetesObject second = apply("same-apply", null, "alice");
    assertThat(generation(second)).isEqualTo(1L);
    assertThat(rv(second)).isEqualTo(rv(first));

    DynamicKubernetesObject labelled = apply("same-apply", "{\"team\":\"a\"}", "alice");
    assertThat(rv(labelled)).as("a label is a change").isNotEqualTo(rv(first));
    assertThat(generation(labelled)).as("labels are not spec").isEqualTo(1L);
  }

  @Test
  void metadataChangesBumpResourceVersionButNotGenerationAndSpecChangesBumpBoth() throws Exception {
    DynamicKubernetesObject created = create("meta-only");
    DynamicKubernetesObject labelled =
        mergePatch(
            "meta-only", "{\"metadata\":{\"labels\":{\"a\":\"1\"},\"annotations\":{\"b\":\"2\"}}}");
    assertThat(rv(labelled)).isNotEqualTo(rv(created));
    assertThat(generation(labelled)).isEqualTo(1L);

    DynamicKubernetesObject changed =
        mergePatch("meta-only", "{\"spec\":{\"gatewayClassName\":\"other\"}}");
    assertThat(rv(changed)).isNotEqualTo(rv(labelled));
    assertThat(generation(changed)).isEqualTo(2L);
    DynamicKubernetesObject back =
        mergePatch("meta-only", "{\"spec\":{\"gatewayClassName\":\"example\"}}");
    assertThat(generation(back))
        .as("every spec change counts, also one back to an earlier spec")
        .isEqualTo(3L);
  }

  @Test
  void statusWritesNeverBumpGenerationAndAnUnchangedStatusKeepsResourceVersion() throws Exception {
    create("status");
    CustomObjectsApi custom = new CustomObjectsApi(server.apiClient());
    JsonObject o = get("status").getRaw();
    o.add(
        "status",
        JsonParser.parseString(
            "{\"conditions\":[{\"type\":\"Accepted\",\"status\":\"True\",\"reason\":\"Accepted\","
                + "\"message\":\"\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\",\"observedGeneration\":1}]}"));
    o.getAsJsonObject("spec").addProperty("gatewayClassName", "ignored-on-status");
    custom
        .replaceNamespacedCustomObjectStatus(GROUP, "v1", "default", "gateways", "status", o)
        .execute();
    DynamicKubernetesObject written = get("status");
    assertThat(generation(written)).isEqualTo(1L);
    assertThat(written.getRaw().getAsJsonObject("spec").get("gatewayClassName").getAsString())
        .isEqualTo("example");

    JsonObject again = written.getRaw().deepCopy();
    custom
        .replaceNamespacedCustomObjectStatus(GROUP, "v1", "default", "gateways", "status", again)
        .execute();
    HttpResponse<String> patched =
        server.http(
            "PATCH",
            "/apis/" + GROUP + "/v1/namespaces/default/gateways/status/status",
            "application/merge-patch+json",
            "{\"status\":" + written.getRaw().getAsJsonObject("status") + "}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(rv(get("status")))
        .as("status PUT and merge patch that change nothing")
        .isEqualTo(rv(written));
    String statusApply =
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"Gateway\",\"metadata\":{\"name\":\"status\"},"
            + "\"status\":"
            + written.getRaw().getAsJsonObject("status")
            + "}";
    applyStatus(statusApply);
    written = get("status");
    applyStatus(statusApply);
    DynamicKubernetesObject after = get("status");
    assertThat(rv(after)).as("server-side apply of an unchanged status").isEqualTo(rv(written));
    assertThat(generation(after)).isEqualTo(1L);
  }

  @Test
  void customResourcesWithoutTheStatusSubresourceCountEverythingButMetadata() throws Exception {
    String crd =
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\",\"metadata\":{\"name\":\"gadgets.example.com\"},"
            + "\"spec\":{\"group\":\"example.com\",\"scope\":\"Namespaced\",\"names\":{\"plural\":\"gadgets\",\"singular\":\"gadget\",\"kind\":\"Gadget\",\"listKind\":\"GadgetList\"},"
            + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\","
            + "\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{\"size\":{\"type\":\"integer\",\"default\":1}}},"
            + "\"status\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}}}]}}";
    HttpResponse<String> created =
        server.http(
            "POST",
            "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            "application/json",
            crd);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    DynamicKubernetesApi gadgets =
        new DynamicKubernetesApi("example.com", "v1", "gadgets", server.apiClient());
    JsonObject body =
        JsonParser.parseString(
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Gadget\","
                    + "\"metadata\":{\"name\":\"g\",\"namespace\":\"default\"},\"spec\":{}}")
            .getAsJsonObject();
    DynamicKubernetesObject g =
        gadgets.create(new DynamicKubernetesObject(body)).throwsApiException().getObject();
    body.getAsJsonObject("metadata").addProperty("resourceVersion", rv(g));
    DynamicKubernetesObject same =
        gadgets.update(new DynamicKubernetesObject(body)).throwsApiException().getObject();
    assertThat(rv(same)).as("spec.size left to its default").isEqualTo(rv(g));
    JsonObject withStatus = same.getRaw().deepCopy();
    withStatus.add("status", JsonParser.parseString("{\"phase\":\"Ready\"}"));
    DynamicKubernetesObject statusChanged =
        gadgets.update(new DynamicKubernetesObject(withStatus)).throwsApiException().getObject();
    assertThat(generation(statusChanged))
        .as("status is part of the object without the subresource")
        .isEqualTo(2L);
  }

  static void applyStatus(String config) throws Exception {
    HttpResponse<String> applied =
        server.http(
            "PATCH",
            "/apis/"
                + GROUP
                + "/v1/namespaces/default/gateways/status/status?fieldManager=status-writer&force=true",
            "application/apply-patch+yaml",
            config);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
  }

  @Test
  void writesThatChangeNothingEmitNoWatchEvent() throws Exception {
    DynamicKubernetesObject applied = apply("quiet", null, "alice");
    ListOptions from = new ListOptions();
    from.setResourceVersion(rv(applied));
    Watchable<DynamicKubernetesObject> watch = gateways.watch("default", from);
    try {
      gateways.update(get("quiet")).throwsApiException();
      mergePatch("quiet", "{\"spec\":{\"gatewayClassName\":\"example\"}}");
      apply("quiet", null, "alice");
      DynamicKubernetesObject labelled =
          mergePatch("quiet", "{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}");
      var first = watch.next();
      assertThat(first.type).isEqualTo("MODIFIED");
      assertThat(rv(first.object))
          .as("the first event after the no-op writes is the label change")
          .isEqualTo(rv(labelled));
      assertThat(first.object.getMetadata().getLabels()).containsEntry("seen", "yes");
    } finally {
      watch.close();
    }
  }
}
