package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link TLSPortConfig}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class TLSPortConfigShortcuts {
  TLSPortConfigShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  private TLSPortConfig self() {
    return (TLSPortConfig) this;
  }
}
