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
import org.immutables.value.Value;

/**
 * A cluster-scoped class of Gateways implemented by one controller.
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link
 * #apiVersion()}, default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)}
 * re-targets it. Fields unknown to this SDK are kept in {@link #unknownFields()} and written back
 * unchanged.
 *
 * <pre>{@code
 * GatewayClass envoy = GatewayClass.builder().name("envoy")
 *     .controllerName("gateway.envoyproxy.io/gatewayclass-controller").build();
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
public abstract class GatewayClass implements GatewayApiObject {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "GatewayClass";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION =
      GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  GatewayClass() {}

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
  @JsonProperty("spec")
  public abstract GatewayClassSpec spec();

  /** The observed state written by controllers, if any. */
  @JsonProperty("status")
  public abstract Optional<GatewayClassStatus> status();

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
  public abstract GatewayClass withApiVersion(String apiVersion);

  @Override
  public abstract GatewayClass withMetadata(ObjectMeta metadata);

  /** A copy with {@code spec}. */
  public abstract GatewayClass withSpec(GatewayClassSpec spec);

  /** A copy with {@code status}. */
  public abstract GatewayClass withStatus(GatewayClassStatus status);

  abstract GatewayClass withStatus(Optional<? extends GatewayClassStatus> status);

  /** A copy without status, as sent when creating or updating the spec. */
  public GatewayClass withoutStatus() {
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
   * Builds {@link GatewayClass} objects; not thread-safe. Metadata shortcuts ({@link
   * #name(String)}, {@link #label(String, String)}, ...) edit the metadata set so far ({@link
   * #metadataBuilder()}), and spec shortcuts edit the spec set so far ({@link #specBuilder()}). A
   * spec's required fields are checked by {@link #build()}.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGatewayClass.Builder
      implements ObjectBuilder<Builder> {
    Builder() {
      metadataBuilder();
      specBuilder();
    }

    @JsonProperty("kind")
    private Builder kind(String kind) {
      Checks.check(KIND.equals(kind), "kind must be " + KIND + ": " + kind);
      return this;
    }

    /** Sets the controller that implements the class. */
    public Builder controllerName(String controllerName) {
      specBuilder().controllerName(controllerName);
      return this;
    }

    /** Sets the human-readable description. */
    public Builder description(String description) {
      specBuilder().description(description);
      return this;
    }

    /** Sets implementation-specific parameters. */
    public Builder parametersRef(ParametersReference parametersRef) {
      specBuilder().parametersRef(parametersRef);
      return this;
    }
  }
}
