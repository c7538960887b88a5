package dev.gatewaysdk.benchmarks;

import dev.gatewaysdk.model.HTTPRoute;

/**
 * The seed guide's canary route (section 7.2): one rule, stable and canary backends on port 8080.
 */
final class SeedRoutes {
  private SeedRoutes() {}

  static HTTPRoute canary(String name) {
    return HTTPRoute.builder()
        .name(name)
        .namespace("default")
        .parentRef("my-gateway")
        .rule(r -> r.backend("app-stable", 8080, 95).backend("app-canary", 8080, 5))
        .build();
  }
}
