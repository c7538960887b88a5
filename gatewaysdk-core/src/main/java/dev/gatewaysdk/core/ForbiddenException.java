package dev.gatewaysdk.core;

/** HTTP 403: the credentials are not allowed to do this. */
public class ForbiddenException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
