package dev.gatewaysdk.model;

import java.util.List;
import java.util.Optional;

/** The spec fields every route kind shares: the parents it attaches to and default-Gateway use. */
public interface CommonRouteSpec {
  /** The Gateways (or other parents) the route attaches to. */
  List<ParentReference> parentRefs();

  /** Whether the route also attaches to default Gateways. */
  Optional<GatewayDefaultScope> useDefaultGateways();

  /**
   * What the spec builders of every route kind share; {@link RouteBuilder}'s shortcuts go through
   * it.
   *
   * @param <B> the spec builder type, returned for chaining
   */
  interface Builder<B extends Builder<B>> {
    /** Adds {@code parent} to the parents the route attaches to. */
    B addParentRef(ParentReference parent);
  }
}
