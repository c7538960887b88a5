package dev.gatewaysdk.core;

/** The server's handling of unknown or duplicate fields in a write ({@code fieldValidation}). */
public enum FieldValidation {
  /** Drop unknown fields silently. */
  IGNORE("Ignore"),
  /** Drop them and return a warning (the server's default). */
  WARN("Warn"),
  /** Reject the request, naming the fields. */
  STRICT("Strict");

  private final String value;

  FieldValidation(String value) {
    this.value = value;
  }

  /** The query parameter value: {@code Strict}. */
  public String value() {
    return value;
  }
}
