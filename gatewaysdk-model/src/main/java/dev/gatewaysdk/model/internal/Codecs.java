package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shared pieces of the generated streaming codecs: scalar coercion, unknown fields, error wrapping.
 */
final class Codecs {
  private Codecs() {}

  static void expectObject(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      ctxt.handleUnexpectedToken(Map.class, p);
      throw JsonMappingException.from(p, "expected a JSON object");
    }
  }

  static void expectArray(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      ctxt.handleUnexpectedToken(java.util.List.class, p);
      throw JsonMappingException.from(p, "expected a JSON array");
    }
  }

  /**
   * A string; other tokens go through Jackson's own string deserializer, so the mapper's coercion
   * settings decide whether {@code 80} is accepted for a string (the default mapper accepts it, a
   * strict one reports a mismatch).
   */
  static String string(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    return coerced(p, ctxt, String.class, "expected a string");
  }

  /** The known values of an open enum, with their strings as characters to match the parser's. */
  static final class KnownValues<E> {
    private final List<E> values;
    private final char[][] chars;
    private final Function<String, E> of;

    KnownValues(List<E> values, Function<E, String> value, Function<String, E> of) {
      this.values = values;
      this.chars = new char[values.size()][];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = value.apply(values.get(i)).toCharArray();
      }
      this.of = of;
    }
  }

  /**
   * An open enum's value: a known one is matched on the parser's characters, without making a
   * {@code String} of them; any other string goes through the enum's {@code of}.
   */
  static <E> E openEnum(JsonParser p, DeserializationContext ctxt, KnownValues<E> known)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      int length = p.getTextLength();
      for (int i = 0; i < known.chars.length; i++) {
        if (Arrays.equals(
            known.chars[i], 0, known.chars[i].length, text, offset, offset + length)) {
          return known.values.get(i);
        }
      }
    }
    return known.of.apply(string(p, ctxt));
  }

  static int intValue(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    return coerced(p, ctxt, Integer.class, "expected an integer");
  }

  static long longValue(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    return coerced(p, ctxt, Long.class, "expected an integer");
  }

  static boolean booleanValue(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    return coerced(p, ctxt, Boolean.class, "expected a boolean");
  }

  /**
   * A token of another type read through Jackson's own deserializer of {@code type}, so the
   * mapper's coercion settings decide.
   */
  private static <T> T coerced(
      JsonParser p, DeserializationContext ctxt, Class<T> type, String expected)
      throws IOException {
    T v = ctxt.readValue(p, type);
    if (v == null) {
      throw MismatchedInputException.from(p, type, expected);
    }
    return v;
  }

  static <T> T object(JsonParser p, DeserializationContext ctxt, JsonDeserializer<T> reader)
      throws IOException {
    return reader.deserialize(p, ctxt);
  }

  /**
   * The name of the next field of the object at {@code p}, or null at its end. Fields usually come
   * in the order the codecs write them (their declaration order), so the parser first matches the
   * raw name against {@code order[next]}, the field after the one read last, which spares it
   * decoding and looking up the name; any other name is decoded as usual.
   */
  static String nextField(JsonParser p, SerializableString[] order, int next) throws IOException {
    if (next >= order.length) {
      return p.nextFieldName();
    }
    SerializableString expected = order[next];
    if (p.nextFieldName(expected)) {
      return expected.getValue();
    }
    return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
  }

  /**
   * Marks the known field of bit {@code bit} as read: {@code seen} with the bit set.
   *
   * @throws JsonMappingException if the object has the field twice
   */
  static long once(long seen, long bit, JsonParser p) throws IOException {
    if ((seen & bit) != 0) {
      throw duplicate(p, p.currentName());
    }
    return seen | bit;
  }

  /**
   * Notes the unknown field {@code name} of an object; {@code seen} holds the unknown names read so
   * far in that object (null before the first, which is the usual case).
   *
   * @return the names read so far, {@code name} included
   * @throws JsonMappingException if the object has the field twice
   */
  static Set<String> unknownName(Set<String> seen, String name, JsonParser p)
      throws JsonMappingException {
    Set<String> names = seen == null ? new HashSet<>() : seen;
    if (!names.add(name)) {
      throw duplicate(p, name);
    }
    return names;
  }

  static JsonMappingException duplicate(JsonParser p, String name) {
    return JsonMappingException.from(p, "duplicate field \"" + name + "\"");
  }

  /** A map of strings (labels, annotations); a key given twice is refused. */
  static Map<String, String> stringMap(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    expectObject(p, ctxt);
    Map<String, String> map = new LinkedHashMap<>();
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      p.nextToken();
      if (map.put(key, string(p, ctxt)) != null) {
        throw duplicate(p, key);
      }
    }
    return map;
  }

  /**
   * An unknown field's value as plain data (maps, lists, strings, numbers, booleans), with the Java
   * types Jackson's untyped reading gives; a field given twice in one object and a number out of a
   * double's range are refused, as in the located tree.
   */
  static Object unknown(JsonParser p, DeserializationContext ctxt) throws IOException {
    switch (p.currentTokenId()) {
      case JsonTokenId.ID_START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            p.nextToken();
            Object value = unknown(p, ctxt);
            if (map.containsKey(key)) {
              throw duplicate(p, key);
            }
            map.put(key, value);
          }
          return map;
        }
      case JsonTokenId.ID_START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(unknown(p, ctxt));
          }
          return list;
        }
      case JsonTokenId.ID_STRING:
        return p.getText();
      case JsonTokenId.ID_NUMBER_INT:
        return p.getNumberValue();
      case JsonTokenId.ID_NUMBER_FLOAT:
        return finite(p);
      case JsonTokenId.ID_TRUE:
        return Boolean.TRUE;
      case JsonTokenId.ID_FALSE:
        return Boolean.FALSE;
      case JsonTokenId.ID_NULL:
        return null;
      default:
        return ctxt.readValue(p, Object.class);
    }
  }

  /**
   * A {@code JsonNode} field's value as a tree, as Jackson's tree reading builds it; a field given
   * twice in one object and a number out of a double's range are refused, as in the located tree.
   */
  static JsonNode tree(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNodeFactory nodes = ctxt.getNodeFactory();
    switch (p.currentTokenId()) {
      case JsonTokenId.ID_START_OBJECT:
        {
          ObjectNode node = nodes.objectNode();
          for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            p.nextToken();
            JsonNode value = tree(p, ctxt);
            if (node.has(key)) {
              throw duplicate(p, key);
            }
            node.set(key, value);
          }
          return node;
        }
      case JsonTokenId.ID_START_ARRAY:
        {
          ArrayNode node = nodes.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(tree(p, ctxt));
          }
          return node;
        }
      case JsonTokenId.ID_STRING:
        return nodes.textNode(p.getText());
      case JsonTokenId.ID_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return nodes.numberNode(p.getIntValue());
          case LONG:
            return nodes.numberNode(p.getLongValue());
          default:
            return nodes.numberNode(p.getBigIntegerValue());
        }
      case JsonTokenId.ID_NUMBER_FLOAT:
        return nodes.numberNode(finite(p));
      case JsonTokenId.ID_TRUE:
        return nodes.booleanNode(true);
      case JsonTokenId.ID_FALSE:
        return nodes.booleanNode(false);
      case JsonTokenId.ID_NULL:
        return nodes.nullNode();
      default:
        return ctxt.readTree(p);
    }
  }

  private static double finite(JsonParser p) throws IOException {
    double d = p.getDoubleValue();
    if (!Double.isFinite(d)) {
      throw JsonMappingException.from(
          p, "the number " + p.getText() + " is out of the range of a 64-bit float");
    }
    return d;
  }

  static void writeUnknown(Map<String, Object> unknown, JsonGenerator g, SerializerProvider p)
      throws IOException {
    if (unknown.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Object> e : unknown.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() == null) {
        g.writeNull();
      } else {
        p.defaultSerializeValue(e.getValue(), g);
      }
    }
  }

  /** Adds {@code field} of {@code type} to the path of a failure while reading it. */
  static IOException wrap(Exception e, Class<?> type, String field, JsonParser p) {
    if (field == null) {
      return e instanceof IOException
          ? (IOException) e
          : JsonMappingException.from(p, String.valueOf(e.getMessage()), e);
    }
    return wrap(e, p, new JsonMappingException.Reference(type, field));
  }

  /** Adds list index {@code index} to the path of a failure while reading that element. */
  static IOException wrap(Exception e, int index, JsonParser p) {
    return wrap(e, p, new JsonMappingException.Reference(java.util.List.class, index));
  }

  private static IOException wrap(Exception e, JsonParser p, JsonMappingException.Reference at) {
    if (e instanceof JsonProcessingException && !(e instanceof JsonMappingException)) {
      return (IOException) e;
    }
    Throwable cause =
        e instanceof JsonMappingException ? e : JsonMappingException.from(p, e.getMessage(), e);
    return JsonMappingException.wrapWithPath(cause, at);
  }

  /**
   * A value-check or missing-field failure of a builder, as Jackson's typed instantiation error.
   */
  static IOException invalid(
      RuntimeException e, Class<?> type, JsonParser p, DeserializationContext ctxt) {
    return ValueInstantiationException.from(
        p,
        "Cannot build " + type.getSimpleName() + ": " + e.getMessage(),
        ctxt.constructType(type),
        e);
  }
}
