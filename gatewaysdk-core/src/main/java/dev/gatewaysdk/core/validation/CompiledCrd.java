package dev.gatewaysdk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.FieldValidation;
import dev.gatewaysdk.core.validation.internal.CelRules;
import dev.gatewaysdk.core.validation.internal.CelValidator;
import dev.gatewaysdk.core.validation.internal.Defaulter;
import dev.gatewaysdk.core.validation.internal.MetadataValidator;
import dev.gatewaysdk.core.validation.internal.Pruner;
import dev.gatewaysdk.core.validation.internal.Schema;
import dev.gatewaysdk.core.validation.internal.StructuralValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CustomResourceDefinition compiled for validation: the structural schema of every served
 * version and every {@code x-kubernetes-validations} rule compiled with CEL. Validation follows the
 * API server's order: defaults, then pruning of unknown fields (reported per {@link
 * FieldValidation}), then ObjectMeta, schema and CEL checks. Immutable and thread-safe; {@link
 * #compile} caches by CRD content.
 *
 * <pre>{@code
 * CompiledCrd routes = CompiledCrd.compile(crdJson);
 * ValidationResult r = routes.validate("v1", route, null, FieldValidation.STRICT);
 * }</pre>
 */
public final class CompiledCrd {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledCrd.class);
  private static final int CACHE_LIMIT = 256;
  private static final Map<String, CompiledCrd> CACHE = new ConcurrentHashMap<>();

  /** Cause types after which the API server skips CEL rules (apiextensions' hasBlockingErr). */
  private static final java.util.Set<String> BLOCKING =
      java.util.Set.of(
          Cause.FIELD_VALUE_NOT_SUPPORTED,
          Cause.FIELD_VALUE_REQUIRED,
          Cause.FIELD_VALUE_TOO_LONG,
          Cause.FIELD_VALUE_TOO_MANY,
          Cause.FIELD_VALUE_TYPE_INVALID);

  private final JsonNode crd;
  private final String name;
  private final String group;
  private final String kind;
  private final String plural;
  private final boolean namespaced;
  private final Map<String, Schema> served;
  private final java.util.Set<String> statusSubresource;
  private final List<String> allVersions;
  private final String storageVersion;
  private final int ruleCount;

  private CompiledCrd(JsonNode crd) {
    this.crd = crd.deepCopy();
    this.name = crd.path("metadata").path("name").asText("");
    JsonNode spec = crd.path("spec");
    this.group = spec.path("group").asText("");
    this.kind = spec.path("names").path("kind").asText("");
    this.plural = spec.path("names").path("plural").asText("");
    this.namespaced = "Namespaced".equals(spec.path("scope").asText("Namespaced"));
    if (group.isEmpty() || kind.isEmpty() || !spec.path("versions").isArray()) {
      throw new CrdCompileException(
          name,
          null,
          "CRD "
              + (name.isEmpty() ? "<unnamed>" : name)
              + " is malformed: spec.group, spec.names.kind and spec.versions are required",
          null);
    }
    Map<String, Schema> versions = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    java.util.Set<String> withStatus = new java.util.HashSet<>();
    String storage = null;
    int rules = 0;
    JsonNode shared = spec.path("validation").path("openAPIV3Schema");
    for (JsonNode v : spec.path("versions")) {
      String version = v.path("name").asText();
      all.add(version);
      if (v.path("storage").asBoolean(false)) {
        storage = version;
      }
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      if (v.path("subresources").has("status") || spec.path("subresources").has("status")) {
        withStatus.add(version);
      }
      JsonNode schemaNode = v.path("schema").path("openAPIV3Schema");
      if (schemaNode.isMissingNode()) {
        schemaNode = shared;
      }
      try {
        Schema schema =
            Schema.parse(
                schemaNode.isMissingNode()
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("type", "object")
                        .put("x-kubernetes-preserve-unknown-fields", true)
                    : schemaNode);
        rules += CelRules.compileAll(schema);
        versions.put(version, schema);
      } catch (CelRules.RuleCompileException e) {
        throw new CrdCompileException(
            name, e.rule, "CRD " + name + " version " + version + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new CrdCompileException(
            name, null, "CRD " + name + " version " + version + ": " + e.getMessage(), e);
      }
    }
    this.served = Collections.unmodifiableMap(versions);
    this.statusSubresource = java.util.Set.copyOf(withStatus);
    this.allVersions = List.copyOf(all);
    this.storageVersion = storage == null ? (all.isEmpty() ? "" : all.get(0)) : storage;
    this.ruleCount = rules;
  }

  /**
   * Compiles {@code crd} (an apiextensions.k8s.io/v1 CustomResourceDefinition as a JSON tree), or
   * returns the cached compilation of identical content.
   *
   * @throws CrdCompileException naming the CRD and the rule when the CRD is malformed or a rule
   *     does not compile
   */
  public static CompiledCrd compile(JsonNode crd) {
    String key = digest(crd.toString());
    CompiledCrd cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    long start = System.nanoTime();
    CompiledCrd compiled = new CompiledCrd(crd);
    LOG.debug(
        "Compiled CRD {} ({} rules) in {} ms",
        compiled.name,
        compiled.ruleCount,
        (System.nanoTime() - start) / 1_000_000);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(key, compiled);
    return compiled;
  }

  /** The CRD's name, e.g. {@code httproutes.gateway.networking.k8s.io}. */
  public String name() {
    return name;
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** The versions the CRD serves, in declaration order. */
  public List<String> servedVersions() {
    return List.copyOf(served.keySet());
  }

  public String storageVersion() {
    return storageVersion;
  }

  /** How many CEL rules were compiled across all served versions. */
  public int ruleCount() {
    return ruleCount;
  }

  /** A copy of the CRD this was compiled from. */
  public JsonNode crd() {
    return crd.deepCopy();
  }

  /**
   * A deep copy of {@code object} with the schema defaults of {@code version} applied, as the API
   * server applies them when it decodes a request or reads from storage.
   *
   * @throws IllegalArgumentException if this CRD does not serve {@code version}, or the object is
   *     not a JSON object
   */
  public ObjectNode applyDefaults(String version, JsonNode object) {
    ObjectNode copy = objectCopy(object);
    Defaulter.apply(schema(version), copy);
    return copy;
  }

  /**
   * A deep copy of {@code object} without the fields the schema of {@code version} does not
   * declare, as the API server stores it.
   *
   * @throws IllegalArgumentException if this CRD does not serve {@code version}, or the object is
   *     not a JSON object
   */
  public ObjectNode prune(String version, JsonNode object) {
    ObjectNode copy = objectCopy(object);
    Pruner.pruneObject(schema(version), copy);
    return copy;
  }

  /**
   * Validates {@code object} as the API server would on create ({@code oldObject} null) or update:
   * defaults, pruning (unknown fields are causes under STRICT, warnings under WARN), ObjectMeta,
   * the structural schema, and CEL rules, with transition rules against {@code oldObject}.
   */
  public ValidationResult validate(
      String version, JsonNode object, @Nullable JsonNode oldObject, FieldValidation mode) {
    String apiVersion = object.path("apiVersion").asText(group + "/" + version);
    String objName =
        object
            .path("metadata")
            .path("name")
            .asText(object.path("metadata").path("generateName").asText(""));
    Schema schema = served.get(version);
    if (schema == null) {
      return ValidationResult.of(kind, apiVersion, objName, List.of(notServed(version)), List.of());
    }
    if (!object.isObject()) {
      return ValidationResult.of(
          kind,
          apiVersion,
          objName,
          List.of(
              Cause.of(
                  "",
                  Cause.FIELD_VALUE_TYPE_INVALID,
                  "Invalid value: \""
                      + object.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                      + "\": must be an object")),
          List.of());
    }
    ObjectNode obj = object.deepCopy();
    Defaulter.apply(schema, obj);
    List<String> unknown = Pruner.pruneObject(schema, obj);
    List<String> warnings = new ArrayList<>();
    if (!unknown.isEmpty()) {
      if (mode == FieldValidation.STRICT) {
        List<Cause> causes =
            unknown.stream()
                .map(f -> Cause.of(f, Cause.FIELD_VALUE_UNKNOWN, "unknown field \"" + f + "\""))
                .toList();
        return ValidationResult.of(kind, apiVersion, objName, causes, List.of());
      }
      if (mode == FieldValidation.WARN) {
        unknown.forEach(f -> warnings.add("unknown field \"" + f + "\""));
      }
    }
    ObjectNode old = null;
    if (oldObject != null && oldObject.isObject()) {
      old = oldObject.deepCopy();
      Defaulter.apply(schema, old);
      Pruner.pruneObject(schema, old);
    }
    if (statusSubresource.contains(version)) {
      // The server resets status on create and keeps the stored status on update: only /status
      // changes it.
      obj.remove("status");
      if (old != null) {
        old.remove("status");
      }
    }
    List<Cause> causes = new ArrayList<>(MetadataValidator.validate(obj, namespaced));
    List<Cause> structural = StructuralValidator.validate(schema, obj, "");
    if (old != null) {
      structural = ratchet(structural, obj, old);
    }
    causes.addAll(structural);
    if (causes.stream().anyMatch(c -> BLOCKING.contains(c.reason()))) {
      // As the server: CEL rules assume a structurally sound object, so they are not run on one
      // that is not.
      causes.add(
          Cause.of(
              "<nil>",
              Cause.FIELD_VALUE_INVALID,
              "Invalid value: \"null\": some validation rules were not "
                  + "checked because the object was invalid; correct the existing errors to complete validation"));
    } else {
      causes.addAll(CelValidator.validate(schema, obj, old));
    }
    return ValidationResult.of(kind, apiVersion, objName, causes, warnings);
  }

  /**
   * Validates a write to the {@code status} subresource as the API server does: only {@code status}
   * is checked (schema messages name paths relative to it, e.g. {@code addresses[0].value in body
   * ...}), against {@code oldObject}'s status for transition rules.
   *
   * @throws IllegalArgumentException if this CRD does not serve {@code version}
   */
  public ValidationResult validateStatus(
      String version, JsonNode object, @Nullable JsonNode oldObject, FieldValidation mode) {
    Schema schema = schema(version);
    String apiVersion = object.path("apiVersion").asText(group + "/" + version);
    String objName = object.path("metadata").path("name").asText("");
    ObjectNode obj = objectCopy(object);
    Defaulter.apply(schema, obj);
    List<String> unknown =
        Pruner.pruneObject(schema, obj).stream().filter(f -> f.startsWith("status")).toList();
    if (!unknown.isEmpty() && mode == FieldValidation.STRICT) {
      return ValidationResult.of(
          kind,
          apiVersion,
          objName,
          unknown.stream()
              .map(f -> Cause.of(f, Cause.FIELD_VALUE_UNKNOWN, "unknown field \"" + f + "\""))
              .toList(),
          List.of());
    }
    List<String> warnings =
        mode == FieldValidation.WARN
            ? unknown.stream().map(f -> "unknown field \"" + f + "\"").toList()
            : List.of();
    Schema statusSchema = schema.properties.get("status");
    JsonNode status = obj.get("status");
    if (statusSchema == null || status == null) {
      return ValidationResult.of(kind, apiVersion, objName, List.of(), warnings);
    }
    JsonNode oldStatus = null;
    if (oldObject != null && oldObject.isObject()) {
      ObjectNode old = oldObject.deepCopy();
      Defaulter.apply(schema, old);
      Pruner.pruneObject(schema, old);
      oldStatus = old.get("status");
    }
    List<Cause> causes = new ArrayList<>();
    for (Cause c : StructuralValidator.validate(statusSchema, status, "")) {
      String f =
          c.field().isEmpty()
              ? "status"
              : c.field().startsWith("[") ? "status" + c.field() : "status." + c.field();
      causes.add(Cause.of(f, c.reason(), c.message()));
    }
    if (oldStatus != null) {
      causes = ratchet(causes, obj, oldObject);
    }
    if (causes.stream().anyMatch(c -> BLOCKING.contains(c.reason()))) {
      causes.add(
          Cause.of(
              "<nil>",
              Cause.FIELD_VALUE_INVALID,
              "Invalid value: \"null\": some validation rules were not "
                  + "checked because the object was invalid; correct the existing errors to complete validation"));
    } else {
      causes.addAll(
          CelValidator.validateAt(
              statusSchema,
              status,
              oldStatus,
              "status",
              dev.gatewaysdk.core.validation.internal.KubernetesCel.RUNTIME_COST_BUDGET));
    }
    return ValidationResult.of(kind, apiVersion, objName, causes, warnings);
  }

  /**
   * Whether {@code version} has the status subresource (then {@link #validate} ignores {@code
   * status}).
   */
  public boolean hasStatusSubresource(String version) {
    return statusSubresource.contains(version);
  }

  private static List<Cause> ratchet(List<Cause> causes, JsonNode obj, JsonNode old) {
    List<Cause> kept = new ArrayList<>();
    for (Cause c : causes) {
      JsonNode now = at(obj, c.field());
      JsonNode before = at(old, c.field());
      if (now != null && before != null && StructuralValidator.equalJson(now, before)) {
        continue;
      }
      kept.add(c);
    }
    return kept;
  }

  /** The node at a field path such as {@code spec.rules[0].matches}; null when absent. */
  private static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    int i = 0;
    while (n != null && i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        String idx = path.substring(i + 1, end);
        n =
            n.isArray() && idx.chars().allMatch(Character::isDigit)
                ? n.get(Integer.parseInt(idx))
                : n.get(idx);
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      n = n.get(path.substring(i, end));
      i = end;
    }
    return n;
  }

  Cause notServed(String version) {
    String served = String.join(", ", this.served.keySet());
    String known = allVersions.contains(version) ? " (the version exists but is not served)" : "";
    return Cause.of(
        "apiVersion",
        Cause.KIND_NOT_SERVED,
        "no matches for kind \""
            + kind
            + "\" in version \""
            + group
            + "/"
            + version
            + "\""
            + known
            + "; served versions: "
            + (served.isEmpty() ? "none" : served));
  }

  private Schema schema(String version) {
    Schema s = served.get(version);
    if (s == null) {
      throw new IllegalArgumentException(notServed(version).message());
    }
    return s;
  }

  private static ObjectNode objectCopy(JsonNode object) {
    if (object == null || !object.isObject()) {
      throw new IllegalArgumentException(
          "object must be a JSON object: " + (object == null ? "null" : object.getNodeType()));
    }
    return (ObjectNode) object.deepCopy();
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "CompiledCrd{" + name + " " + served.keySet() + ", " + ruleCount + " rules}";
  }
}
