package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.constant;
import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.core.RouteRef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rollouts posting to a real local webhook server that records what arrives. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookNotifierTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("notify");

  HttpServer hook;
  final List<JsonNode> payloads = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          if (failuresLeft.getAndDecrement() > 0) {
            ex.sendResponseHeaders(503, -1);
          } else {
            payloads.add(Jsons.mapper().readTree(new String(body, StandardCharsets.UTF_8)));
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.sendResponseHeaders(200, -1);
          }
          ex.close();
        });
    hook.start();
  }

  @AfterEach
  void stop() {
    hook.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
  }

  @Test
  void slackGetsEachStepAndThePromotionInOrder() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan p = plan(ref).weights(10, 100).build();
    failuresLeft.set(1); // the first post is answered 503 once and delivered on the retry
    try (WebhookNotifier slack = WebhookNotifier.slack(url(), ref.namespace() + "/" + ref.name())) {
      assertThat(fixture.canary(p).listener(slack).build().run().phase()).isEqualTo(Phase.PROMOTED);
    }
    assertThat(payloads)
        .extracting(j -> j.path("text").asText())
        .containsExactly(
            "canary "
                + ref.namespace()
                + "/"
                + ref.name()
                + ": step 1/2 setWeight 10: canary at 10%",
            "canary "
                + ref.namespace()
                + "/"
                + ref.name()
                + ": step 2/2 setWeight 100: canary at 100%",
            "canary " + ref.namespace() + "/" + ref.name() + ": promoted");
    assertThat(payloads).allMatch(j -> j.size() == 1);
  }

  @Test
  void teamsGetsTheRollbackWithItsReasonAndTheCredentials() throws Exception {
    RouteRef ref = fixture.newRoute();
    AnalysisCheck errors =
        AnalysisCheck.builder("errors", "m")
            .max(0.01)
            .unit(AnalysisCheck.Unit.RATIO)
            .interval(Duration.ofSeconds(30))
            .build();
    CanaryPlan p = plan(ref).weights(10).step(Step.analysis(errors)).weights(100).build();
    try (WebhookNotifier teams =
        WebhookNotifier.create(
            url(), WebhookNotifier.Format.TEAMS, "web", ProviderAuth.bearerToken("hook-s3cret"))) {
      CanaryStatus end =
          fixture.canary(p).provider("m", constant(0.2)).listener(teams).build().run();
      assertThat(end.phase()).isEqualTo(Phase.ROLLED_BACK);
      assertThat(teams.toString()).doesNotContain("hook-s3cret");
    }
    JsonNode last = payloads.get(payloads.size() - 1);
    assertThat(last.path("@type").asText()).isEqualTo("MessageCard");
    assertThat(last.path("title").asText()).isEqualTo("canary web");
    assertThat(last.path("text").asText())
        .isEqualTo("rolled back: analysis errors failed 1 time, limit 0: 20% > max 1%");
    assertThat(last.path("themeColor").asText()).isEqualTo("D40E0D");
    assertThat(authorizations).isNotEmpty().allMatch("Bearer hook-s3cret"::equals);
  }

  @Test
  void anUnreachableWebhookNeitherFailsNorHoldsUpTheRollout() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    RouteRef ref = fixture.newRoute();
    CanaryPlan p = plan(ref).weights(10, 50, 100).build();
    WebhookNotifier nowhere =
        WebhookNotifier.slack(URI.create("http://127.0.0.1:" + closedPort + "/hook"), "web");
    CanaryStatus end = fixture.canary(p).listener(nowhere).build().run();
    assertThat(end.phase())
        .as("the rollout ran on while every post failed")
        .isEqualTo(Phase.PROMOTED);
    nowhere.close();
    nowhere.promoted(end); // after close: ignored, no exception
  }
}
