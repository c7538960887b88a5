package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Field ownership as server-side apply tracks it: {@code metadata.managedFields} entries with
 * FieldsV1 sets, computed from the object and the list types of the schema ({@code
 * x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys}, {@code x-kubernetes-map-type});
 * built-in kinds use the list types of the fields they share with Gateway API work (finalizers,
 * ownerReferences, ports, conditions).
 *
 * <p>A field set is a set of paths; a path is a list of FieldsV1 elements ({@code f:spec}, {@code
 * k:{"name":"http"}}, {@code v:"x"}); a path ending in a {@code k:}/{@code v:} element is the list
 * item itself (FieldsV1 {@code "."}).
 */
final class ManagedFields {
  private static final Set<String> SKIP_ROOT = Set.of("apiVersion", "kind");
  private static final Set<String> SKIP_META =
      Set.of(
          "name",
          "namespace",
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "selfLink");

  private ManagedFields() {}

  // ---- schema context

  /**
   * Where in the object a value is: the CRD schema node (null for built-ins) and the dotted path.
   */
  static final class Ctx {
    final JsonNode schema;
    final String path;
    final boolean builtin;

    Ctx(JsonNode schema, String path, boolean builtin) {
      this.schema = schema == null || schema.isMissingNode() ? null : schema;
      this.path = path;
      this.builtin = builtin;
    }

    Ctx child(String field) {
      String p = path.isEmpty() ? field : path + "." + field;
      if (p.startsWith("metadata")) {
        return new Ctx(null, p, true);
      }
      JsonNode s = null;
      if (schema != null) {
        JsonNode props = schema.get("properties");
        if (props != null && props.has(field)) {
          s = props.get(field);
        } else if (schema.get("additionalProperties") != null
            && schema.get("additionalProperties").isObject()) {
          s = schema.get("additionalProperties");
        }
      }
      return new Ctx(s, p, builtin);
    }

    Ctx items() {
      return new Ctx(schema == null ? null : schema.get("items"), path + "[]", builtin);
    }

    String listType() {
      if (schema != null && schema.has("x-kubernetes-list-type")) {
        return schema.get("x-kubernetes-list-type").asText();
      }
      if (path.equals("metadata.finalizers")) {
        return "set";
      }
      if (!mapKeys().isEmpty()) {
        return "map";
      }
      return "atomic";
    }

    List<String> mapKeys() {
      List<String> keys = new ArrayList<>();
      if (schema != null && schema.has("x-kubernetes-list-map-keys")) {
        schema.get("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        return keys;
      }
      if (schema == null) {
        switch (path) {
          case "metadata.ownerReferences":
            return List.of("uid");
          case "spec.ports":
            return builtin ? List.of("port", "protocol") : keys;
          case "status.conditions":
            return builtin ? List.of("type") : keys;
          default:
            return keys;
        }
      }
      return keys;
    }

    boolean atomicMap() {
      return schema != null && "atomic".equals(schema.path("x-kubernetes-map-type").asText());
    }
  }

  static Ctx root(Call c) {
    return new Ctx(c.type.builtin ? null : c.type.schema(c.version), "", c.type.builtin);
  }

  // ---- field sets

  static Set<List<String>> fieldsOf(JsonNode obj, Ctx ctx, String subresource) {
    Set<List<String>> out = new LinkedHashSet<>();
    if (!(obj instanceof ObjectNode)) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (SKIP_ROOT.contains(k)) {
        continue;
      }
      if ("status".equals(subresource) != k.equals("status")) {
        continue;
      }
      if (k.equals("metadata")) {
        List<String> mp = List.of("f:metadata");
        for (Iterator<Map.Entry<String, JsonNode>> mit = e.getValue().fields(); mit.hasNext(); ) {
          Map.Entry<String, JsonNode> me = mit.next();
          if (!SKIP_META.contains(me.getKey())) {
            collect(
                me.getValue(),
                ctx.child("metadata").child(me.getKey()),
                append(mp, "f:" + me.getKey()),
                out);
          }
        }
        continue;
      }
      collect(e.getValue(), ctx.child(k), List.of("f:" + k), out);
    }
    return out;
  }

