package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Paging snapshots, resourceVersion and resourceVersionMatch on lists, future resourceVersions on
 * watches.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerListSemanticsTest {
  static EmbeddedApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String CM = "/api/v1/namespaces/default/configmaps";

  @BeforeAll
  static void start() {
    server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().gatewayApi(false).watchHistory(50).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  static void cm(String name, String label) throws Exception {
    http(
        "POST",
        CM,
        "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"set\":\"" + label + "\"}}}");
  }

  @Test
  void continueTokensReadTheListAsOfTheFirstPage() throws Exception {
    for (String n : new String[] {"p-a", "p-b", "p-c", "p-e", "p-f"}) {
      cm(n, "page");
    }
    JsonObject first = json(http("GET", CM + "?labelSelector=set%3Dpage&limit=2", null));
    String rv = first.getAsJsonObject("metadata").get("resourceVersion").getAsString();
    String token = first.getAsJsonObject("metadata").get("continue").getAsString();
    // Changes after the first page: one of the rest deleted, one added in its range, one modified.
    http("DELETE", CM + "/p-e", null);
    cm("p-d", "page");
    http(
        "PUT",
        CM + "/p-f",
        "{\"metadata\":{\"name\":\"p-f\",\"labels\":{\"set\":\"page\"}},\"data\":{\"x\":\"y\"}}");
    HttpResponse<String> rest =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(server.url() + CM + "?labelSelector=set%3Dpage&continue=" + token))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject page = json(rest);
    assertThat(page.getAsJsonObject("metadata").get("resourceVersion").getAsString()).isEqualTo(rv);
    assertThat(rest.body())
        .contains("\"p-c\"")
        .contains("\"p-e\"")
        .contains("\"p-f\"")
        .doesNotContain("\"p-d\"");
  }

  @Test
  void aContinueTokenOlderThanTheHistoryIsGone() throws Exception {
    cm("old-a", "old");
    cm("old-b", "old");
    String token =
        json(http("GET", CM + "?labelSelector=set%3Dold&limit=1", null))
            .getAsJsonObject("metadata")
            .get("continue")
            .getAsString();
    for (int i = 0; i < 60; i++) {
      cm("churn-" + i, "churn");
    }
    HttpResponse<String> r = http("GET", CM + "?labelSelector=set%3Dold&continue=" + token, null);
    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(r.body())
        .contains("The provided continue parameter is too old")
        .contains("\"continue\":");
  }

  @Test
  void resourceVersionOnListAsTheRealServer() throws Exception {
    cm("rv-a", "rv");
    long before = server.resourceVersion();
    cm("rv-b", "rv");
    HttpResponse<String> exact =
        http(
            "GET",
            CM
                + "?labelSelector=set%3Drv&resourceVersion="
                + before
                + "&resourceVersionMatch=Exact",
            null);
    assertThat(exact.statusCode()).isEqualTo(200);
    assertThat(exact.body()).contains("\"rv-a\"").doesNotContain("\"rv-b\"");
    HttpResponse<String> future =
        http("GET", CM + "?resourceVersion=" + (server.resourceVersion() + 100), null);
    assertThat(future.statusCode()).isEqualTo(504);
    assertThat(future.body())
        .contains("Too large resource version")
        .contains("ResourceVersionTooLarge");
    assertThat(http("GET", CM + "?resourceVersionMatch=Exact", null).statusCode()).isEqualTo(400);
    assertThat(http("GET", CM + "?resourceVersion=0&resourceVersionMatch=Exact", null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aWatchFromAFutureResourceVersionSeesOnlyLaterEvents() throws Exception {
    long now = server.resourceVersion();
    java.util.concurrent.CompletableFuture<HttpResponse<String>> watch =
        HTTP.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(
                        server.url()
                            + CM
                            + "?watch=1&timeoutSeconds=3&resourceVersion="
                            + (now + 2)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    cm("fut-1", "fut");
    cm("fut-2", "fut");
    cm("fut-3", "fut");
    String events = watch.get(20, TimeUnit.SECONDS).body();
    assertThat(events)
        .contains("\"fut-3\"")
        .doesNotContain("\"fut-1\"")
        .doesNotContain("\"fut-2\"");
  }
}
