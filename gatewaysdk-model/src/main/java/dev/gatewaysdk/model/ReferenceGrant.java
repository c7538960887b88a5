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
import org.immutables.value.Value;

/**
 * Allows objects in other namespaces to refer to objects in this namespace (for example routes to
 * Services).
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link
 * #apiVersion()}, default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)}
 * re-targets it. Fields unknown to this SDK are kept in {@link #unknownFields()} and written back
 * unchanged.
 *
 * <pre>{@code
 * ReferenceGrant grant = ReferenceGrant.builder().name("allow-routes").namespace("backends")
 *     .from("gateway.networking.k8s.io", "HTTPRoute", "frontend").to("", "Service").build();
 * }</pre>
 */
@Value.Immutable
@GatewayApiKindStyle
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class ReferenceGrant implements GatewayApiObject {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "ReferenceGrant";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION =
      GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  ReferenceGrant() {}

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
  public abstract ReferenceGrantSpec spec();

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
  public abstract ReferenceGrant withApiVersion(String apiVersion);

  @Override
  public abstract ReferenceGrant withMetadata(ObjectMeta metadata);

  /** A copy with {@code spec}. */
  public abstract ReferenceGrant withSpec(ReferenceGrantSpec spec);

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
   * Builds {@link ReferenceGrant} objects; not thread-safe. Metadata shortcuts ({@link
   * #name(String)}, {@link #label(String, String)}, ...) edit the metadata set so far ({@link
   * #metadataBuilder()}), and spec shortcuts edit the spec set so far ({@link #specBuilder()}). A
   * spec's required fields are checked by {@link #build()}.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableReferenceGrant.Builder
      implements NamespacedObjectBuilder<Builder> {
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
     * Allows objects of {@code group}/{@code kind} in {@code namespace} to refer into this
     * namespace.
     */
    public Builder from(String group, String kind, String namespace) {
      specBuilder().addFrom(ReferenceGrantFrom.of(group, kind, namespace));
      return this;
    }

    /**
     * Allows references to all objects of {@code group}/{@code kind} (empty group for the core
     * group).
     */
    public Builder to(String group, String kind) {
      specBuilder().addTo(ReferenceGrantTo.of(group, kind));
      return this;
    }

    /** Allows references to the object {@code name} of {@code group}/{@code kind}. */
    public Builder to(String group, String kind, String name) {
      specBuilder().addTo(ReferenceGrantTo.of(group, kind, name));
      return this;
    }
  }
}
