package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCRouteFilter}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GRPCRouteFilterShortcuts {
  GRPCRouteFilterShortcuts() {}
}
