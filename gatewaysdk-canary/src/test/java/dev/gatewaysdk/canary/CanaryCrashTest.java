package dev.gatewaysdk.canary;

import static dev.gatewaysdk.canary.CanaryFixture.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The driver dies at every write (before it reaches the server, or after) and at every step; a
 * fresh one resumes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CanaryCrashTest {
  @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("crash");

  CanaryPlan plan(RouteRef ref) {
    AnalysisCheck ok =
        AnalysisCheck.builder("ok", "code")
            .min(0.9)
            .interval(Duration.ofMinutes(1))
            .successes(2)
            .build();
    return CanaryFixture.plan(ref)
        .step(Step.mirror(20))
        .step(Step.match(CanaryMatch.header("x-canary", "1")))
        .weights(10)
        .step(Step.analysis(ok))
        .step(Step.pause(Duration.ofMinutes(2)))
        .weights(50)
        .build();
  }

  Canary canary(CanaryPlan plan) {
    return fixture.canary(plan).provider("code", constant(1.0)).build();
  }

  void assertPromotedWithoutRegressionOrRepeatedStep(RouteRef ref, CanaryStatus end) {
    assertThat(end.phase()).isEqualTo(Phase.PROMOTED);
    JsonNode route = fixture.cluster.get(ref);
    assertThat(Cluster.weight(route, 0, "web-v2")).isEqualTo(100);
    assertThat(Cluster.weight(route, 0, "web-v1")).isEqualTo(0);
    assertThat(route.at("/spec/rules").size()).isEqualTo(2);
    assertThat(route.at("/spec/rules/0/filters").size()).isEqualTo(1);
    fixture.assertUntouched(route);
    // weights, steps and state revisions only go forward in every version written
    int weight = -1;
    int step = -1;
    long rev = 0;
    for (String s : fixture.cluster.history(ref)) {
      JsonNode r = Cluster.parse(s);
      var st = Cluster.state(r);
      assertThat(Cluster.weight(r, 0, "web-v2"))
          .as("weight in %s", s)
          .isGreaterThanOrEqualTo(weight);
      assertThat(st.step).isGreaterThanOrEqualTo(step);
      assertThat(st.rev).isGreaterThan(rev);
      weight = Cluster.weight(r, 0, "web-v2");
      step = st.step;
      rev = st.rev;
    }
    Map<String, Long> starts =
        fixture.cluster.events(ref.name()).stream()
            .filter(e -> e.startsWith("StepStarted"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(starts.values()).allMatch(n -> n == 1);
  }

  int cleanRunWrites() throws Exception {
    RouteRef ref = fixture.newRoute();
    int before = fixture.cluster.patches.get();
    assertPromotedWithoutRegressionOrRepeatedStep(ref, canary(plan(ref)).run());
    return fixture.cluster.patches.get() - before;
  }

  @Test
  void crashBeforeOrAfterEveryWriteResumesWithoutRegression() throws Exception {
    int writes = cleanRunWrites();
    assertThat(writes).isGreaterThanOrEqualTo(7);
    for (boolean after : new boolean[] {false, true}) {
      for (int n = 1; n <= writes; n++) {
        RouteRef ref = fixture.newRoute();
        fixture.cluster.crashAfterWrite = after;
        fixture.cluster.crashAt = fixture.cluster.patches.get() + n;
        Throwable t = catchThrowable(() -> canary(plan(ref)).run());
        fixture.cluster.crashAt = 0;
        assertThat(t)
            .as("write %d %s", n, after ? "after" : "before")
            .isInstanceOf(Cluster.Crash.class);

        CanaryStatus end = canary(plan(ref)).run();

        assertPromotedWithoutRegressionOrRepeatedStep(ref, end);
      }
    }
  }

  @Test
  void interruptedAtEveryStepResumesWithAFreshInstance() throws Exception {
    int steps = plan(fixture.newRoute()).steps().size();
    for (int k = 0; k <= steps; k++) {
      RouteRef ref = fixture.newRoute();
      int stopAt = k;
      Thread[] driver = new Thread[1];
      Throwable[] failure = new Throwable[1];
      Canary first =
          fixture
              .canary(plan(ref))
              .provider("code", constant(1.0))
              .listener(
                  new CanaryListener() {
                    @Override
                    public void statusChanged(CanaryStatus status) {
                      if (status.step() >= stopAt) {
                        driver[0].interrupt();
                      }
                    }
                  })
              .build();
      driver[0] =
          new Thread(
              () -> {
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

  @Test
  void crashBeforeOrAfterEveryWriteKeepsTheBackgroundCountersWithoutDoubleCounting()
      throws Exception {
    // clean run: start (weight 10, counters), pause, failure 1 at 10m, failure 2 at 20m, failure 3
    // at 30m → rollback
    AnalysisCheck errors =
        AnalysisCheck.builder("errors", "code")
            .max(0.1)
            .interval(Duration.ofMinutes(10))
            .failureLimit(2)
            .build();
    Function<RouteRef, CanaryPlan> plan =
        ref ->
            CanaryFixture.plan(ref)
                .weights(10)
                .step(Step.pause(Duration.ofHours(1)))
                .weights(100)
                .backgroundAnalysis(errors)
                .build();
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    Function<RouteRef, Canary> canary =
        ref ->
            fixture
                .canary(plan.apply(ref))
                .provider(
                    "code",
                    MetricProvider.of(
                        ctx -> {
                          calls.incrementAndGet();
                          return 0.5;
                        }))
                .build();
    RouteRef clean = fixture.newRoute();
    int before = fixture.cluster.patches.get();
    assertThat(canary.apply(clean).run().phase()).isEqualTo(Phase.ROLLED_BACK);
    int writes = fixture.cluster.patches.get() - before;
    assertThat(writes).isEqualTo(5);
    assertThat(calls.get()).isEqualTo(3);

    for (boolean after : new boolean[] {false, true}) {
      for (int n = 1; n <= writes; n++) {
        RouteRef ref = fixture.newRoute();
        Instant start = fixture.clock.now();
        calls.set(0);
        fixture.cluster.crashAfterWrite = after;
        fixture.cluster.crashAt = fixture.cluster.patches.get() + n;
        Throwable t = catchThrowable(() -> canary.apply(ref).run());
        fixture.cluster.crashAt = 0;
        assertThat(t)
            .as("write %d %s", n, after ? "after" : "before")
            .isInstanceOf(Cluster.Crash.class);

        CanaryStatus end = canary.apply(ref).run();

        String at = "crash " + (after ? "after" : "before") + " write " + n;
        assertThat(end.phase()).as(at).isEqualTo(Phase.ROLLED_BACK);
        assertThat(end.step()).as(at).isEqualTo(1);
        assertThat(end.reason())
            .as(at)
            .startsWith("background analysis errors failed 3 times, limit 2");
        assertThat(end.lastTransition()).as(at).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(end.analysis())
            .as(at)
            .containsEntry("background/errors", "0 ok (0 in a row), 3 failed, 0 inconclusive");
        // a measurement whose write never landed is taken again; one that landed is not
        boolean lostMeasurement = !after && n >= 3;
        assertThat(calls.get()).as(at).isEqualTo(lostMeasurement ? 4 : 3);
        assertThat(Cluster.weight(fixture.cluster.get(ref), 0, "web-v2")).as(at).isZero();
      }
    }
  }
}
