package dev.gatewaysdk.core;

import java.util.Objects;

/**
 * A failed Kubernetes API call, or a request the cluster cannot serve. Every failure of this SDK's
 * client surfaces as this unchecked type or one of its subclasses; the subclass tells what happened
 * ({@link NotFoundException}, {@link ConflictException}, {@link InvalidException}...), {@link
 * #status()} carries the server's details.
 */
public class GatewayApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ApiStatus status;

  public GatewayApiException(String message, ApiStatus status, Throwable cause) {
    super(message, cause);
    this.status = Objects.requireNonNull(status, "status");
  }

  public GatewayApiException(String message, ApiStatus status) {
    this(message, status, null);
  }

  /**
   * The HTTP status code, or 0 if the server gave no response (connection failure, client-side
   * check).
   */
  public int statusCode() {
    return status.code();
  }

  /** The server's status: reason, message and details. */
  public ApiStatus status() {
    return status;
  }
}
