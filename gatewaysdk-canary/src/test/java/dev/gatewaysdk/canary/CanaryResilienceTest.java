package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.T0;
import static dev.gatewaysdk.canary.CanaryFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 point 7: fencing of every route's write, API outages, clock skew, A/B and mirror edits.
 */
class CanaryResilienceTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("res");

  @Test
  void aDeposedDriverCannotWriteStaleWeightsOntoASecondaryRoute() {
    RouteRef primary = fixture.newRoute();
    RouteRef secondary = fixture.newRoute();
    CanaryPlan plan =
        plan(primary)
            .route(secondary)
            .weights(10, 50)
            .step(Step.pauseUntilPromoted())
            .weights(100)
            .build();
    Canary newLeader = fixture.canary(plan).build();
    // the old leader is held at its first write to the secondary route while the new leader takes
    // over and moves on
    AtomicBoolean held = new AtomicBoolean();
    Interceptor holdFirstSecondaryWrite =
        chain -> {
          boolean secondaryWrite =
              chain.request().method().equals("PATCH")
                  && chain
                      .request()
                      .url()
                      .encodedPath()
                      .endsWith("/httproutes/" + secondary.name());
          if (secondaryWrite && held.compareAndSet(false, true)) {
            for (int i = 0; i < 20 && newLeader.status().phase() != Phase.PAUSED; i++) {
              newLeader.reconcile();
            }
          }
          return chain.proceed(chain.request());
        };
    Canary oldLeader =
        Canary.builder(fixture.cluster.client(holdFirstSecondaryWrite), plan)
            .clock(fixture.clock)
            .pollInterval(Duration.ofSeconds(5))
            .build();

    oldLeader.reconcile(); // steps[0]: 10% on the primary, the secondary not yet synced
    oldLeader
        .reconcile(); // syncs the secondary: held there while the new leader reaches 50% and the
    // gate

    assertThat(held).isTrue();
    assertThat(newLeader.status().phase()).isEqualTo(Phase.PAUSED);
    assertThat(Cluster.weight(fixture.cluster.get(secondary), 0, "web-v2")).isEqualTo(50);
    assertThat(Cluster.weight(fixture.cluster.get(primary), 0, "web-v2")).isEqualTo(50);
    assertThat(newLeader.reconcile().reason()).doesNotContain("external edit");
  }

  @Test
  void anApiOutageIsRetriedWithBackOffReportedAndTheRolloutFinishes() throws Exception {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref).weights(10).step(Step.pause(Duration.ofMinutes(1))).weights(100).build();
    // the API server refuses every request from minute 2 to minute 32 (virtual time)
    AtomicInteger refused = new AtomicInteger();
    Interceptor outage =
        chain -> {
          Duration since = Duration.between(T0, fixture.clock.now());
          if (since.compareTo(Duration.ofMinutes(2)) >= 0
              && since.compareTo(Duration.ofMinutes(32)) < 0) {
            refused.incrementAndGet();
            return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(503)
                .message("Service Unavailable")
                .body(
                    ResponseBody.create(
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcd unavailable\","
                            + "\"reason\":\"ServiceUnavailable\",\"code\":503}",
                        MediaType.get("application/json")))
                .build();
          }
          return chain.proceed(chain.request());
        };
    GatewayApiClient client = fixture.cluster.client(outage);
    List<String> told = new CopyOnWriteArrayList<>();
    // a pause the outage interrupts: the rollout must wait it out, not give up
    fixture.clock.advance(Duration.ofMinutes(1).plusSeconds(30));
    Canary canary =
        Canary.builder(client, plan)
            .clock(fixture.clock)
            .pollInterval(Duration.ofSeconds(5))
            .listener(
                new CanaryListener() {
                  @Override
                  public void apiUnavailable(
                      CanaryStatus last, RuntimeException error, int attempt, Duration retryIn) {
                    told.add(attempt + " " + retryIn.toSeconds() + "s");
                  }
                })
            .build();

    CanaryStatus end = canary.run();

    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    assertThat(fixture.clock.now()).isAfter(T0.plus(Duration.ofMinutes(32)));
    // back-off: far fewer attempts than one per poll interval (360 in 30 minutes)
    assertThat(refused.get()).isBetween(5, 40);
    assertThat(told).isNotEmpty().startsWith("1 5s", "2 10s", "3 20s");
    assertThat(fixture.cluster.events(ref.name()))
        .anyMatch(e -> e.startsWith("ApiUnavailable: "))
        .contains("Promoted: canary web-v2 promoted");
  }

  @Test
  void deadlinesCountOnTheObservingReplicasClockNotTheWritersSkewedOne() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref).weights(10).step(Step.pause(Duration.ofMinutes(30))).weights(100).build();
    Canary writer = fixture.canary(plan).build();
    writer.reconcile();
    writer.reconcile(); // steps[1]: the 30 minute pause starts on the writer's clock (T0)
    assertThat(writer.status().step()).isEqualTo(1);
    // another replica whose clock runs an hour ahead takes over right away
    VirtualClock ahead = VirtualClock.at(T0.plus(Duration.ofHours(1)));
    Canary skewed =
        Canary.builder(fixture.client, plan)
            .clock(ahead)
            .pollInterval(Duration.ofSeconds(5))
            .build();

    assertThat(skewed.reconcile().step())
        .as("the pause is not over after no time at all")
        .isEqualTo(1);
    ahead.advance(Duration.ofMinutes(29));
    assertThat(skewed.reconcile().step()).isEqualTo(1);
    ahead.advance(Duration.ofMinutes(1));
    assertThat(skewed.reconcile().step()).isEqualTo(2);
  }

  @Test
  void aDeletedAbRuleIsAnExternalEdit() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref)
            .step(Step.match(CanaryMatch.header("x-canary", "1")))
            .step(Step.pauseUntilPromoted())
            .weights(100)
            .build();
    Canary canary = fixture.canary(plan).build();
    canary.reconcile();
    canary.reconcile();
    JsonNode route = fixture.cluster.get(ref);
    assertThat(route.at("/spec/rules").size()).isEqualTo(3);

    fixture.cluster.externalPatch(ref, "[{'op':'remove','path':'/spec/rules/2'}]");
    CanaryStatus s = canary.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.reason())
        .contains("paused after an external edit")
        .contains("A/B rule")
        .contains("missing");
  }

  @Test
  void aDeletedMirrorIsAnExternalEdit() {
    RouteRef ref = fixture.newRoute();
    CanaryPlan plan =
        plan(ref).step(Step.mirror(100)).step(Step.pauseUntilPromoted()).weights(100).build();
    Canary canary = fixture.canary(plan).build();
    canary.reconcile();
    canary.reconcile();
    assertThat(fixture.cluster.get(ref).at("/spec/rules/0/filters").size()).isEqualTo(2);

    fixture.cluster.externalPatch(ref, "[{'op':'remove','path':'/spec/rules/0/filters/1'}]");
    CanaryStatus s = canary.reconcile();

    assertThat(s.phase()).isEqualTo(Phase.PAUSED);
    assertThat(s.reason())
        .contains("paused after an external edit")
        .contains("mirror 100% to web-v2 missing");
  }
}
