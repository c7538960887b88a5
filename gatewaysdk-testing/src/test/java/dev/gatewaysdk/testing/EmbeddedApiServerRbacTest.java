package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bearer-token users and RBAC authorization, answered as kube-apiserver answers them. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedApiServerRbacTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static HttpClient http;
  private static final String TENANT_A = "system:serviceaccount:tenant-a:app";

  private static EmbeddedApiServer start() throws Exception {
    EmbeddedApiServer s =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder()
                .user(
                    "token-a",
                    TENANT_A,
                    "system:serviceaccounts",
                    "system:serviceaccounts:tenant-a")
                .user("token-ops", "ops", "operators")
                .build());
    // Users imply TLS (kubectl sends no credentials over plain HTTP): trust the run's CA.
    http = HttpClient.newBuilder().sslContext(s.sslContext()).build();
    return s;
  }

  /**
   * Namespaces tenant-a and tenant-b, a Role editing routes in tenant-a bound to tenant-a's service
   * account.
   */
  private static void tenants(EmbeddedApiServer s) throws Exception {
    String admin = adminToken(s);
    for (String ns : new String[] {"tenant-a", "tenant-b"}) {
      assertThat(
              call(
                      s,
                      admin,
                      "POST",
                      "/api/v1/namespaces",
                      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                          + ns
                          + "\"}}")
                  .code)
          .isEqualTo(201);
    }
    assertThat(
            call(
                    s,
                    admin,
                    "POST",
                    "/apis/rbac.authorization.k8s.io/v1/namespaces/tenant-a/roles",
                    "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\",\"metadata\":{\"name\":\"route-editor\"},"
                        + "\"rules\":[{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"httproutes\"],\"verbs\":[\"*\"]},"
                        + "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"gateways\"],\"resourceNames\":[\"shared\"],\"verbs\":[\"get\"]}]}")
                .code)
        .isEqualTo(201);
    assertThat(
            call(
                    s,
                    admin,
                    "POST",
                    "/apis/rbac.authorization.k8s.io/v1/namespaces/tenant-a/rolebindings",
                    "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"name\":\"app-edits-routes\"},"
                        + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"route-editor\"},"
                        + "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"app\",\"namespace\":\"tenant-a\"}]}")
                .code)
        .isEqualTo(201);
  }

  private static String route(String ns) {
    return "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"web\",\"namespace\":\""
        + ns
        + "\"},"
        + "\"spec\":{\"parentRefs\":[{\"name\":\"shared\"}]}}";
  }

  @Test
  void unknownTokenIsUnauthorizedWithTheApiserversStatus() throws Exception {
    try (EmbeddedApiServer s = start()) {
      Answer a = call(s, "not-a-token", "GET", "/api/v1/namespaces", null);
      assertThat(a.code).isEqualTo(401);
      assertThat(a.body)
          .isEqualTo(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                  + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
      // Without a token the request is anonymous: health is public, the rest forbidden.
      assertThat(call(s, null, "GET", "/healthz", null).code).isEqualTo(200);
      Answer anon = call(s, null, "GET", "/api/v1/namespaces", null);
      assertThat(anon.code).isEqualTo(403);
      assertThat(JSON.readTree(anon.body).path("message").asText())
          .isEqualTo(
              "namespaces is forbidden: User \"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
    }
  }

  @Test
  void tenantEditsRoutesInItsNamespaceButNotAnothersNorTheGateway() throws Exception {
    try (EmbeddedApiServer s = start()) {
      tenants(s);
      assertThat(
              call(
                      s,
                      "token-a",
                      "POST",
                      "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-a/httproutes",
                      route("tenant-a"))
                  .code)
          .isEqualTo(201);
      Answer other =
          call(
              s,
              "token-a",
              "POST",
              "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-b/httproutes",
              route("tenant-b"));
      assertThat(other.code).isEqualTo(403);
      JsonNode status = JSON.readTree(other.body);
      assertThat(status.path("message").asText())
          .isEqualTo(
              "httproutes.gateway.networking.k8s.io is forbidden: User \""
                  + TENANT_A
                  + "\" cannot create resource \"httproutes\" in API group \"gateway.networking.k8s.io\" in the namespace \"tenant-b\"");
      assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
      assertThat(status.path("details").toString())
          .isEqualTo("{\"group\":\"gateway.networking.k8s.io\",\"kind\":\"httproutes\"}");
      // resourceNames: the shared Gateway may be read (404: it does not exist), another one may
      // not.
      assertThat(
              call(
                      s,
                      "token-a",
                      "GET",
                      "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-a/gateways/shared",
                      null)
                  .code)
          .isEqualTo(404);
      Answer gw =
          call(
              s,
              "token-a",
              "DELETE",
              "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-a/gateways/shared",
              null);
      assertThat(JSON.readTree(gw.body).path("message").asText())
          .isEqualTo(
              "gateways.gateway.networking.k8s.io \"shared\" is forbidden: User \""
                  + TENANT_A
                  + "\" cannot delete resource \"gateways\" in API group \"gateway.networking.k8s.io\" in the namespace \"tenant-a\"");
      // Status subresource is a resource of its own.
      assertThat(
              call(
                      s,
                      "token-a",
                      "PATCH",
                      "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-a/httproutes/web/status",
                      "{}")
                  .code)
          .isEqualTo(403);
      // Discovery is open to every authenticated user, a bare path is not.
      assertThat(call(s, "token-a", "GET", "/apis", null).code).isEqualTo(200);
      assertThat(
              JSON.readTree(call(s, "token-a", "GET", "/metrics", null).body)
                  .path("message")
                  .asText())
          .isEqualTo("forbidden: User \"" + TENANT_A + "\" cannot get path \"/metrics\"");
    }
  }

  @Test
  void aggregatedClusterRolesAndMissingRolesAsRbacDoesThem() throws Exception {
    try (EmbeddedApiServer s = start()) {
      String admin = adminToken(s);
      call(
          s,
          admin,
          "POST",
          "/apis/rbac.authorization.k8s.io/v1/clusterroles",
          "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"gateway-admin\"},"
              + "\"aggregationRule\":{\"clusterRoleSelectors\":[{\"matchLabels\":{\"gateway/aggregate\":\"true\"}}]}}");
      call(
          s,
          admin,
          "POST",
          "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
          "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRoleBinding\",\"metadata\":{\"name\":\"operators\"},"
              + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"gateway-admin\"},"
              + "\"subjects\":[{\"kind\":\"Group\",\"name\":\"operators\"}]}");
      String path = "/apis/gateway.networking.k8s.io/v1/gatewayclasses";
      assertThat(call(s, "token-ops", "GET", path, null).code).isEqualTo(403);
      call(
          s,
          admin,
          "POST",
          "/apis/rbac.authorization.k8s.io/v1/clusterroles",
          "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"gatewayclass-reader\","
              + "\"labels\":{\"gateway/aggregate\":\"true\"}},\"rules\":[{\"apiGroups\":[\"gateway.networking.k8s.io\"],"
              + "\"resources\":[\"gatewayclasses\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]}");
      assertThat(call(s, "token-ops", "GET", path, null).code).isEqualTo(200);
      assertThat(call(s, "token-ops", "GET", path + "?watch=True&timeoutSeconds=1", null).code)
          .isEqualTo(200);
      // A binding to a role that does not exist: the reason names it.
      call(
          s,
          admin,
          "POST",
          "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
          "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRoleBinding\",\"metadata\":{\"name\":\"dangling\"},"
              + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"nope\"},"
              + "\"subjects\":[{\"kind\":\"User\",\"name\":\"ops\"}]}");
      assertThat(
              JSON.readTree(call(s, "token-ops", "GET", "/api/v1/secrets", null).body)
                  .path("message")
                  .asText())
          .isEqualTo(
              "secrets is forbidden: User \"ops\" cannot list resource \"secrets\" in API group \"\" at the cluster scope: "
                  + "RBAC: clusterrole.rbac.authorization.k8s.io \"nope\" not found");
    }
  }

  @Test
  void impersonationNeedsTheImpersonateVerb() throws Exception {
    try (EmbeddedApiServer s = start()) {
      tenants(s);
      HttpRequest.Builder as =
          HttpRequest.newBuilder(
                  URI.create(
                      s.url()
                          + "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-a/httproutes"))
              .header("Impersonate-User", TENANT_A);
      Answer byOps = send(as.copy().header("Authorization", "Bearer token-ops").build());
      assertThat(byOps.code).isEqualTo(403);
      assertThat(JSON.readTree(byOps.body).path("message").asText())
          .isEqualTo(
              "serviceaccounts \"app\" is forbidden: User \"ops\" cannot "
                  + "impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"tenant-a\"");
      assertThat(send(as.copy().header("Authorization", "Bearer " + adminToken(s)).build()).code)
          .isEqualTo(200);
      Answer b =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          s.url()
                              + "/apis/gateway.networking.k8s.io/v1/namespaces/tenant-b/httproutes"))
                  .header("Impersonate-User", TENANT_A)
                  .header("Authorization", "Bearer " + adminToken(s))
                  .build());
      assertThat(b.code).isEqualTo(403);
    }
  }

  @Test
  void kubectlAuthCanIAndForbiddenCreateAsTheRealServer() throws Exception {
    Path kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl is not on PATH");
    try (EmbeddedApiServer s = start()) {
      tenants(s);
      Path tenantConfig = Files.createTempFile("tenant-a", ".kubeconfig");
      try {
        Files.writeString(tenantConfig, s.kubeconfig("token-a"));
        assertThat(
                kubectl(
                    kubectl,
                    tenantConfig,
                    "auth",
                    "can-i",
                    "create",
                    "httproutes",
                    "-n",
                    "tenant-a"))
            .isEqualTo("0 yes\n");
        assertThat(
                kubectl(
                    kubectl,
                    tenantConfig,
                    "auth",
                    "can-i",
                    "create",
                    "httproutes",
                    "-n",
                    "tenant-b"))
            .isEqualTo("1 no\n");
        assertThat(
                kubectl(
                    kubectl,
                    s.kubeconfigFile(),
                    "auth",
                    "can-i",
                    "delete",
                    "gateways",
                    "-n",
                    "tenant-a",
                    "--as",
                    TENANT_A))
            .isEqualTo("1 no\n");
        assertThat(
                kubectl(
                    kubectl,
                    s.kubeconfigFile(),
                    "auth",
                    "can-i",
                    "get",
                    "gateways/shared",
                    "-n",
                    "tenant-a",
                    "--as",
                    TENANT_A))
            .isEqualTo("0 yes\n");
        assertThat(kubectl(kubectl, tenantConfig, "auth", "can-i", "--list", "-n", "tenant-a"))
            .contains("httproutes.gateway.networking.k8s.io");
        Path manifest = Files.createTempFile("route", ".json");
        Files.writeString(manifest, route("tenant-b"));
        assertThat(kubectl(kubectl, tenantConfig, "create", "-f", manifest.toString()))
            .isEqualTo(
                "1 Error from server (Forbidden): "
                    + "error when creating \""
                    + manifest
                    + "\": httproutes.gateway.networking.k8s.io is forbidden: User \""
                    + TENANT_A
                    + "\" cannot create resource \"httproutes\" in API group \"gateway.networking.k8s.io\" in the namespace \"tenant-b\"\n");
        Files.delete(manifest);
      } finally {
        Files.deleteIfExists(tenantConfig);
      }
    }
  }

  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1/";
  private static final String HELD_BY_TENANT_A =
      "user \""
          + TENANT_A
          + "\" (groups=[\"system:serviceaccounts\" "
          + "\"system:serviceaccounts:tenant-a\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n";

  private static String role(String kind, String name, String rules) {
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\""
        + kind
        + "\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"rules\":["
        + rules
        + "]}";
  }

  private static String binding(
      String kind, String name, String roleKind, String roleName, String subject) {
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\""
        + kind
        + "\",\"metadata\":{\"name\":\""
        + name
        + "\"},"
        + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\""
        + roleKind
        + "\",\"name\":\""
        + roleName
        + "\"},"
        + "\"subjects\":["
        + subject
        + "]}";
  }

  private static final String APP =
      "{\"kind\":\"ServiceAccount\",\"name\":\"app\",\"namespace\":\"tenant-a\"}";

  /**
   * tenant-a's service account may also write Roles and RoleBindings in tenant-a (but holds no more
   * than route-editor).
   */
  private static void tenantWritesRbac(EmbeddedApiServer s) throws Exception {
    String admin = adminToken(s);
    assertThat(
            call(
                    s,
                    admin,
                    "POST",
                    RBAC + "namespaces/tenant-a/roles",
                    role(
                        "Role",
                        "rbac-writer",
                        "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"roles\",\"rolebindings\"],\"verbs\":[\"create\",\"update\",\"patch\"]}"))
                .code)
        .isEqualTo(201);
    assertThat(
            call(
                    s,
                    admin,
                    "POST",
                    RBAC + "namespaces/tenant-a/rolebindings",
                    binding("RoleBinding", "app-writes-rbac", "Role", "rbac-writer", APP))
                .code)
        .isEqualTo(201);
  }

  @Test
  void aRoleMayHoldOnlyRulesItsWriterHoldsUnlessItMayEscalate() throws Exception {
    try (EmbeddedApiServer s = start()) {
      tenants(s);
      tenantWritesRbac(s);
      String roles = RBAC + "namespaces/tenant-a/roles";
      String reader =
          role(
              "Role",
              "route-reader",
              "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"httproutes\"],\"verbs\":[\"get\",\"list\"]},"
                  + "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"gateways\"],\"resourceNames\":[\"shared\"],\"verbs\":[\"get\"]}");
      assertThat(call(s, "token-a", "POST", roles, reader).code).isEqualTo(201);
      String sneaky =
          role(
              "Role",
              "sneaky",
              "{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\",\"list\"]},"
                  + "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"gateways\",\"httproutes\"],\"verbs\":[\"delete\"]}");
      Answer denied = call(s, "token-a", "POST", roles, sneaky);
      assertThat(denied.code).isEqualTo(403);
      JsonNode status = JSON.readTree(denied.body);
      assertThat(status.path("message").asText())
          .isEqualTo(
              "roles.rbac.authorization.k8s.io \"sneaky\" is forbidden: "
                  + HELD_BY_TENANT_A
                  + "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\"]}\n"
                  + "{APIGroups:[\"gateway.networking.k8s.io\"], Resources:[\"gateways\"], Verbs:[\"delete\"]}");
      assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
      assertThat(status.path("details").toString())
          .isEqualTo(
              "{\"name\":\"sneaky\",\"group\":\"rbac.authorization.k8s.io\",\"kind\":\"roles\"}");
      // resourceNames: the one Gateway it may read, yes; another, no.
      Answer other =
          call(
              s,
              "token-a",
              "POST",
              roles,
              role(
                  "Role",
                  "other-gateway",
                  "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"gateways\"],\"resourceNames\":[\"shared\",\"other\"],\"verbs\":[\"get\"]}"));
      assertThat(JSON.readTree(other.body).path("message").asText())
          .endsWith(
              "held:\n"
                  + "{APIGroups:[\"gateway.networking.k8s.io\"], Resources:[\"gateways\"], ResourceNames:[\"other\"], Verbs:[\"get\"]}");
      // Updates and patches are checked against the whole new role; a change of held rules only
      // passes.
      assertThat(
              call(
                      s,
                      "token-a",
                      "PATCH",
                      roles + "/route-reader",
                      "{\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\"]}]}")
                  .code)
          .isEqualTo(403);
      assertThat(
              call(
                      s,
                      "token-a",
                      "PATCH",
                      roles + "/route-reader",
                      "{\"metadata\":{\"labels\":{\"team\":\"a\"}}}")
                  .code)
          .isEqualTo(200);
      // A Role in another namespace is judged by the rules held there: none.
      call(
          s,
          adminToken(s),
          "POST",
          RBAC + "namespaces/tenant-b/roles",
          role(
              "Role",
              "rbac-writer",
              "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"roles\"],\"verbs\":[\"create\"]}"));
      call(
          s,
          adminToken(s),
          "POST",
          RBAC + "namespaces/tenant-b/rolebindings",
          binding("RoleBinding", "app-writes-rbac", "Role", "rbac-writer", APP));
      assertThat(call(s, "token-a", "POST", RBAC + "namespaces/tenant-b/roles", reader).code)
          .isEqualTo(403);
      // With escalate on roles in tenant-a, any role may be written there.
      call(
          s,
          adminToken(s),
          "POST",
          roles,
          role(
              "Role",
              "escalator",
              "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"roles\"],\"verbs\":[\"escalate\"]}"));
      call(
          s,
          adminToken(s),
          "POST",
          RBAC + "namespaces/tenant-a/rolebindings",
          binding("RoleBinding", "app-escalates", "Role", "escalator", APP));
      assertThat(call(s, "token-a", "POST", roles, sneaky).code).isEqualTo(201);
    }
  }

  @Test
  void aBindingMayReferOnlyToARoleItsWriterHoldsUnlessItMayBindIt() throws Exception {
    try (EmbeddedApiServer s = start()) {
      tenants(s);
      tenantWritesRbac(s);
      String admin = adminToken(s);
      call(
          s,
          admin,
          "POST",
          RBAC + "clusterroles",
          role(
              "ClusterRole",
              "gateway-admin",
              "{\"apiGroups\":[\"gateway.networking.k8s.io\"],\"resources\":[\"gateways\"],\"verbs\":[\"*\"]}"));
      call(
          s,
          admin,
          "POST",
          RBAC + "clusterroles",
          role(
              "ClusterRole",
              "secret-reader",
              "{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\"]}"));
      String bindings = RBAC + "namespaces/tenant-a/rolebindings";
      String friend = "{\"kind\":\"User\",\"name\":\"friend\"}";
      assertThat(
              call(
                      s,
                      "token-a",
                      "POST",
                      bindings,
                      binding("RoleBinding", "friend-edits-routes", "Role", "route-editor", friend))
                  .code)
          .isEqualTo(201);
      Answer denied =
          call(
              s,
              "token-a",
              "POST",
              bindings,
              binding("RoleBinding", "friend-admins", "ClusterRole", "gateway-admin", friend));
      assertThat(denied.code).isEqualTo(403);
      assertThat(JSON.readTree(denied.body).path("message").asText())
          .isEqualTo(
              "rolebindings.rbac.authorization.k8s.io \"friend-admins\" is forbidden: "
                  + HELD_BY_TENANT_A
                  + "{APIGroups:[\"gateway.networking.k8s.io\"], Resources:[\"gateways\"], Verbs:[\"*\"]}");
      Answer missing =
          call(
              s,
              "token-a",
              "POST",
              bindings,
              binding("RoleBinding", "dangling", "Role", "nope", friend));
      assertThat(missing.code).isEqualTo(404);
      assertThat(JSON.readTree(missing.body).path("message").asText())
          .isEqualTo("roles.rbac.authorization.k8s.io \"nope\" not found");
      // bind on that one ClusterRole in tenant-a: binding it there is allowed, another role or
      // cluster-wide is not.
      call(
          s,
          admin,
          "POST",
          RBAC + "namespaces/tenant-a/roles",
          role(
              "Role",
              "binder",
              "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"clusterroles\"],\"resourceNames\":[\"gateway-admin\"],\"verbs\":[\"bind\"]}"));
      call(s, admin, "POST", bindings, binding("RoleBinding", "app-binds", "Role", "binder", APP));
      assertThat(
              call(
                      s,
                      "token-a",
                      "POST",
                      bindings,
                      binding(
                          "RoleBinding", "friend-admins", "ClusterRole", "gateway-admin", friend))
                  .code)
          .isEqualTo(201);
      assertThat(
              call(
                      s,
                      "token-a",
                      "POST",
                      bindings,
                      binding(
                          "RoleBinding", "friend-secrets", "ClusterRole", "secret-reader", friend))
                  .code)
          .isEqualTo(403);
      call(
          s,
          admin,
          "POST",
          RBAC + "clusterroles",
          role(
              "ClusterRole",
              "crb-writer",
              "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"clusterrolebindings\",\"clusterroles\"],\"verbs\":[\"create\"]}"));
      call(
          s,
          admin,
          "POST",
          RBAC + "clusterrolebindings",
          binding("ClusterRoleBinding", "app-writes-crbs", "ClusterRole", "crb-writer", APP));
      assertThat(
              call(
                      s,
                      "token-a",
                      "POST",
                      RBAC + "clusterrolebindings",
                      binding(
                          "ClusterRoleBinding",
                          "friend-admins",
                          "ClusterRole",
                          "gateway-admin",
                          friend))
                  .code)
          .isEqualTo(403);
      // An aggregated ClusterRole can gather anything: only for those holding every permission.
      Answer aggregated =
          call(
              s,
              "token-a",
              "POST",
              RBAC + "clusterroles",
              "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\","
                  + "\"metadata\":{\"name\":\"gather\"},\"aggregationRule\":{\"clusterRoleSelectors\":[{\"matchLabels\":{\"x\":\"y\"}}]}}");
      assertThat(JSON.readTree(aggregated.body).path("message").asText())
          .isEqualTo(
              "clusterroles.rbac.authorization.k8s.io \"gather\" is forbidden: must have cluster-admin privileges to use the aggregationRule");
    }
  }

  @Test
  void kubectlTypedRbacCommandsTokensAndEscalationAsOnARealCluster() throws Exception {
    Path kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl is not on PATH");
    try (EmbeddedApiServer s = start()) {
      Path admin = s.kubeconfigFile();
      // kubectl's typed create commands send protobuf.
      assertThat(kubectl(kubectl, admin, "create", "namespace", "team"))
          .isEqualTo("0 namespace/team created\n");
      assertThat(kubectl(kubectl, admin, "-n", "team", "create", "serviceaccount", "app"))
          .isEqualTo("0 serviceaccount/app created\n");
      assertThat(
              kubectl(
                  kubectl,
                  admin,
                  "-n",
                  "team",
                  "create",
                  "role",
                  "rbac-writer",
                  "--verb=create,update,patch",
                  "--resource=roles,rolebindings"))
          .isEqualTo("0 role.rbac.authorization.k8s.io/rbac-writer created\n");
      assertThat(
              kubectl(
                  kubectl,
                  admin,
                  "-n",
                  "team",
                  "create",
                  "role",
                  "routes",
                  "--verb=*",
                  "--resource=httproutes.gateway.networking.k8s.io"))
          .isEqualTo("0 role.rbac.authorization.k8s.io/routes created\n");
      for (String role : new String[] {"rbac-writer", "routes"}) {
        assertThat(
                kubectl(
                    kubectl,
                    admin,
                    "-n",
                    "team",
                    "create",
                    "rolebinding",
                    "ops-" + role,
                    "--role=" + role,
                    "--user=ops"))
            .isEqualTo("0 rolebinding.rbac.authorization.k8s.io/ops-" + role + " created\n");
      }
      assertThat(
              kubectl(
                  kubectl,
                  admin,
                  "create",
                  "clusterrole",
                  "gw-admin",
                  "--verb=*",
                  "--resource=gateways.gateway.networking.k8s.io"))
          .isEqualTo("0 clusterrole.rbac.authorization.k8s.io/gw-admin created\n");
      assertThat(
              kubectl(
                  kubectl, admin, "create", "clusterrole", "gathered", "--aggregation-rule=team=a"))
          .isEqualTo("0 clusterrole.rbac.authorization.k8s.io/gathered created\n");
      assertThat(
              kubectl(
                  kubectl,
                  admin,
                  "create",
                  "clusterrolebinding",
                  "ops-gw",
                  "--clusterrole=gw-admin",
                  "--group=nobody"))
          .isEqualTo("0 clusterrolebinding.rbac.authorization.k8s.io/ops-gw created\n");
      String stored =
          kubectl(
              kubectl,
              admin,
              "-n",
              "team",
              "get",
              "rolebinding",
              "ops-routes",
              "-o",
              "jsonpath={.roleRef.name} {.subjects[0].name}");
      assertThat(stored).isEqualTo("0 routes ops");

      Path ops = Files.createTempFile("ops", ".kubeconfig");
      Path app = Files.createTempFile("app", ".kubeconfig");
      try {
        Files.writeString(ops, s.kubeconfig("token-ops"));
        assertThat(
                kubectl(
                    kubectl,
                    ops,
                    "-n",
                    "team",
                    "create",
                    "role",
                    "ok",
                    "--verb=get",
                    "--resource=httproutes.gateway.networking.k8s.io"))
            .isEqualTo("0 role.rbac.authorization.k8s.io/ok created\n");
        assertThat(
                kubectl(
                    kubectl,
                    ops,
                    "-n",
                    "team",
                    "create",
                    "role",
                    "sneaky",
                    "--verb=get,list",
                    "--resource=secrets"))
            .isEqualTo(
                "1 Error from server (Forbidden): roles.rbac.authorization.k8s.io \"sneaky\" is forbidden: user \"ops\" "
                    + "(groups=[\"operators\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n"
                    + "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\"]}\n");
        assertThat(
                kubectl(
                    kubectl,
                    ops,
                    "-n",
                    "team",
                    "create",
                    "rolebinding",
                    "esc",
                    "--clusterrole=gw-admin",
                    "--user=ops"))
            .startsWith(
                "1 error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io \"esc\" is forbidden: user \"ops\"");
        // A token for the service account, by kubectl create token; it acts as the account.
        String token = kubectl(kubectl, admin, "-n", "team", "create", "token", "app");
        assertThat(token).startsWith("0 ");
        Files.writeString(app, s.kubeconfig(token.substring(2).trim()));
        assertThat(
                kubectl(
                    kubectl, app, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"))
            .isEqualTo("0 system:serviceaccount:team:app");
        assertThat(kubectl(kubectl, app, "-n", "team", "get", "httproutes"))
            .startsWith(
                "1 Error from server (Forbidden): "
                    + "httproutes.gateway.networking.k8s.io is forbidden: User \"system:serviceaccount:team:app\" cannot list resource");
        assertThat(kubectl(kubectl, admin, "-n", "team", "delete", "serviceaccount", "app"))
            .startsWith("0 ");
        assertThat(kubectl(kubectl, app, "-n", "team", "get", "httproutes"))
            .startsWith("1 error: You must be logged in to the server");
      } finally {
        Files.deleteIfExists(ops);
        Files.deleteIfExists(app);
      }
    }
  }

  private static String kubectl(Path kubectl, Path config, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", config.toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue()
        + " "
        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String adminToken(EmbeddedApiServer s) {
    String k = s.kubeconfig();
    return k.substring(k.indexOf("token: ") + 7, k.indexOf('\n', k.indexOf("token: ")));
  }

  private static final class Answer {
    final int code;
    final String body;

    Answer(int code, String body) {
      this.code = code;
      this.body = body;
    }
  }

  private static Answer call(
      EmbeddedApiServer s, String token, String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(s.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header(
                "Content-Type",
                method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  private static Answer send(HttpRequest r) throws Exception {
    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
    return new Answer(resp.statusCode(), resp.body());
  }
}
