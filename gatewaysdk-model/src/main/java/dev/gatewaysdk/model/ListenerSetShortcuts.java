package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link ListenerSet}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into ListenerSet's Javadoc by the generator.
 *
 * <pre>{@code
 * ListenerSet ls = ListenerSet.builder().name("team-a").namespace("team-a").parentRef("gw")
 *     .listener(ListenerEntry.http("team-a-http", "a.example.com", 8080)).build();
 * }</pre>
 */
abstract class ListenerSetShortcuts {
  ListenerSetShortcuts() {}

  /** The shortcuts of {@link ListenerSet.Builder}, which implements this interface. */
  interface Builder {
    /** Attaches the listeners to the Gateway {@code gateway} in this object's namespace. */
    default ListenerSet.Builder parentRef(String gateway) {
      return ((ListenerSet.Builder) this).parentRef(ParentGatewayReference.of(gateway));
    }
  }
}
