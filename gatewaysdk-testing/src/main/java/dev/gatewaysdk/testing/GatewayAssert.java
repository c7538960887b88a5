package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a Gateway's spec and status; status checks only count conditions computed for the
 * current generation. Obtain through {@link GatewayApiAssertions#assertThat(Gateway)}.
 *
 * <pre>{@code
 * assertThat(gateway).isProgrammed().hasListener("https").hasAttachedRoutes("https", 1);
 * }</pre>
 */
public final class GatewayAssert extends AbstractAssert<GatewayAssert, Gateway> {
  private final ObjectNode tree;

  GatewayAssert(Gateway actual) {
    super(actual, GatewayAssert.class);
    isNotNull();
    this.tree = Manifests.toTree(actual);
  }

  /** {@code Accepted=True} for the current generation. */
  public GatewayAssert isAccepted() {
    return hasCondition("Accepted", true, null);
  }

  /** {@code Programmed=True} for the current generation. */
  public GatewayAssert isProgrammed() {
    return hasCondition("Programmed", true, null);
  }

  /** {@code Programmed=False} with {@code reason}, such as {@code Pending} or {@code Invalid}. */
  public GatewayAssert isNotProgrammed(String reason) {
    return hasCondition("Programmed", false, reason);
  }

  /** Gateway condition {@code type} is {@code status}, with {@code reason} unless null. */
  public GatewayAssert hasCondition(String type, boolean status, String reason) {
    JsonNode c = StatusTrees.current(tree.path("status").path("conditions"), type, generation());
    if (!matches(c, status, reason)) {
      failWithMessage(
          "Expected Gateway %s to have %s=%s%s but was %s%s",
          describe(),
          type,
          status ? "True" : "False",
          reason == null ? "" : " (" + reason + ")",
          StatusTrees.describe(c),
          statusText());
    }
    return this;
  }

  /** The spec has a listener named {@code name}, and the status reports on it. */
  public GatewayAssert hasListener(String name) {
    boolean inSpec = false;
    List<String> names = new ArrayList<>();
    for (JsonNode l : tree.path("spec").path("listeners")) {
      names.add(l.path("name").asText());
      inSpec |= name.equals(l.path("name").asText());
    }
    if (!inSpec) {
      failWithMessage(
          "Expected Gateway %s to have listener %s but its listeners are %s",
          describe(), name, names);
    }
    if (listenerStatus(name) == null) {
      failWithMessage(
          "Expected Gateway %s to report status for listener %s%s", describe(), name, statusText());
    }
    return this;
  }

  /**
   * Listener {@code listener}'s condition {@code type} is {@code status}, with {@code reason}
   * unless null.
   */
  public GatewayAssert hasListenerCondition(
      String listener, String type, boolean status, String reason) {
    JsonNode ls = listenerStatus(listener);
    JsonNode c = ls == null ? null : StatusTrees.current(ls.path("conditions"), type, generation());
    if (!matches(c, status, reason)) {
      failWithMessage(
          "Expected listener %s of Gateway %s to have %s=%s%s but was %s%s",
          listener,
          describe(),
          type,
          status ? "True" : "False",
          reason == null ? "" : " (" + reason + ")",
          StatusTrees.describe(c),
          statusText());
    }
    return this;
  }

  /** Listener {@code listener} reports {@code count} attached routes. */
  public GatewayAssert hasAttachedRoutes(String listener, int count) {
    JsonNode ls = listenerStatus(listener);
    if (ls == null || ls.path("attachedRoutes").asInt(-1) != count) {
      failWithMessage(
          "Expected listener %s of Gateway %s to have %s attached routes but had %s%s",
          listener,
          describe(),
          count,
          ls == null ? "no status" : ls.path("attachedRoutes").asText(),
          statusText());
    }
    return this;
  }

  /** The status lists at least one address. */
  public GatewayAssert hasAddress() {
    if (tree.path("status").path("addresses").size() == 0) {
      failWithMessage("Expected Gateway %s to have an address%s", describe(), statusText());
    }
    return this;
  }

  private JsonNode listenerStatus(String name) {
    for (JsonNode l : tree.path("status").path("listeners")) {
      if (name.equals(l.path("name").asText())) {
        return l;
      }
    }
    return null;
  }

  private static boolean matches(JsonNode c, boolean status, String reason) {
    return c != null
        && (status ? "True" : "False").equals(c.path("status").asText())
        && (reason == null || reason.equals(c.path("reason").asText()));
  }

  private long generation() {
    return tree.path("metadata").path("generation").asLong(0);
  }

  private String describe() {
    return tree.path("metadata").path("namespace").asText()
        + "/"
        + tree.path("metadata").path("name").asText();
  }

  private String statusText() {
    return "\nstatus: " + (tree.has("status") ? tree.get("status").toString() : "(none)");
  }
}
