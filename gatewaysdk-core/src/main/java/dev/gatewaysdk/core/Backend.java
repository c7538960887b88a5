package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A backend of a route rule ({@code backendRefs[]} entry): by default a Service by name, optionally
 * with port, namespace, weight, and another group/kind.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * Backend canary = Backend.service("storefront-v2", 8080).withWeight(5);
 * }</pre>
 */
public final class Backend {
  private final String name;
  private final Optional<String> namespace;
  private final OptionalInt port;
  private final OptionalInt weight;
  private final String group;
  private final String kind;

  private Backend(
      String name,
      Optional<String> namespace,
      OptionalInt port,
      OptionalInt weight,
      String group,
      String kind) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("backend name must not be blank: " + name);
    }
    if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
      throw new IllegalArgumentException("port must be 1..65535: " + port.getAsInt());
    }
    if (weight.isPresent()) {
      checkWeight(weight.getAsInt());
    }
    this.name = name;
    this.namespace = namespace;
    this.port = port;
    this.weight = weight;
    this.group = group;
    this.kind = kind;
  }

  static int checkWeight(int w) {
    if (w < 0 || w > 1_000_000) {
      throw new IllegalArgumentException("weight must be 0..1000000: " + w);
    }
    return w;
  }

  /** A Service backend without port (the route's rules must then not require one). */
  public static Backend service(String name) {
    return new Backend(
        name, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), "", "Service");
  }

  /**
   * @throws IllegalArgumentException if the name is blank or the port outside 1..65535
   */
  public static Backend service(String name, int port) {
    return new Backend(
        name, Optional.empty(), OptionalInt.of(port), OptionalInt.empty(), "", "Service");
  }

  /**
   * @throws IllegalArgumentException if {@code weight} is outside 0..1000000
   */
  public Backend withWeight(int weight) {
    return new Backend(name, namespace, port, OptionalInt.of(weight), group, kind);
  }

  public Backend withNamespace(String namespace) {
    return new Backend(name, Optional.of(namespace), port, weight, group, kind);
  }

  /**
   * A backend of another kind, e.g. {@code withKind("", "Service")} or an implementation's backend
   * CRD.
   */
  public Backend withKind(String group, String kind) {
    return new Backend(
        name, namespace, port, weight, Objects.requireNonNull(group), Objects.requireNonNull(kind));
  }

  public String name() {
    return name;
  }

  public Optional<String> namespace() {
    return namespace;
  }

  public OptionalInt port() {
    return port;
  }

  public OptionalInt weight() {
    return weight;
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  /**
   * Whether {@code ref} (a {@code backendRefs[]} or {@code backendRef} JSON object) names this
   * backend.
   */
  boolean matches(JsonNode ref, String routeNamespace) {
    if (!name.equals(ref.path("name").asText())) {
      return false;
    }
    if (!group.equals(ref.path("group").asText(""))
        || !kind.equals(ref.path("kind").asText("Service"))) {
      return false;
    }
    if (namespace.isPresent()
        && !namespace.get().equals(ref.path("namespace").asText(routeNamespace))) {
      return false;
    }
    return port.isEmpty() || port.getAsInt() == ref.path("port").asInt(-1);
  }

  /** The JSON of a {@code backendRefs[]} entry; {@code withWeight} adds the weight if set. */
  ObjectNode toJson(boolean withWeight) {
    ObjectNode n = Json.mapper().createObjectNode();
    if (!group.isEmpty()) {
      n.put("group", group);
    }
    if (!"Service".equals(kind) || !group.isEmpty()) {
      n.put("kind", kind);
    }
    n.put("name", name);
    namespace.ifPresent(ns -> n.put("namespace", ns));
    port.ifPresent(p -> n.put("port", p));
    if (withWeight) {
      weight.ifPresent(w -> n.put("weight", w));
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Backend)) {
      return false;
    }
    Backend b = (Backend) o;
    return b.name.equals(name)
        && b.namespace.equals(namespace)
        && b.port.equals(port)
        && b.weight.equals(weight)
        && b.group.equals(group)
        && b.kind.equals(kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace, port, weight, group, kind);
  }

  @Override
  public String toString() {
    return (group.isEmpty() && "Service".equals(kind) ? "" : kind + " ")
        + namespace.map(n -> n + "/").orElse("")
        + name
        + (port.isPresent() ? ":" + port.getAsInt() : "")
        + (weight.isPresent() ? " weight " + weight.getAsInt() : "");
  }
}
