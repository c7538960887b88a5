package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type specifies how to match against the value of the query parameter.
 *
 * <p>Support: Extended (Exact)
 *
 * <p>Support: Implementation-specific (RegularExpression)
 *
 * <p>Since RegularExpression QueryParamMatchType has Implementation-specific
 * conformance, implementations can support POSIX, PCRE or any other
 * dialects of regular expressions. Please read the implementation's
 * documentation to determine the supported dialect.
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].matches[].queryParams[].type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class QueryParamMatchType {
  /**
   * {@code Exact}.
   */
  public static final QueryParamMatchType EXACT = new QueryParamMatchType("Exact");

  /**
   * {@code RegularExpression}.
   */
  public static final QueryParamMatchType REGULAR_EXPRESSION = new QueryParamMatchType("RegularExpression");

  private static final List<QueryParamMatchType> KNOWN = List.of(EXACT, REGULAR_EXPRESSION);

  private final String value;

  private QueryParamMatchType(String value) {
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
  public static QueryParamMatchType of(String value) {
    Objects.requireNonNull(value, "value");
    for (QueryParamMatchType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new QueryParamMatchType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<QueryParamMatchType> knownValues() {
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
    return o instanceof QueryParamMatchType && ((QueryParamMatchType) o).value.equals(value);
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
