package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link RouteGroupKind}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class RouteGroupKindShortcuts {
  RouteGroupKindShortcuts() {}

  /** The Gateway API route kind {@code kind}. */
  public static RouteGroupKind of(String kind) {
    return RouteGroupKind.builder().kind(kind).build();
  }
}
