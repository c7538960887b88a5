package dev.gatewaysdk.model;

/**
 * The metadata shortcuts of {@link ObjectBuilder} plus the namespace, for the builders of
 * namespaced kinds.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface NamespacedObjectBuilder<B extends NamespacedObjectBuilder<B>>
    extends ObjectBuilder<B> {
  /** Sets the namespace. */
  @SuppressWarnings("unchecked")
  default B namespace(String namespace) {
    metadataBuilder().namespace(namespace);
    return (B) this;
  }
}
