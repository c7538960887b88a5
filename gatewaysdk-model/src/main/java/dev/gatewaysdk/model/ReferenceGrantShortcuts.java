package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link ReferenceGrant}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into ReferenceGrant's Javadoc by the generator.
 *
 * <pre>{@code
 * ReferenceGrant grant = ReferenceGrant.builder().name("allow-routes").namespace("backends")
 *     .from("gateway.networking.k8s.io", "HTTPRoute", "frontend").to("", "Service").build();
 * }</pre>
 */
abstract class ReferenceGrantShortcuts {
  ReferenceGrantShortcuts() {}

  /** The shortcuts of {@link ReferenceGrant.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    ReferenceGrant.Builder spec(Consumer<ReferenceGrantSpec.Builder> edit);

    /**
     * Allows objects of {@code group}/{@code kind} in {@code namespace} to refer into this
     * namespace.
     */
    default ReferenceGrant.Builder from(String group, String kind, String namespace) {
      return spec(s -> s.addFrom(ReferenceGrantFrom.of(group, kind, namespace)));
    }

    /**
     * Allows references to all objects of {@code group}/{@code kind} (empty group for the core
     * group).
     */
    default ReferenceGrant.Builder to(String group, String kind) {
      return spec(s -> s.addTo(ReferenceGrantTo.of(group, kind)));
    }

    /** Allows references to the object {@code name} of {@code group}/{@code kind}. */
    default ReferenceGrant.Builder to(String group, String kind, String name) {
      return spec(s -> s.addTo(ReferenceGrantTo.of(group, kind, name)));
    }
  }
}
