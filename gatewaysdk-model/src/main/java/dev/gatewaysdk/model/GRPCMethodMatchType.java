package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type specifies how to match against the service and/or method.
 * Support: Core (Exact with service and method specified)
 *
 * <p>Support: Implementation-specific (Exact with method specified but no service specified)
 *
 * <p>Support: Implementation-specific (RegularExpression)
 *
 * <p>Schema: {@code GRPCRoute.spec.rules[].matches[].method.type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class GRPCMethodMatchType {
  /**
   * {@code Exact}.
   */
  public static final GRPCMethodMatchType EXACT = new GRPCMethodMatchType("Exact");

  /**
   * {@code RegularExpression}.
   */
  public static final GRPCMethodMatchType REGULAR_EXPRESSION = new GRPCMethodMatchType("RegularExpression");

  private static final List<GRPCMethodMatchType> KNOWN = List.of(EXACT, REGULAR_EXPRESSION);

  private final String value;

  private GRPCMethodMatchType(String value) {
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
  public static GRPCMethodMatchType of(String value) {
    Objects.requireNonNull(value, "value");
    for (GRPCMethodMatchType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new GRPCMethodMatchType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<GRPCMethodMatchType> knownValues() {
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
    return o instanceof GRPCMethodMatchType && ((GRPCMethodMatchType) o).value.equals(value);
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
