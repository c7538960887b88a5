package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type determines the format of the Subject Alternative Name. Always required.
 *
 * <p>Support: Core
 *
 * <p>Schema: {@code BackendTLSPolicy.spec.validation.subjectAltNames[].type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class SubjectAltNameType {
  /**
   * {@code Hostname}.
   */
  public static final SubjectAltNameType HOSTNAME = new SubjectAltNameType("Hostname");

  /**
   * {@code URI}.
   */
  public static final SubjectAltNameType URI = new SubjectAltNameType("URI");

  private static final List<SubjectAltNameType> KNOWN = List.of(HOSTNAME, URI);

  private final String value;

  private SubjectAltNameType(String value) {
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
  public static SubjectAltNameType of(String value) {
    Objects.requireNonNull(value, "value");
    for (SubjectAltNameType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new SubjectAltNameType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<SubjectAltNameType> knownValues() {
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
    return o instanceof SubjectAltNameType && ((SubjectAltNameType) o).value.equals(value);
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
