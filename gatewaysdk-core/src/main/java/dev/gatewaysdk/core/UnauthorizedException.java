package dev.gatewaysdk.core;

/** HTTP 401: the credentials were not accepted. */
public class UnauthorizedException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
