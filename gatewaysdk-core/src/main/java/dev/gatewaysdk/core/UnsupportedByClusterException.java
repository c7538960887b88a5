package dev.gatewaysdk.core;

/**
 * The cluster does not serve the Gateway API kind, version or field a call needs. The message names
 * the cluster's Gateway API release and channel and what to install, e.g. {@code TLSRoute is not
 * served by this cluster (Gateway API v1.0.0, standard channel); install the experimental channel
 * or v1.5.0+}. No request was sent; {@link #statusCode()} is 0.
 */
public class UnsupportedByClusterException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  public UnsupportedByClusterException(String message) {
    super(message, ApiStatus.of(0, "UnsupportedByCluster", message));
  }
}
