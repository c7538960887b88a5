package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST resource the server serves: a built-in kind or a custom resource of a CRD. Immutable; a
 * CRD update replaces the instance in the {@link Registry}.
 */
final class ResourceType {
  final String group;
  final String kind;
  final String listKind;
  final String plural;
  final String singular;
  final boolean namespaced;
  final List<String> shortNames;
  final List<String> categories;

  /** Served versions, highest priority first. */
  final List<String> versions;

  final String storageVersion;
  final boolean hasStatus;

  /** Built-in kinds accept strategic merge patches; custom resources do not. */
  final boolean builtin;

  /**
   * Custom resources bump metadata.generation on spec changes; most built-ins here do not track it.
   */
  final boolean tracksGeneration;

  final boolean allowCreateOnUpdate;
  final boolean allowUnconditionalUpdate;

  /** The CRD that defines this type, null for built-ins. */
  final JsonNode crd;

  /** openAPIV3Schema per served version (CRDs only). */
  final Map<String, JsonNode> schemas;

  /**
   * The schema engine's compiled form of {@link #crd}, cached here; set once, racy but idempotent.
   */
  volatile Object compiled;

  /** additionalPrinterColumns per served version (CRDs only). */
  final Map<String, JsonNode> printerColumns;

  private ResourceType(Builder b) {
    this.group = b.group;
    this.kind = b.kind;
    this.listKind = b.listKind == null ? b.kind + "List" : b.listKind;
    this.plural = b.plural;
    this.singular = b.singular == null ? b.kind.toLowerCase(java.util.Locale.ROOT) : b.singular;
    this.namespaced = b.namespaced;
    this.shortNames = List.copyOf(b.shortNames);
    this.categories = List.copyOf(b.categories);
    this.versions = List.copyOf(b.versions);
    this.storageVersion = b.storageVersion == null ? b.versions.get(0) : b.storageVersion;
    this.hasStatus = b.hasStatus;
    this.builtin = b.crd == null;
    this.tracksGeneration = b.tracksGeneration;
    this.allowCreateOnUpdate = b.allowCreateOnUpdate;
    this.allowUnconditionalUpdate = b.allowUnconditionalUpdate;
    this.crd = b.crd;
    this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(b.schemas));
    this.printerColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.printerColumns));
  }

  /** {@code httproutes.gateway.networking.k8s.io}, or {@code configmaps} for the core group. */
  String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code HTTPRoute.gateway.networking.k8s.io}, or {@code ConfigMap} for the core group. */
  String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The key the store files objects of this type under: group and plural, independent of version.
   */
  String key() {
    return group + "/" + plural;
  }

  boolean serves(String version) {
    return versions.contains(version);
  }

  JsonNode schema(String version) {
    JsonNode s = schemas.get(version);
    return s != null ? s : schemas.get(storageVersion);
  }

  static Builder builder(String group, String kind, String plural) {
    return new Builder(group, kind, plural);
  }

  /** Reads a CRD into a resource type. */
  static ResourceType fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    Builder b =
        builder(
            spec.path("group").asText(),
            names.path("kind").asText(),
            names.path("plural").asText());
    b.listKind = names.hasNonNull("listKind") ? names.get("listKind").asText() : null;
    b.singular = names.hasNonNull("singular") ? names.get("singular").asText() : null;
    b.namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
    names.path("shortNames").forEach(n -> b.shortNames.add(n.asText()));
    names.path("categories").forEach(n -> b.categories.add(n.asText()));
    List<String> served = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      String name = v.path("name").asText();
      if (v.path("storage").asBoolean(false)) {
        b.storageVersion = name;
        b.hasStatus = v.path("subresources").has("status");
      }
      if (v.path("served").asBoolean(false)) {
        served.add(name);
        b.schemas.put(name, v.path("schema").path("openAPIV3Schema"));
        b.printerColumns.put(name, v.path("additionalPrinterColumns"));
      }
    }
    served.sort(Versions.PRIORITY);
    b.versions.addAll(served);
    if (b.storageVersion == null && !served.isEmpty()) {
      b.storageVersion = served.get(0);
    }
    b.crd = crd;
    b.tracksGeneration = true;
    b.allowCreateOnUpdate = false;
    b.allowUnconditionalUpdate = false;
    return b.build();
  }

  static final class Builder {
    final String group;
    final String kind;
    final String plural;
    String listKind;
    String singular;
    boolean namespaced = true;
    final List<String> shortNames = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final List<String> versions = new ArrayList<>();
    String storageVersion;
    boolean hasStatus;
    boolean tracksGeneration;
    boolean allowCreateOnUpdate;
    boolean allowUnconditionalUpdate = true;
    JsonNode crd;
    final Map<String, JsonNode> schemas = new LinkedHashMap<>();
    final Map<String, JsonNode> printerColumns = new LinkedHashMap<>();

    Builder(String group, String kind, String plural) {
      this.group = group;
      this.kind = kind;
      this.plural = plural;
    }

    Builder version(String v) {
      versions.add(v);
      return this;
    }

    Builder clusterScoped() {
      namespaced = false;
      return this;
    }

    Builder status() {
      hasStatus = true;
      return this;
    }

    Builder shortNames(String... s) {
      shortNames.addAll(List.of(s));
      return this;
    }

    Builder categories(String... s) {
      categories.addAll(List.of(s));
      return this;
    }

    Builder generation() {
      tracksGeneration = true;
      return this;
    }

    Builder createOnUpdate() {
      allowCreateOnUpdate = true;
      return this;
    }

    ResourceType build() {
      return new ResourceType(this);
    }
  }
}
