package dev.gatewaysdk.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of server-side apply: the field manager (required by the server), whether to take
 * ownership of fields other managers own ({@link #force()}), dry run and field validation.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * routes.apply(route, ApplyOptions.of("my-controller").withForce(true));
 * }</pre>
 */
@Value.Immutable
public abstract class ApplyOptions {
  ApplyOptions() {}

  /** The field manager that owns the applied fields. */
  public abstract String fieldManager();

  /** Take fields other managers own instead of failing with a conflict. */
  @Value.Default
  public boolean force() {
    return false;
  }

  @Value.Default
  public boolean dryRun() {
    return false;
  }

  public abstract Optional<FieldValidation> fieldValidation();

  @Value.Check
  void check() {
    if (fieldManager().isBlank()) {
      throw new IllegalArgumentException("fieldManager must not be blank");
    }
  }

  /**
   * Apply as {@code fieldManager}, without force.
   *
   * @throws IllegalArgumentException if {@code fieldManager} is blank
   */
  public static ApplyOptions of(String fieldManager) {
    return builder().fieldManager(fieldManager).build();
  }

  /** A copy with {@link #force()} set. */
  public ApplyOptions withForce(boolean force) {
    return builder().from(this).force(force).build();
  }

  /** A copy with {@link #dryRun()} set. */
  public ApplyOptions withDryRun(boolean dryRun) {
    return builder().from(this).dryRun(dryRun).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ApplyOptions}. */
  public static final class Builder extends ImmutableApplyOptions.Builder {
    Builder() {}
  }
}
