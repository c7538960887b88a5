package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The kind of a {@link GRPCRouteFilter}; it names which of the filter's fields is set.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and {@link #of(String)}
 * accepts and keeps any other value (newer Gateway API versions and implementations add values). Equality
 * is by value. Immutable and thread-safe.
 */
public final class GRPCRouteFilterType {
  /** {@code RequestHeaderModifier}. */
  public static final GRPCRouteFilterType REQUEST_HEADER_MODIFIER = new GRPCRouteFilterType("RequestHeaderModifier");
  /** {@code ResponseHeaderModifier}. */
  public static final GRPCRouteFilterType RESPONSE_HEADER_MODIFIER = new GRPCRouteFilterType("ResponseHeaderModifier");
  /** {@code RequestMirror}. */
  public static final GRPCRouteFilterType REQUEST_MIRROR = new GRPCRouteFilterType("RequestMirror");
  /** {@code ExtensionRef}. */
  public static final GRPCRouteFilterType EXTENSION_REF = new GRPCRouteFilterType("ExtensionRef");

  private static final List<GRPCRouteFilterType> KNOWN = List.of(REQUEST_HEADER_MODIFIER, RESPONSE_HEADER_MODIFIER, REQUEST_MIRROR, EXTENSION_REF);

  private final String value;

  private GRPCRouteFilterType(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static GRPCRouteFilterType of(String value) {
    Objects.requireNonNull(value, "value");
    for (GRPCRouteFilterType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new GRPCRouteFilterType(value);
  }

  /** The constants this SDK knows. */
  public static List<GRPCRouteFilterType> knownValues() {
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
    return o instanceof GRPCRouteFilterType && ((GRPCRouteFilterType) o).value.equals(value);
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
