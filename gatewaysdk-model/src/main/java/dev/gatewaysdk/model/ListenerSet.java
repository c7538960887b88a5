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
 * Listeners added to a Gateway from another object, often by another team or namespace.
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link
 * #apiVersion()}, default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)}
 * re-targets it. Fields unknown to this SDK are kept in {@link #unknownFields()} and written back
 * unchanged.
 *
 * <pre>{@code
 * ListenerSet ls = ListenerSet.builder().name("team-a").namespace("team-a").parentRef("gw")
 *     .listener(ListenerEntry.http("team-a-http", "a.example.com", 8080)).build();
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
public abstract class ListenerSet implements GatewayApiObject {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "ListenerSet";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION =
      GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  ListenerSet() {}

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
  public abstract ListenerSetSpec spec();

  /** The observed state written by controllers, if any. */
  @JsonProperty("status")
  public abstract Optional<ListenerSetStatus> status();

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
  public abstract ListenerSet withApiVersion(String apiVersion);

  @Override
  public abstract ListenerSet withMetadata(ObjectMeta metadata);

  /** A copy with {@code spec}. */
  public abstract ListenerSet withSpec(ListenerSetSpec spec);

  /** A copy with {@code status}. */
  public abstract ListenerSet withStatus(ListenerSetStatus status);

  abstract ListenerSet withStatus(Optional<? extends ListenerSetStatus> status);

  /** A copy without status, as sent when creating or updating the spec. */
  public ListenerSet withoutStatus() {
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
   * Builds {@link ListenerSet} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},
   * {@link #label(String, String)}, ...) edit the metadata set so far ({@link #metadataBuilder()}),
   * and spec shortcuts edit the spec set so far ({@link #specBuilder()}). A spec's required fields
   * are checked by {@link #build()}.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableListenerSet.Builder
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

    /** Attaches the listeners to the Gateway {@code gateway} in this object's namespace. */
    public Builder parentRef(String gateway) {
      specBuilder().parentRef(ParentGatewayReference.of(gateway));
      return this;
    }

    /** Attaches the listeners to {@code gateway}. */
    public Builder parentRef(ParentGatewayReference gateway) {
      specBuilder().parentRef(gateway);
      return this;
    }

    /** Adds {@code listener}. */
    public Builder listener(ListenerEntry listener) {
      specBuilder().addListener(listener);
      return this;
    }
  }
}
