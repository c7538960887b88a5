package dev.gatewaysdk.core;

/**
 * Callbacks of a {@link ResourceCache}, run on the cache's event thread in event order. Keep them
 * short or hand work to another thread. A resync calls {@link #onUpdate} with the same object
 * twice.
 */
public interface ResourceHandler<T> {
  default void onAdd(T object) {}

  default void onUpdate(T before, T after) {}

  /** {@code last} is the last state the cache knew. */
  default void onDelete(T last) {}
}
