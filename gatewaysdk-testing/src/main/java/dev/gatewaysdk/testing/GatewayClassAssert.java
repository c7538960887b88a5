package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.Manifests;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a GatewayClass's status; obtain through {@link
 * GatewayApiAssertions#assertThat(GatewayClass)}.
 */
public final class GatewayClassAssert extends AbstractAssert<GatewayClassAssert, GatewayClass> {
  private final ObjectNode tree;

  GatewayClassAssert(GatewayClass actual) {
    super(actual, GatewayClassAssert.class);
    isNotNull();
    this.tree = Manifests.toTree(actual);
  }

  /** {@code Accepted=True} for the current generation. */
  public GatewayClassAssert isAccepted() {
    long generation = tree.path("metadata").path("generation").asLong(0);
    JsonNode c =
        StatusTrees.current(tree.path("status").path("conditions"), "Accepted", generation);
    if (c == null || !"True".equals(c.path("status").asText())) {
      failWithMessage(
          "Expected GatewayClass %s to be Accepted but was %s",
          tree.path("metadata").path("name").asText(), StatusTrees.describe(c));
    }
    return this;
  }
}
