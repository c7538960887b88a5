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
import dev.gatewaysdk.model.internal.ReferenceGrantCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Allows objects in other namespaces to refer to objects in this namespace (for example routes to Services).
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link #apiVersion()},
 * default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)} re-targets it. Fields unknown to this
 * SDK are kept in {@link #unknownFields()} and written back unchanged.
 *
 * <pre>{@code
 * ReferenceGrant grant = ReferenceGrant.builder().name("allow-routes").namespace("backends")
 *     .from("gateway.networking.k8s.io", "HTTPRoute", "frontend").to("", "Service").build();
 * }</pre>
 */
@JsonSerialize(using = ReferenceGrantCodec.Writer.class)
@JsonDeserialize(using = ReferenceGrantCodec.Reader.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class ReferenceGrant implements GatewayApiObject {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "ReferenceGrant";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION = GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  private final String apiVersion;
  private final ObjectMeta metadata;
  private final ReferenceGrantSpec spec;
  private final Map<String, Object> unknownFields;

  private ReferenceGrant(Builder b) {
    this.apiVersion = b.apiVersion;
    this.metadata = b.metadata();
    this.spec = b.spec();
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
  public ReferenceGrantSpec spec() {
    return spec;
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
  public ReferenceGrant withApiVersion(String apiVersion) {
    return toBuilder().apiVersion(apiVersion).build();
  }

  @Override
  public ReferenceGrant withMetadata(ObjectMeta metadata) {
    return toBuilder().metadata(Objects.requireNonNull(metadata, "metadata")).build();
  }

  /** A copy with {@code spec}. */
  public ReferenceGrant withSpec(ReferenceGrantSpec spec) {
    return toBuilder().spec(Objects.requireNonNull(spec, "spec")).build();
  }

  /** A builder initialized with this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiVersion = apiVersion;
    b.metadata = metadata;
    b.spec = spec;
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
    if (!(other instanceof ReferenceGrant)) {
      return false;
    }
    ReferenceGrant o = (ReferenceGrant) other;
    return apiVersion.equals(o.apiVersion) && metadata.equals(o.metadata) && spec.equals(o.spec)
        && unknownFields.equals(o.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, metadata, spec, unknownFields);
  }

  @Override
  public String toString() {
    return "ReferenceGrant{apiVersion=" + apiVersion + ", metadata=" + metadata + ", spec=" + spec
        + (unknownFields.isEmpty() ? "" : ", unknownFields=" + unknownFields) + "}";
  }

  /**
   * Builds {@link ReferenceGrant} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},
   * {@link #label(String, String)}, ...) edit the metadata set so far, and spec shortcuts edit the spec set so far.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder {
    private String apiVersion = DEFAULT_API_VERSION;
    private ObjectMeta metadata;
    private ObjectMeta.Builder metadataBuilder;
    private ReferenceGrantSpec spec;
    private ReferenceGrantSpec.Builder specBuilder;
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
    public Builder spec(ReferenceGrantSpec spec) {
      this.spec = spec;
      this.specBuilder = null;
      return this;
    }

    /** Edits the spec set so far with {@code edit}. */
    public Builder spec(java.util.function.Consumer<ReferenceGrantSpec.Builder> edit) {
      edit.accept(specBuilder());
      return this;
    }

    /** Allows objects of {@code group}/{@code kind} in {@code namespace} to refer into this namespace. */
    public Builder from(String group, String kind, String namespace) {
      specBuilder().addFrom(ReferenceGrantFrom.of(group, kind, namespace));
      return this;
    }

    /** Allows references to all objects of {@code group}/{@code kind} (empty group for the core group). */
    public Builder to(String group, String kind) {
      specBuilder().addTo(ReferenceGrantTo.of(group, kind));
      return this;
    }

    /** Allows references to the object {@code name} of {@code group}/{@code kind}. */
    public Builder to(String group, String kind, String name) {
      specBuilder().addTo(ReferenceGrantTo.of(group, kind, name));
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
    public ReferenceGrant build() {
      return new ReferenceGrant(this);
    }

    private ObjectMeta.Builder metadataBuilder() {
      if (metadataBuilder == null) {
        metadataBuilder = metadata != null ? metadata.toBuilder() : ObjectMeta.builder();
      }
      return metadataBuilder;
    }

    private ReferenceGrantSpec.Builder specBuilder() {
      if (specBuilder == null) {
        specBuilder = spec != null ? spec.toBuilder() : ReferenceGrantSpec.builder();
      }
      return specBuilder;
    }

    private ObjectMeta metadata() {
      if (metadataBuilder != null) {
        return metadataBuilder.build();
      }
      return metadata != null ? metadata : ObjectMeta.builder().build();
    }

    private ReferenceGrantSpec spec() {
      if (specBuilder != null) {
        return specBuilder.build();
      }
      return spec != null ? spec : ReferenceGrantSpec.builder().build();
    }
  }
}
