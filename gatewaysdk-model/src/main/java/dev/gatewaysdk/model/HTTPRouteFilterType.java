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
 *   implementations must support core filters.
 *
 * <p>- Extended: Filter types and their corresponding configuration defined by
 *   "Support: Extended" in this package, e.g. "RequestMirror". Implementers
 *   are encouraged to support extended filters.
 *
 * <p>- Implementation-specific: Filters that are defined and supported by
 *   specific vendors.
 *   In the future, filters showing convergence in behavior across multiple
 *   implementations will be considered for inclusion in extended or core
 *   conformance levels. Filter-specific configuration for such filters
 *   is specified using the ExtensionRef field. `Type` should be set to
 *   "ExtensionRef" for custom filters.
 *
 * <p>Implementers are encouraged to define custom implementation types to
 * extend the core API with implementation-specific behavior.
 *
 * <p>If a reference to a custom filter type cannot be resolved, the filter
 * MUST NOT be skipped. Instead, requests that would have been processed by
 * that filter MUST receive a HTTP error response.
 *
 * <p>Note that values may be added to this enum, implementations
 * must ensure that unknown values will not cause a crash.
 *
 * <p>Unknown values here must result in the implementation setting the
 * Accepted Condition for the Route to `status: False`, with a
 * Reason of `UnsupportedValue`.
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].filters[].type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class HTTPRouteFilterType {
  /**
   * {@code RequestHeaderModifier}.
   */
  public static final HTTPRouteFilterType REQUEST_HEADER_MODIFIER = new HTTPRouteFilterType("RequestHeaderModifier");

  /**
   * {@code ResponseHeaderModifier}.
   */
  public static final HTTPRouteFilterType RESPONSE_HEADER_MODIFIER = new HTTPRouteFilterType("ResponseHeaderModifier");

  /**
   * {@code RequestMirror}.
   */
  public static final HTTPRouteFilterType REQUEST_MIRROR = new HTTPRouteFilterType("RequestMirror");

  /**
   * {@code RequestRedirect}.
   */
  public static final HTTPRouteFilterType REQUEST_REDIRECT = new HTTPRouteFilterType("RequestRedirect");

  /**
   * {@code URLRewrite}.
   */
  public static final HTTPRouteFilterType URL_REWRITE = new HTTPRouteFilterType("URLRewrite");

  /**
   * {@code ExtensionRef}.
   */
  public static final HTTPRouteFilterType EXTENSION_REF = new HTTPRouteFilterType("ExtensionRef");

  /**
   * {@code CORS}.
   */
  public static final HTTPRouteFilterType CORS = new HTTPRouteFilterType("CORS");

  /**
   * {@code ExternalAuth}.
   */
  public static final HTTPRouteFilterType EXTERNAL_AUTH = new HTTPRouteFilterType("ExternalAuth");

  private static final List<HTTPRouteFilterType> KNOWN = List.of(REQUEST_HEADER_MODIFIER, RESPONSE_HEADER_MODIFIER, REQUEST_MIRROR, REQUEST_REDIRECT, URL_REWRITE, EXTENSION_REF, CORS, EXTERNAL_AUTH);

  private final String value;

  private HTTPRouteFilterType(String value) {
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
  public static HTTPRouteFilterType of(String value) {
    Objects.requireNonNull(value, "value");
    for (HTTPRouteFilterType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new HTTPRouteFilterType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<HTTPRouteFilterType> knownValues() {
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
    return o instanceof HTTPRouteFilterType && ((HTTPRouteFilterType) o).value.equals(value);
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
