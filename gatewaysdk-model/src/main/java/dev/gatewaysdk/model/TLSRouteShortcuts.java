package dev.gatewaysdk.model;

import java.util.function.Consumer;

/**
 * The hand-written shortcuts of {@link TLSRoute.Builder}, which implements this interface; the rest
 * of {@link TLSRoute} is generated from its CRD (gatewaysdk-model-generator). The example below is
 * copied into TLSRoute's Javadoc by the generator.
 *
 * <pre>{@code
 * TLSRoute route = TLSRoute.builder().name("db").namespace("default").parentRef("gw")
 *     .hostname("db.example.com").rule(r -> r.backend("db", 5432))
 *     .build();
 * }</pre>
 */
interface TLSRouteShortcuts {
  /** The builder of the spec set so far. */
  TLSRouteSpec.Builder specBuilder();

  /**
   * Adds {@code hostname} (may be a wildcard such as {@code *.example.com}) to the hostnames the
   * route serves.
   */
  default TLSRoute.Builder hostname(String hostname) {
    specBuilder().addHostname(hostname);
    return (TLSRoute.Builder) this;
  }

  /** Adds {@code rule}. */
  default TLSRoute.Builder rule(TLSRouteRule rule) {
    specBuilder().addRule(rule);
    return (TLSRoute.Builder) this;
  }

  /** Adds a rule configured by {@code rule}. */
  default TLSRoute.Builder rule(Consumer<TLSRouteRule.Builder> rule) {
    specBuilder().rule(rule);
    return (TLSRoute.Builder) this;
  }
}
