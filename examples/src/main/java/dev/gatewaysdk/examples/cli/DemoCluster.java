package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the demo runs: the embedded API server in this JVM (default), or a real cluster from a
 * kubeconfig. In both cases the simulated Gateway controller writes status for the demo's
 * GatewayClass, and the demo works in a namespace of its own; on a real cluster that namespace and
 * the GatewayClass get unique names and are deleted on {@link #close()} unless kept.
 */
final class DemoCluster implements AutoCloseable {
  private final EmbeddedApiServer server;
  private final ApiClient apiClient;
  private final GatewayApiClient client;
  private final SimulatedGatewayController controller;
  private final String description;
  private final String namespace;
  private final String gatewayClassName;
  private final boolean keep;
  private boolean namespaceCreated;

  private DemoCluster(
      EmbeddedApiServer server,
      ApiClient apiClient,
      String description,
      String suffix,
      boolean keep) {
    this.server = server;
    this.apiClient = apiClient;
    this.client = GatewayApiClient.create(apiClient);
    this.description = description;
    this.namespace = "gatewaysdk-demo" + suffix;
    this.gatewayClassName = "gatewaysdk-demo" + suffix;
    this.keep = keep;
    this.controller = SimulatedGatewayController.start(apiClient);
  }

  /** Starts the embedded API server with the Gateway API CRDs and the simulated controller. */
  static DemoCluster embedded() {
    EmbeddedApiServer server = EmbeddedApiServer.start();
    try {
      return new DemoCluster(
          server,
          server.apiClient(),
          "embedded API server at "
              + server.url()
              + " (Gateway API "
              + server.options().release()
              + ", "
              + server.options().channel().id()
              + " channel)",
          "",
          true);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Connects to the cluster of {@code kubeconfig} ({@code $KUBECONFIG} or {@code ~/.kube/config}
   * when null) and {@code context} (the current context when null).
   *
   * @throws IllegalArgumentException if the kubeconfig cannot be read or has no such context
   */
  static DemoCluster fromKubeconfig(Path kubeconfig, String context, boolean keep) {
    Path file = kubeconfig != null ? kubeconfig : defaultKubeconfig();
    KubeConfig config;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      config = KubeConfig.loadKubeConfig(reader);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read kubeconfig " + file + ": " + e.getMessage(), e);
    }
    config.setFile(file.toAbsolutePath().toFile());
    if (context != null && !config.setContext(context)) {
      throw new IllegalArgumentException("kubeconfig " + file + " has no context " + context);
    }
    ApiClient api;
    try {
      api = ClientBuilder.kubeconfig(config).build();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot use kubeconfig " + file + ": " + e.getMessage(), e);
    }
    // Watches hold requests open; a read timeout would end them every few seconds.
    api.setHttpClient(api.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    String suffix =
        "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
    return new DemoCluster(
        null,
        api,
        "cluster "
            + api.getBasePath()
            + " (kubeconfig "
            + file
            + (context != null ? ", context " + context : "")
            + ")",
        suffix.toLowerCase(Locale.ROOT),
        keep);
  }

  private static Path defaultKubeconfig() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env.split(java.io.File.pathSeparator)[0]);
    }
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }

  boolean isEmbedded() {
    return server != null;
  }

  ApiClient apiClient() {
    return apiClient;
  }

  GatewayApiClient client() {
    return client;
  }

  String description() {
    return description;
  }

  String namespace() {
    return namespace;
  }

  String gatewayClassName() {
    return gatewayClassName;
  }

  String controllerName() {
    return controller.controllerName();
  }

  /**
   * {@code http://<address>:<port>/} of listener {@code listener} of the demo's Gateway {@code
   * name}, served by the simulated controller's data plane.
   */
  java.net.URI gatewayUrl(String name, String listener) {
    return controller.gateway(namespace, name).url(listener);
  }

  /** The data plane's metrics endpoint. */
  java.net.URI metricsUrl() {
    return controller
        .metricsUrl()
        .orElseThrow(
            () -> new IllegalStateException("the simulated controller runs no data plane"));
  }

  /** Creates the demo's namespace. */
  void createNamespace() throws ApiException {
    V1Namespace ns =
        new V1Namespace()
            .metadata(
                new V1ObjectMeta()
                    .name(namespace)
                    .putLabelsItem("app.kubernetes.io/managed-by", "gatewaysdk-demo"));
    new CoreV1Api(apiClient).createNamespace(ns).execute();
    namespaceCreated = true;
  }

  /** What {@link #close()} leaves behind on a real cluster, for the summary; empty if nothing. */
  String leftBehind() {
    return server == null && keep
        ? "namespace " + namespace + " and GatewayClass " + gatewayClassName
        : "";
  }

  @Override
  public void close() {
    controller.close();
    if (server != null) {
      server.close();
      return;
    }
    if (keep) {
      return;
    }
    try {
      client.gatewayClasses().delete(gatewayClassName);
    } catch (RuntimeException e) {
      // best effort: it may not have been created
    }
    if (namespaceCreated) {
      try {
        new CoreV1Api(apiClient).deleteNamespace(namespace).execute();
      } catch (ApiException | RuntimeException e) {
        // best effort; the summary names the namespace
      }
    }
  }
}
