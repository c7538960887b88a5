package dev.gatewaysdk.core;

/**
 * HTTP 409 Conflict: the object changed since it was read (resourceVersion or precondition
 * mismatch); re-read and retry.
 */
public class ConflictException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
