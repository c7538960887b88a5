package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.core.GatewayApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Path;

/** The client the cluster commands use: {@code --kubeconfig FILE}, else what kubectl would use. */
final class CliClients {
  private CliClients() {}

  static GatewayApiClient connect(Path kubeconfig) throws IOException {
    return kubeconfig == null
        ? GatewayApiClient.fromDefaultConfig()
        : GatewayApiClient.create(Config.fromConfig(kubeconfig.toString()));
  }
}
