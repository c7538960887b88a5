package dev.gatewaysdk.core.validation;

import dev.gatewaysdk.core.FieldValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one object, shaped like the API server's answer: no causes means the
 * server would accept it (possibly with {@link #warnings()}); otherwise {@link #statusCode()} says
 * whether it would answer 422 Invalid (schema or CEL violations) or 400 BadRequest (strict
 * decoding: unknown fields under {@link FieldValidation#STRICT}, or a kind the CRDs do not serve).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ValidationResult r = validator.validate(route);
 * if (!r.valid()) System.err.println(r.kubectlMessage());
 * }</pre>
 */
public final class ValidationResult {
  private final String kind;
  private final String apiVersion;
  private final String name;
  private final List<Cause> causes;
  private final List<String> warnings;

  private ValidationResult(
      String kind, String apiVersion, String name, List<Cause> causes, List<String> warnings) {
    this.kind = kind == null ? "" : kind;
    this.apiVersion = apiVersion == null ? "" : apiVersion;
    this.name = name == null ? "" : name;
    this.causes = List.copyOf(causes);
    this.warnings = List.copyOf(warnings);
  }

  /** A result for the object {@code kind}/{@code name} of {@code apiVersion}. */
  public static ValidationResult of(
      String kind, String apiVersion, String name, List<Cause> causes, List<String> warnings) {
    return new ValidationResult(kind, apiVersion, name, causes, warnings);
  }

  /** True when the API server would accept the object. */
  public boolean valid() {
    return causes.isEmpty();
  }

  /** Why the object is invalid, in the order the checks found them; empty when valid. */
  public List<Cause> causes() {
    return causes;
  }

  /** Warnings the server would send back (e.g. {@code unknown field "spec.foo"} under WARN). */
  public List<String> warnings() {
    return warnings;
  }

  /** The object's kind, e.g. {@code HTTPRoute}; empty when the object had none. */
  public String kind() {
    return kind;
  }

  /** The object's apiVersion, e.g. {@code gateway.networking.k8s.io/v1}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The object's {@code metadata.name} (or generateName); may be empty. */
  public String name() {
    return name;
  }

  /**
   * 200 when valid; 400 when the server would fail decoding (unknown fields under STRICT, or a kind
   * the CRDs do not serve); 422 otherwise.
   */
  public int statusCode() {
    if (causes.isEmpty()) {
      return 200;
    }
    boolean decoding =
        causes.stream()
            .allMatch(
                c ->
                    c.reason().equals(Cause.FIELD_VALUE_UNKNOWN)
                        || c.reason().equals(Cause.KIND_NOT_SERVED));
    return decoding ? 400 : 422;
  }

  /** This result plus {@code more} causes and warnings. */
  public ValidationResult plus(List<Cause> more, List<String> moreWarnings) {
    List<Cause> c = new ArrayList<>(causes);
    c.addAll(more);
    List<String> w = new ArrayList<>(warnings);
    w.addAll(moreWarnings);
    return new ValidationResult(kind, apiVersion, name, c, w);
  }

  /**
   * The {@code message} of the API server's Status, e.g. {@code HTTPRoute.gateway.networking.k8s.io
   * "x" is invalid: [spec.a: ..., spec.b: ...]}; empty when valid.
   */
  public String statusMessage() {
    if (valid()) {
      return "";
    }
    if (statusCode() == 400) {
      return decodingMessage();
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String qualified = group.isEmpty() ? kind : kind + "." + group;
    String list =
        causes.size() == 1
            ? causes.get(0).toString()
            : causes.stream().map(Cause::toString).collect(Collectors.joining(", ", "[", "]"));
    return qualified + " \"" + name + "\" is invalid: " + list;
  }

  /**
   * The error as kubectl prints it: {@code The HTTPRoute "x" is invalid: spec...: Invalid value:
   * ...}, one {@code * cause} line each when there are several; empty when valid.
   */
  public String kubectlMessage() {
    if (valid()) {
      return "";
    }
    if (statusCode() == 400) {
      return "Error from server (BadRequest): " + decodingMessage();
    }
    String head = "The " + kind + " \"" + name + "\" is invalid: ";
    if (causes.size() == 1) {
      return head + causes.get(0);
    }
    return head + "\n" + causes.stream().map(c -> "* " + c).collect(Collectors.joining("\n"));
  }

  private String decodingMessage() {
    List<Cause> notServed =
        causes.stream().filter(c -> c.reason().equals(Cause.KIND_NOT_SERVED)).toList();
    if (!notServed.isEmpty()) {
      return notServed.stream().map(Cause::message).collect(Collectors.joining("; "));
    }
    String version =
        apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
    return kind
        + " in version \""
        + version
        + "\" cannot be handled as a "
        + kind
        + ": strict decoding error: "
        + causes.stream().map(Cause::message).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return valid() ? "valid" + (warnings.isEmpty() ? "" : " " + warnings) : statusMessage();
  }
}