  private static void collect(JsonNode v, Ctx ctx, List<String> path, Set<List<String>> out) {
    if (v.isObject() && v.size() > 0 && !ctx.atomicMap()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), ctx.child(e.getKey()), append(path, "f:" + e.getKey()), out);
      }
      return;
    }
    if (v.isArray() && v.size() > 0) {
      String lt = ctx.listType();
      if (lt.equals("map")) {
        List<String> keys = ctx.mapKeys();
        for (JsonNode item : v) {
          List<String> ip = append(path, itemKey(item, keys));
          out.add(ip);
          if (item.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
              Map.Entry<String, JsonNode> e = it.next();
              collect(
                  e.getValue(), ctx.items().child(e.getKey()), append(ip, "f:" + e.getKey()), out);
            }
          }
        }
        return;
      }
      if (lt.equals("set")) {
        for (JsonNode item : v) {
          out.add(append(path, "v:" + Json.string(item)));
        }
        return;
      }
    }
    out.add(path);
  }

  static String itemKey(JsonNode item, List<String> keys) {
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    for (String k : keys) {
      if (item.has(k)) {
        sorted.put(k, item.get(k));
      }
    }
    ObjectNode o = Json.object();
    sorted.forEach(o::set);
    return "k:" + Json.string(o);
  }

  private static List<String> append(List<String> path, String element) {
    List<String> l = new ArrayList<>(path.size() + 1);
    l.addAll(path);
    l.add(element);
    return l;
  }

  /** The value at {@code path} in {@code obj}, or null. */
  static JsonNode valueAt(JsonNode obj, List<String> path) {
    JsonNode n = obj;
    for (String el : path) {
      if (n == null) {
        return null;
      }
      if (el.startsWith("f:")) {
        n = n.isObject() ? n.get(el.substring(2)) : null;
      } else if (el.startsWith("k:")) {
        n = findItem(n, el);
      } else if (el.startsWith("v:")) {
        JsonNode want = parse(el.substring(2));
        JsonNode found = null;
        if (n.isArray()) {
          for (JsonNode i : n) {
            if (i.equals(want)) {
              found = i;
            }
          }
        }
        n = found;
      } else {
        return null;
      }
    }
    return n;
  }

  private static JsonNode findItem(JsonNode list, String el) {
    if (!list.isArray()) {
      return null;
    }
    JsonNode key = parse(el.substring(2));
    for (JsonNode item : list) {
      boolean all = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().equals(item.get(e.getKey()))) {
          all = false;
          break;
        }
      }
      if (all) {
        return item;
      }
    }
    return null;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      return Json.F.textNode(json);
    }
  }

  // ---- FieldsV1 encoding

  static ObjectNode toFieldsV1(Set<List<String>> set) {
    ObjectNode root = Json.object();
    List<List<String>> sorted = new ArrayList<>(set);
    sorted.sort(Comparator.comparingInt(List::size));
    for (List<String> p : sorted) {
      ObjectNode n = root;
      for (String el : p) {
        n = Json.with(n, el);
      }
    }
    // Mark owned nodes that also have owned children with ".".
    for (List<String> p : set) {
      ObjectNode n = root;
      for (String el : p) {
        n = (ObjectNode) n.get(el);
      }
      if (n.size() > 0 && !n.has(".")) {
        ObjectNode copy = n.deepCopy();
        n.removeAll();
        n.putObject(".");
        n.setAll(copy);
      }
    }
    return root;
  }

  static Set<List<String>> fromFieldsV1(JsonNode fields) {
    Set<List<String>> out = new LinkedHashSet<>();
    walk(fields, new ArrayList<>(), out);
    return out;
  }

  private static void walk(JsonNode n, List<String> path, Set<List<String>> out) {
    if (n == null || !n.isObject()) {
      return;
    }
    if (n.size() == 0 && !path.isEmpty()) {
      out.add(new ArrayList<>(path));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(".")) {
        out.add(new ArrayList<>(path));
        continue;
      }
      path.add(e.getKey());
      walk(e.getValue(), path, out);
      path.remove(path.size() - 1);
    }
  }

  // ---- entries

  static final class Entry {
    final String manager;
    final String operation;
    final String subresource;
    String apiVersion;
    String time;
    Set<List<String>> fields;

    Entry(
        String manager,
        String operation,
        String subresource,
        String apiVersion,
        String time,
        Set<List<String>> fields) {
      this.manager = manager;
      this.operation = operation;
      this.subresource = subresource;
      this.apiVersion = apiVersion;
      this.time = time;
      this.fields = fields;
    }

    boolean same(String m, String op, String sub) {
      return manager.equals(m)
          && operation.equals(op)
          && java.util.Objects.equals(subresource, sub);
    }

    ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put("manager", manager);
      o.put("operation", operation);
      o.put("apiVersion", apiVersion);
      if (time != null) {
        o.put("time", time);
      }
      o.put("fieldsType", "FieldsV1");
      o.set("fieldsV1", toFieldsV1(fields));
      if (subresource != null) {
        o.put("subresource", subresource);
      }
      return o;
    }
  }

  static List<Entry> entries(JsonNode obj) {
    List<Entry> l = new ArrayList<>();
    JsonNode mf = obj == null ? null : obj.path("metadata").get("managedFields");
    if (mf != null && mf.isArray()) {
      for (JsonNode e : mf) {
        l.add(
            new Entry(
                e.path("manager").asText(""),
                e.path("operation").asText("Update"),
                e.hasNonNull("subresource") ? e.get("subresource").asText() : null,
                e.path("apiVersion").asText(""),
                e.hasNonNull("time") ? e.get("time").asText() : null,
                fromFieldsV1(e.get("fieldsV1"))));
      }
    }
    return l;
  }

  static void write(ObjectNode obj, List<Entry> entries) {
    ObjectNode meta = Json.with(obj, "metadata");
    ArrayNode arr = Json.array();
    for (Entry e : entries) {
      if (!e.fields.isEmpty()) {
        arr.add(e.toJson());
      }
    }
    if (arr.isEmpty()) {
      meta.remove("managedFields");
    } else {
      meta.set("managedFields", arr);
    }
  }

  // ---- operations

  /**
   * Records a non-apply write by the call's manager: it owns what it changed, others lose it.
   * Managed fields the client set explicitly (different from the stored ones) are kept as sent.
   */
  static void track(Call c, ObjectNode current, ObjectNode next, String operation) {
    if (c.managedFieldsDone) {
      return;
    }
    JsonNode sent = next.path("metadata").get("managedFields");
    JsonNode stored = current == null ? null : current.path("metadata").get("managedFields");
    if (sent != null
        && !sent.equals(stored)
        && !(sent.isArray() && sent.isEmpty() && stored == null)) {
      if (sent.isArray() && sent.isEmpty()) {
        Json.metadata(next).remove("managedFields");
      }
      return;
    }
    Ctx ctx = root(c);
    Set<List<String>> now = fieldsOf(next, ctx, c.subresource);
    Set<List<String>> before = current == null ? Set.of() : fieldsOf(current, ctx, c.subresource);
    Set<List<String>> changed = new LinkedHashSet<>();
    for (List<String> p : now) {
      if (!before.contains(p) || !java.util.Objects.equals(valueAt(current, p), valueAt(next, p))) {
        changed.add(p);
      }
    }
    Set<List<String>> removed = new LinkedHashSet<>(before);
    removed.removeAll(now);
    List<Entry> entries = entries(current == null ? next : current);
    if (changed.isEmpty() && removed.isEmpty()) {
      write(next, entries);
      return;
    }
    String manager = c.fieldManager();
    Entry mine = null;
    for (Entry e : entries) {
      if (e.same(manager, operation, c.subresource)) {
        mine = e;
      } else {
        e.fields.removeAll(changed);
      }
      e.fields.removeAll(removed);
    }
    if (mine == null) {
      mine =
          new Entry(
              manager,
              operation,
              c.subresource,
              c.type.apiVersion(c.version),
              Json.now(),
              new LinkedHashSet<>());
      entries.add(mine);
    }
    mine.fields.addAll(changed);
    mine.time = Json.now();
    mine.apiVersion = c.type.apiVersion(c.version);
    write(next, entries);
  }

  /**
   * Server-side apply of {@code config} by the call's manager onto {@code current} (null: create).
   * Returns the merged object with updated managedFields.
   *
   * @throws ApiError 409 listing the conflicting fields and managers unless force=true
   */
  static ObjectNode apply(Call c, ObjectNode current, ObjectNode config) {
    c.managedFieldsDone = true;
    String manager = c.fieldManager();
    boolean force = c.flag("force");
    Ctx ctx = root(c);
    ObjectNode base = current == null ? Json.object() : current;
    Set<List<String>> applied = fieldsOf(config, ctx, c.subresource);
    List<Entry> entries = entries(current);
    Entry mine = null;
    List<String[]> conflicts = new ArrayList<>();
    Map<Entry, Set<List<String>>> lose = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.same(manager, "Apply", c.subresource)) {
        mine = e;
        continue;
      }
      for (List<String> p : applied) {
        String last = p.get(p.size() - 1);
        if (!last.startsWith("f:")) {
          continue;
        }
        for (List<String> q : e.fields) {
          if (q.size() >= p.size() && q.subList(0, p.size()).equals(p)) {
            if (!java.util.Objects.equals(valueAt(config, p), valueAt(base, p))) {
              if (lose.computeIfAbsent(e, x -> new LinkedHashSet<>()).add(q)) {
                // As the real server words it: Update managers are named with their version and
                // time.
                String using =
                    e.operation.equals("Update")
                        ? e.apiVersion + (e.time == null ? "" : " at " + e.time)
                        : null;
                String who =
                    e.subresource == null
                        ? e.manager
                        : e.manager + "\" with subresource \"" + e.subresource;
                conflicts.add(new String[] {who, dotted(q), using});
              }
            }
          }
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      throw ApiError.applyConflict(c.type, c.name, conflicts);
    }
    lose.forEach((e, lost) -> e.fields.removeAll(lost));
    ObjectNode result = base.deepCopy();
    if (mine != null) {
      List<List<String>> gone = new ArrayList<>();
      for (List<String> p : mine.fields) {
        if (!applied.contains(p)) {
          boolean ownedByOthers = false;
          for (Entry e : entries) {
            if (e != mine && e.fields.contains(p)) {
              ownedByOthers = true;
            }
          }
          if (!ownedByOthers) {
            gone.add(p);
          }
        }
      }
      // Remove the outermost paths only: an item goes as a whole, not field by field (its key
      // fields
      // would be gone before the item could be found).
      gone.sort(Comparator.comparingInt(List::size));
      List<List<String>> removed = new ArrayList<>();
      for (List<String> p : gone) {
        boolean covered = false;
        for (List<String> r : removed) {
          if (p.size() > r.size() && p.subList(0, r.size()).equals(r)) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          removeAt(result, p);
          removed.add(p);
        }
      }
      mine.fields = new LinkedHashSet<>(applied);
      mine.time = Json.now();
      mine.apiVersion = c.type.apiVersion(c.version);
    } else {
      mine =
          new Entry(
              manager,
              "Apply",
              c.subresource,
              c.type.apiVersion(c.version),
              Json.now(),
              new LinkedHashSet<>(applied));
      entries.add(mine);
    }
    ObjectNode cfg = config.deepCopy();
    ObjectNode cfgMeta = Json.metadata(cfg);
    if (cfgMeta != null) {
      cfgMeta.remove("managedFields");
      cfgMeta.remove("resourceVersion");
    }
    if ("status".equals(c.subresource)) {
      if (cfg.has("status")) {
        result.set("status", merge(result.get("status"), cfg.get("status"), ctx.child("status")));
      }
    } else {
      merge(result, cfg, ctx);
    }
    write(result, entries);
    return result;
  }

  static String dotted(List<String> path) {
    StringBuilder sb = new StringBuilder();
    for (String el : path) {
      if (el.startsWith("f:")) {
        sb.append('.').append(el.substring(2));
      } else if (el.startsWith("k:")) {
        JsonNode key = parse(el.substring(2));
        StringBuilder k = new StringBuilder();
        key.fields()
            .forEachRemaining(
                f ->
                    k.append(k.length() == 0 ? "" : ",")
                        .append(f.getKey())
                        .append('=')
                        .append(Json.string(f.getValue())));
        sb.append('[').append(k).append(']');
      } else if (el.startsWith("v:")) {
        sb.append("[").append(el.substring(2)).append("]");
      }
    }
    return sb.toString();
  }

  private static void removeAt(ObjectNode obj, List<String> path) {
    JsonNode parent = valueAt(obj, path.subList(0, path.size() - 1));
    if (parent == null) {
      return;
    }
    String last = path.get(path.size() - 1);
    if (last.startsWith("f:") && parent instanceof ObjectNode) {
      ((ObjectNode) parent).remove(last.substring(2));
    } else if (parent instanceof ArrayNode) {
      JsonNode item = valueAt(obj, path);
      ArrayNode arr = (ArrayNode) parent;
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i) == item) {
          arr.remove(i);
          break;
        }
      }
    }
  }

  private static JsonNode merge(JsonNode live, JsonNode cfg, Ctx ctx) {
    if (cfg == null || cfg.isNull()) {
      return live;
    }
    if (cfg.isObject() && live instanceof ObjectNode && !ctx.atomicMap()) {
      ObjectNode l = (ObjectNode) live;
      for (Iterator<Map.Entry<String, JsonNode>> it = cfg.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          l.remove(e.getKey());
          continue;
        }
        l.set(e.getKey(), merge(l.get(e.getKey()), e.getValue(), ctx.child(e.getKey())));
      }
      return l;
    }
    if (cfg.isArray() && live instanceof ArrayNode) {
      String lt = ctx.listType();
      if (lt.equals("map")) {
        List<String> keys = ctx.mapKeys();
        ArrayNode l = (ArrayNode) live;
        ArrayNode out = Json.array();
        // Applied items in the applier's order, then the live items only others set.
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : cfg) {
          String k = itemKey(item, keys);
          seen.add(k);
          JsonNode existing = findItem(l, k);
          out.add(
              existing == null ? item.deepCopy() : merge(existing.deepCopy(), item, ctx.items()));
        }
        for (JsonNode item : l) {
          if (!seen.contains(itemKey(item, keys))) {
            out.add(item);
          }
        }
        return out;
      }
      if (lt.equals("set")) {
        ArrayNode out = ((ArrayNode) live).deepCopy();
        Set<JsonNode> have = new LinkedHashSet<>();
        out.forEach(have::add);
        for (JsonNode v : cfg) {
          if (have.add(v)) {
            out.add(v);
          }
        }
        return out;
      }
    }
    return cfg.deepCopy();
  }
}
