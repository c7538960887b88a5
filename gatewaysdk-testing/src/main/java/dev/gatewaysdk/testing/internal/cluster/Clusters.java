package dev.gatewaysdk.testing.internal.cluster;

import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/** Starts the backend that options ask for, or says why it cannot run here. */
public final class Clusters {
  static final String NO_KUBECONFIG = "no kubeconfig given: set the system property "
      + GatewayClusterOptions.KUBECONFIG_PROPERTY + " or the environment variable " + GatewayClusterOptions.KUBECONFIG_ENV;

  private Clusters() {}

  public static GatewayCluster start(GatewayClusterOptions options) {
    Objects.requireNonNull(options, "options");
    Optional<String> unavailable = unavailableReason(options);
    if (unavailable.isPresent()) {
      throw new IllegalStateException("cannot start " + options + ": " + unavailable.get());
    }
    switch (options.backend()) {
      case K3S:
        return K3sCluster.start(options);
      case KUBECONFIG:
        return KubeconfigCluster.start(options);
      default:
        return EmbeddedCluster.start(options);
    }
  }

  public static Optional<String> unavailableReason(GatewayClusterOptions options) {
    switch (options.backend()) {
      case K3S:
        return dockerAvailable() ? Optional.empty()
            : Optional.of("no Docker engine available for the k3s container (Testcontainers found none)");
      case KUBECONFIG:
        if (options.kubeconfig().isEmpty()) {
          return Optional.of(NO_KUBECONFIG);
        }
        if (!Files.isReadable(options.kubeconfig().get())) {
          return Optional.of("kubeconfig " + options.kubeconfig().get() + " is not a readable file");
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
