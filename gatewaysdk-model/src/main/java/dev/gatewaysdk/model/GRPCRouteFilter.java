package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
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
public abstract class GRPCRouteFilter extends GRPCRouteFilterBase implements WithGRPCRouteFilter {
  GRPCRouteFilter() {}

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

  /** Builds {@link GRPCRouteFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCRouteFilter.Builder {
    Builder() {}
  }
}
