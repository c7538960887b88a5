package dev.gatewaysdk.testing.internal.cluster;

import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import java.nio.file.Path;

/** The {@link EmbeddedApiServer} as a cluster. */
final class EmbeddedCluster extends BaseCluster {
  private final EmbeddedApiServer server;

  private EmbeddedCluster(GatewayClusterOptions options, EmbeddedApiServer server) {
    super(options, server.apiClient());
    this.server = server;
  }

  static EmbeddedCluster start(GatewayClusterOptions options) {
    EmbeddedApiServer server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder()
                .release(options.release())
                .channel(options.channel())
                .authorization(options.authorization())
                .build());
    EmbeddedCluster c = new EmbeddedCluster(options, server);
    try {
      c.startController();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public String kubeconfig() {
    return server.kubeconfig();
  }

  @Override
  public synchronized Path kubeconfigFile() {
    return server.kubeconfigFile();
  }

  @Override
  public void close() {
    super.close();
    server.close();
  }
}
