package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI v3 discovery ({@code /openapi/v3} and one document per group-version): the PATCH
 * operations with their {@code x-kubernetes-group-version-kind} and accepted patch types, the
 * fieldValidation parameter, and the CRD schemas. kubectl reads it to choose patch types, to verify
 * that the server validates fields itself, and for {@code kubectl explain}. Built-in kinds carry
 * their real schemas ({@link BuiltinSchemas}). {@code /openapi/v2} serves the same as one Swagger
 * 2.0 document, in JSON or in the protobuf form kubectl asks for ({@link OpenApiV2Protobuf}).
 */
final class OpenApi {
  private final Registry registry;
  private long builtAt = -1;
  private Map<String, ObjectNode> docs = Map.of();
  private Map<String, String> hashes = Map.of();
  private ObjectNode v2;
  private byte[] v2Protobuf;

  OpenApi(Registry registry) {
    this.registry = registry;
  }

  /** The document for {@code /openapi/...} path segments, or null. */
  synchronized JsonNode serve(List<String> seg, Map<String, String> query) {
    if (seg.size() == 2 && seg.get(1).equals("v2")) {
      rebuildIfNeeded();
      return v2;
    }
    if (seg.size() < 2 || !seg.get(1).equals("v3")) {
      return null;
    }
    rebuildIfNeeded();
    if (seg.size() == 2) {
      ObjectNode root = Json.object();
      ObjectNode paths = root.putObject("paths");
      List<String> keys = new ArrayList<>(docs.keySet());
      Collections.sort(keys);
      for (String k : keys) {
        paths.putObject(k).put("serverRelativeURL", "/openapi/v3/" + k + "?hash=" + hashes.get(k));
      }
      return root;
    }
    return docs.get(String.join("/", seg.subList(2, seg.size())));
  }

  /**
   * {@code /openapi/v2} in gnostic's protobuf form ({@link OpenApiV2Protobuf}), encoded once per
   * change.
   */
  synchronized byte[] v2Protobuf() {
    rebuildIfNeeded();
    if (v2Protobuf == null) {
      v2Protobuf = OpenApiV2Protobuf.encode(v2);
    }
    return v2Protobuf;
  }

  private void rebuildIfNeeded() {
    long gen = registry.generation.get();
    if (gen == builtAt) {
      return;
    }
    Map<String, ObjectNode> d = new HashMap<>();
    for (ResourceType t : registry.all()) {
      for (String v : t.versions) {
        String key = t.group.isEmpty() ? "api/" + v : "apis/" + t.group + "/" + v;
        ObjectNode doc = d.computeIfAbsent(key, k -> skeleton());
        add(doc, t, v);
      }
    }
    Map<String, String> h = new HashMap<>();
    d.forEach((k, doc) -> h.put(k, String.format("%016X", hash(Json.bytes(doc)))));
    docs = d;
    hashes = h;
    v2 = swagger(d);
    v2Protobuf = null;
    builtAt = gen;
  }

  /**
   * The Swagger 2.0 document ({@code /openapi/v2}, JSON): every group-version's paths and schemas
   * in one, with {@code #/definitions/} references.
   */
  private static ObjectNode swagger(Map<String, ObjectNode> docs) {
    ObjectNode doc = Json.object();
    doc.put("swagger", "2.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "v1.33.0");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode defs = doc.putObject("definitions");
    List<String> keys = new ArrayList<>(docs.keySet());
    Collections.sort(keys);
    for (String k : keys) {
      ObjectNode d = docs.get(k);
      d.path("paths")
          .fields()
          .forEachRemaining(
              e -> {
                ObjectNode path = e.getValue().deepCopy();
                path.fields()
                    .forEachRemaining(
                        op -> {
                          if (op.getValue() instanceof ObjectNode) {
                            ObjectNode o = (ObjectNode) op.getValue();
                            JsonNode body = o.remove("requestBody");
                            ArrayNode params = o.withArray("parameters");
                            for (JsonNode p : params) {
                              if (p instanceof ObjectNode && p.has("schema")) {
                                ((ObjectNode) p)
                                    .put("type", p.path("schema").path("type").asText("string"));
                                ((ObjectNode) p).remove("schema");
                              }
                            }
                            JsonNode ref =
                                body == null
                                    ? null
                                    : body.path("content")
                                        .path("application/json")
                                        .path("schema")
                                        .get("$ref");
                            if (ref != null) {
                              ObjectNode bp = params.addObject();
                              bp.put("name", "body");
                              bp.put("in", "body");
                              bp.put("required", true);
                              bp.putObject("schema")
                                  .put(
                                      "$ref",
                                      ref.asText()
                                          .replace("#/components/schemas/", "#/definitions/"));
                            }
                          }
                        });
                paths.set(e.getKey(), path);
              });
      d.path("components")
          .path("schemas")
          .fields()
          .forEachRemaining(e -> defs.set(e.getKey(), e.getValue()));
    }
    return doc;
  }

  private static long hash(byte[] b) {
    long h = 1125899906842597L;
    for (byte x : b) {
      h = 31 * h + x;
    }
    return h;
  }

  private static ObjectNode skeleton() {
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "v1.33.0");
    doc.putObject("paths");
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  static String schemaName(ResourceType t, String version) {
    if (t.group.isEmpty()) {
      return "io.k8s.api.core." + version + "." + t.kind;
    }
    String[] parts = t.group.split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      sb.append(parts[i]).append('.');
    }
    return sb.append(version).append('.').append(t.kind).toString();
  }

