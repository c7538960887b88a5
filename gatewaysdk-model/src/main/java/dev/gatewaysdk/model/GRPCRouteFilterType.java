package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type identifies the type of filter to apply. As with other API fields,
 * types are classified into three conformance levels:
 *
 * <p>- Core: Filter types and their corresponding configuration defined by
 *   "Support: Core" in this package, e.g. "RequestHeaderModifier". All
 *   implementations supporting GRPCRoute MUST support core filters.
 *
 * <p>- Extended: Filter types and their corresponding configuration defined by
 *   "Support: Extended" in this package, e.g. "RequestMirror". Implementers
 *   are encouraged to support extended filters.
 *
 * <p>- Implementation-specific: Filters that are defined and supported by specific vendors.
 *   In the future, filters showing convergence in behavior across multiple
 *   implementations will be considered for inclusion in extended or core
 *   conformance levels. Filter-specific configuration for such filters
 *   is specified using the ExtensionRef field. `Type` MUST be set to
 *   "ExtensionRef" for custom filters.
 *
 * <p>Implementers are encouraged to define custom implementation types to
 * extend the core API with implementation-specific behavior.
 *
 * <p>If a reference to a custom filter type cannot be resolved, the filter
 * MUST NOT be skipped. Instead, requests that would have been processed by
 * that filter MUST receive a HTTP error response.
 *
 * <p>Schema: {@code GRPCRoute.spec.rules[].filters[].type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class GRPCRouteFilterType {
  /**
   * {@code ResponseHeaderModifier}.
   */
  public static final GRPCRouteFilterType RESPONSE_HEADER_MODIFIER = new GRPCRouteFilterType("ResponseHeaderModifier");

  /**
   * {@code RequestHeaderModifier}.
   */
  public static final GRPCRouteFilterType REQUEST_HEADER_MODIFIER = new GRPCRouteFilterType("RequestHeaderModifier");

  /**
   * {@code RequestMirror}.
   */
  public static final GRPCRouteFilterType REQUEST_MIRROR = new GRPCRouteFilterType("RequestMirror");

  /**
   * {@code ExtensionRef}.
   */
  public static final GRPCRouteFilterType EXTENSION_REF = new GRPCRouteFilterType("ExtensionRef");

  private static final List<GRPCRouteFilterType> KNOWN = List.of(RESPONSE_HEADER_MODIFIER, REQUEST_HEADER_MODIFIER, REQUEST_MIRROR, EXTENSION_REF);

  private final String value;

  private GRPCRouteFilterType(String value) {
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
  public static GRPCRouteFilterType of(String value) {
    Objects.requireNonNull(value, "value");
    for (GRPCRouteFilterType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new GRPCRouteFilterType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<GRPCRouteFilterType> knownValues() {
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
