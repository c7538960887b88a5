package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * An address requested for a Gateway.
 *
 * <p>Immutable and thread-safe. Fields unknown to this SDK are kept in {@link #unknownFields()}.
 */
@Value.Immutable
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class GatewaySpecAddress extends GatewaySpecAddressBase
    implements WithGatewaySpecAddress {
  GatewaySpecAddress() {}

  /** The IP address {@code ip}. */
  public static GatewaySpecAddress ipAddress(String ip) {
    return builder().type(AddressType.IP_ADDRESS).value(ip).build();
  }

  /** The hostname {@code hostname}. */
  public static GatewaySpecAddress hostname(String hostname) {
    return builder().type(AddressType.HOSTNAME).value(hostname).build();
  }

  /** Builds {@link GatewaySpecAddress} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGatewaySpecAddress.Builder {
    Builder() {}
  }
}
