package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Routes gRPC requests from Gateway listeners to backends by service, method and metadata headers.
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link
 * #apiVersion()}, default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)}
 * re-targets it. Fields unknown to this SDK are kept in {@link #unknownFields()} and written back
 * unchanged.
 *
 * <pre>{@code
 * GRPCRoute route = GRPCRoute.builder().name("users").namespace("default").parentRef("gw")
 *     .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@GatewayApiKindStyle
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class GRPCRoute implements Route {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "GRPCRoute";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION =
      GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  GRPCRoute() {}

  @Override
  @Value.Default
  @JsonProperty("apiVersion")
  public String apiVersion() {
    return DEFAULT_API_VERSION;
  }

  @Override
  @JsonProperty("kind")
  public final String kind() {
    return KIND;
  }

  @Override
  @JsonProperty("metadata")
  public abstract ObjectMeta metadata();

  /** The desired state. */
  @Override
  @JsonProperty("spec")
  public abstract GRPCRouteSpec spec();

  /** The observed state written by controllers, if any. */
  @Override
  @JsonProperty("status")
  public abstract Optional<RouteStatus> status();

  @Override
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /**
   * A copy with API version {@code apiVersion}, such as {@code gateway.networking.k8s.io/v1beta1}.
   *
   * @throws IllegalArgumentException if {@code apiVersion} is not of the group {@value
   *     GatewayApiKind#GROUP}
   */
  @Override
  public abstract GRPCRoute withApiVersion(String apiVersion);

  @Override
  public abstract GRPCRoute withMetadata(ObjectMeta metadata);

  /** A copy with {@code spec}. */
  public abstract GRPCRoute withSpec(GRPCRouteSpec spec);

  /** A copy with {@code status}. */
  @Override
  public abstract GRPCRoute withStatus(RouteStatus status);

  abstract GRPCRoute withStatus(Optional<? extends RouteStatus> status);

  /** A copy without status, as sent when creating or updating the spec. */
  public GRPCRoute withoutStatus() {
    return status().isPresent() ? withStatus(Optional.empty()) : this;
  }

  @Value.Check
  void check() {
    Checks.apiVersion(apiVersion());
  }

  /** A new builder with API version {@value #DEFAULT_API_VERSION}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /**
   * Builds {@link GRPCRoute} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},
   * {@link #label(String, String)}, ...) edit the metadata set so far ({@link #metadataBuilder()}),
   * and spec shortcuts edit the spec set so far ({@link #specBuilder()}). A spec's required fields
   * are checked by {@link #build()}.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCRoute.Builder
      implements RouteBuilder<Builder> {
    Builder() {
      metadataBuilder();
      specBuilder();
    }

    @JsonProperty("kind")
    private Builder kind(String kind) {
      Checks.check(KIND.equals(kind), "kind must be " + KIND + ": " + kind);
      return this;
    }

    /**
     * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
     * route serves.
     */
    public Builder hostname(String hostname) {
      specBuilder().addHostname(hostname);
      return this;
    }

    /** Adds {@code rule}. */
    public Builder rule(GRPCRouteRule rule) {
      specBuilder().addRule(rule);
      return this;
    }

    /** Adds a rule configured by {@code rule}. */
    public Builder rule(Consumer<GRPCRouteRule.Builder> rule) {
      specBuilder().rule(rule);
      return this;
    }
  }
}
