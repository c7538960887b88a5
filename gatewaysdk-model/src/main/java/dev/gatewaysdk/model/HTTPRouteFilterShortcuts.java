package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPRouteFilter}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPRouteFilter's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRouteFilter f = HTTPRouteFilter.requestHeaderModifier(
 *     HTTPHeaderFilter.builder().setHeader("x-env", "canary").build());
 * }</pre>
 */
abstract class HTTPRouteFilterShortcuts {
  HTTPRouteFilterShortcuts() {}

  /** A {@code RequestHeaderModifier} filter. */
  public static HTTPRouteFilter requestHeaderModifier(HTTPHeaderFilter headers) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.REQUEST_HEADER_MODIFIER)
        .requestHeaderModifier(headers)
        .build();
  }

  /** A {@code ResponseHeaderModifier} filter. */
  public static HTTPRouteFilter responseHeaderModifier(HTTPHeaderFilter headers) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.RESPONSE_HEADER_MODIFIER)
        .responseHeaderModifier(headers)
        .build();
  }

  /** A {@code RequestMirror} filter. */
  public static HTTPRouteFilter requestMirror(HTTPRequestMirrorFilter mirror) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.REQUEST_MIRROR)
        .requestMirror(mirror)
        .build();
  }

  /** A {@code RequestRedirect} filter. */
  public static HTTPRouteFilter requestRedirect(HTTPRequestRedirectFilter redirect) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.REQUEST_REDIRECT)
        .requestRedirect(redirect)
        .build();
  }

  /** A {@code URLRewrite} filter. */
  public static HTTPRouteFilter urlRewrite(HTTPURLRewriteFilter rewrite) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.URL_REWRITE)
        .urlRewrite(rewrite)
        .build();
  }

  /** A {@code CORS} filter. */
  public static HTTPRouteFilter cors(HTTPCORSFilter cors) {
    return HTTPRouteFilter.builder().type(HTTPRouteFilterType.CORS).cors(cors).build();
  }

  /** An {@code ExternalAuth} filter. */
  public static HTTPRouteFilter externalAuth(HTTPExternalAuthFilter auth) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.EXTERNAL_AUTH)
        .externalAuth(auth)
        .build();
  }

  /** An {@code ExtensionRef} filter pointing at an implementation-specific object. */
  public static HTTPRouteFilter extensionRef(LocalObjectReference ref) {
    return HTTPRouteFilter.builder()
        .type(HTTPRouteFilterType.EXTENSION_REF)
        .extensionRef(ref)
        .build();
  }
}
