package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A named set of trusted CA certificates for backend TLS.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and {@link #of(String)}
 * accepts and keeps any other value (newer Gateway API versions and implementations add values). Equality
 * is by value. Immutable and thread-safe.
 */
public final class WellKnownCACertificatesType {
  /** {@code System}: The trust store of the Gateway implementation's system. */
  public static final WellKnownCACertificatesType SYSTEM = new WellKnownCACertificatesType("System");

  private static final List<WellKnownCACertificatesType> KNOWN = List.of(SYSTEM);

  private final String value;

  private WellKnownCACertificatesType(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WellKnownCACertificatesType of(String value) {
    Objects.requireNonNull(value, "value");
    for (WellKnownCACertificatesType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new WellKnownCACertificatesType(value);
  }

  /** The constants this SDK knows. */
  public static List<WellKnownCACertificatesType> knownValues() {
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
    return o instanceof WellKnownCACertificatesType && ((WellKnownCACertificatesType) o).value.equals(value);
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
