package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Mode defines the TLS behavior for the TLS session initiated by the client.
 * There are two possible modes:
 *
 * <p>- Terminate: The TLS session between the downstream client and the
 *   Gateway is terminated at the Gateway. This mode requires certificates
 *   to be specified in some way, such as populating the certificateRefs
 *   field.
 * - Passthrough: The TLS session is NOT terminated by the Gateway. This
 *   implies that the Gateway can't decipher the TLS stream except for
 *   the ClientHello message of the TLS protocol. The certificateRefs field
 *   is ignored in this mode.
 *
 * <p>Support: Core
 *
 * <p>Schema: {@code Gateway.spec.listeners[].tls.mode}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class TLSModeType {
  /**
   * {@code Terminate}.
   */
  public static final TLSModeType TERMINATE = new TLSModeType("Terminate");

  /**
   * {@code Passthrough}.
   */
  public static final TLSModeType PASSTHROUGH = new TLSModeType("Passthrough");

  private static final List<TLSModeType> KNOWN = List.of(TERMINATE, PASSTHROUGH);

  private final String value;

  private TLSModeType(String value) {
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
  public static TLSModeType of(String value) {
    Objects.requireNonNull(value, "value");
    for (TLSModeType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new TLSModeType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<TLSModeType> knownValues() {
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
    return o instanceof TLSModeType && ((TLSModeType) o).value.equals(value);
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
