package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link RouteParentStatus}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class RouteParentStatusShortcuts {
  RouteParentStatusShortcuts() {}

  /** The condition of {@code type}, if present. */
  public java.util.Optional<Condition> condition(String type) {
    for (Condition c : self().conditions()) {
      if (c.type().equals(type)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  private RouteParentStatus self() {
    return (RouteParentStatus) this;
  }
}
