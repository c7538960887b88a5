package dev.gatewaysdk.core;

import java.util.Objects;

/**
 * One event of a {@link Watch}: what happened and the object after it (for {@link Type#DELETED},
 * its last state; for {@link Type#BOOKMARK}, an object carrying only the resourceVersion).
 *
 * <p>Instances are immutable.
 */
public final class WatchEvent<T> {
  /** The kind of change. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  private final Type type;
  private final T object;
  private final String resourceVersion;

  public WatchEvent(Type type, T object, String resourceVersion) {
    this.type = Objects.requireNonNull(type, "type");
    this.object = Objects.requireNonNull(object, "object");
    this.resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }

  public Type type() {
    return type;
  }

  public T object() {
    return object;
  }

  /** The object's resourceVersion: where to resume watching from. */
  public String resourceVersion() {
    return resourceVersion;
  }

  @Override
  public String toString() {
    return type + " rv " + resourceVersion;
  }
}
