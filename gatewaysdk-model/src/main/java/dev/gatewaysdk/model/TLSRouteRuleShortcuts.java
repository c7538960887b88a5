package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link TLSRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class TLSRouteRuleShortcuts {
  TLSRouteRuleShortcuts() {}

  /** The shortcuts of {@link TLSRouteRule.Builder}, which implements this interface. */
  interface Builder extends BackendRefRuleShortcuts<TLSRouteRule.Builder> {}
}
