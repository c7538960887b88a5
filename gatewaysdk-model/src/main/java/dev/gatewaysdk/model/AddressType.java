package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Type of the address.
 *
 * <p>Schema: {@code Gateway.spec.addresses[].type}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class AddressType {
  /**
   * {@code IPAddress}.
   */
  public static final AddressType IP_ADDRESS = new AddressType("IPAddress");

  /**
   * {@code Hostname}.
   */
  public static final AddressType HOSTNAME = new AddressType("Hostname");

  /**
   * {@code NamedAddress}.
   */
  public static final AddressType NAMED_ADDRESS = new AddressType("NamedAddress");

  private static final List<AddressType> KNOWN = List.of(IP_ADDRESS, HOSTNAME, NAMED_ADDRESS);

  private final String value;

  private AddressType(String value) {
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
  public static AddressType of(String value) {
    Objects.requireNonNull(value, "value");
    for (AddressType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new AddressType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<AddressType> knownValues() {
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
    return o instanceof AddressType && ((AddressType) o).value.equals(value);
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
