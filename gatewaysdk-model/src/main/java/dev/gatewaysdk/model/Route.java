package dev.gatewaysdk.model;

import java.util.Optional;

/**
 * A route of any kind ({@link HTTPRoute}, {@link GRPCRoute}, {@link TLSRoute}, {@link TCPRoute},
 * {@link UDPRoute}), for code that handles parents and status without caring about the protocol.
 */
public interface Route extends GatewayApiObject {
  /** The route's spec, seen through the fields all route kinds share. */
  CommonRouteSpec spec();

  /** The status written by the controllers of the route's parents, if any. */
  Optional<RouteStatus> status();

  /** A copy with {@code status}. */
  Route withStatus(RouteStatus status);

  @Override
  Route withApiVersion(String apiVersion);

  @Override
  Route withMetadata(ObjectMeta metadata);
}
