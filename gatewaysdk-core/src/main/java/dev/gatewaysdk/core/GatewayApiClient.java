package dev.gatewaysdk.core;

import dev.gatewaysdk.core.internal.Discovery;
import dev.gatewaysdk.core.internal.FieldCheck;
import dev.gatewaysdk.core.internal.Informers;
import dev.gatewaysdk.core.internal.Kinds;
import dev.gatewaysdk.core.internal.RawClient;
import dev.gatewaysdk.core.internal.Transport;
import dev.gatewaysdk.core.internal.TypedClient;
import dev.gatewaysdk.model.BackendTLSPolicy;
import dev.gatewaysdk.model.GRPCRoute;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ListenerSet;
import dev.gatewaysdk.model.ReferenceGrant;
import dev.gatewaysdk.model.TCPRoute;
import dev.gatewaysdk.model.TLSRoute;
import dev.gatewaysdk.model.UDPRoute;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.util.Objects;

/**
 * A client for the Gateway API resources of one cluster, over the official Kubernetes Java client:
 * requests go through the {@link ApiClient}'s OkHttp client (its authentication, TLS, exec
 * credential plugins and proxies), with bodies written and read by Jackson.
 *
 * <p>On first use the client discovers which Gateway API kinds and versions the cluster serves
 * ({@link #capabilities()}); each typed client then uses its kind's best served version.
 * Thread-safe; share one instance.
 *
 * <pre>{@code
 * GatewayApiClient client = GatewayApiClient.fromDefaultConfig();
 * System.out.println(client.capabilities().describe());
 * RouteManager routes = RouteManager.create(client);
 * routes.setWeights(RouteRef.httpRoute("shop", "storefront"), Map.of("storefront-v1", 90, "storefront-v2", 10));
 * }</pre>
 */
public final class GatewayApiClient {
  private final ApiClient apiClient;
  private final RetryPolicy retryPolicy;
  private final String fieldManager;
  private final Transport transport;
  private final RawClient raw;
  private final FieldCheck fieldCheck;
  private volatile Capabilities capabilities;

  private GatewayApiClient(Builder b) {
    this.apiClient = b.apiClient;
    this.retryPolicy = b.retryPolicy;
    this.fieldManager = b.fieldManager;
    this.transport = new Transport(apiClient, retryPolicy);
    this.raw = new RawClient(transport, this::capabilities, fieldManager);
    this.fieldCheck = new FieldCheck(raw, b.checkFields, b.validator);
  }

  /** A client over {@code apiClient} with default options. */
  public static GatewayApiClient create(ApiClient apiClient) {
    return builder(apiClient).build();
  }

  /**
   * A client configured like {@code kubectl}: {@code $KUBECONFIG}, {@code ~/.kube/config}, the
   * in-cluster service account, or {@code localhost:8080}, in that order (client-java's {@link
   * Config#defaultClient()}).
   *
   * @throws UnavailableException if the configuration cannot be read
   */
  public static GatewayApiClient fromDefaultConfig() {
    try {
      return create(Config.defaultClient());
    } catch (IOException e) {
      throw new UnavailableException(
          "cannot load the Kubernetes client configuration: " + e.getMessage(),
          ApiStatus.of(0, "ConfigurationError", String.valueOf(e.getMessage())),
          e);
    }
  }

  public static Builder builder(ApiClient apiClient) {
    return new Builder(apiClient);
  }

  /** The underlying client-java client. */
  public ApiClient apiClient() {
    return apiClient;
  }

