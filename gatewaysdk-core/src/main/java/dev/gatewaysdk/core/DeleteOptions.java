package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of delete: preconditions (the object must still have this uid and/or resourceVersion,
 * else {@link ConflictException}), propagation policy, grace period and dry run.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * routes.delete("shop", DeleteOptions.builder().preconditionResourceVersion(seen.metadata().resourceVersion()).build());
 * }</pre>
 */
@Value.Immutable
public abstract class DeleteOptions {
  private static final DeleteOptions DEFAULTS = builder().build();

  DeleteOptions() {}

  public abstract Optional<String> preconditionUid();

  public abstract Optional<String> preconditionResourceVersion();

  public abstract Optional<PropagationPolicy> propagationPolicy();

  public abstract Optional<Duration> gracePeriod();

  @Value.Default
  public boolean dryRun() {
    return false;
  }

  @Value.Check
  void check() {
    if (gracePeriod().isPresent() && gracePeriod().get().isNegative()) {
      throw new IllegalArgumentException(
          "gracePeriod must not be negative: " + gracePeriod().get());
    }
  }

  public static DeleteOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DeleteOptions}. */
  public static final class Builder extends ImmutableDeleteOptions.Builder {
    Builder() {}
  }
}
