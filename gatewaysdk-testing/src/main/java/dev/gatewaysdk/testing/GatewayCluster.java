package dev.gatewaysdk.testing;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.testing.internal.cluster.Clusters;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Kubernetes cluster serving the Gateway API, for tests: the {@link EmbeddedApiServer} (default),
 * a k3s container, or an existing cluster from a kubeconfig. It has the Gateway API CRDs of {@link
 * #release()} and {@link #channel()} installed and, unless {@link Controller#NONE}, a Gateway
 * controller with a GatewayClass named {@link #gatewayClassName()}.
 *
 * <p>Implementations are thread-safe. Close the cluster to stop its controller and backend (a k3s
 * container stops, an existing cluster is left running).
 *
 * <pre>{@code
 * try (GatewayCluster cluster = GatewayCluster.start(GatewayClusterOptions.defaults())) {
 *   String ns = cluster.createTestNamespace("canary");
 *   cluster.create(Fixtures.gateway(ns, "gw", cluster.gatewayClassName()));
 *   GatewayApiAssertions.awaitThat(cluster.client(), cluster.get(Gateway.class, ns, "gw")).isProgrammed();
 * }
 * }</pre>
 */
public interface GatewayCluster extends AutoCloseable {

  /** Where a cluster runs. */
  enum Backend {
    /** The {@link EmbeddedApiServer} in this JVM: fast, no Docker. */
    EMBEDDED,
    /**
     * A k3s container (Testcontainers) with image {@value GatewayClusterOptions#DEFAULT_K3S_IMAGE}
     * unless the system property {@value GatewayClusterOptions#K3S_IMAGE_PROPERTY} names another.
     * Needs Docker.
     */
    K3S,
    /**
     * An existing cluster: the kubeconfig file named by system property {@value
     * GatewayClusterOptions#KUBECONFIG_PROPERTY} or environment variable {@value
     * GatewayClusterOptions#KUBECONFIG_ENV}, with context {@value
     * GatewayClusterOptions#CONTEXT_PROPERTY} (else the file's current context).
     */
    KUBECONFIG
  }

  /** Which Gateway controller writes status. */
  enum Controller {
    /** {@link SimulatedGatewayController}: status without a data plane; works on every backend. */
    SIMULATED,
    /**
     * No controller: nothing writes status (tests of validation or of code that only writes specs).
     */
    NONE,
    /**
     * Traefik, bundled with k3s, with its Gateway API provider enabled (GatewayClass {@code
     * traefik}): a real data plane for tests that send traffic. {@link Backend#K3S} only.
     */
    TRAEFIK
  }

  /**
   * Starts (or connects to) a cluster; {@link #availability(GatewayClusterOptions)} tells first
   * whether the backend can run here.
   *
   * @throws IllegalStateException if the backend cannot run here (no Docker, no kubeconfig)
   * @throws dev.gatewaysdk.core.GatewayApiException if the cluster cannot be set up
   * @throws IllegalArgumentException if the options do not fit together (a Traefik controller
   *     without k3s)
   */
  static GatewayCluster start(GatewayClusterOptions options) {
    return Clusters.start(options);
  }

  /** An embedded cluster with default options and the simulated controller. */
  static GatewayCluster embedded() {
    return start(GatewayClusterOptions.defaults());
  }

  /**
   * Why the backend of {@code options} cannot run here ("no Docker engine", "no kubeconfig given"),
   * or empty if it can. Tests skip with this reason.
   *
   * @throws IllegalStateException for the k3s backend without {@code
   *     org.testcontainers:testcontainers-k3s} (an optional dependency) on the classpath: a setup
   *     error to fix, not a reason to skip
   */
  static Optional<String> availability(GatewayClusterOptions options) {
    return Clusters.unavailableReason(options);
  }

  GatewayClusterOptions options();

  default Backend backend() {
    return options().backend();
  }

  /**
   * The Gateway API release of the installed CRDs, such as {@value
   * dev.gatewaysdk.model.CrdSource#LATEST_RELEASE}.
   */
  String release();

  Channel channel();

  /** An official Java client for the cluster (no read timeout, so watches stay open). */
  ApiClient apiClient();

  /** A gatewaysdk client over {@link #apiClient()}. */
  GatewayApiClient client();

  /** A kubeconfig (YAML) for the cluster, for {@code kubectl} and other tools. */
  String kubeconfig();

  /** {@link #kubeconfig()} in a file readable only by this user, deleted on {@link #close()}. */
  Path kubeconfigFile();

  /**
   * The GatewayClass the controller owns ({@code gatewaysdk-simulated} for {@link
   * Controller#SIMULATED}, {@code traefik} for {@link Controller#TRAEFIK}); empty with {@link
   * Controller#NONE}.
   */
  Optional<String> gatewayClassName();

  /**
   * Where HTTP traffic enters the data plane ({@code host:port} of Traefik's {@code web} entry
   * point, which Gateway listeners reach on port 8000), or empty when the controller has no data
   * plane.
   */
  default Optional<String> httpEndpoint() {
    return Optional.empty();
  }

  /** The running simulated controller, if this cluster runs one. */
  Optional<SimulatedGatewayController> simulatedController();

  /**
   * Gateway {@code namespace/name} as served by the simulated controller's data plane: its loopback
   * address and listener URLs.
   *
   * @throws IllegalStateException if this cluster runs no simulated controller with a data plane
   */
  default EmbeddedGateway gateway(String namespace, String name) {
    return simulatedController()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this cluster runs no simulated controller: no embedded data plane"))
        .gateway(namespace, name);
  }

  /**
   * Creates a namespace; returns its name.
   *
   * @throws dev.gatewaysdk.core.AlreadyExistsException if it exists
   */
  String createNamespace(String name);

  /**
   * Creates a namespace with a unique name starting with {@code hint} (lower-cased, at most 63
   * characters), labelled {@code gatewaysdk.dev/test=true}; returns its name.
   */
  String createTestNamespace(String hint);

  /** Deletes a namespace and what it holds (in the background); false if it did not exist. */
  boolean deleteNamespace(String name);

  /**
   * Creates {@code object}: a typed Gateway API object, a client-java model (such as {@code
   * V1Service}), a {@link dev.gatewaysdk.model.GenericObject} or a Jackson {@code ObjectNode}.
   * Returns the object as stored, of the same type.
   *
   * @throws dev.gatewaysdk.core.GatewayApiException if the server rejects it
   * @throws IllegalArgumentException if the object is of none of those types or a namespaced object
   *     names no namespace
   */
  <T> T create(T object);

  /**
   * Reads a Gateway API object.
   *
   * @throws dev.gatewaysdk.core.NotFoundException if it does not exist
   */
  <T extends GatewayApiObject> T get(Class<T> type, String namespace, String name);

  /** Deletes {@code object} (of the types {@link #create} takes); false if it did not exist. */
  boolean delete(Object object);

  /**
   * Stops the controller and the backend (a k3s container is removed; an existing cluster stays).
   */
  @Override
  void close();
}
