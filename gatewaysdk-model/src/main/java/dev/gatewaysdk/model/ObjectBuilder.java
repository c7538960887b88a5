package dev.gatewaysdk.model;

/**
 * Metadata shortcuts shared by the builders of every kind: each edits the metadata set so far, so
 * {@code HTTPRoute.builder().name("web").namespace("prod").label("app", "web")} and
 * {@code .metadata(meta).label("team", "edge")} both do what they read as.
 *
 * @param <B> the builder type, returned for chaining
 */
public interface ObjectBuilder<B extends ObjectBuilder<B>> {
  /** The builder of the metadata set so far; shortcuts and direct edits go through it. */
  ObjectMeta.Builder metadataBuilder();

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
