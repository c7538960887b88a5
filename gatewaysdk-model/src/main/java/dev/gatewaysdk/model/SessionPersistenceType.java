package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type defines the type of session persistence such as through
 * the use of a header or cookie. Defaults to cookie based session
 * persistence.
 *
 * <p>Support: Core for "Cookie" type
 *
 * <p>Support: Extended for "Header" type
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].sessionPersistence.type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class SessionPersistenceType {
  /**
   * {@code Cookie}.
   */
  public static final SessionPersistenceType COOKIE = new SessionPersistenceType("Cookie");

  /**
   * {@code Header}.
   */
  public static final SessionPersistenceType HEADER = new SessionPersistenceType("Header");

  private static final List<SessionPersistenceType> KNOWN = List.of(COOKIE, HEADER);

  private final String value;

  private SessionPersistenceType(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(
      mode = JsonCreator.Mode.DELEGATING
  )
  public static SessionPersistenceType of(String value) {
    Objects.requireNonNull(value, "value");
    for (SessionPersistenceType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new SessionPersistenceType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<SessionPersistenceType> knownValues() {
    return KNOWN;
  }

  /**
   * Whether this is one of the {@link #knownValues() known values}.
   */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /**
   * The value as written in manifests.
   */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionPersistenceType && ((SessionPersistenceType) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
