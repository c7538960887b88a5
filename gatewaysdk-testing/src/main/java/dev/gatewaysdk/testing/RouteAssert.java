package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.Route;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a route's spec and status (any route kind). Status checks only count conditions computed
 * for the route's current generation, so a stale {@code Accepted} from before the last change never passes.
 * Obtain through {@link GatewayApiAssertions#assertThat(Route)}.
 *
 * <pre>{@code
 * assertThat(route).isAcceptedBy("my-gateway").hasResolvedRefs().hasBackendWeight("app-canary", 10);
 * }</pre>
 */
public final class RouteAssert extends AbstractAssert<RouteAssert, Route> {
  private final ObjectNode tree;

  RouteAssert(Route actual) {
    super(actual, RouteAssert.class);
    isNotNull();
    this.tree = Manifests.toTree(actual);
  }

  /**
   * The parent Gateway {@code gateway} (a name in the route's namespace, or {@code namespace/name}) reports
   * {@code Accepted=True} for the current generation.
   */
  public RouteAssert isAcceptedBy(String gateway) {
    return hasParentCondition(gateway, "Accepted", true, null);
  }

  /** The parent {@code gateway} reports {@code Accepted=False} with {@code reason}, such as {@code NotAllowedByListeners}. */
  public RouteAssert isNotAcceptedBy(String gateway, String reason) {
    return hasParentCondition(gateway, "Accepted", false, reason);
  }

  /** Every parent entry reports {@code ResolvedRefs=True} for the current generation (and there is at least one). */
  public RouteAssert hasResolvedRefs() {
    List<JsonNode> parents = parents();
    if (parents.isEmpty()) {
      failWithMessage("Expected %s to have resolved references but no controller has written status.parents%s",
          describe(), statusText());
    }
    for (JsonNode p : parents) {
      JsonNode c = StatusTrees.current(p.path("conditions"), "ResolvedRefs", generation());
      if (c == null || !"True".equals(c.path("status").asText())) {
        failWithMessage("Expected %s to have ResolvedRefs=True for parent %s but was %s%s", describe(),
            p.path("parentRef").path("name").asText(), StatusTrees.describe(c), statusText());
      }
    }
    return this;
  }

  /** Some parent reports {@code ResolvedRefs=False} with {@code reason}, such as {@code BackendNotFound}. */
  public RouteAssert hasUnresolvedRefs(String reason) {
    for (JsonNode p : parents()) {
      JsonNode c = StatusTrees.current(p.path("conditions"), "ResolvedRefs", generation());
      if (c != null && "False".equals(c.path("status").asText()) && reason.equals(c.path("reason").asText())) {
        return this;
      }
    }
    failWithMessage("Expected %s to have ResolvedRefs=False with reason %s%s", describe(), reason, statusText());
    return this;
  }

  /**
   * The parent {@code gateway} reports condition {@code type} with {@code status}, and with {@code reason}
   * unless null, for the current generation.
   */
  public RouteAssert hasParentCondition(String gateway, String type, boolean status, String reason) {
    JsonNode parent = parent(gateway);
    if (parent == null) {
      failWithMessage("Expected %s to have a status entry for parent Gateway %s but it has none%s", describe(), gateway,
          statusText());
    }
    JsonNode c = StatusTrees.current(parent.path("conditions"), type, generation());
    if (c == null || !(status ? "True" : "False").equals(c.path("status").asText())
        || (reason != null && !reason.equals(c.path("reason").asText()))) {
      failWithMessage("Expected %s to have %s=%s%s from parent %s but was %s%s", describe(), type, status ? "True" : "False",
          reason == null ? "" : " (" + reason + ")", gateway, StatusTrees.describe(c), statusText());
    }
    return this;
  }

  /** Some rule sends to backend {@code name} with {@code weight} (an absent weight counts as 1). */
  public RouteAssert hasBackendWeight(String name, int weight) {
    List<String> seen = new ArrayList<>();
    for (JsonNode rule : tree.path("spec").path("rules")) {
      for (JsonNode ref : rule.path("backendRefs")) {
        int w = ref.path("weight").asInt(1);
        seen.add(ref.path("name").asText() + "=" + w);
        if (name.equals(ref.path("name").asText()) && w == weight) {
          return this;
        }
      }
    }
    failWithMessage("Expected %s to send to backend %s with weight %s but its backends are %s", describe(), name, weight, seen);
    return this;
  }

  /** Whether a parent entry for {@code gateway} exists (written by any controller). */
  public RouteAssert hasParent(String gateway) {
    if (parent(gateway) == null) {
      failWithMessage("Expected %s to have a status entry for parent Gateway %s%s", describe(), gateway, statusText());
    }
    return this;
  }

  private JsonNode parent(String gateway) {
    String ns = tree.path("metadata").path("namespace").asText();
    String name = gateway;
    int slash = gateway.indexOf('/');
    if (slash >= 0) {
      ns = gateway.substring(0, slash);
      name = gateway.substring(slash + 1);
    }
    for (JsonNode p : parents()) {
      JsonNode ref = p.path("parentRef");
      String refNs = ref.path("namespace").asText(tree.path("metadata").path("namespace").asText());
      if (name.equals(ref.path("name").asText()) && ns.equals(refNs) && "Gateway".equals(ref.path("kind").asText("Gateway"))) {
        return p;
      }
    }
    return null;
  }

  private List<JsonNode> parents() {
    List<JsonNode> out = new ArrayList<>();
    tree.path("status").path("parents").forEach(out::add);
    return out;
  }

  private long generation() {
    return tree.path("metadata").path("generation").asLong(0);
  }

  private String describe() {
    return tree.path("kind").asText() + " " + tree.path("metadata").path("namespace").asText() + "/"
        + tree.path("metadata").path("name").asText();
  }

  private String statusText() {
    return "\nstatus: " + (tree.has("status") ? tree.get("status").toString() : "(none)");
  }
}
