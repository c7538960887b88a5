package dev.gatewaysdk.model;

/**
 * The hand-written shortcuts of {@link ListenerSet.Builder}, which implements this interface; the
 * rest of {@link ListenerSet} is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into ListenerSet's Javadoc by the generator.
 *
 * <pre>{@code
 * ListenerSet ls = ListenerSet.builder().name("team-a").namespace("team-a").parentRef("gw")
 *     .listener(ListenerEntry.http("team-a-http", "a.example.com", 8080)).build();
 * }</pre>
 */
interface ListenerSetShortcuts {
  /** The builder of the spec set so far. */
  ListenerSetSpec.Builder specBuilder();

  /** Attaches the listeners to the Gateway {@code gateway} in this object's namespace. */
  default ListenerSet.Builder parentRef(String gateway) {
    specBuilder().parentRef(ParentGatewayReference.of(gateway));
    return (ListenerSet.Builder) this;
  }

  /** Attaches the listeners to {@code gateway}. */
  default ListenerSet.Builder parentRef(ParentGatewayReference gateway) {
    specBuilder().parentRef(gateway);
    return (ListenerSet.Builder) this;
  }

  /** Adds {@code listener}. */
  default ListenerSet.Builder listener(ListenerEntry listener) {
    specBuilder().addListener(listener);
    return (ListenerSet.Builder) this;
  }
}
