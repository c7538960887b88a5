package dev.gatewaysdk.canary;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request condition that sends matching requests to the canary before (or besides) weighted
 * traffic: an exact header, a cookie, or an exact query parameter (A/B tests, "testers first").
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * CanaryMatch testers = CanaryMatch.header("x-canary", "always");
 * CanaryMatch beta = CanaryMatch.cookie("beta", "yes");
 * }</pre>
 */
public final class CanaryMatch {
  /** What part of the request is matched. */
  public enum Type {
    HEADER,
    COOKIE,
    QUERY_PARAM
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]+");

  private final Type type;
  private final String name;
  private final String value;

  private CanaryMatch(Type type, String name, String value) {
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          type.name().toLowerCase(java.util.Locale.ROOT) + " name must be a token: " + name);
    }
    if (value == null || value.isEmpty() || value.length() > 4096) {
      throw new IllegalArgumentException(
          "value of " + name + " must be 1..4096 characters: " + value);
    }
    this.type = type;
    this.name = name;
    this.value = value;
  }

  /** Requests with header {@code name} exactly {@code value}. */
  public static CanaryMatch header(String name, String value) {
    return new CanaryMatch(Type.HEADER, name, value);
  }

  /**
   * Requests carrying cookie {@code name=value} (a regular expression match on the {@code Cookie}
   * header).
   */
  public static CanaryMatch cookie(String name, String value) {
    return new CanaryMatch(Type.COOKIE, name, value);
  }

  /** Requests with query parameter {@code name} exactly {@code value} (HTTPRoute only). */
  public static CanaryMatch queryParam(String name, String value) {
    return new CanaryMatch(Type.QUERY_PARAM, name, value);
  }

  public Type type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanaryMatch
        && ((CanaryMatch) o).type == type
        && ((CanaryMatch) o).name.equals(name)
        && ((CanaryMatch) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, value);
  }

  /** {@code header x-canary=always}. */
  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + " "
        + name
        + "="
        + value;
  }
}
