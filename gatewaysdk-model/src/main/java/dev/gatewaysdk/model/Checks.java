package dev.gatewaysdk.model;

import java.util.Optional;

/**
 * Argument checks shared by the model's builders; messages name the field and the offending value.
 * Messages are built only on failure: these checks run for every value read from JSON.
 */
final class Checks {
  static final int MAX_WEIGHT = 1_000_000;

  private Checks() {}

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static int port(String field, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(field + " must be 1..65535: " + port);
    }
    return port;
  }

  static void port(String field, Optional<Integer> port) {
    if (port.isPresent()) {
      port(field, port.get());
    }
  }

  static int weight(int weight) {
    if (weight < 0 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("weight must be 0.." + MAX_WEIGHT + ": " + weight);
    }
    return weight;
  }

  static void weight(Optional<Integer> weight) {
    if (weight.isPresent()) {
      weight(weight.get());
    }
  }

  static int percent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100: " + percent);
    }
    return percent;
  }

  static String path(String field, String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(field + " must start with '/': " + path);
    }
    return path;
  }

  /**
   * {@code apiVersion} if it is {@code gateway.networking.k8s.io/<version>}; shared by every kind's
   * builder.
   */
  static String apiVersion(String apiVersion) {
    if (apiVersion == null
        || !apiVersion.startsWith(GatewayApiKind.GROUP)
        || apiVersion.length() <= GatewayApiKind.GROUP.length() + 1
        || apiVersion.charAt(GatewayApiKind.GROUP.length()) != '/') {
      throw new IllegalArgumentException(
          "apiVersion must be " + GatewayApiKind.GROUP + "/<version>: " + apiVersion);
    }
    return apiVersion;
  }
}
