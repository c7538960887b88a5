package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link TLSRoute}, which extends this class; the rest is generated from
 * its CRD (gatewaysdk-model-generator). The example below is copied into TLSRoute's Javadoc by the
 * generator.
 *
 * <pre>{@code
 * TLSRoute route = TLSRoute.builder().name("db").namespace("default").parentRef("gw")
 *     .hostname("db.example.com").rule(r -> r.backend("db", 5432))
 *     .build();
 * }</pre>
 */
abstract class TLSRouteShortcuts {
  TLSRouteShortcuts() {}
}
