package dev.gatewaysdk.canary;

import dev.gatewaysdk.core.RouteRef;

/**
 * The rollout state annotation ({@code canary.gatewaysdk.dev/state}) on the primary route cannot be
 * read: it is corrupt, or was written by a newer version of this library. Nothing on the route is
 * changed; the problem is also recorded as an {@code UnreadableState} Warning Event on the route
 * (once per {@link Canary}). Fix or remove the annotation (removing it starts the rollout afresh
 * from the route's current weights), or run the newer version.
 */
public final class CanaryStateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient RouteRef route;

  public CanaryStateException(RouteRef route, String problem, Throwable cause) {
    super(
        route
            + ": unreadable canary state annotation canary.gatewaysdk.dev/state: "
            + problem
            + "; left alone (fix or remove the annotation, or run the newer version)",
        cause);
    this.route = route;
  }

  /** The route holding the annotation. */
  public RouteRef route() {
    return route;
  }
}
