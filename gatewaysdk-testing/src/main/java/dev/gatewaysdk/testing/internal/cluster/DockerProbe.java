package dev.gatewaysdk.testing.internal.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * The only class besides {@link K3sCluster} that names Testcontainers: loaded once the k3s backend
 * is asked for.
 */
final class DockerProbe {
  private DockerProbe() {}

  /**
   * Whether anything here points at a Docker engine: the places Testcontainers' own strategies look
   * first.
   */
  static boolean anyDockerConfigured() {
    if (System.getenv("DOCKER_HOST") != null
        || System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null) {
      return true;
    }
    String home = System.getProperty("user.home", "");
    List<Path> signs =
        List.of(
            Path.of("/var/run/docker.sock"),
            Path.of(home, ".docker", "run", "docker.sock"),
            Path.of(home, ".docker", "desktop", "docker.sock"),
            Path.of(home, ".testcontainers.properties"),
            Path.of(
                System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/run/user/" + uid()),
                "docker.sock"));
    return signs.stream().anyMatch(Files::exists);
  }

  static boolean testcontainersFindsDocker() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String uid() {
    try {
      return String.valueOf(
          Files.getAttribute(Path.of(System.getProperty("user.home", "/")), "unix:uid"));
    } catch (Exception | LinkageError e) {
      return "0";
    }
  }
}
