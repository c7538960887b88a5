package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPURLRewriteFilter}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPURLRewriteFilterShortcuts {
  HTTPURLRewriteFilterShortcuts() {}

  /** The shortcuts of {@link HTTPURLRewriteFilter.Builder}, which implements this interface. */
  interface Builder extends PathModifierShortcuts<HTTPURLRewriteFilter.Builder> {}
}
