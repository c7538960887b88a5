package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: the server throttled the request; {@link #retryAfter()} says when to try again. */
public class TooManyRequestsException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public TooManyRequestsException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return status().retryAfter();
  }
}
