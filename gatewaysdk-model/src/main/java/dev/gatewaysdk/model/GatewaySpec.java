package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The desired state of a {@link Gateway}: its class, listeners, addresses and TLS settings.
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
public abstract class GatewaySpec implements WithGatewaySpec {
  GatewaySpec() {}

  /** The {@link GatewayClass} (controller) that implements this Gateway. */
  public abstract String gatewayClassName();

  /**
   * The ports, protocols and hostnames the Gateway accepts. Written even when empty, as the schema
   * requires the field.
   */
  public abstract List<Listener> listeners();

  /** Requested addresses. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<GatewaySpecAddress> addresses();

  /** Labels, annotations and parameters for the resources the controller creates. */
  public abstract Optional<GatewayInfrastructure> infrastructure();

  /** Which {@link ListenerSet}s may attach listeners. */
  public abstract Optional<AllowedListeners> allowedListeners();

  /** Gateway-wide TLS settings (client certificate validation, backend client certificate). */
  public abstract Optional<GatewayTLSConfig> tls();

  /** Whether this is a default Gateway for routes that ask for one. */
  public abstract Optional<GatewayDefaultScope> defaultScope();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link GatewaySpec} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGatewaySpec.Builder {
    Builder() {}
  }
}
