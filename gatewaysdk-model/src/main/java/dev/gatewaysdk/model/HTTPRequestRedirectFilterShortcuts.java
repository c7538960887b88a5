package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link HTTPRequestRedirectFilter}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPRequestRedirectFilter's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRequestRedirectFilter toHttps = HTTPRequestRedirectFilter.builder().https().statusCode(301).build();
 * }</pre>
 */
abstract class HTTPRequestRedirectFilterShortcuts {
  HTTPRequestRedirectFilterShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  private HTTPRequestRedirectFilter self() {
    return (HTTPRequestRedirectFilter) this;
  }

  /**
   * The shortcuts of {@link HTTPRequestRedirectFilter.Builder}, which implements this interface.
   */
  interface Builder extends PathModifierShortcuts<HTTPRequestRedirectFilter.Builder> {
    /** Redirects to scheme {@code https}. */
    default HTTPRequestRedirectFilter.Builder https() {
      return self().scheme("https");
    }

    private HTTPRequestRedirectFilter.Builder self() {
      return (HTTPRequestRedirectFilter.Builder) this;
    }
  }
}
