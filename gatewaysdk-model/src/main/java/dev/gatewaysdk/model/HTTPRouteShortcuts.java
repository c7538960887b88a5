package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link HTTPRoute}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into HTTPRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRoute canary = HTTPRoute.builder()
 *     .name("canary-route").namespace("default")
 *     .parentRef("my-gateway")
 *     .rule(r -> r.pathPrefix("/app").backend("app-stable", 8080, 90).backend("app-canary", 8080, 10))
 *     .build();
 * }</pre>
 */
abstract class HTTPRouteShortcuts {
  HTTPRouteShortcuts() {}

  /** The shortcuts of {@link HTTPRoute.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    HTTPRoute.Builder spec(Consumer<HTTPRouteSpec.Builder> edit);

    /**
     * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
     * route serves.
     */
    default HTTPRoute.Builder hostname(String hostname) {
      return spec(s -> s.addHostname(hostname));
    }

    /** Adds {@code rule}. */
    default HTTPRoute.Builder rule(HTTPRouteRule rule) {
      return spec(s -> s.addRule(rule));
    }

    /** Adds a rule configured by {@code rule}. */
    default HTTPRoute.Builder rule(Consumer<HTTPRouteRule.Builder> rule) {
      return spec(s -> s.rule(rule));
    }
  }
}
