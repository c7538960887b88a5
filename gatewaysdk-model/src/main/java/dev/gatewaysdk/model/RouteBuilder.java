package dev.gatewaysdk.model;

/**
 * The shortcuts shared by the builders of the five route kinds: metadata ({@link
 * NamespacedObjectBuilder}) and parents, edited in the spec set so far.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface RouteBuilder<B extends RouteBuilder<B>> extends NamespacedObjectBuilder<B> {
  /** The builder of the spec set so far. */
  CommonRouteSpec.Builder<?> specBuilder();

  /** Attaches the route to the Gateway {@code gateway} in the route's namespace. */
  default B parentRef(String gateway) {
    return parentRef(ParentReference.gateway(gateway));
  }

  /** Attaches the route to {@code parent}. */
  @SuppressWarnings("unchecked")
  default B parentRef(ParentReference parent) {
    specBuilder().addParentRef(parent);
    return (B) this;
  }
}
