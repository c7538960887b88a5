package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ReferenceGrantSpec}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class ReferenceGrantSpecShortcuts {
  ReferenceGrantSpecShortcuts() {}

  /** The shortcuts of {@link ReferenceGrantSpec.Builder}, which implements this interface. */
  interface Builder {
    /**
     * Replaces every field with those of {@code spec} (the usual Immutables copy method is named
     * after the {@code from} field here, so it is written by hand).
     */
    default ReferenceGrantSpec.Builder from(ReferenceGrantSpec spec) {
      return self().from(spec.from()).to(spec.to()).unknownFields(spec.unknownFields());
    }

    private ReferenceGrantSpec.Builder self() {
      return (ReferenceGrantSpec.Builder) this;
    }
  }
}
