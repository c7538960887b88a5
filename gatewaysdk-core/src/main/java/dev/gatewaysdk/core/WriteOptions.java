package dev.gatewaysdk.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of create, update and patch: dry run, field validation and the field manager.
 *
 * <p>Instances are immutable. {@code WriteOptions.defaults()} sends none of them.
 *
 * <pre>{@code
 * client.httpRoutes().inNamespace("default")
 *     .create(route, WriteOptions.builder().dryRun(true).fieldValidation(FieldValidation.STRICT).build());
 * }</pre>
 */
@Value.Immutable
public abstract class WriteOptions {
  private static final WriteOptions DEFAULTS = builder().build();

  WriteOptions() {}

  /**
   * Ask the server to validate and admit the request without persisting it ({@code dryRun=All}).
   */
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /**
   * How the server treats unknown and duplicate fields; the server's default ({@code Warn}) when
   * empty.
   */
  public abstract Optional<FieldValidation> fieldValidation();

  /** The field manager recorded in managedFields; the client's default when empty. */
  public abstract Optional<String> fieldManager();

  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /** Dry-run writes with otherwise default options. */
  public static WriteOptions dryRunOnly() {
    return builder().dryRun(true).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WriteOptions}. */
  public static final class Builder extends ImmutableWriteOptions.Builder {
    Builder() {}
  }
}
