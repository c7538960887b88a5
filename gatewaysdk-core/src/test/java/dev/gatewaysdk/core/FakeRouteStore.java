package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import dev.gatewaysdk.core.internal.JsonPatch;
import dev.gatewaysdk.core.internal.RouteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory route store that applies JSON patches like the API server (422 on a failed test).
 */
final class FakeRouteStore implements RouteStore {
  private final Map<String, ObjectNode> routes = new HashMap<>();
  private long resourceVersion = 100;
  final AtomicInteger gets = new AtomicInteger();
  final AtomicInteger patches = new AtomicInteger();
  Optional<Boolean> mirrorPercentServed = Optional.of(true);
  Predicate<JsonNode> admission = r -> true;

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized ObjectNode put(ObjectNode route) {
    ObjectNode copy = route.deepCopy();
    ((ObjectNode) copy.path("metadata")).put("resourceVersion", String.valueOf(++resourceVersion));
    routes.put(
        key(
            copy.path("kind").asText(),
            copy.path("metadata").path("namespace").asText(),
            copy.path("metadata").path("name").asText()),
        copy);
    return copy.deepCopy();
  }

  synchronized ObjectNode current(RouteRef ref) {
    return routes.get(key(ref.kind(), ref.namespace(), ref.name())).deepCopy();
  }

  private static String key(String kind, String ns, String name) {
    return kind + "/" + ns + "/" + name;
  }

  @Override
  public synchronized ObjectNode get(String kind, String namespace, String name) {
    gets.incrementAndGet();
    ObjectNode r = routes.get(key(kind, namespace, name));
    if (r == null) {
      throw new NotFoundException(
          "not found", ApiStatus.of(404, "NotFound", name + " not found"), null);
    }
    return r.deepCopy();
  }

  @Override
  public synchronized ObjectNode patch(
      String kind, String namespace, String name, ArrayNode jsonPatch, boolean dryRun) {
    patches.incrementAndGet();
    ObjectNode r = routes.get(key(kind, namespace, name));
    if (r == null) {
      throw new NotFoundException(
          "not found", ApiStatus.of(404, "NotFound", name + " not found"), null);
    }
    ObjectNode after;
    try {
      after = (ObjectNode) JsonPatch.apply(r, jsonPatch);
    } catch (JsonPatch.Failure f) {
      throw new InvalidException(
          "patch failed", ApiStatus.of(422, "Invalid", f.getMessage()), null);
    }
    if (!admission.test(after)) {
      throw new InvalidException(
          "rejected",
          ApiStatus.of(
              422,
              "Invalid",
              "rejected",
              name,
              kind,
              List.of(ApiStatus.Cause.of("spec", "FieldValueInvalid", "rejected")),
              Optional.empty()),
          null);
    }
    if (dryRun) {
      return after;
    }
    return put(after);
  }

  @Override
  public synchronized ObjectNode create(
      String kind, String namespace, ObjectNode route, boolean dryRun) {
    if (routes.containsKey(key(kind, namespace, route.path("metadata").path("name").asText()))) {
      throw new AlreadyExistsException(
          "exists", ApiStatus.of(409, "AlreadyExists", "exists"), null);
    }
    ObjectNode withDefaults = route.deepCopy();
    for (JsonNode rule : withDefaults.path("spec").path("rules")) {
      if (!rule.has("matches")) {
        ((ObjectNode) rule)
            .set("matches", parse("{'m':[{'path':{'type':'PathPrefix','value':'/'}}]}").get("m"));
      }
    }
    return dryRun ? withDefaults : put(withDefaults);
  }

  @Override
  public String apiVersion(String kind) {
    return "gateway.networking.k8s.io/v1";
  }

  @Override
  public Optional<Boolean> hasField(String kind, String path) {
    return mirrorPercentServed;
  }

  @Override
  public String describeCluster() {
    return "Gateway API v1.0.0, standard channel";
  }
}
