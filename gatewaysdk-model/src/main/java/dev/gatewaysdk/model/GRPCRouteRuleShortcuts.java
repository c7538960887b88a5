package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * GRPCRouteRule's Javadoc by the generator.
 *
 * <pre>{@code
 * GRPCRouteRule rule = GRPCRouteRule.builder().method("com.example.User", "Login").backend("auth", 50051).build();
 * }</pre>
 */
abstract class GRPCRouteRuleShortcuts {
  GRPCRouteRuleShortcuts() {}

  /** The shortcuts of {@link GRPCRouteRule.Builder}, which implements this interface. */
  interface Builder {
    /** Adds a match of exactly service {@code service} and method {@code method}. */
    default GRPCRouteRule.Builder method(String service, String method) {
      return self()
          .addMatch(
              GRPCRouteMatch.builder().method(GRPCMethodMatch.exact(service, method)).build());
    }

    /** Adds a match of every method of service {@code service}. */
    default GRPCRouteRule.Builder service(String service) {
      return self()
          .addMatch(
              GRPCRouteMatch.builder()
                  .method(GRPCMethodMatch.builder().service(service).build())
                  .build());
    }

    /** Adds a match configured by {@code match}. */
    default GRPCRouteRule.Builder match(java.util.function.Consumer<GRPCRouteMatch.Builder> match) {
      GRPCRouteMatch.Builder b = GRPCRouteMatch.builder();
      match.accept(b);
      return self().addMatch(b.build());
    }

    /**
     * Sends traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    default GRPCRouteRule.Builder backend(String service, int port) {
      return self().addBackendRef(GRPCBackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    default GRPCRouteRule.Builder backend(String service, int port, int weight) {
      return self().addBackendRef(GRPCBackendRef.of(service, port, weight));
    }

    private GRPCRouteRule.Builder self() {
      return (GRPCRouteRule.Builder) this;
    }
  }
}
