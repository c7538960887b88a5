package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of list and watch: label and field selectors, page size, resource version and server
 * timeout.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * routes.stream(ListOptions.builder().labelSelector("app=shop").pageSize(500).build()).forEach(...);
 * }</pre>
 */
@Value.Immutable
public abstract class ListOptions {
  private static final ListOptions DEFAULTS = builder().build();

  ListOptions() {}

  /** A label selector such as {@code app=shop,tier!=canary}. */
  public abstract Optional<String> labelSelector();

  /** A field selector such as {@code metadata.name=shop}. */
  public abstract Optional<String> fieldSelector();

  /**
   * Objects per page ({@code limit}); lists and streams fetch further pages with the continue
   * token.
   */
  @Value.Default
  public int pageSize() {
    return 500;
  }

  /** {@code resourceVersion} semantics of the server (e.g. {@code 0} for any cached version). */
  public abstract Optional<String> resourceVersion();

  /** The server-side timeout of the call ({@code timeoutSeconds}). */
  public abstract Optional<Duration> timeout();

  /** For watches: ask for bookmark events. */
  @Value.Default
  public boolean allowBookmarks() {
    return false;
  }

  @Value.Check
  void check() {
    if (pageSize() < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize());
    }
    if (timeout().isPresent() && (timeout().get().isNegative() || timeout().get().isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout().get());
    }
  }

  public static ListOptions defaults() {
    return DEFAULTS;
  }

  /** Only objects with these labels ({@code app=shop}). */
  public static ListOptions labelSelector(String selector) {
    return builder().labelSelector(selector).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ListOptions}. */
  public static final class Builder extends ImmutableListOptions.Builder {
    Builder() {}
  }
}
