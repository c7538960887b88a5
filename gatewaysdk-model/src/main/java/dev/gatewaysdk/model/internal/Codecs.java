package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;

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

  /** An unknown field's value as plain data (maps, lists, strings, numbers, booleans). */
  static Object unknown(JsonParser p, DeserializationContext ctxt) throws IOException {
    return ctxt.readValue(p, Object.class);
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
