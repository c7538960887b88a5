package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import dev.gatewaysdk.model.GatewayApiKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parent a route attaches to ({@code parentRefs[]} entry): a Gateway by default, optionally in
 * another namespace, optionally one listener ({@link #withSectionName(String)}) or port.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * ParentRef https = ParentRef.gateway("edge").withNamespace("infra").withSectionName("https");
 * }</pre>
 */
public final class ParentRef {
  private static final String GROUP = GatewayApiKind.GROUP;

  private final String name;
  private final Optional<String> namespace;
  private final Optional<String> sectionName;
  private final OptionalInt port;
  private final String group;
  private final String kind;

  private ParentRef(
      String name,
      Optional<String> namespace,
      Optional<String> sectionName,
      OptionalInt port,
      String group,
      String kind) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("parent name must not be blank: " + name);
    }
    if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
      throw new IllegalArgumentException("port must be 1..65535: " + port.getAsInt());
    }
    this.name = name;
    this.namespace = namespace;
    this.sectionName = sectionName;
    this.port = port;
    this.group = group;
    this.kind = kind;
  }

  /** The Gateway {@code name} in the route's namespace. */
  public static ParentRef gateway(String name) {
    return new ParentRef(
        name, Optional.empty(), Optional.empty(), OptionalInt.empty(), GROUP, "Gateway");
  }

  /** A ListenerSet {@code name} in the route's namespace. */
  public static ParentRef listenerSet(String name) {
    return new ParentRef(
        name, Optional.empty(), Optional.empty(), OptionalInt.empty(), GROUP, "ListenerSet");
  }

  public ParentRef withNamespace(String namespace) {
    return new ParentRef(name, Optional.of(namespace), sectionName, port, group, kind);
  }

  /** Only the listener of that name. */
  public ParentRef withSectionName(String sectionName) {
    return new ParentRef(name, namespace, Optional.of(sectionName), port, group, kind);
  }

  public ParentRef withPort(int port) {
    return new ParentRef(name, namespace, sectionName, OptionalInt.of(port), group, kind);
  }

  public String name() {
    return name;
  }

  public Optional<String> namespace() {
    return namespace;
  }

  public Optional<String> sectionName() {
    return sectionName;
  }

  public OptionalInt port() {
    return port;
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  /**
   * Whether the {@code parentRefs[]} entry (or {@code status.parents[].parentRef}) is this parent.
   */
  boolean matches(JsonNode ref, String routeNamespace) {
    return name.equals(ref.path("name").asText())
        && group.equals(ref.path("group").asText(GROUP))
        && kind.equals(ref.path("kind").asText("Gateway"))
        && namespace.orElse(routeNamespace).equals(ref.path("namespace").asText(routeNamespace))
        && sectionName.orElse("").equals(ref.path("sectionName").asText(""))
        && port.orElse(-1) == ref.path("port").asInt(-1);
  }

  ObjectNode toJson() {
    ObjectNode n = Json.mapper().createObjectNode();
    if (!GROUP.equals(group)) {
      n.put("group", group);
    }
    if (!"Gateway".equals(kind)) {
      n.put("group", group).put("kind", kind);
    }
    n.put("name", name);
    namespace.ifPresent(v -> n.put("namespace", v));
    sectionName.ifPresent(v -> n.put("sectionName", v));
    port.ifPresent(v -> n.put("port", v));
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ParentRef)) {
      return false;
    }
    ParentRef p = (ParentRef) o;
    return p.name.equals(name)
        && p.namespace.equals(namespace)
        && p.sectionName.equals(sectionName)
        && p.port.equals(port)
        && p.group.equals(group)
        && p.kind.equals(kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace, sectionName, port, group, kind);
  }

  @Override
  public String toString() {
    return kind
        + " "
        + namespace.map(n -> n + "/").orElse("")
        + name
        + sectionName.map(s -> "/" + s).orElse("")
        + (port.isPresent() ? ":" + port.getAsInt() : "");
  }
}
