package dev.gatewaysdk.core;

/** HTTP 409 AlreadyExists: an object of that name exists already. */
public class AlreadyExistsException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
