package dev.gatewaysdk.testing.internal.cluster;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An existing cluster from a kubeconfig. The Gateway API CRDs are installed from the CRD source
 * only when the cluster serves no Gateway API at all; an installed Gateway API is left as it is.
 */
final class KubeconfigCluster extends BaseCluster {
  private final String kubeconfig;

  private KubeconfigCluster(GatewayClusterOptions options, ApiClient client, String kubeconfig) {
    super(options, client);
    this.kubeconfig = kubeconfig;
  }

  static KubeconfigCluster start(GatewayClusterOptions options) {
    Path file =
        options.kubeconfig().orElseThrow(() -> new IllegalStateException(Clusters.NO_KUBECONFIG));
    String text;
    ApiClient client;
    try {
      text = Files.readString(file);
      KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(text));
      config.setFile(file.toFile());
      options
          .context()
          .ifPresent(
              ctx -> {
                if (!config.setContext(ctx)) {
                  throw new IllegalArgumentException(
                      "kubeconfig " + file + " has no context " + ctx);
                }
              });
      client = ClientBuilder.kubeconfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
    }
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    KubeconfigCluster cluster = new KubeconfigCluster(options, client, text);
    if (cluster.kube().preferredResource(GatewayApiKind.GROUP, "Gateway").isEmpty()) {
      CrdInstaller.install(
          cluster.kube(),
          CrdSource.fromEnvironment().installManifest(options.release(), options.channel()),
          Duration.ofMinutes(2));
    }
    cluster.startController();
    return cluster;
  }

  @Override
  public String release() {
    return client().refreshCapabilities().release().orElse(options().release());
  }

  @Override
  public dev.gatewaysdk.model.Channel channel() {
    return client().capabilities().channel().orElse(options().channel());
  }

  @Override
  public String kubeconfig() {
    return kubeconfig;
  }
}
