package dev.gatewaysdk.core.validation;

import dev.gatewaysdk.core.FieldValidation;
import java.util.Objects;

/**
 * One reason an object is invalid, shaped like a {@code StatusCause} of the API server's 422
 * response: the field path ({@code spec.rules[0].backendRefs[1].weight}), the reason ({@link
 * #FIELD_VALUE_INVALID} ...) and the message body as the server words it ({@code Invalid value:
 * 1000001: spec.rules[0]... should be less than or equal to 1000000}). Immutable.
 */
public final class Cause {
  public static final String FIELD_VALUE_INVALID = "FieldValueInvalid";
  public static final String FIELD_VALUE_REQUIRED = "FieldValueRequired";
  public static final String FIELD_VALUE_NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String FIELD_VALUE_DUPLICATE = "FieldValueDuplicate";
  public static final String FIELD_VALUE_TOO_LONG = "FieldValueTooLong";
  public static final String FIELD_VALUE_TOO_MANY = "FieldValueTooMany";
  public static final String FIELD_VALUE_FORBIDDEN = "FieldValueForbidden";
  public static final String FIELD_VALUE_TYPE_INVALID = "FieldValueTypeInvalid";
  public static final String INTERNAL_ERROR = "InternalError";

  /**
   * A field the schema does not declare, under {@link FieldValidation#STRICT}. The API server
   * reports these as a 400 {@code strict decoding error}, not as a 422 cause; see {@link
   * ValidationResult#statusCode()}.
   */
  public static final String FIELD_VALUE_UNKNOWN = "FieldValueUnknown";

  /** The object's apiVersion/kind is not served by the CRDs at hand. */
  public static final String KIND_NOT_SERVED = "KindNotServed";

  private final String field;
  private final String reason;
  private final String message;

  private Cause(String field, String reason, String message) {
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** A cause; {@code field} may be empty for the whole object. */
  public static Cause of(String field, String reason, String message) {
    return new Cause(field, reason, message);
  }

  /**
   * The field path, e.g. {@code spec.rules[0].backendRefs[1].weight}; empty for the whole object.
   */
  public String field() {
    return field;
  }

  /** The cause type as the API server names it, e.g. {@code FieldValueInvalid}. */
  public String reason() {
    return reason;
  }

  /**
   * The message body without the field, e.g. {@code Invalid value: "object": Must have port for
   * Service reference}.
   */
  public String message() {
    return message;
  }

  /** {@code field: message}, as the API server joins them in its status message. */
  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cause c
        && c.field.equals(field)
        && c.reason.equals(reason)
        && c.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, reason, message);
  }
}
