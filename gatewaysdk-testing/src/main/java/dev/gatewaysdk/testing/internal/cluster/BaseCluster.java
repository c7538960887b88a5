package dev.gatewaysdk.testing.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.AlreadyExistsException;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.GenericObject;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.GatewayClusterOptions;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import dev.gatewaysdk.testing.internal.kube.Kube;
import dev.gatewaysdk.testing.internal.kube.Kubeconfigs;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** What every backend shares: clients, namespaces, generic create/get/delete, the controller. */
abstract class BaseCluster implements GatewayCluster {
  static final String SIMULATED_CLASS = "gatewaysdk-simulated";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GatewayClusterOptions options;
  private final ApiClient apiClient;
  private final Kube kube;
  private final GatewayApiClient client;
  private volatile SimulatedGatewayController controller;
  private volatile String gatewayClassName;
  private Path kubeconfigFile;

  BaseCluster(GatewayClusterOptions options, ApiClient apiClient) {
    this.options = options;
    this.apiClient = apiClient;
    this.kube = new Kube(apiClient);
    this.client = GatewayApiClient.create(apiClient);
  }

  /** Starts the configured controller; called by backends once the CRDs are served. */
  void startController() {
    switch (options.controller()) {
      case SIMULATED:
        ObjectNode gc = Kube.JSON.createObjectNode();
        gc.put("apiVersion", GatewayApiKind.GROUP + "/v1");
        gc.put("kind", "GatewayClass");
        gc.putObject("metadata").put("name", SIMULATED_CLASS);
        gc.putObject("spec")
            .put("controllerName", SimulatedGatewayController.DEFAULT_CONTROLLER_NAME)
            .put("description", "gatewaysdk simulated controller: status only, no data plane");
        Kube.ResourceInfo r =
            kube.preferredResource(GatewayApiKind.GROUP, "GatewayClass")
                .orElseThrow(
                    () -> new IllegalStateException("the cluster does not serve GatewayClass"));
        gc.put("apiVersion", r.apiVersion);
        try {
          kube.create(r.collection(null), gc);
        } catch (AlreadyExistsException e) {
          // shared cluster: an earlier run created it
        }
        // Tests use listener ports such as 80 and 443: where this process may not bind them, the
        // data plane
        // binds every listener 8000 higher (EmbeddedGateway.port tells where) rather than fail
        // every test.
        controller =
            SimulatedGatewayController.builder()
                .portOffset(lowPortsBindable() ? 0 : 8000)
                .start(apiClient);
        gatewayClassName = SIMULATED_CLASS;
        break;
      case TRAEFIK:
        gatewayClassName = "traefik";
        break;
      default:
        break;
    }
  }

  Kube kube() {
    return kube;
  }

