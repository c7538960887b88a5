package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Method specifies HTTP method matcher.
 * When specified, this route will be matched only if the request has the
 * specified method.
 *
 * <p>Support: Extended
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].matches[].method}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class HTTPMethod {
  /**
   * {@code GET}.
   */
  public static final HTTPMethod GET = new HTTPMethod("GET");

  /**
   * {@code HEAD}.
   */
  public static final HTTPMethod HEAD = new HTTPMethod("HEAD");

  /**
   * {@code POST}.
   */
  public static final HTTPMethod POST = new HTTPMethod("POST");

  /**
   * {@code PUT}.
   */
  public static final HTTPMethod PUT = new HTTPMethod("PUT");

  /**
   * {@code DELETE}.
   */
  public static final HTTPMethod DELETE = new HTTPMethod("DELETE");

  /**
   * {@code CONNECT}.
   */
  public static final HTTPMethod CONNECT = new HTTPMethod("CONNECT");

  /**
   * {@code OPTIONS}.
   */
  public static final HTTPMethod OPTIONS = new HTTPMethod("OPTIONS");

  /**
   * {@code TRACE}.
   */
  public static final HTTPMethod TRACE = new HTTPMethod("TRACE");

  /**
   * {@code PATCH}.
   */
  public static final HTTPMethod PATCH = new HTTPMethod("PATCH");

  private static final List<HTTPMethod> KNOWN = List.of(GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH);

  private final String value;

  private HTTPMethod(String value) {
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
  public static HTTPMethod of(String value) {
    Objects.requireNonNull(value, "value");
    for (HTTPMethod k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new HTTPMethod(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<HTTPMethod> knownValues() {
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
    return o instanceof HTTPMethod && ((HTTPMethod) o).value.equals(value);
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
