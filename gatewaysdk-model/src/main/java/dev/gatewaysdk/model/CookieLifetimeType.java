package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * LifetimeType specifies whether the cookie has a permanent or
 * session-based lifetime. A permanent cookie persists until its
 * specified expiry time, defined by the Expires or Max-Age cookie
 * attributes, while a session cookie is deleted when the current
 * session ends.
 *
 * <p>When set to "Permanent", AbsoluteTimeout indicates the
 * cookie's lifetime via the Expires or Max-Age cookie attributes
 * and is required.
 *
 * <p>When set to "Session", AbsoluteTimeout indicates the
 * absolute lifetime of the cookie tracked by the gateway and
 * is optional.
 *
 * <p>Defaults to "Session".
 *
 * <p>Support: Core for "Session" type
 *
 * <p>Support: Extended for "Permanent" type
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].sessionPersistence.cookieConfig.lifetimeType}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class CookieLifetimeType {
  /**
   * {@code Permanent}.
   */
  public static final CookieLifetimeType PERMANENT = new CookieLifetimeType("Permanent");

  /**
   * {@code Session}.
   */
  public static final CookieLifetimeType SESSION = new CookieLifetimeType("Session");

  private static final List<CookieLifetimeType> KNOWN = List.of(PERMANENT, SESSION);

  private final String value;

  private CookieLifetimeType(String value) {
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
  public static CookieLifetimeType of(String value) {
    Objects.requireNonNull(value, "value");
    for (CookieLifetimeType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new CookieLifetimeType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<CookieLifetimeType> knownValues() {
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
    return o instanceof CookieLifetimeType && ((CookieLifetimeType) o).value.equals(value);
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
