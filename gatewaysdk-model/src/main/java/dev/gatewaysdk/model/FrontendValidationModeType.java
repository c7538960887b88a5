package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * FrontendValidationMode defines the mode for validating the client certificate.
 * There are two possible modes:
 *
 * <p>- AllowValidOnly: In this mode, the gateway will accept connections only if
 *   the client presents a valid certificate. This certificate must successfully
 *   pass validation against the CA certificates specified in `CACertificateRefs`.
 * - AllowInsecureFallback: In this mode, the gateway will accept connections
 *   even if the client certificate is not presented or fails verification.
 *
 * <p>This approach delegates client authorization to the backend and introduce
 *   a significant security risk. It should be used in testing environments or
 *   on a temporary basis in non-testing environments.
 *
 * <p>Defaults to AllowValidOnly.
 *
 * <p>Support: Core
 *
 * <p>Schema: {@code Gateway.spec.tls.frontend.default.validation.mode}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class FrontendValidationModeType {
  /**
   * {@code AllowValidOnly}.
   */
  public static final FrontendValidationModeType ALLOW_VALID_ONLY = new FrontendValidationModeType("AllowValidOnly");

  /**
   * {@code AllowInsecureFallback}.
   */
  public static final FrontendValidationModeType ALLOW_INSECURE_FALLBACK = new FrontendValidationModeType("AllowInsecureFallback");

  private static final List<FrontendValidationModeType> KNOWN = List.of(ALLOW_VALID_ONLY, ALLOW_INSECURE_FALLBACK);

  private final String value;

  private FrontendValidationModeType(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(
      mode = JsonCreator.Mode.DELEGATING
  )
  public static FrontendValidationModeType of(String value) {
    Objects.requireNonNull(value, "value");
    for (FrontendValidationModeType k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new FrontendValidationModeType(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<FrontendValidationModeType> knownValues() {
    return KNOWN;
  }

  /**
   * Whether this is one of the {@link #knownValues() known values}.
   */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /**
   * The value as written in manifests.
   */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrontendValidationModeType && ((FrontendValidationModeType) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
