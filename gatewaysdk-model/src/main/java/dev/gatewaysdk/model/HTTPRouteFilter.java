package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A processing step of an HTTP route rule or backend; {@link #type()} names which field is set.
 *
 * <pre>{@code
 * HTTPRouteFilter f = HTTPRouteFilter.requestHeaderModifier(
 *     HTTPHeaderFilter.builder().setHeader("x-env", "canary").build());
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
public abstract class HTTPRouteFilter extends HTTPRouteFilterBase implements WithHTTPRouteFilter {
  HTTPRouteFilter() {}

  /** A {@code RequestHeaderModifier} filter. */
  public static HTTPRouteFilter requestHeaderModifier(HTTPHeaderFilter headers) {
    return builder()
        .type(HTTPRouteFilterType.REQUEST_HEADER_MODIFIER)
        .requestHeaderModifier(headers)
        .build();
  }

  /** A {@code ResponseHeaderModifier} filter. */
  public static HTTPRouteFilter responseHeaderModifier(HTTPHeaderFilter headers) {
    return builder()
        .type(HTTPRouteFilterType.RESPONSE_HEADER_MODIFIER)
        .responseHeaderModifier(headers)
        .build();
  }

  /** A {@code RequestMirror} filter. */
  public static HTTPRouteFilter requestMirror(HTTPRequestMirrorFilter mirror) {
    return builder().type(HTTPRouteFilterType.REQUEST_MIRROR).requestMirror(mirror).build();
  }

  /** A {@code RequestRedirect} filter. */
  public static HTTPRouteFilter requestRedirect(HTTPRequestRedirectFilter redirect) {
    return builder().type(HTTPRouteFilterType.REQUEST_REDIRECT).requestRedirect(redirect).build();
  }

  /** A {@code URLRewrite} filter. */
  public static HTTPRouteFilter urlRewrite(HTTPURLRewriteFilter rewrite) {
    return builder().type(HTTPRouteFilterType.URL_REWRITE).urlRewrite(rewrite).build();
  }

  /** A {@code CORS} filter. */
  public static HTTPRouteFilter cors(HTTPCORSFilter cors) {
    return builder().type(HTTPRouteFilterType.CORS).cors(cors).build();
  }

  /** An {@code ExternalAuth} filter. */
  public static HTTPRouteFilter externalAuth(HTTPExternalAuthFilter auth) {
    return builder().type(HTTPRouteFilterType.EXTERNAL_AUTH).externalAuth(auth).build();
  }

  /** An {@code ExtensionRef} filter pointing at an implementation-specific object. */
  public static HTTPRouteFilter extensionRef(LocalObjectReference ref) {
    return builder().type(HTTPRouteFilterType.EXTENSION_REF).extensionRef(ref).build();
  }

  /** Builds {@link HTTPRouteFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRouteFilter.Builder {
    Builder() {}
  }
}
