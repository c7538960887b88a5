package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a Swagger 2.0 document (JSON tree) in the protobuf form kube-apiserver serves at {@code
 * /openapi/v2} for {@code Accept: application/com.github.proto-openapi.spec.v2.v1.0+protobuf} (or
 * the older {@code @v1.0}): gnostic's {@code openapi.v2.Document} message. kubectl (through 1.33)
 * reads only this form, to validate {@code kind: List} documents and for {@code explain}/{@code
 * diff} on older versions. Only the wire format and the field numbers of gnostic's messages are
 * known here; JSON keys without a place in a message are left out, as gnostic does, and {@code x-}
 * keys become vendor extensions (their values as YAML text, which JSON is).
 */
final class OpenApiV2Protobuf {
  /** Content type of the protobuf form, as the server answers it. */
  static final String CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  /**
   * Whether an Accept header asks for the protobuf form (kubectl still sends the older
   * {@code @v1.0} spelling).
   */
  static boolean accepted(String accept) {
    return accept != null
        && (accept.contains(CONTENT_TYPE)
            || accept.contains("application/com.github.proto-openapi.spec.v2@v1.0+protobuf"));
  }

  private OpenApiV2Protobuf() {}

  static byte[] encode(JsonNode swagger) {
    Writer w = new Writer();
    document(w, swagger);
    return w.toByteArray();
  }

  private static void document(Writer w, JsonNode d) {
    w.string(1, d.path("swagger").asText(""));
    w.message(
        2,
        d.get("info"),
        (m, info) -> {
          m.string(1, text(info, "title"));
          m.string(2, text(info, "version"));
          m.string(3, text(info, "description"));
          vendor(m, 7, info);
        });
    w.message(
        8,
        d.get("paths"),
        (m, paths) -> {
          vendor(m, 1, paths);
          named(m, 2, paths, OpenApiV2Protobuf::pathItem);
        });
    w.message(9, d.get("definitions"), (m, defs) -> named(m, 1, defs, OpenApiV2Protobuf::schema));
    vendor(w, 16, d);
  }

  private static void pathItem(Writer w, JsonNode p) {
    w.string(1, text(p, "$ref"));
    String[] verbs = {"get", "put", "post", "delete", "options", "head", "patch"};
    for (int i = 0; i < verbs.length; i++) {
      w.message(2 + i, p.get(verbs[i]), OpenApiV2Protobuf::operation);
    }
    for (JsonNode param : p.path("parameters")) {
      w.message(9, param, OpenApiV2Protobuf::parametersItem);
    }
    vendor(w, 10, p);
  }

