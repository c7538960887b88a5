package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.internal.Json;
import org.junit.jupiter.api.Test;

class ObjectMetaTest {

  @Test
  void everyMetadataFieldRoundTrips() throws Exception {
    JsonNode doc =
        json(
            "{'name':'n','generateName':'n-','namespace':'ns','uid':'u','resourceVersion':'7',"
                + "'generation':9000000000,'creationTimestamp':'2025-01-01T00:00:00Z','deletionTimestamp':'2025-01-02T00:00:00Z',"
                + "'deletionGracePeriodSeconds':30,'labels':{'a':'b'},'annotations':{'c':'d'},'finalizers':['f'],"
                + "'ownerReferences':[{'apiVersion':'v1','kind':'Pod','name':'p','uid':'pu','controller':true}],"
                + "'managedFields':[{'manager':'m','operation':'Apply','fieldsV1':{'f:metadata':{'f:labels':{}}}}],"
                + "'selfLink':'/legacy'}");

    ObjectMeta meta = Json.mapper().treeToValue(doc, ObjectMeta.class);

    assertThat(meta.generation()).contains(9_000_000_000L);
    assertThat(meta.managedFields().get(0).path("manager").asText()).isEqualTo("m");
    assertThat(meta.unknownFields()).containsEntry("selfLink", "/legacy");
    assertThat(tree(meta)).isEqualTo(doc);
  }

  @Test
  void nullUnknownValuesAreKept() throws Exception {
    JsonNode doc = json("{'name':'n','future':null}");

    ObjectMeta meta = Json.mapper().treeToValue(doc, ObjectMeta.class);

    assertThat(meta.unknownFields()).containsEntry("future", null);
    assertThat(tree(meta)).isEqualTo(doc);
  }

  @Test
  void factoriesAndWithers() {
    ObjectMeta meta = ObjectMeta.of("ns", "n").withLabels(java.util.Map.of("a", "b"));

    assertThat(meta.namespace()).contains("ns");
    assertThat(meta.newBuilder().putAnnotation("x", "y").build().annotations())
        .containsEntry("x", "y");
    assertThat(ObjectMeta.of("n").namespace()).isEmpty();
    assertThat(meta.labels()).containsEntry("a", "b");
  }
}
