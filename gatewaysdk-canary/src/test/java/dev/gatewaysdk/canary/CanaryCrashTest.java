package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver dies at every write (before it reaches the server, or after) and at every step; a fresh one resumes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CanaryCrashTest {
  static Cluster cluster;
  static GatewayApiClient client;
  static int names;

  final VirtualClock clock = VirtualClock.at(Instant.parse("2030-01-01T00:00:00Z"));

  @BeforeAll
  static void start() {
    cluster = new Cluster();
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  RouteRef newRoute() {
    String name = "crash-" + (++names);
    cluster.createRoute(CanaryTest.ROUTE.replace("NAME", name));
    return RouteRef.httpRoute("default", name);
  }

  CanaryPlan plan(RouteRef ref) {
    AnalysisCheck ok = AnalysisCheck.builder("ok", "code").min(0.9).interval(Duration.ofMinutes(1)).successes(2).build();
    return CanaryPlan.builder().route(ref).stable("web-v1").canary("web-v2")
        .step(Step.mirror(20)).step(Step.match(CanaryMatch.header("x-canary", "1")))
        .weights(10).step(Step.analysis(ok)).step(Step.pause(Duration.ofMinutes(2))).weights(50)
        .build();
  }

  Canary canary(CanaryPlan plan) {
    return Canary.builder(client, plan).clock(clock).provider("code", MetricProvider.of(ctx -> 1.0)).build();
  }

  void assertPromotedWithoutRegressionOrRepeatedStep(RouteRef ref, CanaryStatus end) {
    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    JsonNode route = cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(0);
    assertThat(route.at("/spec/rules").size()).isEqualTo(2);
    assertThat(route.at("/spec/rules/0/filters").size()).isEqualTo(1);
    CanaryTest.assertUntouched(cluster, route);
    // weights, steps and state revisions only go forward in every version written
    int weight = -1;
    int step = -1;
    long rev = 0;
    for (String s : cluster.history(ref)) {
      JsonNode r = Cluster.parse(s);
      var st = Cluster.state(r);
      assertThat(Cluster.weight(r, 0, "web-v2")).as("weight in %s", s).isGreaterThanOrEqualTo(weight);
      assertThat(st.step).isGreaterThanOrEqualTo(step);
      assertThat(st.rev).isGreaterThan(rev);
      weight = Cluster.weight(r, 0, "web-v2");
      step = st.step;
      rev = st.rev;
    }
    Map<String, Long> starts = cluster.events(ref.name()).stream().filter(e -> e.startsWith("StepStarted"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(starts.values()).allMatch(n -> n == 1);
  }

  int cleanRunWrites() throws Exception {
    RouteRef ref = newRoute();
    int before = cluster.patches.get();
    assertPromotedWithoutRegressionOrRepeatedStep(ref, canary(plan(ref)).run());
    return cluster.patches.get() - before;
  }

  @Test
  void crashBeforeOrAfterEveryWriteResumesWithoutRegression() throws Exception {
    int writes = cleanRunWrites();
    assertThat(writes).isGreaterThanOrEqualTo(7);
    for (boolean after : new boolean[] {false, true}) {
      for (int n = 1; n <= writes; n++) {
        RouteRef ref = newRoute();
        cluster.crashAfterWrite = after;
        cluster.crashAt = cluster.patches.get() + n;
        Throwable t = catchThrowable(() -> canary(plan(ref)).run());
        cluster.crashAt = 0;
        assertThat(t).as("write %d %s", n, after ? "after" : "before").isInstanceOf(Cluster.Crash.class);

        CanaryStatus end = canary(plan(ref)).run();

        assertPromotedWithoutRegressionOrRepeatedStep(ref, end);
      }
    }
  }

  @Test
  void interruptedAtEveryStepResumesWithAFreshInstance() throws Exception {
    int steps = plan(newRoute()).steps().size();
    for (int k = 0; k <= steps; k++) {
      RouteRef ref = newRoute();
      int stopAt = k;
      Thread[] driver = new Thread[1];
      Throwable[] failure = new Throwable[1];
      Canary first = Canary.builder(client, plan(ref)).clock(clock).provider("code", MetricProvider.of(ctx -> 1.0))
          .listener(new CanaryListener() {
            @Override
            public void statusChanged(CanaryStatus status) {
              if (status.step() >= stopAt) {
                driver[0].interrupt();
              }
            }
          }).build();
      driver[0] = new Thread(() -> {
        try {
          first.run();
        } catch (Throwable e) {
          failure[0] = e;
        }
      });
      driver[0].start();
      driver[0].join(30_000);
      CanaryStatus at = first.status();
      assertThat(failure[0]).as("step %d", k).isInstanceOf(InterruptedException.class);
      assertThat(at.step()).isGreaterThanOrEqualTo(Math.min(k, steps));

      CanaryStatus end = canary(plan(ref)).run();

      assertPromotedWithoutRegressionOrRepeatedStep(ref, end);
    }
  }
}
