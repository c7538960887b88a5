package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the embedded server once did what a real kube-apiserver never does (issue 16, "must not
 * happen").
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedApiServerDefectsTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static final String ROUTES = "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes";

  @Test
  void booleanParametersAreTrueUnlessFalseOrZero() throws Exception {
    server.http(
        "POST",
        "/api/v1/namespaces/default/configmaps",
        "application/json",
        "{\"metadata\":{\"name\":\"flag\"},\"data\":{\"a\":\"b\"}}");
    // The official Python client sends watch=True; the real server treats anything but false/0 as
    // true.
    for (String v : new String[] {"True", "yes", ""}) {
      HttpResponse<String> r =
          server.http(
              "GET",
              "/api/v1/namespaces/default/configmaps?timeoutSeconds=1&watch=" + v,
              null,
              null);
      assertThat(r.body()).as("watch=" + v).startsWith("{\"type\":\"ADDED\"");
    }
    for (String v : new String[] {"False", "0"}) {
      HttpResponse<String> r =
          server.http("GET", "/api/v1/namespaces/default/configmaps?watch=" + v, null, null);
      assertThat(r.body()).as("watch=" + v).contains("\"kind\":\"ConfigMapList\"");
    }
  }

  @Test
  void officialPythonClientWatchGetsEvents(@TempDir Path dir) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 is absent");
    Process probe =
        new ProcessBuilder(python.toString(), "-c", "import kubernetes")
            .redirectErrorStream(true)
            .start();
    assumeTrue(
        probe.waitFor() == 0, "the official Python client (python3-kubernetes) is not installed");
    server.http(
        "POST",
        "/api/v1/namespaces/default/configmaps",
        "application/json",
        "{\"metadata\":{\"name\":\"py-watched\"},\"data\":{\"a\":\"b\"}}");
    Path script = dir.resolve("watch.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import sys",
            "from kubernetes import client, watch",
            "c = client.Configuration()",
            "c.host = sys.argv[1]",
            "api = client.CoreV1Api(client.ApiClient(c))",
            "names = [e['object'].metadata.name + ':' + e['type'] for e in",
            "         watch.Watch().stream(api.list_namespaced_config_map, 'default', timeout_seconds=2)]",
            "print(' '.join(names))",
            ""));
    Process p =
        new ProcessBuilder(python.toString(), script.toString(), server.url())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("py-watched:ADDED");
  }

  @Test
  void immortalNamespacesCannotBeDeletedAndNamespacesHaveNoDeleteCollection() throws Exception {
    for (String ns : new String[] {"default", "kube-system", "kube-public"}) {
      HttpResponse<String> r = server.http("DELETE", "/api/v1/namespaces/" + ns, null, null);
      assertThat(r.statusCode()).as(ns).isEqualTo(403);
      assertThat(r.body())
          .contains(
              "namespaces \\\"" + ns + "\\\" is forbidden: this namespace may not be deleted");
    }
    HttpResponse<String> all = server.http("DELETE", "/api/v1/namespaces?dryRun=All", null, null);
    assertThat(all.statusCode()).isEqualTo(405);
    assertThat(server.http("GET", "/api/v1/namespaces/default", null, null).body())
        .doesNotContain("deletionTimestamp");
  }

  @Test
  void secretStringDataIsMergedIntoDataAndBadBase64Rejected() throws Exception {
    HttpResponse<String> r =
        server.http(
            "POST",
            "/api/v1/namespaces/default/secrets",
            "application/json",
            "{\"metadata\":{\"name\":\"sd\"},\"data\":{\"b\":\"d29ybGQ=\",\"a\":\"eA==\"},\"stringData\":{\"a\":\"hello\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String got = server.http("GET", "/api/v1/namespaces/default/secrets/sd", null, null).body();
    assertThat(got)
        .contains("\"a\":\"aGVsbG8=\"")
        .contains("\"b\":\"d29ybGQ=\"")
        .doesNotContain("stringData");
    HttpResponse<String> bad =
        server.http(
            "POST",
            "/api/v1/namespaces/default/secrets",
            "application/json",
            "{\"metadata\":{\"name\":\"bad64\"},\"data\":{\"a\":\"not base64!\"}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("illegal base64 data at input byte");
  }

  @Test
  void statusSubresourceIsValidatedAgainstTheSchema() throws Exception {
    server.http(
        "POST",
        ROUTES,
        "application/json",
        "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"HTTPRoute\","
            + "\"metadata\":{\"name\":\"st\"},\"spec\":{\"parentRefs\":[{\"name\":\"gw\"}]}}");
    HttpResponse<String> r =
        server.http(
            "PATCH",
            ROUTES + "/st/status",
            "application/merge-patch+json",
            "{\"status\":{\"parents\":[{\"parentRef\":{\"name\":\"gw\"},\"controllerName\":\"bad name!\",\"conditions\":[]}]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("status.parents[0].controllerName");
  }

  @Test
  void customResourcesNeedApiVersionAndKind() throws Exception {
    HttpResponse<String> noKind =
        server.http(
            "POST",
            ROUTES,
            "application/json",
            "{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"metadata\":{\"name\":\"nokind\"},\"spec\":{}}");
    assertThat(noKind.statusCode()).isEqualTo(400);
    assertThat(noKind.body()).contains("Object 'Kind' is missing in");
    HttpResponse<String> noVersion =
        server.http(
            "POST",
            ROUTES,
            "application/json",
            "{\"kind\":\"HTTPRoute\",\"metadata\":{\"name\":\"noversion\"},\"spec\":{}}");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(noVersion.body()).contains("Object 'apiVersion' is missing in");
    assertThat(server.http("GET", ROUTES + "/nokind", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void yamlAliasesAreResolved() throws Exception {
    HttpResponse<String> r =
        server.http(
            "POST",
            "/api/v1/namespaces/default/configmaps",
            "application/yaml",
            "metadata:\n  name: alias\n  labels: &l\n    app: web\n  annotations: *l\ndata:\n  a: &v hello\n  b: *v\n");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String got =
        server.http("GET", "/api/v1/namespaces/default/configmaps/alias", null, null).body();
    assertThat(got).contains("\"b\":\"hello\"").contains("\"annotations\":{\"app\":\"web\"}");
  }
}
