package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * Renders values the way the API server's field errors print them (Go's {@code %v} / {@code %q}).
 */
public final class GoValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoValues() {}

  /** Go's {@code %q} of a string: double-quoted with JSON-like escapes. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * A JSON value as a field error prints it: numbers and booleans bare, strings quoted, null as
   * "null".
   */
  public static String value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "\"null\"";
    }
    if (v.isTextual()) {
      return quote(v.asText());
    }
    if (v.isIntegralNumber() || v.isBoolean()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return number(v.decimalValue());
    }
    try {
      return JSON.writeValueAsString(v);
    } catch (Exception e) {
      return v.toString();
    }
  }

  /** A number as Go's {@code %v} prints an int64 or float64. */
  public static String number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 20) {
      return s.toBigInteger().toString();
    }
    return s.toPlainString();
  }

  /**
   * The JSON type name of a value, as the type check reports it ({@code "string"}, {@code
   * "integer"} ...).
   */
  public static String jsonType(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isArray()) {
      return "array";
    }
    return "object";
  }
}
