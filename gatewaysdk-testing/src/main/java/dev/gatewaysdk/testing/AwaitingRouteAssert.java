package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.ParentReference;
import dev.gatewaysdk.model.Route;
import dev.gatewaysdk.testing.internal.kube.Awaiter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link RouteAssert}'s checks, each waiting until the route as stored in the cluster satisfies it:
 * the route is read once and then watched, so each check returns as soon as a controller has
 * written the status (no polling). Checks run in order, each with the full {@link #within(Duration)
 * timeout}. Not thread-safe.
 *
 * <pre>{@code
 * HTTPRoute accepted = awaitThat(client, route).within(Duration.ofSeconds(10))
 *     .isAcceptedBy("gw").hasResolvedRefs().actual();
 * }</pre>
 */
public final class AwaitingRouteAssert<T extends Route> {
  private final Awaiter<T> awaiter;
  private Duration timeout = GatewayApiAssertions.DEFAULT_TIMEOUT;
  private T actual;

  AwaitingRouteAssert(Awaiter<T> awaiter, T initial) {
    this.awaiter = awaiter;
    this.actual = initial;
  }

  /**
   * How long each following check may wait (default {@link GatewayApiAssertions#DEFAULT_TIMEOUT}).
   *
   * @throws IllegalArgumentException unless positive
   */
  public AwaitingRouteAssert<T> within(Duration timeout) {
    if (Objects.requireNonNull(timeout, "timeout").isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Waits until {@link RouteAssert#isAcceptedBy(String)} passes; fails with its message on timeout.
   */
  public AwaitingRouteAssert<T> isAcceptedBy(String gateway) {
    return until(a -> a.isAcceptedBy(gateway));
  }

  /** Waits until {@link RouteAssert#isNotAcceptedBy(String, String)} passes. */
  public AwaitingRouteAssert<T> isNotAcceptedBy(String gateway, String reason) {
    return until(a -> a.isNotAcceptedBy(gateway, reason));
  }

  /** Waits until {@link RouteAssert#isAcceptedBy(ParentReference)} passes. */
  public AwaitingRouteAssert<T> isAcceptedBy(ParentReference parent) {
    return until(a -> a.isAcceptedBy(parent));
  }

  /** Waits until {@link RouteAssert#isNotAcceptedBy(ParentReference, String)} passes. */
  public AwaitingRouteAssert<T> isNotAcceptedBy(ParentReference parent, String reason) {
    return until(a -> a.isNotAcceptedBy(parent, reason));
  }

  /** Waits until {@link RouteAssert#hasResolvedRefs(ParentReference)} passes. */
  public AwaitingRouteAssert<T> hasResolvedRefs(ParentReference parent) {
    return until(a -> a.hasResolvedRefs(parent));
  }

  /** Waits until {@link RouteAssert#hasResolvedRefs()} passes. */
  public AwaitingRouteAssert<T> hasResolvedRefs() {
    return until(RouteAssert::hasResolvedRefs);
  }

  /** Waits until {@link RouteAssert#hasUnresolvedRefs(String)} passes. */
  public AwaitingRouteAssert<T> hasUnresolvedRefs(String reason) {
    return until(a -> a.hasUnresolvedRefs(reason));
  }

  /** Waits until {@link RouteAssert#hasBackendWeight(String, int)} passes. */
  public AwaitingRouteAssert<T> hasBackendWeight(String backend, int weight) {
    return until(a -> a.hasBackendWeight(backend, weight));
  }

  /** Waits until {@code check} passes on the route's latest state. */
  public AwaitingRouteAssert<T> until(Consumer<RouteAssert> check) {
    actual = awaiter.await(r -> check.accept(new RouteAssert(r)), timeout);
    return this;
  }

  /** The route as last read (the state that passed the last check). */
  public T actual() {
    return actual;
  }
}
