package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Whether a route attaches to default Gateways, or a Gateway is a default one.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and {@link #of(String)}
 * accepts and keeps any other value (newer Gateway API versions and implementations add values). Equality
 * is by value. Immutable and thread-safe.
 */
public final class GatewayDefaultScope {
  /** {@code All}. */
  public static final GatewayDefaultScope ALL = new GatewayDefaultScope("All");
  /** {@code None}. */
  public static final GatewayDefaultScope NONE = new GatewayDefaultScope("None");

  private static final List<GatewayDefaultScope> KNOWN = List.of(ALL, NONE);

  private final String value;

  private GatewayDefaultScope(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static GatewayDefaultScope of(String value) {
    Objects.requireNonNull(value, "value");
    for (GatewayDefaultScope k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new GatewayDefaultScope(value);
  }

  /** The constants this SDK knows. */
  public static List<GatewayDefaultScope> knownValues() {
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
    return o instanceof GatewayDefaultScope && ((GatewayDefaultScope) o).value.equals(value);
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
