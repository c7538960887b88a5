package dev.gatewaysdk.canary;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Measures one {@link AnalysisCheck}: Prometheus ({@link PrometheusProvider}), a webhook ({@link
 * WebhookProvider}), or code ({@link #of(ToDoubleFunction)}). A provider registered with {@link
 * Canary.Builder#provider(String, MetricProvider)} is used by every check naming it.
 *
 * <p>Implementations must be thread-safe. An exception thrown by {@link #measure} counts as an
 * inconclusive measurement (limited by the check's {@link AnalysisCheck#inconclusiveLimit()}),
 * never as a crash.
 *
 * <pre>{@code
 * MetricProvider errors = MetricProvider.of(ctx -> errorRate(ctx.canary()));
 * }</pre>
 */
public interface MetricProvider {
  /** Takes one measurement. */
  Measurement measure(AnalysisContext context) throws Exception;

  /** A provider computing the value in code; the check's range judges it. */
  static MetricProvider of(ToDoubleFunction<AnalysisContext> function) {
    Objects.requireNonNull(function, "function");
    return context -> Measurement.of(context.check(), function.applyAsDouble(context));
  }
}
