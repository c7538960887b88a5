package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Decodes the Kubernetes protobuf encoding ({@code application/vnd.kubernetes.protobuf}) of the
 * built-in kinds kubectl's typed commands send ({@code kubectl create
 * namespace|configmap|secret|service|serviceaccount|role|
 * clusterrole|rolebinding|clusterrolebinding|token}, {@code kubectl auth can-i}) into JSON trees.
 * Only the wire format and the field numbers of these few messages are known here; unknown fields
 * are skipped. Custom resources are never protobuf-encoded.
 */
final class Protobuf {
  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

  /** Field layout of one message: number → (json name, kind, nested layout). */
  private static final class Field {
    final String name;
    final char kind; // s string, b bytes(base64), i int, z bool, m message, S map<string,string>, B
    // map<string,bytes>, t time, o int-or-string
    final Map<Integer, Field> nested;
    final boolean repeated;

    Field(String name, char kind, Map<Integer, Field> nested, boolean repeated) {
      this.name = name;
      this.kind = kind;
      this.nested = nested;
      this.repeated = repeated;
    }
  }

  private static Field f(String name, char kind) {
    return new Field(name, kind, null, false);
  }

  private static Field list(String name, char kind) {
    return new Field(name, kind, null, true);
  }

  private static Field msg(String name, Map<Integer, Field> nested) {
    return new Field(name, 'm', nested, false);
  }

  private static Field msgs(String name, Map<Integer, Field> nested) {
    return new Field(name, 'm', nested, true);
  }

