package dev.gatewaysdk.core;

/**
 * HTTP 504, or 500 with reason ServerTimeout or Timeout: the server did not complete the request in
 * time; it may or may not have been applied.
 */
public class ServerTimeoutException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public ServerTimeoutException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
