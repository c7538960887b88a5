package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * status of the condition, one of True, False, Unknown.
 *
 * <p>Schema: {@code Gateway.status.conditions[].status}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class ConditionStatus {
  /**
   * {@code True}.
   */
  public static final ConditionStatus TRUE = new ConditionStatus("True");

  /**
   * {@code False}.
   */
  public static final ConditionStatus FALSE = new ConditionStatus("False");

  /**
   * {@code Unknown}.
   */
  public static final ConditionStatus UNKNOWN = new ConditionStatus("Unknown");

  private static final List<ConditionStatus> KNOWN = List.of(TRUE, FALSE, UNKNOWN);

  private final String value;

  private ConditionStatus(String value) {
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
  public static ConditionStatus of(String value) {
    Objects.requireNonNull(value, "value");
    for (ConditionStatus k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new ConditionStatus(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<ConditionStatus> knownValues() {
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
    return o instanceof ConditionStatus && ((ConditionStatus) o).value.equals(value);
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
