package dev.gatewaysdk.model;

/**
 * Metadata shortcuts shared by the builders of every kind: each edits the metadata set so far, so
 * {@code HTTPRoute.builder().name("web").namespace("prod").label("app", "web")} and {@code
 * .metadata(meta).label("team", "edge")} both do what they read as.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface ObjectBuilder<B extends ObjectBuilder<B>> {
  /**
   * Sets the API version, such as {@code gateway.networking.k8s.io/v1beta1}; checked by {@link
   * #build()}.
   */
  B apiVersion(String apiVersion);

  /** Sets the metadata, replacing what the metadata shortcuts set so far. */
  B metadata(ObjectMeta metadata);

  /** The builder of the metadata set so far; shortcuts and direct edits go through it. */
  ObjectMeta.Builder metadataBuilder();

  /** Keeps top-level field {@code name}, which this SDK does not model, with {@code value}. */
  B putUnknownField(String name, Object value);

  /**
   * Builds the object.
   *
   * @throws IllegalArgumentException if the API version is not of the Gateway API group, or a value
   *     is impossible
   * @throws IllegalStateException if a required field is missing
   */
  GatewayApiObject build();

  /** Sets the object name. */
  default B name(String name) {
    metadataBuilder().name(name);
    return self();
  }

  /** Adds label {@code key=value}. */
  default B label(String key, String value) {
    metadataBuilder().putLabel(key, value);
    return self();
  }

  /** Adds annotation {@code key=value}. */
  default B annotation(String key, String value) {
    metadataBuilder().putAnnotation(key, value);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
