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
 * The desired state of a {@link TLSRoute}.
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
public abstract class TLSRouteSpec implements WithTLSRouteSpec, CommonRouteSpec {
  TLSRouteSpec() {}

  /** The parents the route attaches to. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ParentReference> parentRefs();

  /** Whether the route also attaches to default Gateways. */
  public abstract Optional<GatewayDefaultScope> useDefaultGateways();

  /** SNI hostnames matched against the TLS handshake. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> hostnames();

  /** Rules: where connections go. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<TLSRouteRule> rules();

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

  /** Builds {@link TLSRouteSpec} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableTLSRouteSpec.Builder
      implements CommonRouteSpec.Builder<Builder> {
    Builder() {}

    /** Adds a rule configured by {@code rule}. */
    public Builder rule(java.util.function.Consumer<TLSRouteRule.Builder> rule) {
      TLSRouteRule.Builder b = TLSRouteRule.builder();
      rule.accept(b);
      return addRule(b.build());
    }
  }
}
