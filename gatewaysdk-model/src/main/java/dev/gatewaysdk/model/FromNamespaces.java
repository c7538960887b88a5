package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * From indicates where Routes will be selected for this Gateway. Possible
 * values are:
 *
 * <p>* All: Routes in all namespaces may be used by this Gateway.
 * * Selector: Routes in namespaces selected by the selector may be used by
 *   this Gateway.
 * * Same: Only Routes in the same namespace may be used by this Gateway.
 *
 * <p>Support: Core
 *
 * <p>Schema: {@code Gateway.spec.listeners[].allowedRoutes.namespaces.from}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class FromNamespaces {
  /**
   * {@code All}.
   */
  public static final FromNamespaces ALL = new FromNamespaces("All");

  /**
   * {@code Selector}.
   */
  public static final FromNamespaces SELECTOR = new FromNamespaces("Selector");

  /**
   * {@code Same}.
   */
  public static final FromNamespaces SAME = new FromNamespaces("Same");

  /**
   * {@code None}.
   */
  public static final FromNamespaces NONE = new FromNamespaces("None");

  private static final List<FromNamespaces> KNOWN = List.of(ALL, SELECTOR, SAME, NONE);

  private final String value;

  private FromNamespaces(String value) {
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
  public static FromNamespaces of(String value) {
    Objects.requireNonNull(value, "value");
    for (FromNamespaces k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new FromNamespaces(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<FromNamespaces> knownValues() {
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
    return o instanceof FromNamespaces && ((FromNamespaces) o).value.equals(value);
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
