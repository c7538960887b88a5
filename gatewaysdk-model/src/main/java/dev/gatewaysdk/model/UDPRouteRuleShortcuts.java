package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link UDPRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class UDPRouteRuleShortcuts {
  UDPRouteRuleShortcuts() {}

  /** The shortcuts of {@link UDPRouteRule.Builder}, which implements this interface. */
  interface Builder extends BackendRefRuleShortcuts<UDPRouteRule.Builder> {}
}
