package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.GatewayApiKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks on a route's {@code status.parents[]} conditions, as set by the Gateway controller:
 * accepted, references resolved, partially invalid. A condition counts only if it is current: its
 * {@code observedGeneration}, when set, is not older than the route's {@code metadata.generation}.
 *
 * <p>A Gateway given by name is {@code namespace/name}, or a bare name: the Gateway of that name
 * the route's {@code parentRefs} point to (in whichever namespace they name), else the one in the
 * route's namespace. A check holds when a status entry of that Gateway (any listener or port)
 * reports the condition; use {@link #acceptedBy(ParentRef)} for one listener.
 *
 * <pre>{@code
 * HTTPRoute ready = client.await(route).until(RouteConditions.acceptedBy("my-gateway"), Duration.ofSeconds(30));
 * }</pre>
 */
public final class RouteConditions {
  private RouteConditions() {}

  /**
   * The parent Gateway {@code gateway} ({@code namespace/name} or a bare name, see above) accepted
   * the route.
   */
  public static StatusCheck acceptedBy(String gateway) {
    return parentCondition(gateway, "Accepted", "True", "accepted by Gateway " + gateway);
  }

  /** {@code parent} accepted the route. */
  public static StatusCheck acceptedBy(ParentRef parent) {
    return StatusCheck.of(
        "accepted by " + parent,
        route -> {
          String ns = route.path("metadata").path("namespace").asText("");
          for (JsonNode p : route.path("status").path("parents")) {
            if (parent.matches(p.path("parentRef"), ns) && current(route, p, "Accepted", "True")) {
              return true;
            }
          }
          return false;
        });
  }

  /** The parent Gateway {@code gateway} rejected the route ({@code Accepted=False}). */
  public static StatusCheck rejectedBy(String gateway) {
    return parentCondition(gateway, "Accepted", "False", "rejected by Gateway " + gateway);
  }

  /** All references of the route resolved, as reported for {@code gateway}. */
  public static StatusCheck resolvedRefs(String gateway) {
    return parentCondition(
        gateway, "ResolvedRefs", "True", "references resolved for Gateway " + gateway);
  }

  /** Some rules of the route were dropped as invalid, as reported for {@code gateway}. */
  public static StatusCheck partiallyInvalid(String gateway) {
    return parentCondition(
        gateway, "PartiallyInvalid", "True", "partially invalid for Gateway " + gateway);
  }

  /**
   * Any condition {@code type} with {@code status} (True, False, Unknown) reported for {@code
   * gateway}.
   */
  public static StatusCheck condition(String gateway, String type, String status) {
    return parentCondition(gateway, type, status, type + "=" + status + " for Gateway " + gateway);
  }

  private static StatusCheck parentCondition(
      String gateway, String type, String status, String description) {
    int slash = gateway.indexOf('/');
    String name = gateway.substring(slash + 1);
    return StatusCheck.of(
        description,
        route -> {
          String routeNamespace = route.path("metadata").path("namespace").asText("");
          Set<String> namespaces =
              slash >= 0
                  ? Set.of(gateway.substring(0, slash))
                  : namespaces(route, name, routeNamespace);
          for (JsonNode p : route.path("status").path("parents")) {
            JsonNode ref = p.path("parentRef");
            if (isGateway(ref, name)
                && namespaces.contains(ref.path("namespace").asText(routeNamespace))
                && current(route, p, type, status)) {
              return true;
            }
          }
          return false;
        });
  }

  /**
   * The namespaces the route's parentRefs name Gateway {@code name} in; the route's own when they
   * name none.
   */
  private static Set<String> namespaces(JsonNode route, String name, String routeNamespace) {
    Set<String> namespaces = new HashSet<>();
    for (JsonNode ref : route.path("spec").path("parentRefs")) {
      if (isGateway(ref, name)) {
        namespaces.add(ref.path("namespace").asText(routeNamespace));
      }
    }
    return namespaces.isEmpty() ? Set.of(routeNamespace) : namespaces;
  }

  private static boolean isGateway(JsonNode ref, String name) {
    return name.equals(ref.path("name").asText())
        && "Gateway".equals(ref.path("kind").asText("Gateway"))
        && GatewayApiKind.GROUP.equals(ref.path("group").asText(GatewayApiKind.GROUP));
  }

  static boolean current(JsonNode object, JsonNode holder, String type, String status) {
    long generation = object.path("metadata").path("generation").asLong(0);
    for (JsonNode c : holder.path("conditions")) {
      if (type.equals(c.path("type").asText()) && status.equals(c.path("status").asText())) {
        return !c.has("observedGeneration") || c.path("observedGeneration").asLong() >= generation;
      }
    }
    return false;
  }
}
