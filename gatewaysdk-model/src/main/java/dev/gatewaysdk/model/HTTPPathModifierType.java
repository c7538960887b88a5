package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type defines the type of path modifier. Additional types may be
 * added in a future release of the API.
 *
 * <p>Note that values may be added to this enum, implementations
 * must ensure that unknown values will not cause a crash.
 *
 * <p>Unknown values here must result in the implementation setting the
 * Accepted Condition for the Route to `status: False`, with a
 * Reason of `UnsupportedValue`.
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].filters[].urlRewrite.path.type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class HTTPPathModifierType {
  /**
   * {@code ReplaceFullPath}.
   */
  public static final HTTPPathModifierType REPLACE_FULL_PATH = new HTTPPathModifierType("ReplaceFullPath");

  /**
   * {@code ReplacePrefixMatch}.
   */
  public static final HTTPPathModifierType REPLACE_PREFIX_MATCH = new HTTPPathModifierType("ReplacePrefixMatch");

  private static final List<HTTPPathModifierType> KNOWN = List.of(REPLACE_FULL_PATH, REPLACE_PREFIX_MATCH);

  private final String value;

  private HTTPPathModifierType(String value) {
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
  public static HTTPPathModifierType of(String value) {
    Objects.requireNonNull(value, "value");
    for (HTTPPathModifierType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new HTTPPathModifierType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<HTTPPathModifierType> knownValues() {
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
    return o instanceof HTTPPathModifierType && ((HTTPPathModifierType) o).value.equals(value);
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
