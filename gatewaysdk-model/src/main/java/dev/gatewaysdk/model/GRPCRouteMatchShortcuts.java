package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCRouteMatch}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GRPCRouteMatchShortcuts {
  GRPCRouteMatchShortcuts() {}

  /** The shortcuts of {@link GRPCRouteMatch.Builder}, which implements this interface. */
  interface Builder {
    /** Requires metadata header {@code name} to equal {@code value}. */
    default GRPCRouteMatch.Builder header(String name, String value) {
      return self().addHeader(GRPCHeaderMatch.builder().name(name).value(value).build());
    }

    private GRPCRouteMatch.Builder self() {
      return (GRPCRouteMatch.Builder) this;
    }
  }
}
