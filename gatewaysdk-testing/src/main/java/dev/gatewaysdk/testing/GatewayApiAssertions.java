package dev.gatewaysdk.testing;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.Route;
import dev.gatewaysdk.testing.internal.kube.Awaiter;
import java.time.Duration;
import java.util.Objects;

/**
 * AssertJ entry points for Gateway API objects: {@code assertThat} checks an object as it is,
 * {@code awaitThat} waits (watching the cluster, not polling) until the stored object passes each
 * check.
 *
 * <pre>{@code
 * import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
 * import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
 *
 * awaitThat(client, gateway).isProgrammed().hasListener("https");
 * HTTPRoute route = awaitThat(client, canary).isAcceptedBy("my-gateway").actual();
 * assertThat(route).isAcceptedBy("my-gateway").hasResolvedRefs().hasBackendWeight("app-canary", 10);
 * }</pre>
 */
public final class GatewayApiAssertions {
  /** How long an awaiting check waits unless told otherwise: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private GatewayApiAssertions() {}

  public static RouteAssert assertThat(Route route) {
    return new RouteAssert(route);
  }

  public static GatewayAssert assertThat(Gateway gateway) {
    return new GatewayAssert(gateway);
  }

  public static GatewayClassAssert assertThat(GatewayClass gatewayClass) {
    return new GatewayClassAssert(gatewayClass);
  }

  /** What a tenant may do, asked of the cluster (see {@link TenantAssert}). */
  public static TenantAssert assertThat(Tenant tenant) {
    return new TenantAssert(tenant);
  }

  /**
   * Checks that wait until the route named like {@code route} (same kind, namespace and name)
   * passes them.
   *
   * <p>A check that finds the cluster not serving the route's kind throws {@link
   * dev.gatewaysdk.core.UnsupportedByClusterException}.
   */
  public static <T extends Route> AwaitingRouteAssert<T> awaitThat(
      GatewayApiClient client, T route) {
    return new AwaitingRouteAssert<>(awaiter(client, route), route);
  }

  /** As {@link #awaitThat(GatewayApiClient, Route)} for a Gateway. */
  public static AwaitingGatewayAssert awaitThat(GatewayApiClient client, Gateway gateway) {
    return new AwaitingGatewayAssert(awaiter(client, gateway), gateway);
  }

  public static <T extends Route> AwaitingRouteAssert<T> awaitThat(
      GatewayCluster cluster, T route) {
    return awaitThat(cluster.client(), route);
  }

  public static AwaitingGatewayAssert awaitThat(GatewayCluster cluster, Gateway gateway) {
    return awaitThat(cluster.client(), gateway);
  }

  private static <T extends dev.gatewaysdk.model.GatewayApiObject> Awaiter<T> awaiter(
      GatewayApiClient client, T object) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(object, "object");
    return new Awaiter<>(client, object);
  }
}
