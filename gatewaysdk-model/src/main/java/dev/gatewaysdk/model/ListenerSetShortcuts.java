package dev.gatewaysdk.model;

import java.util.function.Consumer;

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
    /** Edits the spec set so far (the generated builder's). */
    ListenerSet.Builder spec(Consumer<ListenerSetSpec.Builder> edit);

    /** Attaches the listeners to the Gateway {@code gateway} in this object's namespace. */
    default ListenerSet.Builder parentRef(String gateway) {
      return spec(s -> s.parentRef(ParentGatewayReference.of(gateway)));
    }

    /** Attaches the listeners to {@code gateway}. */
    default ListenerSet.Builder parentRef(ParentGatewayReference gateway) {
      return spec(s -> s.parentRef(gateway));
    }
  }
}
