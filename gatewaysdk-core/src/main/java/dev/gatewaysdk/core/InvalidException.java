package dev.gatewaysdk.core;

import java.util.List;

/**
 * HTTP 422 (or 400 BadRequest): the server rejected the object, e.g. a CRD schema or CEL rule
 * violation or a failed JSON patch {@code test}. {@link #causes()} names each rejected field.
 */
public class InvalidException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public InvalidException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }

  /** The rejected fields with the server's message for each; empty when the server gave none. */
  public List<ApiStatus.Cause> causes() {
    return status().causes();
  }
}
