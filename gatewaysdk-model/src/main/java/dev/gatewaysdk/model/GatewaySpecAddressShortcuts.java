package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GatewaySpecAddress}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GatewaySpecAddressShortcuts {
  GatewaySpecAddressShortcuts() {}

  /** The IP address {@code ip}. */
  public static GatewaySpecAddress ipAddress(String ip) {
    return GatewaySpecAddress.builder().type(AddressType.IP_ADDRESS).value(ip).build();
  }

  /** The hostname {@code hostname}. */
  public static GatewaySpecAddress hostname(String hostname) {
    return GatewaySpecAddress.builder().type(AddressType.HOSTNAME).value(hostname).build();
  }
}
