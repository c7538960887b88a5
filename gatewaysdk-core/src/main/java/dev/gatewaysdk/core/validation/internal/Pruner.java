package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes fields the schema does not declare, in place, and reports their paths as the API server's
 * strict decoding names them ({@code spec.rules[0].foo}). Honors {@code
 * x-kubernetes-preserve-unknown-fields} and embedded resources; at the root and in embedded
 * resources apiVersion, kind and metadata are always known, and metadata is checked against the
 * fields of ObjectMeta.
 */
public final class Pruner {
  static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private Pruner() {}

  /** Prunes the whole object; returns the paths of removed fields. */
  public static List<String> pruneObject(Schema root, JsonNode object) {
    List<String> unknown = new ArrayList<>();
    node(root, object, "", true, unknown);
    return unknown;
  }

  private static void node(
      Schema s, JsonNode v, String path, boolean resourceRoot, List<String> unknown) {
    if (s == null || v == null) {
      return;
    }
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        node(s.items, v.get(i), FieldPath.index(path, i), false, unknown);
      }
      return;
    }
    if (!v.isObject()) {
      return;
    }
    boolean root = resourceRoot || s.embeddedResource;
    ObjectNode o = (ObjectNode) v;
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      String child = FieldPath.child(path, k);
      if (root && k.equals("metadata")) {
        metadata(e.getValue(), child, unknown);
        continue;
      }
      if (root && (k.equals("apiVersion") || k.equals("kind"))) {
        continue;
      }
      Schema p = s.properties.get(k);
      if (p == null) {
        p = s.additionalProperties;
      }
      if (p != null) {
        node(p, e.getValue(), child, false, unknown);
      } else if (!s.preserveUnknownFields) {
        unknown.add(child);
        it.remove();
      }
    }
  }

  private static void metadata(JsonNode meta, String path, List<String> unknown) {
    if (!meta.isObject()) {
      return;
    }
    for (Iterator<String> it = meta.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!OBJECT_META.contains(k)) {
        unknown.add(FieldPath.child(path, k));
        it.remove();
      }
    }
  }
}
