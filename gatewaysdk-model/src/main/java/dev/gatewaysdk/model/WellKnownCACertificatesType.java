package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * WellKnownCACertificates specifies whether a well-known set of CA certificates
 * may be used in the TLS handshake between the gateway and backend pod.
 *
 * <p>If WellKnownCACertificates is unspecified or empty (""), then CACertificateRefs
 * must be specified with at least one entry for a valid configuration. Only one of
 * CACertificateRefs or WellKnownCACertificates may be specified, not both.
 * If an implementation does not support the WellKnownCACertificates field, or
 * the supplied value is not recognized, the implementation MUST ensure the
 * `Accepted` Condition on the BackendTLSPolicy is set to `status: False`, with
 * a Reason `Invalid`.
 *
 * <p>Valid values include:
 * * "System" - indicates that well-known system CA certificates should be used.
 *
 * <p>Implementations MAY define their own sets of CA certificates. Such definitions
 * MUST use an implementation-specific, prefixed name, such as
 * `mycompany.com/my-custom-ca-certificates`.
 *
 * <p>Support: Implementation-specific
 *
 * <p>Schema: {@code BackendTLSPolicy.spec.validation.wellKnownCACertificates}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class WellKnownCACertificatesType {
  /**
   * {@code System}.
   */
  public static final WellKnownCACertificatesType SYSTEM = new WellKnownCACertificatesType("System");

  private static final List<WellKnownCACertificatesType> KNOWN = List.of(SYSTEM);

  private final String value;

  private WellKnownCACertificatesType(String value) {
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
  public static WellKnownCACertificatesType of(String value) {
    Objects.requireNonNull(value, "value");
    for (WellKnownCACertificatesType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new WellKnownCACertificatesType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<WellKnownCACertificatesType> knownValues() {
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
    return o instanceof WellKnownCACertificatesType && ((WellKnownCACertificatesType) o).value.equals(value);
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
