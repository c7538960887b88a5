package dev.gatewaysdk.core;

/** HTTP 404: the object, or the resource type, does not exist. */
public class NotFoundException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, ApiStatus status, Throwable cause) {
    super(message, status, cause);
  }
}
