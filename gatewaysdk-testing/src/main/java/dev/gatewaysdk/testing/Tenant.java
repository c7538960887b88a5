package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.AlreadyExistsException;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.testing.internal.kube.Kube;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import java.io.StringReader;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A tenant of a shared cluster, for multi-tenancy tests: a namespace, a service account {@value
 * #ACCOUNT} in it bound to the Role {@value #ROUTE_EDITOR}, and clients that act as that account.
 * The role lets the tenant edit routes in its namespace and read its Gateways, ReferenceGrants and
 * Services; nothing else. Check what a tenant may do with {@link
 * GatewayApiAssertions#assertThat(Tenant)}.
 *
 * <p>Works on every backend: the account's token comes from the cluster ({@code TokenRequest}, as
 * {@code kubectl create token} gets it). On the embedded backend, authorization must be on
 * ({@code @GatewayApiTest(authorization = true)} or {@link GatewayClusterOptions#authorization()}),
 * else every request is allowed. Immutable and thread-safe.
 *
 * <pre>{@code
 * @GatewayApiTest(authorization = true)
 * class TenancyTest {
 *   @Test
 *   void tenantsStayApart(GatewayCluster cluster) {
 *     Tenant a = Tenant.create(cluster, "tenant-a");
 *     Tenant b = Tenant.create(cluster, "tenant-b");
 *     Gateway gw = cluster.create(Fixtures.httpGateway("tenant-b", "gw", cluster.gatewayClassName().orElseThrow(), 80));
 *     assertThat(a).canEditRoutesIn("tenant-a").cannotEditRoutesIn("tenant-b").cannotTouch(gw).cannotAttachTo(gw);
 *   }
 * }
 * }</pre>
 */
public final class Tenant {
  /** The service account a tenant acts as. */
  public static final String ACCOUNT = "tenant";

  /** The Role (and RoleBinding) that lets the tenant edit routes in its namespace. */
  public static final String ROUTE_EDITOR = "gatewaysdk-route-editor";

  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1/namespaces/";

  /** How long the token is valid: longer than any test. */
  private static final long TOKEN_SECONDS = Duration.ofHours(1).toSeconds();

  private final GatewayCluster cluster;
  private final String namespace;
  private final String token;
  private final ApiClient apiClient;
  private final GatewayApiClient client;

  private Tenant(GatewayCluster cluster, String namespace, String token) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.token = token;
    this.apiClient = clientFor(cluster.kubeconfig(), token);
    this.client = GatewayApiClient.create(apiClient);
  }

  /**
   * Sets up a tenant in {@code namespace} (created unless it exists): the service account, the
   * route-editor Role and its RoleBinding (each created unless it exists), and a token for the
   * account.
   *
   * @throws dev.gatewaysdk.core.GatewayApiException if the cluster refuses a write
   */
  public static Tenant create(GatewayCluster cluster, String namespace) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Kube admin = new Kube(cluster.apiClient());
    createUnlessExists(admin, "/api/v1/namespaces", object("v1", "Namespace", null, namespace));
    createUnlessExists(
        admin,
        "/api/v1/namespaces/" + namespace + "/serviceaccounts",
        object("v1", "ServiceAccount", namespace, ACCOUNT));
    ObjectNode role = object("rbac.authorization.k8s.io/v1", "Role", namespace, ROUTE_EDITOR);
    ArrayNode rules = role.putArray("rules");
    ObjectNode routes = rules.addObject();
    routes.putArray("apiGroups").add(GatewayApiKind.GROUP);
    ArrayNode routeKinds = routes.putArray("resources");
    for (GatewayApiKind k : GatewayApiKind.values()) {
      if (k.plural().endsWith("routes")) {
        routeKinds.add(k.plural());
      }
    }
    routes
        .putArray("verbs")
        .add("get")
        .add("list")
        .add("watch")
        .add("create")
        .add("update")
        .add("patch")
        .add("delete");
    ObjectNode read = rules.addObject();
    read.putArray("apiGroups").add(GatewayApiKind.GROUP);
    read.putArray("resources").add("gateways").add("referencegrants");
    read.putArray("verbs").add("get").add("list").add("watch");
    ObjectNode services = rules.addObject();
    services.putArray("apiGroups").add("");
    services.putArray("resources").add("services");
    services.putArray("verbs").add("get").add("list").add("watch");
    createUnlessExists(admin, RBAC + namespace + "/roles", role);
    ObjectNode binding =
        object("rbac.authorization.k8s.io/v1", "RoleBinding", namespace, ROUTE_EDITOR);
    binding
        .putObject("roleRef")
        .put("apiGroup", "rbac.authorization.k8s.io")
        .put("kind", "Role")
        .put("name", ROUTE_EDITOR);
    binding
        .putArray("subjects")
        .addObject()
        .put("kind", "ServiceAccount")
        .put("name", ACCOUNT)
        .put("namespace", namespace);
    createUnlessExists(admin, RBAC + namespace + "/rolebindings", binding);
    ObjectNode request = object("authentication.k8s.io/v1", "TokenRequest", namespace, ACCOUNT);
    request.putObject("spec").put("expirationSeconds", TOKEN_SECONDS).putArray("audiences");
    ObjectNode answer =
        admin.create(
            "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + ACCOUNT + "/token", request);
    return new Tenant(cluster, namespace, answer.path("status").path("token").asText());
  }

  private static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = Kube.JSON.createObjectNode();
    o.put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode meta = o.putObject("metadata").put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return o;
  }

  private static void createUnlessExists(Kube kube, String collection, ObjectNode object) {
    try {
      kube.create(collection, object);
    } catch (AlreadyExistsException e) {
      // Set up before (another tenant object in the same namespace): keep it.
    }
  }

  /**
   * A client for the cluster of {@code kubeconfig} (its server and CA only) that sends {@code
   * token}.
   */
  private static ApiClient clientFor(String kubeconfig, String token) {
    KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(kubeconfig));
    ClientBuilder b =
        new ClientBuilder()
            .setBasePath(config.getServer())
            .setVerifyingSsl(config.verifySSL())
            .setAuthentication(new AccessTokenAuthentication(token));
    byte[] ca = certificateAuthority(config);
    if (ca != null) {
      b.setCertificateAuthority(ca);
    }
    ApiClient c = b.build();
    // Watches stay open for minutes; a read timeout would cut them.
    c.setHttpClient(c.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    return c;
  }

  private static byte[] certificateAuthority(KubeConfig config) {
    try {
      return config.getDataOrFileRelative(
          config.getCertificateAuthorityData(), config.getCertificateAuthorityFile());
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the cluster's certificate authority from its kubeconfig: " + e.getMessage(),
          e);
    }
  }

  /** The cluster the tenant lives in. */
  public GatewayCluster cluster() {
    return cluster;
  }

  /** The tenant's namespace. */
  public String namespace() {
    return namespace;
  }

  /** The user the tenant acts as: {@code system:serviceaccount:NAMESPACE:tenant}. */
  public String user() {
    return "system:serviceaccount:" + namespace + ":" + ACCOUNT;
  }

  /** The service account's bearer token. */
  public String token() {
    return token;
  }

  /** An official Java client acting as the tenant. */
  public ApiClient apiClient() {
    return apiClient;
  }

  /** A gatewaysdk client acting as the tenant. */
  public GatewayApiClient client() {
    return client;
  }

  /**
   * A kubeconfig (YAML) acting as the tenant, for {@code kubectl}; its context's namespace is the
   * tenant's.
   */
  public String kubeconfig() {
    KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(cluster.kubeconfig()));
    byte[] ca = certificateAuthority(config);
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: cluster\n  cluster:\n    server: "
        + config.getServer()
        + "\n"
        + (ca != null
            ? "    certificate-authority-data: " + Base64.getEncoder().encodeToString(ca) + "\n"
            : config.verifySSL() ? "" : "    insecure-skip-tls-verify: true\n")
        + "contexts:\n- name: "
        + namespace
        + "\n  context:\n    cluster: cluster\n    user: "
        + ACCOUNT
        + "\n    namespace: "
        + namespace
        + "\n"
        + "current-context: "
        + namespace
        + "\nusers:\n- name: "
        + ACCOUNT
        + "\n  user:\n    token: "
        + token
        + "\n";
  }

  /**
   * Whether the tenant may do {@code verb} on {@code resource} in {@code namespace}, as the cluster
   * answers {@code kubectl auth can-i} (a SelfSubjectAccessReview). {@code resource} is a plural,
   * optionally with a subresource ({@code gateways/status}) and a group ({@code
   * roles.rbac.authorization.k8s.io}); a Gateway API plural without a group means the Gateway API
   * group, another one the core group.
   *
   * @param name the object's name, or null for any
   */
  public boolean can(String verb, String resource, String namespace, String name) {
    String plural = resource;
    String sub = "";
    if (plural.contains("/")) {
      sub = plural.substring(plural.indexOf('/') + 1);
      plural = plural.substring(0, plural.indexOf('/'));
    }
    String group = "";
    if (plural.contains(".")) {
      group = plural.substring(plural.indexOf('.') + 1);
      plural = plural.substring(0, plural.indexOf('.'));
    } else {
      for (GatewayApiKind k : GatewayApiKind.values()) {
        if (k.plural().equals(plural)) {
          group = GatewayApiKind.GROUP;
        }
      }
    }
    ObjectNode review = object("authorization.k8s.io/v1", "SelfSubjectAccessReview", null, "");
    review.remove("metadata");
    ObjectNode attrs = review.putObject("spec").putObject("resourceAttributes");
    attrs
        .put("verb", verb)
        .put("group", group)
        .put("resource", plural)
        .put("subresource", sub)
        .put("namespace", namespace);
    if (name != null) {
      attrs.put("name", name);
    }
    return new Kube(apiClient)
        .create("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review)
        .path("status")
        .path("allowed")
        .asBoolean(false);
  }

  @Override
  public String toString() {
    return "Tenant{" + user() + "}";
  }

  /**
   * The verbs that edit: what a route editor may do to routes and a tenant may not do to what is
   * not its own.
   */
  static final List<String> WRITE_VERBS = List.of("create", "update", "patch", "delete");
}
