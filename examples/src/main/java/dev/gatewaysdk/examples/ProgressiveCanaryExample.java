package dev.gatewaysdk.examples;

import dev.gatewaysdk.canary.AnalysisCheck;
import dev.gatewaysdk.canary.AnalysisContext;
import dev.gatewaysdk.canary.Canary;
import dev.gatewaysdk.canary.CanaryPlan;
import dev.gatewaysdk.canary.CanaryStatus;
import dev.gatewaysdk.canary.MetricProvider;
import dev.gatewaysdk.canary.Step;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.model.HTTPRoute;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * A progressive canary that checks metrics between stages and rolls back on its own: 5, 10, 25, 50,
 * 75 and 100 percent, each stage analysed before the next. The error rate comes from a function
 * here ({@link MetricProvider#of}); in production use {@code PrometheusProvider} or a webhook. A
 * failed analysis sets the weights back to stable 100 / canary 0 and ends the rollout as {@code
 * ROLLED_BACK}.
 *
 * <pre>{@code
 * CanaryStatus end = ProgressiveCanaryExample.run(client, "default", "envoy-gateway", Duration.ofSeconds(30),
 *     ctx -> errorRateOf(ctx.canary()));
 * System.out.println(end);   // PROMOTED step 11/11 canary 100%
 * }</pre>
 */
public final class ProgressiveCanaryExample {
  private ProgressiveCanaryExample() {}

  /**
   * The plan: the canary route's stable and canary backends, stages analysed every {@code
   * interval}.
   */
  public static CanaryPlan plan(String namespace, Duration interval) {
    AnalysisCheck errorRate =
        AnalysisCheck.builder("error-rate", "errors")
            .max(0.01) // at most 1% errors
            .unit(AnalysisCheck.Unit.RATIO) // reasons read "2.5% > max 1%"
            .interval(interval)
            .failureLimit(0) // the first bad measurement rolls back
            .build();
    CanaryPlan.Builder plan =
        CanaryPlan.builder()
            .route(RouteRef.httpRoute(namespace, "canary-route"))
            .stable("app-stable")
            .canary("app-canary");
    for (int weight : new int[] {5, 10, 25, 50, 75}) {
      plan.step(Step.setWeight(weight)).step(Step.analysis(errorRate));
    }
    return plan.step(Step.setWeight(100)).build();
  }

  /**
   * Applies {@code my-gateway}, the Services and {@code canary-route} with all traffic on stable,
   * then runs the rollout to its end.
   *
   * @throws InterruptedException if interrupted; the rollout stays where it is and a later run
   *     continues it
   */
  public static CanaryStatus run(
      GatewayApiClient client,
      String namespace,
      String gatewayClassName,
      Duration interval,
      ToDoubleFunction<AnalysisContext> errorRate)
      throws InterruptedException {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(client, namespace, 8080, "app-stable", "app-canary");
    ExampleObjects.apply(
        TrafficSplitExample.routes(client, namespace),
        HTTPRoute.builder()
            .name("canary-route")
            .namespace(namespace)
            .parentRef(GatewayListenersExample.MY_GATEWAY)
            .rule(
                r ->
                    r.pathPrefix("/app")
                        .backend("app-stable", 8080, 100)
                        .backend("app-canary", 8080, 0))
            .build());
    Canary canary =
        Canary.builder(client, plan(namespace, interval))
            .provider("errors", MetricProvider.of(errorRate))
            .build();
    return canary.run();
  }
}
