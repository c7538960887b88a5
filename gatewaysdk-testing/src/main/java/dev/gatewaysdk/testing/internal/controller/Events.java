package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kubernetes core/v1 Events for refusals, so that {@code kubectl get events} (and {@code kubectl
 * describe}) shows why a route, listener or policy was refused. An Event is an {@link
 * Reconciler.Update} of kind {@code Event} that the loop creates instead of writing a status.
 */
final class Events {
  static final String KIND = "Event";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());

  private Events() {}

  /** A Warning Event about {@code object} (of Gateway API {@code kind}). */
  static Reconciler.Update warning(
      String controllerName, String kind, JsonNode object, String reason, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode e = F.objectNode();
    e.put("apiVersion", "v1");
    e.put("kind", KIND);
    ObjectNode meta = e.putObject("metadata");
    meta.put("name", Reconciler.name(object) + "." + Long.toHexString(SEQUENCE.incrementAndGet()));
    String ns = Reconciler.namespace(object);
    meta.put("namespace", ns.isEmpty() ? "default" : ns);
    ObjectNode involved = e.putObject("involvedObject");
    involved.put("apiVersion", object.path("apiVersion").asText(Reconciler.GROUP + "/v1"));
    involved.put("kind", kind);
    if (!ns.isEmpty()) {
      involved.put("namespace", ns);
    }
    involved.put("name", Reconciler.name(object));
    JsonNode uid = object.path("metadata").path("uid");
    if (uid.isTextual()) {
      involved.put("uid", uid.asText());
    }
    JsonNode rv = object.path("metadata").path("resourceVersion");
    if (rv.isTextual()) {
      involved.put("resourceVersion", rv.asText());
    }
    e.put("reason", reason);
    e.put("message", message.length() > 1024 ? message.substring(0, 1024) : message);
    e.put("type", "Warning");
    e.putObject("source").put("component", controllerName);
    e.put("reportingComponent", controllerName);
    e.put("reportingInstance", controllerName);
    e.put("firstTimestamp", now);
    e.put("lastTimestamp", now);
    e.put("count", 1);
    return new Reconciler.Update(KIND, e);
  }

  /**
   * Adds a Warning Event for each condition of {@code wanted} that is False where {@code previous}
   * did not have it False with the same reason. Negative-polarity {@code Conflicted} is reported
   * when True.
   */
  static void forNewRefusals(
      String controllerName,
      String kind,
      JsonNode object,
      String subject,
      JsonNode wanted,
      JsonNode previous,
      List<Reconciler.Update> out) {
    for (JsonNode c : wanted) {
      String type = c.path("type").asText();
      String bad = "Conflicted".equals(type) ? "True" : "False";
      if (!bad.equals(c.path("status").asText())) {
        continue;
      }
      JsonNode before = Conditions.find(previous, type);
      if (before != null
          && bad.equals(before.path("status").asText())
          && c.path("reason").asText().equals(before.path("reason").asText())) {
        continue;
      }
      String message = c.path("message").asText();
      out.add(
          warning(
              controllerName,
              kind,
              object,
              c.path("reason").asText(),
              subject + " " + type + "=" + bad + (message.isEmpty() ? "" : ": " + message)));
    }
  }
}
