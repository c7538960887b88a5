package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * One rule of a {@link GRPCRoute}.
 *
 * <pre>{@code
 * GRPCRouteRule rule = GRPCRouteRule.builder().method("com.example.User", "Login").backend("auth", 50051).build();
 * }</pre>
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
public abstract class GRPCRouteRule extends GRPCRouteRuleBase implements WithGRPCRouteRule {
  GRPCRouteRule() {}

  /** Builds {@link GRPCRouteRule} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCRouteRule.Builder {
    Builder() {}

    /** Adds a match of exactly service {@code service} and method {@code method}. */
    public Builder method(String service, String method) {
      return addMatch(
          GRPCRouteMatch.builder().method(GRPCMethodMatch.exact(service, method)).build());
    }

    /** Adds a match of every method of service {@code service}. */
    public Builder service(String service) {
      return addMatch(
          GRPCRouteMatch.builder()
              .method(GRPCMethodMatch.builder().service(service).build())
              .build());
    }

    /** Adds a match configured by {@code match}. */
    public Builder match(java.util.function.Consumer<GRPCRouteMatch.Builder> match) {
      GRPCRouteMatch.Builder b = GRPCRouteMatch.builder();
      match.accept(b);
      return addMatch(b.build());
    }

    /**
     * Sends traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    public Builder backend(String service, int port) {
      return addBackendRef(GRPCBackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    public Builder backend(String service, int port, int weight) {
      return addBackendRef(GRPCBackendRef.of(service, port, weight));
    }
  }
}
