package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written part of {@link TLSRoute}, which extends this class (its builder implements
 * {@link Builder}); the rest is generated from its CRD (gatewaysdk-model-generator). The example
 * below is copied into TLSRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * TLSRoute route = TLSRoute.builder().name("db").namespace("default").parentRef("gw")
 *     .hostname("db.example.com").rule(r -> r.backend("db", 5432))
 *     .build();
 * }</pre>
 */
abstract class TLSRouteShortcuts {
  TLSRouteShortcuts() {}

  /** The shortcuts of {@link TLSRoute.Builder}, which implements this interface. */
  interface Builder {
    /** Edits the spec set so far (the generated builder's). */
    TLSRoute.Builder spec(Consumer<TLSRouteSpec.Builder> edit);

    /**
     * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
     * route serves.
     */
    default TLSRoute.Builder hostname(String hostname) {
      return spec(s -> s.addHostname(hostname));
    }

    /** Adds {@code rule}. */
    default TLSRoute.Builder rule(TLSRouteRule rule) {
      return spec(s -> s.addRule(rule));
    }

    /** Adds a rule configured by {@code rule}. */
    default TLSRoute.Builder rule(Consumer<TLSRouteRule.Builder> rule) {
      return spec(s -> s.rule(rule));
    }
  }
}
