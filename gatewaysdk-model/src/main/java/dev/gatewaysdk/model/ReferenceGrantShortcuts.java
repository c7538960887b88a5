package dev.gatewaysdk.model;

/**
 * The hand-written shortcuts of {@link ReferenceGrant.Builder}, which implements this interface;
 * the rest of {@link ReferenceGrant} is generated from its CRD (gatewaysdk-model-generator). The
 * example below is copied into ReferenceGrant's Javadoc by the generator.
 *
 * <pre>{@code
 * ReferenceGrant grant = ReferenceGrant.builder().name("allow-routes").namespace("backends")
 *     .from("gateway.networking.k8s.io", "HTTPRoute", "frontend").to("", "Service").build();
 * }</pre>
 */
interface ReferenceGrantShortcuts {
  /** The builder of the spec set so far. */
  ReferenceGrantSpec.Builder specBuilder();

  /**
   * Allows objects of {@code group}/{@code kind} in {@code namespace} to refer into this namespace.
   */
  default ReferenceGrant.Builder from(String group, String kind, String namespace) {
    specBuilder().addFrom(ReferenceGrantFrom.of(group, kind, namespace));
    return (ReferenceGrant.Builder) this;
  }

  /**
   * Allows references to all objects of {@code group}/{@code kind} (empty group for the core
   * group).
   */
  default ReferenceGrant.Builder to(String group, String kind) {
    specBuilder().addTo(ReferenceGrantTo.of(group, kind));
    return (ReferenceGrant.Builder) this;
  }

  /** Allows references to the object {@code name} of {@code group}/{@code kind}. */
  default ReferenceGrant.Builder to(String group, String kind, String name) {
    specBuilder().addTo(ReferenceGrantTo.of(group, kind, name));
    return (ReferenceGrant.Builder) this;
  }
}
