package dev.gatewaysdk.model.internal;

/**
 * Whether a missing CRD source may skip a test: with the system property {@value #PROPERTY} or the
 * environment variable {@value #ENV} set to {@code true} (as {@code .ci/run} does; the property,
 * when set, wins) it fails instead, so the CRD-based tests can never pass vacuously in CI. Tests of
 * every module wrap their skip condition in {@link #available(boolean, String)}.
 */
public final class CrdRequirement {
  /** The system property that turns a missing CRD source from a skip into a failure. */
  public static final String PROPERTY = "gatewaysdk.requireCrds";

  /**
   * The environment variable with the same effect, so CI can run the README's plain test command.
   */
  public static final String ENV = "GATEWAYSDK_REQUIRE_CRDS";

  private CrdRequirement() {}

  /**
   * {@code available} itself, for an assumption.
   *
   * @throws IllegalStateException naming {@code reason} if it is false while {@value #PROPERTY} is
   *     true
   */
  public static boolean available(boolean available, String reason) {
    String property = System.getProperty(PROPERTY);
    boolean required =
        property != null && !property.isBlank()
            ? Boolean.parseBoolean(property)
            : "true".equalsIgnoreCase(System.getenv(ENV));
    if (!available && required) {
      throw new IllegalStateException(
          reason + " (" + PROPERTY + "=true: the CRD source must be complete)");
    }
    return available;
  }
}