  private static final Map<Integer, Field> OWNER_REF =
      Map.of(
          1,
          f("kind", 's'),
          3,
          f("name", 's'),
          4,
          f("uid", 's'),
          5,
          f("apiVersion", 's'),
          6,
          f("controller", 'z'),
          7,
          f("blockOwnerDeletion", 'z'));
  private static final Map<Integer, Field> OBJECT_META =
      Map.ofEntries(
          Map.entry(1, f("name", 's')),
          Map.entry(2, f("generateName", 's')),
          Map.entry(3, f("namespace", 's')),
          Map.entry(5, f("uid", 's')),
          Map.entry(6, f("resourceVersion", 's')),
          Map.entry(7, f("generation", 'i')),
          Map.entry(8, f("creationTimestamp", 't')),
          Map.entry(11, f("labels", 'S')),
          Map.entry(12, f("annotations", 'S')),
          Map.entry(13, msgs("ownerReferences", OWNER_REF)),
          Map.entry(14, list("finalizers", 's')));
  private static final Map<Integer, Field> SERVICE_PORT =
      Map.of(
          1,
          f("name", 's'),
          2,
          f("protocol", 's'),
          3,
          f("port", 'i'),
          4,
          f("targetPort", 'o'),
          5,
          f("nodePort", 'i'),
          6,
          f("appProtocol", 's'));
  private static final Map<Integer, Field> SERVICE_SPEC =
      Map.of(
          1,
          msgs("ports", SERVICE_PORT),
          2,
          f("selector", 'S'),
          3,
          f("clusterIP", 's'),
          4,
          f("type", 's'),
          5,
          list("externalIPs", 's'),
          7,
          f("sessionAffinity", 's'),
          10,
          f("externalName", 's'));
  // rbac/v1 and core/v1 generated.proto: what kubectl create
  // role|clusterrole|rolebinding|clusterrolebinding|serviceaccount send.
  private static final Map<Integer, Field> POLICY_RULE =
      Map.of(
          1,
          list("verbs", 's'),
          2,
          list("apiGroups", 's'),
          3,
          list("resources", 's'),
          4,
          list("resourceNames", 's'),
          5,
          list("nonResourceURLs", 's'));
  private static final Map<Integer, Field> LABEL_SELECTOR =
      Map.of(
          1,
          f("matchLabels", 'S'),
          2,
          msgs(
              "matchExpressions",
              Map.of(1, f("key", 's'), 2, f("operator", 's'), 3, list("values", 's'))));
  private static final Map<Integer, Field> BINDING =
      Map.of(
          1,
          msg("metadata", OBJECT_META),
          2,
          msgs(
              "subjects",
              Map.of(
                  1,
                  f("kind", 's'),
                  2,
                  f("apiGroup", 's'),
                  3,
                  f("name", 's'),
                  4,
                  f("namespace", 's'))),
          3,
          msg("roleRef", Map.of(1, f("apiGroup", 's'), 2, f("kind", 's'), 3, f("name", 's'))));
  private static final Map<String, Map<Integer, Field>> KINDS =
      Map.ofEntries(
          Map.entry("Role", Map.of(1, msg("metadata", OBJECT_META), 2, msgs("rules", POLICY_RULE))),
          Map.entry(
              "ClusterRole",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  msgs("rules", POLICY_RULE),
                  3,
                  msg("aggregationRule", Map.of(1, msgs("clusterRoleSelectors", LABEL_SELECTOR))))),
          Map.entry("RoleBinding", BINDING),
          Map.entry("ClusterRoleBinding", BINDING),
          Map.entry(
              "ServiceAccount",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  msgs(
                      "secrets",
                      Map.of(
                          1,
                          f("kind", 's'),
                          2,
                          f("namespace", 's'),
                          3,
                          f("name", 's'),
                          4,
                          f("uid", 's'),
                          5,
                          f("apiVersion", 's'))),
                  3,
                  f("automountServiceAccountToken", 'z'),
                  4,
                  msgs("imagePullSecrets", Map.of(1, f("name", 's'))))),
          Map.entry(
              "Namespace",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  msg("spec", Map.of(1, list("finalizers", 's'))))),
          Map.entry(
              "ConfigMap",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  f("data", 'S'),
                  3,
                  f("binaryData", 'B'),
                  4,
                  f("immutable", 'z'))),
          Map.entry(
              "Secret",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  f("data", 'B'),
                  3,
                  f("type", 's'),
                  4,
                  f("stringData", 'S'),
                  5,
                  f("immutable", 'z'))),
          Map.entry(
              "Service", Map.of(1, msg("metadata", OBJECT_META), 2, msg("spec", SERVICE_SPEC))),
          // What kubectl auth can-i sends (authorization/v1 generated.proto).
          Map.entry(
              "SelfSubjectAccessReview",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  msg(
                      "spec",
                      Map.of(
                          1,
                              msg(
                                  "resourceAttributes",
                                  Map.of(
                                      1,
                                      f("namespace", 's'),
                                      2,
                                      f("verb", 's'),
                                      3,
                                      f("group", 's'),
                                      4,
                                      f("version", 's'),
                                      5,
                                      f("resource", 's'),
                                      6,
                                      f("subresource", 's'),
                                      7,
                                      f("name", 's'))),
                          2,
                              msg(
                                  "nonResourceAttributes",
                                  Map.of(1, f("path", 's'), 2, f("verb", 's'))))))),
          Map.entry(
              "SelfSubjectRulesReview",
              Map.of(
                  1, msg("metadata", OBJECT_META), 2, msg("spec", Map.of(1, f("namespace", 's'))))),
          Map.entry(
              "TokenRequest",
              Map.of(
                  1,
                  msg("metadata", OBJECT_META),
                  2,
                  msg("spec", Map.of(1, list("audiences", 's'), 4, f("expirationSeconds", 'i'))))));

  private Protobuf() {}

  /**
   * The JSON form of a protobuf-encoded built-in object.
   *
   * @throws ApiError 415 for kinds this decoder does not know, 400 for malformed bytes
   */
  static ObjectNode decode(byte[] body, ResourceType type) {
    if (!type.builtin) {
      throw ApiError.unsupportedMediaType(
          "application/vnd.kubernetes.protobuf", "application/json, application/yaml");
    }
    return decode(body, type.kind, type.apiVersion(type.storageVersion));
  }

  /**
   * As {@link #decode(byte[], ResourceType)} for a kind not stored as a resource (the access
   * reviews).
   */
  static ObjectNode decode(byte[] body, String defaultKind, String defaultApiVersion) {
    if (!KINDS.containsKey(defaultKind)) {
      throw ApiError.unsupportedMediaType(
          "application/vnd.kubernetes.protobuf", "application/json, application/yaml");
    }
    if (body.length < 4
        || body[0] != MAGIC[0]
        || body[1] != MAGIC[1]
        || body[2] != MAGIC[2]
        || body[3] != MAGIC[3]) {
      throw ApiError.badRequest(
          "provided object is not a valid Kubernetes protobuf message (missing k8s prefix)");
    }
    try {
      Reader envelope = new Reader(body, 4, body.length);
      String apiVersion = null;
      String kind = null;
      byte[] raw = null;
      while (envelope.more()) {
        int tag = envelope.varint32();
        int field = tag >>> 3;
        if (field == 1 && (tag & 7) == 2) {
          Reader tm = envelope.sub();
          while (tm.more()) {
            int t = tm.varint32();
            if (t >>> 3 == 1 && (t & 7) == 2) {
              apiVersion = tm.string();
            } else if (t >>> 3 == 2 && (t & 7) == 2) {
              kind = tm.string();
            } else {
              tm.skip(t & 7);
            }
          }
        } else if (field == 2 && (tag & 7) == 2) {
          raw = envelope.bytes();
        } else {
          envelope.skip(tag & 7);
        }
      }
      if (raw == null) {
        throw ApiError.badRequest("protobuf message without raw object");
      }
      ObjectNode obj = Json.object();
      obj.put(
          "apiVersion",
          apiVersion == null || apiVersion.isEmpty() ? defaultApiVersion : apiVersion);
      obj.put("kind", kind == null || kind.isEmpty() ? defaultKind : kind);
      read(new Reader(raw, 0, raw.length), KINDS.get(defaultKind), obj);
      dropZeroScalars(obj);
      return obj;
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      throw ApiError.badRequest("malformed protobuf body: " + e.getMessage());
    }
  }

  private static void read(Reader r, Map<Integer, Field> layout, ObjectNode out) {
    while (r.more()) {
      int tag = r.varint32();
      Field f = layout.get(tag >>> 3);
      int wire = tag & 7;
      if (f == null) {
        r.skip(wire);
        continue;
      }
      switch (f.kind) {
        case 's':
          if (f.repeated) {
            arr(out, f.name).add(r.string());
          } else {
            out.put(f.name, r.string());
          }
          break;
        case 'i':
          out.put(f.name, r.varint());
          break;
        case 'z':
          out.put(f.name, r.varint() != 0);
          break;
        case 't':
          {
            Reader t = r.sub();
            long seconds = 0;
            while (t.more()) {
              int tt = t.varint32();
              if (tt >>> 3 == 1) {
                seconds = t.varint();
              } else {
                t.skip(tt & 7);
              }
            }
            out.put(f.name, Json.format(Instant.ofEpochSecond(seconds)));
            break;
          }
        case 'o':
          {
            Reader t = r.sub();
            long type = 0;
            long intVal = 0;
            String strVal = "";
            while (t.more()) {
              int tt = t.varint32();
              if (tt >>> 3 == 1) {
                type = t.varint();
              } else if (tt >>> 3 == 2) {
                intVal = t.varint();
              } else if (tt >>> 3 == 3) {
                strVal = t.string();
              } else {
                t.skip(tt & 7);
              }
            }
            if (type == 1) {
              out.put(f.name, strVal);
            } else {
              out.put(f.name, intVal);
            }
            break;
          }
        case 'S':
        case 'B':
          {
            Reader e = r.sub();
            String key = "";
            byte[] value = new byte[0];
            while (e.more()) {
              int et = e.varint32();
              if (et >>> 3 == 1) {
                key = e.string();
              } else if (et >>> 3 == 2) {
                value = e.bytes();
              } else {
                e.skip(et & 7);
              }
            }
            ObjectNode map = Json.with(out, f.name);
            map.put(
                key,
                f.kind == 'S'
                    ? new String(value, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(value));
            break;
          }
        case 'b':
          out.put(f.name, Base64.getEncoder().encodeToString(r.bytes()));
          break;
        case 'm':
          {
            ObjectNode child = Json.object();
            read(r.sub(), f.nested, child);
            if (f.repeated) {
              arr(out, f.name).add(child);
            } else {
              out.set(f.name, child);
            }
            break;
          }
        default:
          r.skip(wire);
      }
    }
  }

  /**
   * Protobuf always carries scalars; JSON omits empty ones (omitempty), and defaulting relies on
   * that.
   */
  private static void dropZeroScalars(com.fasterxml.jackson.databind.JsonNode n) {
    if (n instanceof ObjectNode) {
      java.util.List<String> drop = new java.util.ArrayList<>();
      n.fields()
          .forEachRemaining(
              e -> {
                com.fasterxml.jackson.databind.JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().isEmpty()
                    || v.isNumber() && v.asLong() == 0
                    || v.isBoolean() && !v.asBoolean()) {
                  drop.add(e.getKey());
                } else {
                  dropZeroScalars(v);
                }
              });
      ((ObjectNode) n).remove(drop);
    } else if (n instanceof ArrayNode) {
      n.forEach(Protobuf::dropZeroScalars);
    }
  }

  private static ArrayNode arr(ObjectNode o, String name) {
    return o.get(name) instanceof ArrayNode ? (ArrayNode) o.get(name) : o.putArray(name);
  }

  /** A bounded view of protobuf wire bytes. */
  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b, int pos, int end) {
      if (end > b.length || pos > end) {
        throw new IllegalStateException("length beyond the message");
      }
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalStateException("truncated varint");
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalStateException("varint too long");
    }

    int varint32() {
      return (int) varint();
    }

    Reader sub() {
      int len = varint32();
      if (len < 0 || pos + len > end) {
        throw new IllegalStateException("length beyond the message");
      }
      Reader r = new Reader(b, pos, pos + len);
      pos += len;
      return r;
    }

    byte[] bytes() {
      Reader r = sub();
      byte[] out = new byte[r.end - r.pos];
      System.arraycopy(b, r.pos, out, 0, out.length);
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int wire) {
      switch (wire) {
        case 0:
          varint();
          break;
        case 1:
          pos += 8;
          break;
        case 2:
          sub();
          break;
        case 5:
          pos += 4;
          break;
        default:
          throw new IllegalStateException("unsupported wire type " + wire);
      }
      if (pos > end) {
        throw new IllegalStateException("field beyond the message");
      }
    }
  }
}
