package dev.gatewaysdk.core;

/**
 * HTTP 503 or 502, or no response at all (connection refused or reset, I/O failure): the server
 * could not be reached or is not ready.
 */
public class UnavailableException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
