package dev.gatewaysdk.testing.internal.cluster;

import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the backend that options ask for, or says why it cannot run here. */
public final class Clusters {
  private static final Logger LOG = LoggerFactory.getLogger(Clusters.class);
  private static final AtomicBoolean NO_DOCKER_LOGGED = new AtomicBoolean();
  static final String K3S_MISSING =
      "the k3s backend needs org.testcontainers:testcontainers-k3s on the test "
          + "classpath (an optional dependency of gatewaysdk-testing; its version is managed by gatewaysdk-bom): add "
          + "<dependency><groupId>org.testcontainers</groupId><artifactId>testcontainers-k3s</artifactId>"
          + "<scope>test</scope></dependency>";

  static final String NO_KUBECONFIG =
      "no kubeconfig given: set the system property "
          + GatewayClusterOptions.KUBECONFIG_PROPERTY
          + " or the environment variable "
          + GatewayClusterOptions.KUBECONFIG_ENV;

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
        if (!k3sOnClasspath()) {
          throw new IllegalStateException(K3S_MISSING);
        }
        return dockerAvailable()
            ? Optional.empty()
            : Optional.of(
                "no Docker engine available for the k3s container (Testcontainers found none)");
      case KUBECONFIG:
        if (options.kubeconfig().isEmpty()) {
          return Optional.of(NO_KUBECONFIG);
        }
        if (!Files.isReadable(options.kubeconfig().get())) {
          return Optional.of(
              "kubeconfig " + options.kubeconfig().get() + " is not a readable file");
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  static boolean k3sOnClasspath() {
    try {
      Class.forName("org.testcontainers.k3s.K3sContainer", false, Clusters.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Whether a Docker engine is reachable. Without any sign of one (no DOCKER_HOST, no Docker
   * socket, no Testcontainers configuration) Testcontainers is not asked, since it logs its search
   * as an ERROR: one INFO line says why instead.
   */
  private static boolean dockerAvailable() {
    if (!DockerProbe.anyDockerConfigured()) {
      if (NO_DOCKER_LOGGED.compareAndSet(false, true)) {
        LOG.info(
            "No Docker engine here (no DOCKER_HOST, no Docker socket, no ~/.testcontainers.properties): "
                + "k3s-backed tests are skipped");
      }
      return false;
    }
    return DockerProbe.testcontainersFindsDocker();
  }
}
