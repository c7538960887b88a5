package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a CRD's structural schema (OpenAPI v3 with the Kubernetes extensions), parsed once.
 *
 * <p>Immutable after {@link #parse}; the CEL rules of the node are attached by the compiler before
 * the schema is published. Patterns use RE2 (re2j) as the API server uses Go's RE2.
 */
public final class Schema {
  public final String type;
  public final String format;
  public final List<JsonNode> enumValues;
  public final Pattern pattern;
  public final String patternText;
  public final Long minLength;
  public final Long maxLength;
  public final Long minItems;
  public final Long maxItems;
  public final Long minProperties;
  public final Long maxProperties;
  public final BigDecimal minimum;
  public final BigDecimal maximum;
  public final boolean exclusiveMinimum;
  public final boolean exclusiveMaximum;
  public final BigDecimal multipleOf;
  public final Map<String, Schema> properties;
  public final Schema items;
  public final Schema additionalProperties;
  public final Set<String> required;
  public final boolean nullable;
  public final boolean preserveUnknownFields;
  public final boolean intOrString;
  public final boolean embeddedResource;
  public final String listType;
  public final List<String> listMapKeys;
  public final String mapType;
  public final JsonNode defaultValue;
  public final List<Schema> allOf;
  public final List<Schema> anyOf;
  public final List<Schema> oneOf;
  public final Schema not;

  /** The raw {@code x-kubernetes-validations} entries; compiled by {@link CelRules}. */
  public final List<JsonNode> validationRules;

  /** Compiled rules, set once by the compiler before the schema is shared. */
  private List<CompiledRule> rules = List.of();

  private Schema(JsonNode n, String path) {
    type = text(n, "type");
    format = text(n, "format");
    List<JsonNode> en = new ArrayList<>();
    if (n.has("enum")) {
      n.get("enum").forEach(en::add);
    }
    enumValues = Collections.unmodifiableList(en);
    patternText = text(n, "pattern");
    if (patternText != null) {
      try {
        pattern = Pattern.compile(patternText);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            path + ".pattern: invalid regular expression: " + e.getMessage(), e);
      }
    } else {
      pattern = null;
    }
    minLength = longOrNull(n, "minLength");
    maxLength = longOrNull(n, "maxLength");
    minItems = longOrNull(n, "minItems");
    maxItems = longOrNull(n, "maxItems");
    minProperties = longOrNull(n, "minProperties");
    maxProperties = longOrNull(n, "maxProperties");
    minimum = n.hasNonNull("minimum") ? n.get("minimum").decimalValue() : null;
    maximum = n.hasNonNull("maximum") ? n.get("maximum").decimalValue() : null;
    multipleOf = n.hasNonNull("multipleOf") ? n.get("multipleOf").decimalValue() : null;
    exclusiveMinimum = n.path("exclusiveMinimum").asBoolean(false);
    exclusiveMaximum = n.path("exclusiveMaximum").asBoolean(false);
    Map<String, Schema> props = new LinkedHashMap<>();
    JsonNode p = n.get("properties");
    if (p != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        props.put(e.getKey(), new Schema(e.getValue(), path + ".properties." + e.getKey()));
      }
    }
    properties = Collections.unmodifiableMap(props);
    items =
        n.has("items") && n.get("items").isObject()
            ? new Schema(n.get("items"), path + ".items")
            : null;
    JsonNode ap = n.get("additionalProperties");
    additionalProperties =
        ap != null && ap.isObject() ? new Schema(ap, path + ".additionalProperties") : null;
    Set<String> req = new LinkedHashSet<>();
    if (n.has("required")) {
      n.get("required").forEach(r -> req.add(r.asText()));
    }
    required = Collections.unmodifiableSet(req);
    nullable = n.path("nullable").asBoolean(false);
    preserveUnknownFields =
        n.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
            || (ap != null && ap.isBoolean() && ap.asBoolean());
    intOrString = n.path("x-kubernetes-int-or-string").asBoolean(false);
    embeddedResource = n.path("x-kubernetes-embedded-resource").asBoolean(false);
    listType = text(n, "x-kubernetes-list-type");
    List<String> keys = new ArrayList<>();
    if (n.has("x-kubernetes-list-map-keys")) {
      n.get("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    }
    listMapKeys = Collections.unmodifiableList(keys);
    mapType = text(n, "x-kubernetes-map-type");
    defaultValue = n.has("default") ? n.get("default").deepCopy() : null;
    allOf = list(n, "allOf", path);
    anyOf = list(n, "anyOf", path);
    oneOf = list(n, "oneOf", path);
    not = n.has("not") ? new Schema(n.get("not"), path + ".not") : null;
    List<JsonNode> vr = new ArrayList<>();
    if (n.has("x-kubernetes-validations")) {
      n.get("x-kubernetes-validations").forEach(vr::add);
    }
    validationRules = Collections.unmodifiableList(vr);
  }

  /**
   * Parses an {@code openAPIV3Schema}.
   *
   * @throws IllegalArgumentException naming the schema path of an invalid pattern
   */
  public static Schema parse(JsonNode openApiV3Schema) {
    return new Schema(openApiV3Schema, "openAPIV3Schema");
  }

  public List<CompiledRule> rules() {
    return rules;
  }

  void setRules(List<CompiledRule> compiled) {
    this.rules = List.copyOf(compiled);
  }

  private boolean subtreeHasRules;

  /** Whether this node or a node below it has CEL rules; set by the compiler. */
  public boolean subtreeHasRules() {
    return subtreeHasRules;
  }

  void markSubtreeHasRules() {
    this.subtreeHasRules = true;
  }

  /**
   * The property schema for {@code name}: a declared property, else additionalProperties, else
   * null.
   */
  public Schema child(String name) {
    Schema s = properties.get(name);
    return s != null ? s : additionalProperties;
  }

  /**
   * The type name the API server uses in CEL error values ({@code "object"}, {@code "string"},
   * ...).
   */
  public String typeName() {
    return type == null ? "" : type;
  }

  public boolean isMapList() {
    return "array".equals(type) && "map".equals(listType) && !listMapKeys.isEmpty();
  }

  private static List<Schema> list(JsonNode n, String field, String path) {
    if (!n.has(field)) {
      return List.of();
    }
    List<Schema> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : n.get(field)) {
      out.add(new Schema(s, path + "." + field + "[" + i++ + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Long longOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }
}
