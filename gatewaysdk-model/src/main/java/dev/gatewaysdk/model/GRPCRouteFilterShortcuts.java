package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCRouteFilter}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GRPCRouteFilterShortcuts {
  GRPCRouteFilterShortcuts() {}

  /** A {@code RequestHeaderModifier} filter. */
  public static GRPCRouteFilter requestHeaderModifier(HTTPHeaderFilter headers) {
    return GRPCRouteFilter.builder()
        .type(GRPCRouteFilterType.REQUEST_HEADER_MODIFIER)
        .requestHeaderModifier(headers)
        .build();
  }

  /** A {@code ResponseHeaderModifier} filter. */
  public static GRPCRouteFilter responseHeaderModifier(HTTPHeaderFilter headers) {
    return GRPCRouteFilter.builder()
        .type(GRPCRouteFilterType.RESPONSE_HEADER_MODIFIER)
        .responseHeaderModifier(headers)
        .build();
  }

  /** A {@code RequestMirror} filter. */
  public static GRPCRouteFilter requestMirror(HTTPRequestMirrorFilter mirror) {
    return GRPCRouteFilter.builder()
        .type(GRPCRouteFilterType.REQUEST_MIRROR)
        .requestMirror(mirror)
        .build();
  }
}
