package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * The desired state of a {@link GRPCRoute}.
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
public abstract class GRPCRouteSpec extends GRPCRouteSpecBase
    implements WithGRPCRouteSpec, CommonRouteSpec {
  GRPCRouteSpec() {}

  /** Builds {@link GRPCRouteSpec} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCRouteSpec.Builder
      implements CommonRouteSpec.Builder<Builder> {
    Builder() {}

    /** Adds a rule configured by {@code rule}. */
    public Builder rule(java.util.function.Consumer<GRPCRouteRule.Builder> rule) {
      GRPCRouteRule.Builder b = GRPCRouteRule.builder();
      rule.accept(b);
      return addRule(b.build());
    }
  }
}
