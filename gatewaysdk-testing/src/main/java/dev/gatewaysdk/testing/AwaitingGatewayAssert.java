package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.testing.internal.kube.Awaiter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link GatewayAssert}'s checks, each waiting (by watching the Gateway) until it passes on the
 * stored state. Checks run in order, each with the full {@link #within(Duration) timeout}. Not
 * thread-safe.
 *
 * <pre>{@code
 * awaitThat(client, gateway).isProgrammed().hasListener("https");
 * }</pre>
 */
public final class AwaitingGatewayAssert {
  private final Awaiter<Gateway> awaiter;
  private Duration timeout = GatewayApiAssertions.DEFAULT_TIMEOUT;
  private Gateway actual;

  AwaitingGatewayAssert(Awaiter<Gateway> awaiter, Gateway initial) {
    this.awaiter = awaiter;
    this.actual = initial;
  }

  /**
   * How long each following check may wait (default {@link GatewayApiAssertions#DEFAULT_TIMEOUT}).
   *
   * @throws IllegalArgumentException unless positive
   */
  public AwaitingGatewayAssert within(Duration timeout) {
    if (Objects.requireNonNull(timeout, "timeout").isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  public AwaitingGatewayAssert isAccepted() {
    return until(GatewayAssert::isAccepted);
  }

  public AwaitingGatewayAssert isProgrammed() {
    return until(GatewayAssert::isProgrammed);
  }

  public AwaitingGatewayAssert isNotProgrammed(String reason) {
    return until(a -> a.isNotProgrammed(reason));
  }

  public AwaitingGatewayAssert hasListener(String name) {
    return until(a -> a.hasListener(name));
  }

  public AwaitingGatewayAssert hasListenerCondition(
      String listener, String type, boolean status, String reason) {
    return until(a -> a.hasListenerCondition(listener, type, status, reason));
  }

  public AwaitingGatewayAssert hasAttachedRoutes(String listener, int count) {
    return until(a -> a.hasAttachedRoutes(listener, count));
  }

  public AwaitingGatewayAssert hasAddress() {
    return until(GatewayAssert::hasAddress);
  }

  /** Waits until {@code check} passes on the Gateway's latest state. */
  public AwaitingGatewayAssert until(Consumer<GatewayAssert> check) {
    actual = awaiter.await(g -> check.accept(new GatewayAssert(g)), timeout);
    return this;
  }

  /** The Gateway as last read. */
  public Gateway actual() {
    return actual;
  }
}
