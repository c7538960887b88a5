package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviour that matches a real kube-apiserver (issue 16, "should match the real server"). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerParityTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static final String CM = "/api/v1/namespaces/default/configmaps";

  static String uid(HttpResponse<String> created) {
    String b = created.body();
    int i = b.indexOf("\"uid\":\"") + 7;
    return b.substring(i, b.indexOf('"', i));
  }

  static HttpResponse<String> configMap(
      String name, String ownerName, String ownerUid, String extraMeta) throws Exception {
    String owner =
        ownerName == null
            ? ""
            : ",\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\""
                + ownerName
                + "\",\"uid\":\""
                + ownerUid
                + "\",\"blockOwnerDeletion\":true}]";
    return server.http(
        "POST",
        CM,
        "application/json",
        "{\"metadata\":{\"name\":\"" + name + "\"" + owner + extraMeta + "}}");
  }

  @Test
  void dependentsAreCollectedInBackgroundAndForegroundAndKeptWhenOrphaned() throws Exception {
    String bg = uid(configMap("bg-owner", null, null, ""));
    configMap("bg-child", "bg-owner", bg, "");
    assertThat(server.http("DELETE", CM + "/bg-owner", null, null).statusCode()).isEqualTo(200);
    assertThat(server.http("GET", CM + "/bg-child", null, null).statusCode()).isEqualTo(404);

    String fg = uid(configMap("fg-owner", null, null, ""));
    configMap("fg-child", "fg-owner", fg, ",\"finalizers\":[\"example.com/hold\"]");
    HttpResponse<String> del =
        server.http(
            "DELETE",
            CM + "/fg-owner",
            "application/json",
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\"}");
    assertThat(del.statusCode()).isEqualTo(200);
    String owner = server.http("GET", CM + "/fg-owner", null, null).body();
    assertThat(owner).contains("deletionTimestamp").contains("foregroundDeletion");
    // The child's finalizer goes: the child is removed, then the owner.
    server.http(
        "PATCH",
        CM + "/fg-child",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(server.http("GET", CM + "/fg-child", null, null).statusCode()).isEqualTo(404);
    assertThat(server.http("GET", CM + "/fg-owner", null, null).body()).contains("\"code\":404");

    String or = uid(configMap("or-owner", null, null, ""));
    configMap("or-child", "or-owner", or, "");
    assertThat(
            server
                .http("DELETE", CM + "/or-owner?propagationPolicy=Orphan", null, null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> child = server.http("GET", CM + "/or-child", null, null);
    assertThat(child.statusCode()).isEqualTo(200);
    assertThat(child.body()).doesNotContain("\"ownerReferences\":[");
  }

  @Test
  void terminatingNamespaceReportsWhatRemains() throws Exception {
    server.http(
        "POST", "/api/v1/namespaces", "application/json", "{\"metadata\":{\"name\":\"doomed\"}}");
    server.http(
        "POST",
        "/api/v1/namespaces/doomed/configmaps",
        "application/json",
        "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
    server.http("DELETE", "/api/v1/namespaces/doomed", null, null);
    String ns = server.http("GET", "/api/v1/namespaces/doomed", null, null).body();
    assertThat(ns)
        .contains("\"phase\":\"Terminating\"")
        .contains("\"type\":\"NamespaceContentRemaining\",\"status\":\"True\"")
        .contains("Some resources are remaining: configmaps has 1 resource instances")
        .contains(
            "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances");
    server.http(
        "PATCH",
        "/api/v1/namespaces/doomed/configmaps/held",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(server.http("GET", "/api/v1/namespaces/doomed", null, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void selectorsAsTheRealServer() throws Exception {
    for (int i = 1; i <= 5; i++) {
      server.http(
          "POST",
          CM,
          "application/json",
          "{\"metadata\":{\"name\":\"idx-" + i + "\",\"labels\":{\"idx\":\"" + i + "\"}}}");
    }
    String gt = server.http("GET", CM + "?labelSelector=idx%3E3", null, null).body();
    assertThat(gt)
        .contains("idx-4")
        .contains("idx-5")
        .doesNotContain("idx-3")
        .doesNotContain("idx-1");
    String lt = server.http("GET", CM + "?labelSelector=idx%3C2", null, null).body();
    assertThat(lt).contains("idx-1").doesNotContain("idx-2");
    String notKey = server.http("GET", CM + "?labelSelector=!idx", null, null).body();
    assertThat(notKey).doesNotContain("idx-");
    HttpResponse<String> unsupported =
        server.http("GET", CM + "?fieldSelector=data.a%3Db", null, null);
    assertThat(unsupported.statusCode()).isEqualTo(400);
    assertThat(unsupported.body()).contains("field label not supported: data.a");
    assertThat(
            server
                .http("GET", "/api/v1/secrets?fieldSelector=type%3DOpaque", null, null)
                .statusCode())
        .isEqualTo(200);
  }
}
