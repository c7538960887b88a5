package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type specifies how to match against the path Value.
 *
 * <p>Support: Core (Exact, PathPrefix)
 *
 * <p>Support: Implementation-specific (RegularExpression)
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].matches[].path.type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class PathMatchType {
  /**
   * {@code Exact}.
   */
  public static final PathMatchType EXACT = new PathMatchType("Exact");

  /**
   * {@code PathPrefix}.
   */
  public static final PathMatchType PATH_PREFIX = new PathMatchType("PathPrefix");

  /**
   * {@code RegularExpression}.
   */
  public static final PathMatchType REGULAR_EXPRESSION = new PathMatchType("RegularExpression");

  private static final List<PathMatchType> KNOWN = List.of(EXACT, PATH_PREFIX, REGULAR_EXPRESSION);

  private final String value;

  private PathMatchType(String value) {
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
  public static PathMatchType of(String value) {
    Objects.requireNonNull(value, "value");
    for (PathMatchType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new PathMatchType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<PathMatchType> knownValues() {
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
    return o instanceof PathMatchType && ((PathMatchType) o).value.equals(value);
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
