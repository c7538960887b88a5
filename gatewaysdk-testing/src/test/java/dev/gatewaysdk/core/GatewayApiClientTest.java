package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayApiClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final Servers servers = new Servers(Channel.EXPERIMENTAL);

  static ObjectNode route(String name, String... backends) {
    ObjectNode r = JSON.createObjectNode();
    r.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", "HTTPRoute");
    r.putObject("metadata").put("name", name).putObject("labels").put("app", "shop");
    ObjectNode spec = r.putObject("spec");
    spec.putArray("parentRefs").addObject().put("name", "my-gateway");
    var refs = spec.putArray("rules").addObject().putArray("backendRefs");
    for (String b : backends) {
      refs.addObject().put("name", b).put("port", 8080).put("weight", 50);
    }
    return r;
  }

  @Test
  void capabilitiesReportReleaseChannelAndBestVersions() {
    Capabilities l = GatewayApiClient.create(servers.latest.apiClient()).capabilities();
    assertThat(l.release()).contains(CrdSource.LATEST_RELEASE);
    assertThat(l.channel()).contains(Channel.EXPERIMENTAL);
    assertThat(l.preferredVersion("TLSRoute")).contains("v1");
    assertThat(l.preferredVersion("ReferenceGrant")).contains("v1");
    assertThat(l.preferredVersion("BackendTLSPolicy")).contains("v1");

    Capabilities o = GatewayApiClient.create(servers.old.apiClient()).capabilities();
    assertThat(o.describe()).isEqualTo("Gateway API v1.0.0, standard channel");
    assertThat(o.preferredVersion("HTTPRoute")).contains("v1");
    assertThat(o.preferredVersion("ReferenceGrant")).contains("v1beta1");
    assertThat(o.serves("GRPCRoute")).isFalse();
  }

  @Test
  void unservedKindFailsWithoutARequestNamingReleaseAndRemedy() {
    GatewayApiClient client = GatewayApiClient.create(servers.old.apiClient());
    assertThatThrownBy(
            () -> client.namespaced("TLSRoute", ObjectNode.class).inNamespace("default").list())
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessage(
            "TLSRoute is not served by this cluster (Gateway API v1.0.0, standard channel); install the experimental channel or v1.5.0+");
  }

  @Test
  void unservedFieldFailsNamingTheField() {
    GatewayApiClient client = GatewayApiClient.create(servers.old.apiClient());
    ObjectNode r = route("named-rule", "a");
    ((ObjectNode) r.at("/spec/rules/0")).put("name", "primary");
    assertThatThrownBy(
            () -> client.namespaced("HTTPRoute", ObjectNode.class).inNamespace("default").create(r))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessageStartingWith(
            "HTTPRoute field spec.rules[0].name is not served by this cluster (Gateway API v1.0.0, standard channel");
  }

  @Test
  void crudKeepsUnknownFieldsAndUsesOptimisticConcurrency() {
    ResourceClient<ObjectNode> routes =
        GatewayApiClient.create(servers.latest.apiClient())
            .namespaced("HTTPRoute", ObjectNode.class)
            .inNamespace("default");
    ObjectNode created = routes.create(route("crud", "a", "b"));
    assertThat(created.at("/metadata/resourceVersion").asText()).isNotEmpty();
    assertThat(routes.get("crud").at("/spec/rules/0/backendRefs/1/name").asText()).isEqualTo("b");

    ObjectNode changed = created.deepCopy();
    ((ObjectNode) changed.at("/spec/rules/0/backendRefs/1")).put("weight", 7);
    ObjectNode updated = routes.update(changed);
    assertThat(updated.at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(7);

    assertThatThrownBy(() -> routes.update(changed)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> routes.create(route("crud", "a")))
        .isInstanceOf(AlreadyExistsException.class);

    assertThatThrownBy(
            () ->
                routes.delete(
                    "crud", DeleteOptions.builder().preconditionResourceVersion("1").build()))
        .isInstanceOf(ConflictException.class);
    routes.delete("crud");
    assertThat(routes.find("crud")).isEmpty();
    assertThatThrownBy(() -> routes.get("crud")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void dryRunWritesAreNotStored() {
    ResourceClient<ObjectNode> routes =
        GatewayApiClient.create(servers.latest.apiClient())
            .namespaced("HTTPRoute", ObjectNode.class)
            .inNamespace("default");
    ObjectNode out = routes.create(route("dry", "a"), WriteOptions.dryRunOnly());
    assertThat(out.at("/metadata/name").asText()).isEqualTo("dry");
    assertThat(routes.find("dry")).isEmpty();
  }

  @Test
  void jsonPatchTestOperationGuardsAndMergePatchMerges() throws Exception {
    ResourceClient<ObjectNode> routes =
        GatewayApiClient.create(servers.latest.apiClient())
            .namespaced("HTTPRoute", ObjectNode.class)
            .inNamespace("default");
    routes.create(route("patched", "a", "b"));
    JsonNode ops =
        JSON.readTree(
            "[{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/0/weight\",\"value\":49},"
                + "{\"op\":\"replace\",\"path\":\"/spec/rules/0/backendRefs/0/weight\",\"value\":1}]");
    assertThatThrownBy(() -> routes.jsonPatch("patched", ops, WriteOptions.defaults()))
        .isInstanceOf(InvalidException.class);

    ObjectNode merged =
        routes.mergePatch(
            "patched",
            JSON.readTree("{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}"),
            WriteOptions.defaults());
    assertThat(merged.at("/metadata/labels/tier").asText()).isEqualTo("web");
    assertThat(merged.at("/metadata/labels/app").asText()).isEqualTo("shop");
  }

  @Test
  void serverSideApplyOwnsFieldsAndConflictsWithoutForce() {
    ResourceClient<ObjectNode> routes =
        GatewayApiClient.create(servers.latest.apiClient())
            .namespaced("HTTPRoute", ObjectNode.class)
            .inNamespace("default");
    ObjectNode r = route("applied", "a");
    routes.apply(r, ApplyOptions.of("team-a"));
    ObjectNode other = r.deepCopy();
    ((ObjectNode) other.at("/spec/rules/0/backendRefs/0")).put("weight", 9);
    assertThatThrownBy(() -> routes.apply(other, ApplyOptions.of("team-b")))
        .isInstanceOf(ConflictException.class);
    assertThat(
            routes
                .apply(other, ApplyOptions.of("team-b").withForce(true))
                .at("/spec/rules/0/backendRefs/0/weight")
                .asInt())
        .isEqualTo(9);
  }

  @Test
  void listPagesThroughLargeResults() {
    AtomicInteger lists = new AtomicInteger();
    var api = servers.latest.apiClient();
    api.setHttpClient(
        api.getHttpClient()
            .newBuilder()
            .addInterceptor(
                chain -> {
                  if (chain
                      .request()
                      .url()
                      .encodedPath()
                      .endsWith("/namespaces/paged/httproutes")) {
                    lists.incrementAndGet();
                  }
                  return chain.proceed(chain.request());
                })
            .build());
    GatewayApiClient client = GatewayApiClient.create(api);
    client.namespaced("HTTPRoute", ObjectNode.class); // nothing sent yet
    createNamespace(client, "paged");
    ResourceClient<ObjectNode> routes =
        client.namespaced("HTTPRoute", ObjectNode.class).inNamespace("paged");
    for (int i = 0; i < 7; i++) {
      routes.create(route("r" + i, "a"));
    }
    lists.set(0);
    List<ObjectNode> all =
        routes.list(ListOptions.builder().pageSize(3).labelSelector("app=shop").build());
    assertThat(all)
        .extracting(n -> n.at("/metadata/name").asText())
        .containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5", "r6");
    assertThat(all.get(0).path("apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(lists.get()).isEqualTo(3);
    assertThat(routes.stream(ListOptions.builder().pageSize(2).build()).limit(1).count())
        .isEqualTo(1);
  }

  static void createNamespace(GatewayApiClient client, String name) {
    try {
      new io.kubernetes.client.openapi.apis.CoreV1Api(client.apiClient())
          .createNamespace(
              new io.kubernetes.client.openapi.models.V1Namespace()
                  .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(name)))
          .execute();
    } catch (io.kubernetes.client.openapi.ApiException e) {
      if (e.getCode() != 409) {
        throw new AssertionError(e.getResponseBody(), e);
      }
    }
  }

  @Test
  void watchStreamsAddedModifiedDeleted() {
    NamespacedClient<ObjectNode> all =
        GatewayApiClient.create(servers.latest.apiClient())
            .namespaced("HTTPRoute", ObjectNode.class);
    GatewayApiClient client = GatewayApiClient.create(servers.latest.apiClient());
    createNamespace(client, "watched");
    ResourceClient<ObjectNode> routes = all.inNamespace("watched");
    try (Watch<ObjectNode> w = routes.watch(ListOptions.defaults())) {
      ObjectNode c = routes.create(route("w", "a"));
      ((ObjectNode) c.at("/spec/rules/0/backendRefs/0")).put("weight", 3);
      routes.update(c);
      routes.delete("w");
      assertThat(w.hasNext()).isTrue();
      WatchEvent<ObjectNode> e1 = w.next();
      WatchEvent<ObjectNode> e2 = w.next();
      WatchEvent<ObjectNode> e3 = w.next();
      assertThat(List.of(e1.type(), e2.type(), e3.type()))
          .containsExactly(
              WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED);
      assertThat(e2.object().at("/spec/rules/0/backendRefs/0/weight").asInt()).isEqualTo(3);
    }
  }
}
