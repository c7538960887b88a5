package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ListenerSetCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Listeners added to a Gateway from another object, often by another team or namespace.
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link #apiVersion()},
 * default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)} re-targets it. Fields unknown to this
 * SDK are kept in {@link #unknownFields()} and written back unchanged.
 *
 * <pre>{@code
 * ListenerSet ls = ListenerSet.builder().name("team-a").namespace("team-a").parentRef("gw")
 *     .listener(ListenerEntry.http("team-a-http", "a.example.com", 8080)).build();
 * }</pre>
 */
@JsonSerialize(using = ListenerSetCodec.Writer.class)
@JsonDeserialize(using = ListenerSetCodec.Reader.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class ListenerSet implements GatewayApiObject {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "ListenerSet";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION = GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  private final String apiVersion;
  private final ObjectMeta metadata;
  private final ListenerSetSpec spec;
  private final ListenerSetStatus status;
  private final Map<String, Object> unknownFields;

  private ListenerSet(Builder b) {
    this.apiVersion = b.apiVersion;
    this.metadata = b.metadata();
    this.spec = b.spec();
    this.status = b.status;
    this.unknownFields = b.unknownFields == null
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.unknownFields));
  }

  @Override
  @JsonProperty("apiVersion")
  public String apiVersion() {
    return apiVersion;
  }

  @Override
  @JsonProperty("kind")
  public String kind() {
    return KIND;
  }

  @Override
  @JsonProperty("metadata")
  public ObjectMeta metadata() {
    return metadata;
  }

  /** The desired state. */
  @JsonProperty("spec")
  public ListenerSetSpec spec() {
    return spec;
  }

  /** The observed state written by controllers, if any. */
  @JsonProperty("status")
  public Optional<ListenerSetStatus> status() {
    return Optional.ofNullable(status);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }

  /**
   * A copy with API version {@code apiVersion}, such as {@code gateway.networking.k8s.io/v1beta1}.
   *
   * @throws IllegalArgumentException if {@code apiVersion} is not of the group {@value GatewayApiKind#GROUP}
   */
  @Override
  public ListenerSet withApiVersion(String apiVersion) {
    return toBuilder().apiVersion(apiVersion).build();
  }

  @Override
  public ListenerSet withMetadata(ObjectMeta metadata) {
    return toBuilder().metadata(Objects.requireNonNull(metadata, "metadata")).build();
  }

  /** A copy with {@code spec}. */
  public ListenerSet withSpec(ListenerSetSpec spec) {
    return toBuilder().spec(Objects.requireNonNull(spec, "spec")).build();
  }

  /** A copy with {@code status}. */
  public ListenerSet withStatus(ListenerSetStatus status) {
    return toBuilder().status(Objects.requireNonNull(status, "status")).build();
  }

  /** A copy without status, as sent when creating or updating the spec. */
  public ListenerSet withoutStatus() {
    return status == null ? this : toBuilder().status(null).build();
  }

  /** A builder initialized with this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiVersion = apiVersion;
    b.metadata = metadata;
    b.spec = spec;
    b.status = status;
    if (!unknownFields.isEmpty()) {
      b.unknownFields = new LinkedHashMap<>(unknownFields);
    }
    return b;
  }

  /** A new builder with API version {@value #DEFAULT_API_VERSION}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ListenerSet)) {
      return false;
    }
    ListenerSet o = (ListenerSet) other;
    return apiVersion.equals(o.apiVersion) && metadata.equals(o.metadata) && spec.equals(o.spec) && Objects.equals(status, o.status)
        && unknownFields.equals(o.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, metadata, spec, status, unknownFields);
  }

  @Override
  public String toString() {
    return "ListenerSet{apiVersion=" + apiVersion + ", metadata=" + metadata + ", spec=" + spec + (status == null ? "" : ", status=" + status)
        + (unknownFields.isEmpty() ? "" : ", unknownFields=" + unknownFields) + "}";
  }

  /**
   * Builds {@link ListenerSet} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},
   * {@link #label(String, String)}, ...) edit the metadata set so far, and spec shortcuts edit the spec set so far.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder {
    private String apiVersion = DEFAULT_API_VERSION;
    private ObjectMeta metadata;
    private ObjectMeta.Builder metadataBuilder;
    private ListenerSetSpec spec;
    private ListenerSetSpec.Builder specBuilder;
    private ListenerSetStatus status;
    private Map<String, Object> unknownFields;

    Builder() {}

    /**
     * Sets the API version, such as {@code gateway.networking.k8s.io/v1beta1}.
     *
     * @throws IllegalArgumentException if {@code apiVersion} is not of the group {@value GatewayApiKind#GROUP}
     */
    @JsonProperty("apiVersion")
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = Checks.apiVersion(apiVersion);
      return this;
    }

    @JsonProperty("kind")
    private Builder kind(String kind) {
      if (!KIND.equals(kind)) {
        throw new IllegalArgumentException("kind must be " + KIND + ": " + kind);
      }
      return this;
    }

    /** Sets the metadata, replacing what the metadata shortcuts set so far. */
    @JsonProperty("metadata")
    public Builder metadata(ObjectMeta metadata) {
      this.metadata = metadata;
      this.metadataBuilder = null;
      return this;
    }

    /** Sets the object name. */
    public Builder name(String name) {
      metadataBuilder().name(name);
      return this;
    }

    /** Sets the namespace. */
    public Builder namespace(String namespace) {
      metadataBuilder().namespace(namespace);
      return this;
    }

    /** Adds label {@code key=value}. */
    public Builder label(String key, String value) {
      metadataBuilder().putLabel(key, value);
      return this;
    }

    /** Adds annotation {@code key=value}. */
    public Builder annotation(String key, String value) {
      metadataBuilder().putAnnotation(key, value);
      return this;
    }

    /** Sets the spec, replacing what the spec shortcuts set so far. */
    @JsonProperty("spec")
    public Builder spec(ListenerSetSpec spec) {
      this.spec = spec;
      this.specBuilder = null;
      return this;
    }

    /** Edits the spec set so far with {@code edit}. */
    public Builder spec(java.util.function.Consumer<ListenerSetSpec.Builder> edit) {
      edit.accept(specBuilder());
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

    /** Sets the status; {@code null} removes it. */
    @JsonProperty("status")
    public Builder status(ListenerSetStatus status) {
      this.status = status;
      return this;
    }

    /** Keeps field {@code name} that this SDK does not model. */
    @JsonAnySetter
    public Builder putUnknownField(String name, Object value) {
      if (unknownFields == null) {
        unknownFields = new LinkedHashMap<>();
      }
      unknownFields.put(name, value);
      return this;
    }

    /**
     * Builds the object.
     *
     * @throws IllegalStateException if a required spec field is missing
     */
    public ListenerSet build() {
      return new ListenerSet(this);
    }

    private ObjectMeta.Builder metadataBuilder() {
      if (metadataBuilder == null) {
        metadataBuilder = metadata != null ? metadata.toBuilder() : ObjectMeta.builder();
      }
      return metadataBuilder;
    }

    private ListenerSetSpec.Builder specBuilder() {
      if (specBuilder == null) {
        specBuilder = spec != null ? spec.toBuilder() : ListenerSetSpec.builder();
      }
      return specBuilder;
    }

    private ObjectMeta metadata() {
      if (metadataBuilder != null) {
        return metadataBuilder.build();
      }
      return metadata != null ? metadata : ObjectMeta.builder().build();
    }

    private ListenerSetSpec spec() {
      if (specBuilder != null) {
        return specBuilder.build();
      }
      return spec != null ? spec : ListenerSetSpec.builder().build();
    }
  }
}