  /**
   * Whether this process may bind ports below 1024 on loopback (root, or a lowered unprivileged
   * start).
   */
  static boolean lowPortsBindable() {
    for (int port = 1023; port > 1000; port--) {
      try (java.net.ServerSocket s =
          new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return true;
      } catch (java.net.BindException e) {
        if (String.valueOf(e.getMessage()).contains("ermission")) {
          return false;
        }
        // in use: try the next one
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  @Override
  public GatewayClusterOptions options() {
    return options;
  }

  @Override
  public String release() {
    return options.release();
  }

  @Override
  public Channel channel() {
    return options.channel();
  }

  @Override
  public ApiClient apiClient() {
    return apiClient;
  }

  @Override
  public GatewayApiClient client() {
    return client;
  }

  @Override
  public synchronized Path kubeconfigFile() {
    if (kubeconfigFile == null) {
      kubeconfigFile = Kubeconfigs.writeTemporary(kubeconfig());
    }
    return kubeconfigFile;
  }

  @Override
  public Optional<String> gatewayClassName() {
    return Optional.ofNullable(gatewayClassName);
  }

  @Override
  public Optional<SimulatedGatewayController> simulatedController() {
    return Optional.ofNullable(controller);
  }

  @Override
  public String createNamespace(String name) {
    ObjectNode ns = Kube.JSON.createObjectNode();
    ns.put("apiVersion", "v1").put("kind", "Namespace");
    ObjectNode meta = ns.putObject("metadata");
    meta.put("name", name);
    meta.putObject("labels").put("gatewaysdk.dev/test", "true");
    kube.create("/api/v1/namespaces", ns);
    return name;
  }

  @Override
  public String createTestNamespace(String hint) {
    String base =
        hint == null ? "test" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    base = base.replaceAll("^-+|-+$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "t-" + base;
    }
    if (base.length() > 50) {
      base = base.substring(0, 50).replaceAll("-+$", "");
    }
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36);
      try {
        return createNamespace(base + "-" + suffix);
      } catch (AlreadyExistsException e) {
        if (attempt > 5) {
          throw e;
        }
      }
    }
  }

  @Override
  public boolean deleteNamespace(String name) {
    return kube.delete("/api/v1/namespaces/" + name);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T create(T object) {
    ObjectNode tree = tree(object);
    Kube.ResourceInfo r = resource(tree);
    ObjectNode created = kube.create(r.collection(namespaceOf(tree, r)), tree);
    return (T) convert(created, object.getClass());
  }

  @Override
  public <T extends GatewayApiObject> T get(Class<T> type, String namespace, String name) {
    GatewayApiKind kind =
        GatewayApiKind.of(type)
            .orElseThrow(
                () -> new IllegalArgumentException("not a Gateway API kind: " + type.getName()));
    Kube.ResourceInfo r =
        kube.preferredResource(GatewayApiKind.GROUP, kind.kind())
            .orElseThrow(
                () -> new IllegalStateException("the cluster does not serve " + kind.kind()));
    return Manifests.fromTree(kube.get(r.item(kind.namespaced() ? namespace : null, name)), type);
  }

  @Override
  public boolean delete(Object object) {
    ObjectNode tree = tree(object);
    Kube.ResourceInfo r = resource(tree);
    return kube.delete(r.item(namespaceOf(tree, r), tree.path("metadata").path("name").asText()));
  }

  private Kube.ResourceInfo resource(ObjectNode tree) {
    String apiVersion = tree.path("apiVersion").asText(null);
    String kind = tree.path("kind").asText(null);
    if (apiVersion == null || kind == null) {
      throw new IllegalArgumentException("object has no apiVersion or kind: " + tree);
    }
    try {
      return kube.resource(apiVersion, kind);
    } catch (NotFoundException e) {
      // A Gateway API object written for another version (ReferenceGrant v1 on a v1.0.0 cluster):
      // same
      // schema at the version the cluster serves.
      if (apiVersion.startsWith(GatewayApiKind.GROUP + "/")) {
        Kube.ResourceInfo r =
            kube.preferredResource(GatewayApiKind.GROUP, kind).orElseThrow(() -> e);
        tree.put("apiVersion", r.apiVersion);
        return r;
      }
      throw e;
    }
  }

  private static String namespaceOf(ObjectNode tree, Kube.ResourceInfo r) {
    if (!r.namespaced) {
      return null;
    }
    String ns = tree.path("metadata").path("namespace").asText(null);
    if (ns == null || ns.isEmpty()) {
      throw new IllegalArgumentException(
          r.kind
              + " "
              + tree.path("metadata").path("name").asText()
              + " is namespaced but metadata.namespace is not set");
    }
    return ns;
  }

  private ObjectNode tree(Object object) {
    if (object == null) {
      throw new IllegalArgumentException("object must not be null");
    }
    if (object instanceof JsonNode
        || object instanceof GenericObject
        || GatewayApiKind.of(object.getClass()).isPresent()) {
      return Manifests.toTree(object);
    }
    if (object.getClass().getName().startsWith("io.kubernetes.client.openapi.models.")) {
      try {
        return (ObjectNode) Kube.JSON.readTree(apiClient.getJSON().serialize(object));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot serialize " + object.getClass().getSimpleName(), e);
      }
    }
    throw new IllegalArgumentException(
        "cannot create a "
            + object.getClass().getName()
            + ": pass a Gateway API object, a client-java model, a GenericObject or an ObjectNode");
  }

  private Object convert(ObjectNode created, Class<?> type) {
    if (JsonNode.class.isAssignableFrom(type)) {
      return created;
    }
    if (type.getName().startsWith("io.kubernetes.client.openapi.models.")) {
      return apiClient.getJSON().deserialize(created.toString(), type);
    }
    return Manifests.fromTree(created, type);
  }

  /** Stops the controller; backends stop themselves after calling this. */
  @Override
  public void close() {
    SimulatedGatewayController c = controller;
    if (c != null) {
      c.close();
    }
    synchronized (this) {
      if (kubeconfigFile != null) {
        try {
          Files.deleteIfExists(kubeconfigFile);
        } catch (IOException ignored) {
          // a temp file; best effort
        }
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + options + "}";
  }
}
