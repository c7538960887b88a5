package dev.gatewaysdk.core;

import java.util.Locale;

/**
 * What to do with fields the schema does not declare (and duplicate fields), as the API server's
 * {@code fieldValidation} query parameter: {@link #STRICT} fails the request (400 {@code strict
 * decoding error: unknown field "spec.foo"}), {@link #WARN} accepts it with a warning, {@link
 * #IGNORE} drops the fields silently. Either way unknown fields are pruned from what would be
 * stored. Used for writes ({@link WriteOptions}, {@link ApplyOptions}) and for offline validation
 * ({@code core.validation}).
 */
public enum FieldValidation {
  /** Drop unknown fields silently. */
  IGNORE,
  /** Drop them and return a warning (the server's default). */
  WARN,
  /** Reject the request, naming the fields. */
  STRICT;

  /**
   * Parses {@code Strict}, {@code Warn} or {@code Ignore} in any case, as the query parameter
   * spells them.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FieldValidation parse(String text) {
    for (FieldValidation v : values()) {
      if (v.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("fieldValidation must be Strict, Warn or Ignore: " + text);
  }

  /** The query parameter value: {@code Strict}, {@code Warn}, {@code Ignore}. */
  public String value() {
    String n = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
