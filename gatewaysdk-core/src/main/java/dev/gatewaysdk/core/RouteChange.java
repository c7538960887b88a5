package dev.gatewaysdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link RouteManager} call did to one route: whether it wrote anything, the JSON patch it
 * sent, the weights it set (before and after), the resourceVersion before and after, and the route
 * as the server returned it. {@link #ref()} carries that state, so a following change needs no
 * read.
 *
 * <p>Instances are immutable.
 */
public final class RouteChange {
  private final RouteRef ref;
  private final boolean changed;
  private final boolean dryRun;
  private final int attempts;
  private final int requests;
  private final String resourceVersionBefore;
  private final String resourceVersionAfter;
  private final List<WeightChange> weights;
  private final List<String> descriptions;
  private final JsonNode patch;
  private final ObjectNode route;

  RouteChange(
      RouteRef ref,
      boolean changed,
      boolean dryRun,
      int attempts,
      int requests,
      String rvBefore,
      String rvAfter,
      List<WeightChange> weights,
      List<String> descriptions,
      JsonNode patch,
      ObjectNode route) {
    this.ref = ref;
    this.changed = changed;
    this.dryRun = dryRun;
    this.attempts = attempts;
    this.requests = requests;
    this.resourceVersionBefore = rvBefore;
    this.resourceVersionAfter = rvAfter;
    this.weights = List.copyOf(weights);
    this.descriptions = List.copyOf(descriptions);
    this.patch = patch;
    this.route = route;
  }

  /** The route, with the state after this change as known state (unless it was a dry run). */
  public RouteRef ref() {
    return ref;
  }

  /** False when the route already was as asked: nothing was written. */
  public boolean changed() {
    return changed;
  }

  /** True when the change was only validated by the server ({@code dryRun=All}), not stored. */
  public boolean dryRun() {
    return dryRun;
  }

  /** How many patches were tried (more than 1 after concurrent changes made a guard fail). */
  public int attempts() {
    return attempts;
  }

  /** API requests this change took (reads and patches). */
  public int requests() {
    return requests;
  }

  public String resourceVersionBefore() {
    return resourceVersionBefore;
  }

  /** The resourceVersion after the change; equal to before when nothing changed. */
  public String resourceVersionAfter() {
    return resourceVersionAfter;
  }

  /** The weights this change set, per rule and backend. */
  public List<WeightChange> weights() {
    return weights;
  }

  /** Backend name to weight before the change (first rule where the backend was changed). */
  public Map<String, Integer> weightsBefore() {
    Map<String, Integer> m = new LinkedHashMap<>();
    weights.forEach(w -> m.putIfAbsent(w.backend(), w.before()));
    return m;
  }

  /** Backend name to weight after the change (first rule where the backend was changed). */
  public Map<String, Integer> weightsAfter() {
    Map<String, Integer> m = new LinkedHashMap<>();
    weights.forEach(w -> m.putIfAbsent(w.backend(), w.after()));
    return m;
  }

  /** Human-readable lines, one per change made: {@code rules[0] storefront-v2: 5 -> 25}. */
  public List<String> descriptions() {
    return descriptions;
  }

  /**
   * The JSON patch sent (with its {@code test} guards); an empty array when nothing was written.
   */
  public JsonNode patch() {
    return patch.deepCopy();
  }

  /** The route after the change as JSON (for a dry run: as the server would have stored it). */
  public ObjectNode route() {
    return route.deepCopy();
  }

  /**
   * The route after the change as a typed object, e.g. {@code change.route(HTTPRoute.class)}.
   *
   * @throws IllegalArgumentException if the JSON does not bind to {@code type}
   */
  public <T> T route(Class<T> type) {
    try {
      return Json.mapper().treeToValue(route, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "route does not bind to " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return ref
        + (changed ? (dryRun ? " (dry run) " : " ") + descriptions : " unchanged")
        + " rv "
        + resourceVersionBefore
        + " -> "
        + resourceVersionAfter;
  }
}
