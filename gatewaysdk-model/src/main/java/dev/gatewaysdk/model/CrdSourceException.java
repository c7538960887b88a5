package dev.gatewaysdk.model;

/**
 * The Gateway API CRDs could not be found, read or downloaded; the message says how to provide
 * them.
 */
public final class CrdSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CrdSourceException(String message, Throwable cause) {
    super(message, cause);
  }

  public CrdSourceException(String message) {
    super(message);
  }
}
