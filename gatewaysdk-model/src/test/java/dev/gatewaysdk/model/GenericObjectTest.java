package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class GenericObjectTest {

  @Test
  void accessorsReadTheTree() {
    GenericObject cert =
        Manifests.read(
            "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c, namespace: default}\n",
            GenericObject.class);
    assertThat(cert.apiVersion()).isEqualTo("cert-manager.io/v1");
    assertThat(cert.group()).isEqualTo("cert-manager.io");
    assertThat(cert.version()).isEqualTo("v1");
    assertThat(cert.kind()).isEqualTo("Certificate");
    assertThat(cert.name()).contains("c");
    assertThat(cert.namespace()).contains("default");
    assertThat(cert).hasToString("Certificate cert-manager.io/v1 default/c");
  }

  @Test
  void coreGroupHasAnEmptyGroup() {
    GenericObject secret = Manifests.read("apiVersion: v1\nkind: Secret\n", GenericObject.class);
    assertThat(secret.group()).isEmpty();
    assertThat(secret.version()).isEqualTo("v1");
    assertThat(secret.name()).isEmpty();
  }

  @Test
  void isImmutable() {
    ObjectNode tree =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Secret");
    GenericObject secret = GenericObject.of(tree);
    tree.put("kind", "Changed");
    secret.tree().put("kind", "AlsoChanged");
    assertThat(secret.kind()).isEqualTo("Secret");
    assertThat(secret)
        .isEqualTo(
            GenericObject.of(
                JsonNodeFactory.instance
                    .objectNode()
                    .put("apiVersion", "v1")
                    .put("kind", "Secret")));
  }

  @Test
  void requiresApiVersionAndKind() {
    assertThatThrownBy(
            () -> GenericObject.of(JsonNodeFactory.instance.objectNode().put("kind", "Secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiVersion must be a non-empty string: null");
    assertThatThrownBy(() -> GenericObject.of(JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree must be a JSON object: ARRAY");
  }
}