  /** The field manager used for writes that do not name one. */
  public String fieldManager() {
    return fieldManager;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * What Gateway API the cluster serves; discovered on first call and kept.
   *
   * @throws GatewayApiException if discovery fails
   */
  public Capabilities capabilities() {
    Capabilities c = capabilities;
    if (c == null) {
      synchronized (this) {
        c = capabilities;
        if (c == null) {
          c = new Discovery(transport).discover();
          capabilities = c;
        }
      }
    }
    return c;
  }

  /** Discovers the cluster's Gateway API again (after CRDs were installed or upgraded). */
  public Capabilities refreshCapabilities() {
    Capabilities c = new Discovery(transport).discover();
    capabilities = c;
    return c;
  }

  /** GatewayClasses (cluster-scoped): {@code client.gatewayClasses().get("istio")}. */
  public ResourceClient<GatewayClass> gatewayClasses() {
    return clusterScoped("GatewayClass", GatewayClass.class);
  }

  /** Gateways: {@code client.gateways().inNamespace("shop").list()}. */
  public NamespacedClient<Gateway> gateways() {
    return namespaced("Gateway", Gateway.class);
  }

  /** ListenerSets: {@code client.listenerSets().inNamespace("shop").list()}. */
  public NamespacedClient<ListenerSet> listenerSets() {
    return namespaced("ListenerSet", ListenerSet.class);
  }

  /** HTTPRoutes: {@code client.httpRoutes().inNamespace("shop").list()}. */
  public NamespacedClient<HTTPRoute> httpRoutes() {
    return namespaced("HTTPRoute", HTTPRoute.class);
  }

  /** GRPCRoutes: {@code client.grpcRoutes().inNamespace("shop").list()}. */
  public NamespacedClient<GRPCRoute> grpcRoutes() {
    return namespaced("GRPCRoute", GRPCRoute.class);
  }

  /** TLSRoutes: {@code client.tlsRoutes().inNamespace("shop").list()}. */
  public NamespacedClient<TLSRoute> tlsRoutes() {
    return namespaced("TLSRoute", TLSRoute.class);
  }

  /** TCPRoutes: {@code client.tcpRoutes().inNamespace("shop").list()}. */
  public NamespacedClient<TCPRoute> tcpRoutes() {
    return namespaced("TCPRoute", TCPRoute.class);
  }

  /** UDPRoutes: {@code client.udpRoutes().inNamespace("shop").list()}. */
  public NamespacedClient<UDPRoute> udpRoutes() {
    return namespaced("UDPRoute", UDPRoute.class);
  }

  /** ReferenceGrants: {@code client.referenceGrants().inNamespace("shop").list()}. */
  public NamespacedClient<ReferenceGrant> referenceGrants() {
    return namespaced("ReferenceGrant", ReferenceGrant.class);
  }

  /** BackendTLSPolicies: {@code client.backendTlsPolicies().inNamespace("shop").list()}. */
  public NamespacedClient<BackendTLSPolicy> backendTlsPolicies() {
    return namespaced("BackendTLSPolicy", BackendTLSPolicy.class);
  }

  /**
   * The client of a namespaced kind bound to {@code type}: a model class, or {@code ObjectNode} for
   * JSON.
   *
   * @throws IllegalArgumentException if {@code kind} is not a namespaced Gateway API kind
   */
  public <T> NamespacedClient<T> namespaced(String kind, Class<T> type) {
    if (!Kinds.require(kind).namespaced) {
      throw new IllegalArgumentException(kind + " is cluster-scoped: use clusterScoped(...)");
    }
    return new TypedClient<>(raw, kind, type, null, fieldCheck);
  }

  /**
   * The client of a cluster-scoped kind (GatewayClass) bound to {@code type}.
   *
   * @throws IllegalArgumentException if {@code kind} is not a cluster-scoped Gateway API kind
   */
  public <T> ResourceClient<T> clusterScoped(String kind, Class<T> type) {
    if (Kinds.require(kind).namespaced) {
      throw new IllegalArgumentException(kind + " is namespaced: use namespaced(...)");
    }
    return new TypedClient<>(raw, kind, type, null, fieldCheck);
  }

  /**
   * A wait on {@code object} (a typed object such as an {@code HTTPRoute}, or its JSON): its kind,
   * namespace and name say what to watch, its class what {@link Await#until} returns.
   *
   * <pre>{@code
   * client.await(route).until(RouteConditions.acceptedBy("my-gateway"), Duration.ofSeconds(30));
   * }</pre>
   *
   * @throws IllegalArgumentException if the object lacks kind or name, or is not a Gateway API kind
   */
  @SuppressWarnings("unchecked")
  public <T> Await<T> await(T object) {
    com.fasterxml.jackson.databind.JsonNode tree =
        object instanceof com.fasterxml.jackson.databind.JsonNode
            ? (com.fasterxml.jackson.databind.JsonNode) object
            : dev.gatewaysdk.core.internal.Json.mapper().valueToTree(object);
    String kind = tree.path("kind").asText("");
    String name = tree.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("object has no metadata.name: " + kind);
    }
    Kinds.Info info = Kinds.require(kind);
    String ns = info.namespaced ? tree.path("metadata").path("namespace").asText("default") : null;
    return new Await<>(raw, kind, ns, name, (Class<T>) object.getClass());
  }

  /**
   * Starts a cache of the objects of {@code type} (a model class such as {@code HTTPRoute.class}).
   *
   * @throws UnsupportedByClusterException if the cluster does not serve the kind
   * @throws IllegalArgumentException if {@code type} is not a Gateway API kind
   */
  public <T extends GatewayApiObject> ResourceCache<T> cache(Class<T> type, CacheOptions options) {
    GatewayApiKind kind =
        GatewayApiKind.of(type)
            .orElseThrow(
                () -> new IllegalArgumentException("not a Gateway API kind: " + type.getName()));
    return new Informers.WatchCache<>(raw, kind.kind(), type, options);
  }

  /** {@link #cache(Class, CacheOptions)} of every namespace, without resync. */
  public <T extends GatewayApiObject> ResourceCache<T> cache(Class<T> type) {
    return cache(type, CacheOptions.defaults());
  }

  RawClient raw() {
    return raw;
  }

  FieldCheck fieldCheck() {
    return fieldCheck;
  }

  /** Builds a {@link GatewayApiClient}. */
  public static final class Builder {
    private final ApiClient apiClient;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String fieldManager = "gatewaysdk";
    private boolean checkFields = true;
    private dev.gatewaysdk.core.validation.GatewayApiValidator validator;

    Builder(ApiClient apiClient) {
      this.apiClient = Objects.requireNonNull(apiClient, "apiClient");
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The field manager of writes that do not name one; {@code gatewaysdk} by default.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder fieldManager(String fieldManager) {
      if (fieldManager == null || fieldManager.isBlank()) {
        throw new IllegalArgumentException("fieldManager must not be blank: " + fieldManager);
      }
      this.fieldManager = fieldManager;
      return this;
    }

    /**
     * Whether writes fail with {@link UnsupportedByClusterException} when an object has fields the
     * cluster's CRD does not declare (which the server would otherwise drop silently); on by
     * default. The CRD of each kind is read once; if it cannot be read (no permission) the check is
     * skipped.
     */
    public Builder checkFields(boolean checkFields) {
      this.checkFields = checkFields;
      return this;
    }

    /**
     * Validates objects client-side before create and update (schema, defaults aside, and CEL
     * rules, exactly like the API server), failing with {@link InvalidException} and the
     * validator's causes without sending anything; e.g. {@code
     * GatewayApiValidator.fromCluster(apiClient)}. Off by default.
     */
    public Builder validator(dev.gatewaysdk.core.validation.GatewayApiValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    public GatewayApiClient build() {
      return new GatewayApiClient(this);
    }
  }
}
