package dev.gatewaysdk.canary.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether every parent of a route reports {@code Accepted=True} and {@code ResolvedRefs=True} for
 * the route's current generation ({@code observedGeneration}).
 */
public final class RouteHealth {
  /** The verdict on one route. */
  public enum Verdict {
    READY,
    PENDING,
    REFUSED
  }

  public final Verdict verdict;
  public final String detail;

  private RouteHealth(Verdict verdict, String detail) {
    this.verdict = verdict;
    this.detail = detail;
  }

  public static RouteHealth check(JsonNode route) {
    long generation = route.path("metadata").path("generation").asLong(0);
    String ns = route.path("metadata").path("namespace").asText();
    JsonNode parents = route.path("status").path("parents");
    List<String> pending = new ArrayList<>();
    for (JsonNode ref : route.path("spec").path("parentRefs")) {
      String name = describe(ref, ns);
      List<JsonNode> statuses = new ArrayList<>();
      for (JsonNode p : parents) {
        if (sameParent(p.path("parentRef"), ref, ns)) {
          statuses.add(p);
        }
      }
      if (statuses.isEmpty()) {
        pending.add(name + ": no status yet");
        continue;
      }
      for (JsonNode p : statuses) {
        for (String type : new String[] {"Accepted", "ResolvedRefs"}) {
          JsonNode c = condition(p, type);
          String ctl = p.path("controllerName").asText("");
          if (c == null) {
            pending.add(
                name + ": no " + type + " condition" + (ctl.isEmpty() ? "" : " from " + ctl));
          } else if (c.path("observedGeneration").asLong(0) < generation) {
            pending.add(
                name
                    + ": "
                    + type
                    + " is for generation "
                    + c.path("observedGeneration").asLong(0)
                    + ", not "
                    + generation);
          } else if (!"True".equals(c.path("status").asText())) {
            return new RouteHealth(
                Verdict.REFUSED,
                name
                    + " reports "
                    + type
                    + "="
                    + c.path("status").asText()
                    + " ("
                    + c.path("reason").asText()
                    + "): "
                    + c.path("message").asText()
                    + " for generation "
                    + generation);
          }
        }
      }
    }
    return pending.isEmpty()
        ? new RouteHealth(Verdict.READY, "")
        : new RouteHealth(Verdict.PENDING, String.join("; ", pending));
  }

  private static JsonNode condition(JsonNode parentStatus, String type) {
    for (JsonNode c : parentStatus.path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  private static boolean sameParent(JsonNode a, JsonNode b, String routeNs) {
    return a.path("name").asText().equals(b.path("name").asText())
        && a.path("namespace").asText(routeNs).equals(b.path("namespace").asText(routeNs))
        && a.path("kind").asText("Gateway").equals(b.path("kind").asText("Gateway"))
        && a.path("sectionName").asText("").equals(b.path("sectionName").asText(""))
        && a.path("port").asText("").equals(b.path("port").asText(""));
  }

  private static String describe(JsonNode ref, String ns) {
    return ref.path("kind").asText("Gateway")
        + " "
        + ref.path("namespace").asText(ns)
        + "/"
        + ref.path("name").asText()
        + (ref.has("sectionName") ? "#" + ref.path("sectionName").asText() : "");
  }
}
