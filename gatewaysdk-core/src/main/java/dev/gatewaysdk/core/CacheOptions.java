package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of a {@link ResourceCache}: one namespace or all, a label selector, the resync period
 * (how often handlers see every object again; zero for never).
 *
 * <p>Instances are immutable.
 */
@Value.Immutable
public abstract class CacheOptions {
  private static final CacheOptions DEFAULTS = builder().build();

  CacheOptions() {}

  /** Only this namespace; every namespace when empty. */
  public abstract Optional<String> namespace();

  public abstract Optional<String> labelSelector();

  @Value.Default
  public Duration resync() {
    return Duration.ZERO;
  }

  @Value.Check
  void check() {
    if (resync().isNegative()) {
      throw new IllegalArgumentException("resync must not be negative: " + resync());
    }
  }

  public static CacheOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CacheOptions}. */
  public static final class Builder extends ImmutableCacheOptions.Builder {
    Builder() {}
  }
}
