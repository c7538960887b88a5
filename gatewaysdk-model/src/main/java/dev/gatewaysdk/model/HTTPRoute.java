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
import dev.gatewaysdk.model.internal.HTTPRouteCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes HTTP requests from Gateway listeners to backends: matches on path, headers, query and method;
 * filters for header edits, redirects, rewrites, mirroring, CORS and external auth; weighted backends.
 *
 * <p>Immutable and thread-safe. The object keeps the API version it was read with ({@link #apiVersion()},
 * default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)} re-targets it. Fields unknown to this
 * SDK are kept in {@link #unknownFields()} and written back unchanged.
 *
 * <pre>{@code
 * HTTPRoute canary = HTTPRoute.builder()
 *     .name("canary-route").namespace("default")
 *     .parentRef("my-gateway")
 *     .rule(r -> r.pathPrefix("/app").backend("app-stable", 8080, 90).backend("app-canary", 8080, 10))
 *     .build();
 * }</pre>
 */
@JsonSerialize(using = HTTPRouteCodec.Writer.class)
@JsonDeserialize(using = HTTPRouteCodec.Reader.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class HTTPRoute implements Route {
  /** The kind as written in manifests: {@value}. */
  public static final String KIND = "HTTPRoute";

  /** The API version of new objects: {@value}. */
  public static final String DEFAULT_API_VERSION = GatewayApiKind.GROUP + "/" + GatewayApiKind.DEFAULT_VERSION;

  private final String apiVersion;
  private final ObjectMeta metadata;
  private final HTTPRouteSpec spec;
  private final RouteStatus status;
  private final Map<String, Object> unknownFields;

  private HTTPRoute(Builder b) {
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
  @Override
  @JsonProperty("spec")
  public HTTPRouteSpec spec() {
    return spec;
  }

  /** The observed state written by controllers, if any. */
  @Override
  @JsonProperty("status")
  public Optional<RouteStatus> status() {
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
  public HTTPRoute withApiVersion(String apiVersion) {
    return toBuilder().apiVersion(apiVersion).build();
  }

  @Override
  public HTTPRoute withMetadata(ObjectMeta metadata) {
    return toBuilder().metadata(Objects.requireNonNull(metadata, "metadata")).build();
  }

  /** A copy with {@code spec}. */
  public HTTPRoute withSpec(HTTPRouteSpec spec) {
    return toBuilder().spec(Objects.requireNonNull(spec, "spec")).build();
  }

  /** A copy with {@code status}. */
  @Override
  public HTTPRoute withStatus(RouteStatus status) {
    return toBuilder().status(Objects.requireNonNull(status, "status")).build();
  }

  /** A copy without status, as sent when creating or updating the spec. */
  public HTTPRoute withoutStatus() {
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
    if (!(other instanceof HTTPRoute)) {
      return false;
    }
    HTTPRoute o = (HTTPRoute) other;
    return apiVersion.equals(o.apiVersion) && metadata.equals(o.metadata) && spec.equals(o.spec) && Objects.equals(status, o.status)
        && unknownFields.equals(o.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, metadata, spec, status, unknownFields);
  }

  @Override
  public String toString() {
    return "HTTPRoute{apiVersion=" + apiVersion + ", metadata=" + metadata + ", spec=" + spec + (status == null ? "" : ", status=" + status)
        + (unknownFields.isEmpty() ? "" : ", unknownFields=" + unknownFields) + "}";
  }

  /**
   * Builds {@link HTTPRoute} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},
   * {@link #label(String, String)}, ...) edit the metadata set so far, and spec shortcuts edit the spec set so far.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder {
    private String apiVersion = DEFAULT_API_VERSION;
    private ObjectMeta metadata;
    private ObjectMeta.Builder metadataBuilder;
    private HTTPRouteSpec spec;
    private HTTPRouteSpec.Builder specBuilder;
    private RouteStatus status;
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
    public Builder spec(HTTPRouteSpec spec) {
      this.spec = spec;
      this.specBuilder = null;
      return this;
    }

    /** Edits the spec set so far with {@code edit}. */
    public Builder spec(java.util.function.Consumer<HTTPRouteSpec.Builder> edit) {
      edit.accept(specBuilder());
      return this;
    }

    /** Attaches the route to the Gateway {@code gateway} in the route's namespace. */
    public Builder parentRef(String gateway) {
      specBuilder().addParentRef(ParentReference.gateway(gateway));
      return this;
    }

    /** Attaches the route to {@code parent}. */
    public Builder parentRef(ParentReference parent) {
      specBuilder().addParentRef(parent);
      return this;
    }

    /** Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the route serves. */
    public Builder hostname(String hostname) {
      specBuilder().addHostname(hostname);
      return this;
    }

    /** Adds {@code rule}. */
    public Builder rule(HTTPRouteRule rule) {
      specBuilder().addRule(rule);
      return this;
    }

    /** Adds a rule configured by {@code rule}. */
    public Builder rule(java.util.function.Consumer<HTTPRouteRule.Builder> rule) {
      specBuilder().rule(rule);
      return this;
    }

    /** Sets the status; {@code null} removes it. */
    @JsonProperty("status")
    public Builder status(RouteStatus status) {
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
    public HTTPRoute build() {
      return new HTTPRoute(this);
    }

    private ObjectMeta.Builder metadataBuilder() {
      if (metadataBuilder == null) {
        metadataBuilder = metadata != null ? metadata.toBuilder() : ObjectMeta.builder();
      }
      return metadataBuilder;
    }

    private HTTPRouteSpec.Builder specBuilder() {
      if (specBuilder == null) {
        specBuilder = spec != null ? spec.toBuilder() : HTTPRouteSpec.builder();
      }
      return specBuilder;
    }

    private ObjectMeta metadata() {
      if (metadataBuilder != null) {
        return metadataBuilder.build();
      }
      return metadata != null ? metadata : ObjectMeta.builder().build();
    }

    private HTTPRouteSpec spec() {
      if (specBuilder != null) {
        return specBuilder.build();
      }
      return spec != null ? spec : HTTPRouteSpec.builder().build();
    }
  }
}
