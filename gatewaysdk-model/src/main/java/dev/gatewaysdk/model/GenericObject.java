package dev.gatewaysdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes object of a kind this SDK has no type for (a {@code Secret}, a {@code Service}, a
 * cert-manager {@code Certificate}, an experimental Gateway API kind...), kept as its JSON tree.
 *
 * <p>{@link Manifests} reads every such document into a {@code GenericObject} rather than dropping
 * it, and writes it back unchanged. Instances are immutable and thread-safe: the tree is copied on
 * the way in and on the way out. Two instances are equal when their trees are equal.
 *
 * <pre>{@code
 * GenericObject secret = Manifests.read(yaml, GenericObject.class);
 * secret.kind();                       // "Secret"
 * secret.tree().path("data").size();  // a copy, free to modify
 * }</pre>
 */
public final class GenericObject {
  private final ObjectNode tree;

  private GenericObject(ObjectNode tree) {
    this.tree = tree;
  }

  /**
   * Wraps a copy of {@code tree}, which must be an object with non-empty {@code apiVersion} and
   * {@code kind}.
   */
  public static GenericObject of(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          "tree must be a JSON object: " + (tree == null ? "null" : tree.getNodeType()));
    }
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode value = tree.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw new IllegalArgumentException(field + " must be a non-empty string: " + value);
      }
    }
    return new GenericObject(((ObjectNode) tree).deepCopy());
  }

  /** The {@code apiVersion}, such as {@code v1} or {@code cert-manager.io/v1}. */
  public String apiVersion() {
    return tree.get("apiVersion").asText();
  }

  /** The group part of {@link #apiVersion()}; empty for the core group ({@code v1}). */
  public String group() {
    String apiVersion = apiVersion();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The version part of {@link #apiVersion()}, such as {@code v1}. */
  public String version() {
    String apiVersion = apiVersion();
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  /** The {@code kind}, such as {@code Secret}. */
  public String kind() {
    return tree.get("kind").asText();
  }

  /** {@code metadata.name}, if present. */
  public Optional<String> name() {
    return text(tree.path("metadata").path("name"));
  }

  /** {@code metadata.namespace}, if present. */
  public Optional<String> namespace() {
    return text(tree.path("metadata").path("namespace"));
  }

  /** A copy of the whole object as a JSON tree. */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** The value at a JSON Pointer such as {@code /spec/secretName}, or a missing node; a copy. */
  public JsonNode at(String jsonPointer) {
    return tree.at(jsonPointer).deepCopy();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GenericObject && ((GenericObject) other).tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tree);
  }

  /**
   * Kind, apiVersion and {@code namespace/name}, such as {@code Secret v1 default/example-com-tls}.
   */
  @Override
  public String toString() {
    return kind()
        + " "
        + apiVersion()
        + " "
        + namespace().map(ns -> ns + "/").orElse("")
        + name().orElse("");
  }
}
