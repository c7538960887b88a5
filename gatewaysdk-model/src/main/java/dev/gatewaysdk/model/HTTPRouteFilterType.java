package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The kind of an {@link HTTPRouteFilter}; it names which of the filter's fields is set.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and {@link #of(String)}
 * accepts and keeps any other value (newer Gateway API versions and implementations add values). Equality
 * is by value. Immutable and thread-safe.
 */
public final class HTTPRouteFilterType {
  /** {@code RequestHeaderModifier}. */
  public static final HTTPRouteFilterType REQUEST_HEADER_MODIFIER = new HTTPRouteFilterType("RequestHeaderModifier");
  /** {@code ResponseHeaderModifier}. */
  public static final HTTPRouteFilterType RESPONSE_HEADER_MODIFIER = new HTTPRouteFilterType("ResponseHeaderModifier");
  /** {@code RequestMirror}. */
  public static final HTTPRouteFilterType REQUEST_MIRROR = new HTTPRouteFilterType("RequestMirror");
  /** {@code RequestRedirect}. */
  public static final HTTPRouteFilterType REQUEST_REDIRECT = new HTTPRouteFilterType("RequestRedirect");
  /** {@code URLRewrite}. */
  public static final HTTPRouteFilterType URL_REWRITE = new HTTPRouteFilterType("URLRewrite");
  /** {@code ExtensionRef}. */
  public static final HTTPRouteFilterType EXTENSION_REF = new HTTPRouteFilterType("ExtensionRef");
  /** {@code CORS}. */
  public static final HTTPRouteFilterType CORS = new HTTPRouteFilterType("CORS");
  /** {@code ExternalAuth}. */
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
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static HTTPRouteFilterType of(String value) {
    Objects.requireNonNull(value, "value");
    for (HTTPRouteFilterType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new HTTPRouteFilterType(value);
  }

  /** The constants this SDK knows. */
  public static List<HTTPRouteFilterType> knownValues() {
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
