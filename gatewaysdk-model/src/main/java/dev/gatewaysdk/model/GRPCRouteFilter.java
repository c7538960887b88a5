package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A processing step of a gRPC route rule or backend; {@link #type()} names which field is set.
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
public abstract class GRPCRouteFilter implements WithGRPCRouteFilter {
  GRPCRouteFilter() {}

  /** The filter kind. */
  public abstract GRPCRouteFilterType type();

  /** Edits request headers. */
  public abstract Optional<HTTPHeaderFilter> requestHeaderModifier();

  /** Edits response headers. */
  public abstract Optional<HTTPHeaderFilter> responseHeaderModifier();

  /** Copies requests to another backend. */
  public abstract Optional<HTTPRequestMirrorFilter> requestMirror();

  /** An implementation-specific filter object. */
  public abstract Optional<LocalObjectReference> extensionRef();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** A {@code RequestHeaderModifier} filter. */
  public static GRPCRouteFilter requestHeaderModifier(HTTPHeaderFilter headers) {
    return builder()
        .type(GRPCRouteFilterType.REQUEST_HEADER_MODIFIER)
        .requestHeaderModifier(headers)
        .build();
  }

  /** A {@code ResponseHeaderModifier} filter. */
  public static GRPCRouteFilter responseHeaderModifier(HTTPHeaderFilter headers) {
    return builder()
        .type(GRPCRouteFilterType.RESPONSE_HEADER_MODIFIER)
        .responseHeaderModifier(headers)
        .build();
  }

  /** A {@code RequestMirror} filter. */
  public static GRPCRouteFilter requestMirror(HTTPRequestMirrorFilter mirror) {
    return builder().type(GRPCRouteFilterType.REQUEST_MIRROR).requestMirror(mirror).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link GRPCRouteFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCRouteFilter.Builder {
    Builder() {}
  }
}
