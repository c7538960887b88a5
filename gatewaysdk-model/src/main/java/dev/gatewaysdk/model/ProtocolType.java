package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Protocol specifies the network protocol this listener expects to receive.
 *
 * <p>Support: Core
 *
 * <p>Schema: {@code Gateway.spec.listeners[].protocol}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class ProtocolType {
  /**
   * {@code HTTP}.
   */
  public static final ProtocolType HTTP = new ProtocolType("HTTP");

  /**
   * {@code HTTPS}.
   */
  public static final ProtocolType HTTPS = new ProtocolType("HTTPS");

  /**
   * {@code TLS}.
   */
  public static final ProtocolType TLS = new ProtocolType("TLS");

  /**
   * {@code TCP}.
   */
  public static final ProtocolType TCP = new ProtocolType("TCP");

  /**
   * {@code UDP}.
   */
  public static final ProtocolType UDP = new ProtocolType("UDP");

  private static final List<ProtocolType> KNOWN = List.of(HTTP, HTTPS, TLS, TCP, UDP);

  private final String value;

  private ProtocolType(String value) {
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
  public static ProtocolType of(String value) {
    Objects.requireNonNull(value, "value");
    for (ProtocolType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new ProtocolType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<ProtocolType> knownValues() {
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
    return o instanceof ProtocolType && ((ProtocolType) o).value.equals(value);
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
