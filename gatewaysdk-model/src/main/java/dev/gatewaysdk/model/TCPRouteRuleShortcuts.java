package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link TCPRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class TCPRouteRuleShortcuts {
  TCPRouteRuleShortcuts() {}

  /** The shortcuts of {@link TCPRouteRule.Builder}, which implements this interface. */
  interface Builder extends BackendRefRuleShortcuts<TCPRouteRule.Builder> {}
}
