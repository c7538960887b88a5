package dev.gatewaysdk.core;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.EchoBackend;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.GatewayCluster;
import dev.gatewaysdk.testing.TestNamespace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Session affinity written by {@link RouteManager#setCanaryTraffic}, with real requests through the
 * embedded Gateway.
 */
@GatewayApiTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CanaryTrafficAffinityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  /** {backend, Set-Cookie} of one request, with {@code cookie} (or none). */
  private String[] get(URI gateway, String cookie) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(gateway.resolve("/shop")).timeout(Duration.ofSeconds(5));
    if (cookie != null) {
      b.header("Cookie", "theme=dark; " + cookie);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new String[] {
      JSON.readTree(r.body()).path("backend").asText(),
      r.headers().firstValue("Set-Cookie").orElse(null)
    };
  }

  @Test
  void aClientThatReachedTheCanaryStaysWithItUntilTheCanaryLosesItsShare(
      GatewayCluster cluster, TestNamespace ns) throws Exception {
    try (EchoBackend stable = EchoBackend.behindService(cluster, ns.name(), "stable", 8080);
        EchoBackend canary = EchoBackend.behindService(cluster, ns.name(), "canary", 8080)) {
      awaitThat(
              cluster,
              cluster.create(
                  Fixtures.httpGateway(
                      ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80)))
          .isProgrammed();
      awaitThat(
              cluster,
              cluster.create(Fixtures.canaryRoute(ns.name(), "app", "gw", "stable", "canary", 0)))
          .isAcceptedBy("gw");
      URI gw = cluster.gateway(ns.name(), "gw").url("http");
      RouteManager routes = RouteManager.create(cluster.client());
      RouteRef ref = RouteRef.httpRoute(ns.name(), "app");
      CanaryTraffic pinned =
          CanaryTraffic.of("stable", "canary")
              .withSessionAffinity("canary-pin", Duration.ofHours(1));

      // the rules this traffic adds, recorded as a controller does to remove them later
      java.util.List<JsonNode> added =
          pinned
              .withWeight(20)
              .editFor(cluster.get(HTTPRoute.class, ns.name(), "app"), "HTTPRoute")
              .matchRules();
      assertThat(added).hasSize(1);
      routes.setCanaryTraffic(ref, pinned.withWeight(20));
      String cookie = null;
      for (int i = 0; i < 500 && cookie == null; i++) {
        String[] r = get(gw, null);
        if (r[0].equals("canary")) {
          cookie = r[1];
        }
      }
      assertThat(cookie)
          .as("the canary's answer sets the cookie")
          .isEqualTo("canary-pin=canary; Max-Age=3600; Path=/");
      String pin = cookie.substring(0, cookie.indexOf(';'));
      for (int i = 0; i < 50; i++) {
        assertThat(get(gw, pin)[0]).as("a pinned client, request %d", i).isEqualTo("canary");
      }
      int toStable = 0;
      for (int i = 0; i < 100; i++) {
        String[] r = get(gw, null);
        if (r[0].equals("stable")) {
          toStable++;
          assertThat(r[1]).as("the stable's answers set no cookie").isNull();
        }
      }
      assertThat(toStable)
          .as("clients without the cookie follow the 80/20 weights")
          .isBetween(60, 97);

      // a rollback, naming the rules the earlier traffic added
      routes.setCanaryTraffic(ref, pinned.withWeight(0).withPreviousRules(added));
      JsonNode route =
          JSON.readTree(Manifests.toJson(cluster.get(HTTPRoute.class, ns.name(), "app")));
      assertThat(route.at("/spec/rules")).as("the cookie rule is gone").hasSize(1);
      assertThat(route.toString()).doesNotContain("Set-Cookie");
      int back = 0;
      for (int i = 0; i < 200 && back < 20; i++) {
        back = get(gw, pin)[0].equals("stable") ? back + 1 : 0;
      }
      assertThat(back)
          .as("pinned clients follow the weights again after the rollback")
          .isEqualTo(20);
    }
  }
}
