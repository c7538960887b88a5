package dev.gatewaysdk.testing.internal.cluster;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.testing.GatewayCluster.Controller;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A k3s container: the Gateway API CRDs of the chosen release and channel are installed once it
 * runs, and with {@link Controller#TRAEFIK} the bundled Traefik gets its Gateway API provider
 * through a HelmChartConfig placed in k3s' auto-deploy manifests directory before start.
 */
final class K3sCluster extends BaseCluster {
  /**
   * Traefik's web entry point (container port 8000) is published by k3s' service load balancer on
   * port 80.
   */
  static final int HTTP_PORT = 80;

  private static final String TRAEFIK_CONFIG =
      "apiVersion: helm.cattle.io/v1\n"
          + "kind: HelmChartConfig\n"
          + "metadata:\n"
          + "  name: traefik\n"
          + "  namespace: kube-system\n"
          + "spec:\n"
          + "  valuesContent: |-\n"
          + "    providers:\n"
          + "      kubernetesGateway:\n"
          + "        enabled: true\n"
          + "    gateway:\n"
          + "      enabled: false\n"
          + "    gatewayClass:\n"
          + "      enabled: true\n"
          + "      name: traefik\n";

  private final K3sContainer container;
  private final String kubeconfig;

  private K3sCluster(
      GatewayClusterOptions options, ApiClient client, K3sContainer container, String kubeconfig) {
    super(options, client);
    this.container = container;
    this.kubeconfig = kubeconfig;
  }

  static K3sCluster start(GatewayClusterOptions options) {
    // Resolve the CRDs before paying for a container.
    Path manifest =
        CrdSource.fromEnvironment().installManifest(options.release(), options.channel());
    K3sContainer k3s = new K3sContainer(DockerImageName.parse(options.k3sImage()));
    boolean traefik = options.controller() == Controller.TRAEFIK;
    if (traefik) {
      k3s.setCommand("server", "--tls-san=" + k3s.getHost());
      k3s.withCopyToContainer(
          Transferable.of(TRAEFIK_CONFIG),
          "/var/lib/rancher/k3s/server/manifests/traefik-gateway-api.yaml");
      k3s.addExposedPorts(HTTP_PORT);
    }
    k3s.start();
    K3sCluster cluster = null;
    try {
      String kubeconfig = k3s.getKubeConfigYaml();
      ApiClient client = Config.fromConfig(new StringReader(kubeconfig));
      client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
      cluster = new K3sCluster(options, client, k3s, kubeconfig);
      CrdInstaller.install(cluster.kube(), manifest, Duration.ofMinutes(2));
      cluster.startController();
      return cluster;
    } catch (IOException e) {
      k3s.stop();
      throw new UncheckedIOException("cannot read the k3s kubeconfig: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        k3s.stop();
      }
      throw e;
    }
  }

  @Override
  public String kubeconfig() {
    return kubeconfig;
  }

  @Override
  public Optional<String> httpEndpoint() {
    return container.getExposedPorts().contains(HTTP_PORT)
        ? Optional.of(container.getHost() + ":" + container.getMappedPort(HTTP_PORT))
        : Optional.empty();
  }

  @Override
  public void close() {
    super.close();
    container.stop();
  }
}
