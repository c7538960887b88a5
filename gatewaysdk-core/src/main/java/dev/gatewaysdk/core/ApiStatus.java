package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes {@code Status} the API server returned with a failure: reason, message and details
 * (the object's name and kind, the field causes of a validation failure, the retry delay).
 *
 * <p>Instances are immutable.
 */
public final class ApiStatus {
  private final int code;
  private final String reason;
  private final String message;
  private final String name;
  private final String kind;
  private final List<Cause> causes;
  private final Optional<Duration> retryAfter;

  private ApiStatus(
      int code,
      String reason,
      String message,
      String name,
      String kind,
      List<Cause> causes,
      Optional<Duration> retryAfter) {
    this.code = code;
    this.reason = reason == null ? "" : reason;
    this.message = message == null ? "" : message;
    this.name = name == null ? "" : name;
    this.kind = kind == null ? "" : kind;
    this.causes = List.copyOf(causes);
    this.retryAfter = Objects.requireNonNull(retryAfter);
  }

  /** A status with the given fields; empty strings for absent text fields. */
  public static ApiStatus of(
      int code,
      String reason,
      String message,
      String name,
      String kind,
      List<Cause> causes,
      Optional<Duration> retryAfter) {
    return new ApiStatus(code, reason, message, name, kind, causes, retryAfter);
  }

  /** A status with only a code, reason and message. */
  public static ApiStatus of(int code, String reason, String message) {
    return new ApiStatus(code, reason, message, "", "", List.of(), Optional.empty());
  }

  /** The HTTP status code, or 0 when no response was received. */
  public int code() {
    return code;
  }

  /** The machine-readable reason such as {@code NotFound} or {@code Invalid}; empty if none. */
  public String reason() {
    return reason;
  }

  /** The server's human-readable message; empty if none. */
  public String message() {
    return message;
  }

  /** {@code details.name}: the name of the object concerned; empty if none. */
  public String name() {
    return name;
  }

  /** {@code details.kind}; empty if none. */
  public String kind() {
    return kind;
  }

  /** {@code details.causes}: for validation failures, one entry per rejected field. */
  public List<Cause> causes() {
    return causes;
  }

  /** {@code details.retryAfterSeconds} or the {@code Retry-After} header. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder().append(code).append(' ').append(reason);
    if (!message.isEmpty()) {
      b.append(": ").append(message);
    }
    return b.toString();
  }

  /**
   * One entry of {@code details.causes}: the field path, a reason such as {@code
   * FieldValueInvalid}, a message.
   */
  public static final class Cause {
    private final String field;
    private final String reason;
    private final String message;

    private Cause(String field, String reason, String message) {
      this.field = field == null ? "" : field;
      this.reason = reason == null ? "" : reason;
      this.message = message == null ? "" : message;
    }

    public static Cause of(String field, String reason, String message) {
      return new Cause(field, reason, message);
    }

    /** The field path as the server names it, e.g. {@code spec.rules[0].backendRefs[1].weight}. */
    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }

    public String message() {
      return message;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cause
          && ((Cause) o).field.equals(field)
          && ((Cause) o).reason.equals(reason)
          && ((Cause) o).message.equals(message);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, reason, message);
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