  private static void operation(Writer w, JsonNode o) {
    strings(w, 1, o.get("tags"));
    w.string(2, text(o, "summary"));
    w.string(3, text(o, "description"));
    w.string(5, text(o, "operationId"));
    strings(w, 6, o.get("produces"));
    strings(w, 7, o.get("consumes"));
    for (JsonNode param : o.path("parameters")) {
      w.message(8, param, OpenApiV2Protobuf::parametersItem);
    }
    w.message(
        9,
        o.get("responses"),
        (m, responses) -> {
          for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("x-")) {
              m.message(
                  1,
                  e.getValue(),
                  (named, value) -> {
                    named.string(1, e.getKey());
                    named.message(2, value, OpenApiV2Protobuf::responseValue);
                  });
            }
          }
          vendor(m, 2, responses);
        });
    strings(w, 10, o.get("schemes"));
    w.bool(11, o.path("deprecated").asBoolean(false));
    vendor(w, 13, o);
  }

  private static void responseValue(Writer w, JsonNode r) {
    if (r.has("$ref")) {
      w.message(2, r, OpenApiV2Protobuf::jsonReference);
      return;
    }
    w.message(
        1,
        r,
        (m, response) -> {
          m.string(1, text(response, "description"));
          m.message(
              2,
              response.get("schema"),
              (item, schema) -> item.message(1, schema, OpenApiV2Protobuf::schema));
          vendor(m, 5, response);
        });
  }

  private static void jsonReference(Writer w, JsonNode r) {
    w.string(1, text(r, "$ref"));
    w.string(2, text(r, "description"));
  }

  private static void parametersItem(Writer w, JsonNode p) {
    if (p.has("$ref")) {
      w.message(2, p, OpenApiV2Protobuf::jsonReference);
      return;
    }
    w.message(
        1,
        p,
        (param, q) -> {
          if ("body".equals(text(q, "in"))) {
            param.message(
                1,
                q,
                (body, b) -> {
                  body.string(1, text(b, "description"));
                  body.string(2, text(b, "name"));
                  body.string(3, "body");
                  body.bool(4, b.path("required").asBoolean(false));
                  body.message(5, b.get("schema"), OpenApiV2Protobuf::schema);
                  vendor(body, 6, b);
                });
            return;
          }
          // NonBodyParameter: header 1, formData 2, query 3, path 4; formData and query have
          // allowEmptyValue (5)
          // and so their later fields sit one number further
          String in = text(q, "in");
          int which =
              "header".equals(in) ? 1 : "formData".equals(in) ? 2 : "path".equals(in) ? 4 : 3;
          boolean shifted = which == 2 || which == 3;
          param.message(
              2,
              q,
              (nonBody, x) ->
                  nonBody.message(
                      which,
                      x,
                      (s, y) -> {
                        s.bool(1, y.path("required").asBoolean(false));
                        s.string(2, in);
                        s.string(3, text(y, "description"));
                        s.string(4, text(y, "name"));
                        int o = shifted ? 1 : 0;
                        if (shifted) {
                          s.bool(5, y.path("allowEmptyValue").asBoolean(false));
                        }
                        s.string(5 + o, text(y, "type"));
                        s.string(6 + o, text(y, "format"));
                        s.string(8 + o, text(y, "collectionFormat"));
                        any(s, 9 + o, y.get("default"));
                        s.string(16 + o, text(y, "pattern"));
                        s.bool(19 + o, y.path("uniqueItems").asBoolean(false));
                        for (JsonNode e : y.path("enum")) {
                          any(s, 20 + o, e);
                        }
                        vendor(s, 22 + o, y);
                      }));
        });
  }

  private static void schema(Writer w, JsonNode s) {
    w.string(1, text(s, "$ref"));
    w.string(2, text(s, "format"));
    w.string(3, text(s, "title"));
    w.string(4, text(s, "description"));
    any(w, 5, s.get("default"));
    w.number(6, s.get("multipleOf"));
    w.number(7, s.get("maximum"));
    w.bool(8, s.path("exclusiveMaximum").asBoolean(false));
    w.number(9, s.get("minimum"));
    w.bool(10, s.path("exclusiveMinimum").asBoolean(false));
    w.int64(11, s.get("maxLength"));
    w.int64(12, s.get("minLength"));
    w.string(13, text(s, "pattern"));
    w.int64(14, s.get("maxItems"));
    w.int64(15, s.get("minItems"));
    w.bool(16, s.path("uniqueItems").asBoolean(false));
    w.int64(17, s.get("maxProperties"));
    w.int64(18, s.get("minProperties"));
    strings(w, 19, s.get("required"));
    for (JsonNode e : s.path("enum")) {
      any(w, 20, e);
    }
    JsonNode additional = s.get("additionalProperties");
    if (additional != null && additional.isBoolean()) {
      w.message(21, additional, (m, b) -> m.boolAlways(2, b.asBoolean()));
    } else {
      w.message(21, additional, (m, schema) -> m.message(1, schema, OpenApiV2Protobuf::schema));
    }
    JsonNode type = s.get("type");
    if (type != null && (type.isTextual() || type.isArray())) {
      w.message(22, type, (m, t) -> strings(m, 1, t));
    }
    JsonNode items = s.get("items");
    if (items != null && items.isObject()) {
      w.message(23, items, (m, item) -> m.message(1, item, OpenApiV2Protobuf::schema));
    } else if (items != null && items.isArray()) {
      w.message(
          23,
          items,
          (m, list) -> list.forEach(item -> m.message(1, item, OpenApiV2Protobuf::schema)));
    }
    for (JsonNode part : s.path("allOf")) {
      w.message(24, part, OpenApiV2Protobuf::schema);
    }
    w.message(25, s.get("properties"), (m, props) -> named(m, 1, props, OpenApiV2Protobuf::schema));
    w.string(26, text(s, "discriminator"));
    w.bool(27, s.path("readOnly").asBoolean(false));
    any(w, 30, s.get("example"));
    vendor(w, 31, s);
  }

  /** Each field of {@code object} (but {@code x-} ones) as a Named* message: name 1, value 2. */
  private static void named(Writer w, int field, JsonNode object, Body value) {
    if (object == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().startsWith("x-")) {
        w.message(
            field,
            e.getValue(),
            (m, v) -> {
              m.string(1, e.getKey());
              m.message(2, v, value);
            });
      }
    }
  }

  /** The {@code x-} fields of {@code object} as NamedAny messages. */
  private static void vendor(Writer w, int field, JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("x-")) {
        w.message(
            field,
            e.getValue(),
            (m, v) -> {
              m.string(1, e.getKey());
              any(m, 2, v);
            });
      }
    }
  }

  /** An {@code Any} message holding {@code value} as YAML text (field 2). */
  private static void any(Writer w, int field, JsonNode value) {
    if (value != null && !value.isMissingNode()) {
      w.message(
          field,
          value,
          (m, v) -> m.stringAlways(2, v.isTextual() ? yamlString(v.asText()) : Json.string(v)));
    }
  }

  private static String yamlString(String s) {
    return Json.string(
        com.fasterxml.jackson.databind.node.TextNode.valueOf(s)); // a JSON string is a YAML scalar
  }

  private static void strings(Writer w, int field, JsonNode list) {
    if (list == null) {
      return;
    }
    if (list.isTextual()) {
      w.stringAlways(field, list.asText());
      return;
    }
    for (JsonNode s : list) {
      w.stringAlways(field, s.asText());
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isValueNode() ? "" : v.asText();
  }

  interface Body {
    void write(Writer w, JsonNode value);
  }

  /** Protobuf wire format: proto3 scalars at their default value are not written. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] toByteArray() {
      return out.toByteArray();
    }

    void string(int field, String s) {
      if (!s.isEmpty()) {
        stringAlways(field, s);
      }
    }

    void stringAlways(int field, String s) {
      bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    void bool(int field, boolean b) {
      if (b) {
        boolAlways(field, true);
      }
    }

    void boolAlways(int field, boolean b) {
      tag(field, 0);
      varint(b ? 1 : 0);
    }

    void int64(int field, JsonNode n) {
      if (n != null && n.isNumber() && n.asLong() != 0) {
        tag(field, 0);
        varint(n.asLong());
      }
    }

    void number(int field, JsonNode n) {
      if (n != null && n.isNumber() && n.asDouble() != 0) {
        tag(field, 1);
        long bits = Double.doubleToLongBits(n.asDouble());
        for (int i = 0; i < 8; i++) {
          out.write((int) (bits >>> (8 * i)) & 0xff);
        }
      }
    }

    void message(int field, JsonNode value, Body body) {
      if (value == null || value.isMissingNode() || value.isNull()) {
        return;
      }
      Writer nested = new Writer();
      body.write(nested, value);
      bytes(field, nested.toByteArray());
    }

    private void bytes(int field, byte[] b) {
      tag(field, 2);
      varint(b.length);
      out.write(b, 0, b.length);
    }

    private void tag(int field, int wire) {
      varint(((long) field << 3) | wire);
    }

    private void varint(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
