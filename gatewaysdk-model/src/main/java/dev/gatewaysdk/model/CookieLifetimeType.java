package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Whether a session cookie outlives the browser session.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and {@link #of(String)}
 * accepts and keeps any other value (newer Gateway API versions and implementations add values). Equality
 * is by value. Immutable and thread-safe.
 */
public final class CookieLifetimeType {
  /** {@code Session}. */
  public static final CookieLifetimeType SESSION = new CookieLifetimeType("Session");
  /** {@code Permanent}. */
  public static final CookieLifetimeType PERMANENT = new CookieLifetimeType("Permanent");

  private static final List<CookieLifetimeType> KNOWN = List.of(SESSION, PERMANENT);

  private final String value;

  private CookieLifetimeType(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CookieLifetimeType of(String value) {
    Objects.requireNonNull(value, "value");
    for (CookieLifetimeType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new CookieLifetimeType(value);
  }

  /** The constants this SDK knows. */
  public static List<CookieLifetimeType> knownValues() {
    return KNOWN;
  }

  /** Whether this is one of the {@link #knownValues() known values}. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** The value as written in manifests. */
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