  private static void add(ObjectNode doc, ResourceType t, String version) {
    String prefix = t.group.isEmpty() ? "/api/" + version : "/apis/" + t.group + "/" + version;
    String collection = prefix + (t.namespaced ? "/namespaces/{namespace}/" : "/") + t.plural;
    String item = collection + "/{name}";
    String schemaName = schemaName(t, version);
    String ref = "#/components/schemas/" + schemaName;
    ObjectNode paths = (ObjectNode) doc.get("paths");

    ObjectNode coll = paths.putObject(collection);
    ObjectNode list = op(coll, "get", "list" + t.kind, "list", t, version, ref);
    list.remove("requestBody");
    ObjectNode post = op(coll, "post", "create" + t.kind, "post", t, version, ref);
    params(post, "dryRun", "fieldManager", "fieldValidation");

    ObjectNode one = paths.putObject(item);
    ObjectNode get = op(one, "get", "read" + t.kind, "get", t, version, ref);
    get.remove("requestBody");
    params(
        op(one, "put", "replace" + t.kind, "put", t, version, ref),
        "dryRun",
        "fieldManager",
        "fieldValidation");
    ObjectNode patch = op(one, "patch", "patch" + t.kind, "patch", t, version, ref);
    params(patch, "dryRun", "fieldManager", "fieldValidation", "force");
    ObjectNode content = patch.putObject("requestBody").putObject("content");
    List<String> types =
        new ArrayList<>(
            List.of(
                "application/json-patch+json",
                "application/merge-patch+json",
                "application/apply-patch+yaml"));
    if (t.builtin) {
      // kubectl would then compute strategic merge patches from this (partial) schema; it uses its
      // compiled-in types for built-ins when the server does not advertise strategic merge.
      types.remove("application/strategic-merge-patch+json");
    }
    for (String ct : types) {
      content.putObject(ct).putObject("schema").put("type", "object");
    }
    ObjectNode del = op(one, "delete", "delete" + t.kind, "delete", t, version, ref);
    del.remove("requestBody");
    if (t.hasStatus) {
      ObjectNode status = paths.putObject(item + "/status");
      op(status, "get", "read" + t.kind + "Status", "get", t, version, ref).remove("requestBody");
      params(
          op(status, "put", "replace" + t.kind + "Status", "put", t, version, ref),
          "dryRun",
          "fieldManager",
          "fieldValidation");
      ObjectNode sp = op(status, "patch", "patch" + t.kind + "Status", "patch", t, version, ref);
      params(sp, "dryRun", "fieldManager", "fieldValidation", "force");
      ObjectNode sc = sp.putObject("requestBody").putObject("content");
      for (String ct : types) {
        sc.putObject(ct).putObject("schema").put("type", "object");
      }
    }

    ObjectNode schemas = (ObjectNode) doc.get("components").get("schemas");
    JsonNode s = t.builtin ? BuiltinSchemas.schema(t, version).orElse(null) : t.schema(version);
    ObjectNode schema =
        s == null || s.isMissingNode() || !s.isObject()
            ? Json.object()
            : ((ObjectNode) s).deepCopy();
    if (!schema.has("type")) {
      schema.put("type", "object");
    }
    ArrayNode gvk = schema.putArray("x-kubernetes-group-version-kind");
    ObjectNode g = gvk.addObject();
    g.put("group", t.group);
    g.put("kind", t.kind);
    g.put("version", version);
    schemas.set(schemaName, schema);
  }

  private static ObjectNode op(
      ObjectNode path,
      String method,
      String id,
      String action,
      ResourceType t,
      String version,
      String ref) {
    ObjectNode o = path.putObject(method);
    o.put("operationId", id);
    ObjectNode gvk = o.putObject("x-kubernetes-group-version-kind");
    gvk.put("group", t.group);
    gvk.put("kind", t.kind);
    gvk.put("version", version);
    o.put("x-kubernetes-action", action);
    o.putArray("parameters");
    o.putObject("requestBody")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", ref);
    o.putObject("responses").putObject("200").put("description", "OK");
    return o;
  }

  private static void params(ObjectNode op, String... names) {
    ArrayNode ps = (ArrayNode) op.get("parameters");
    for (String n : names) {
      ObjectNode p = ps.addObject();
      p.put("name", n);
      p.put("in", "query");
      p.put("description", n);
      p.putObject("schema").put("type", n.equals("force") ? "boolean" : "string");
      p.put("uniqueItems", true);
    }
  }
}
