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
  interface Builder {
    /** Redirects to scheme {@code https}. */
    default HTTPRequestRedirectFilter.Builder https() {
      return self().scheme("https");
    }

    /**
     * Replaces the whole path with {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    default HTTPRequestRedirectFilter.Builder replaceFullPath(String path) {
      return self().path(HTTPPathModifier.replaceFullPath(path));
    }

    /**
     * Replaces the matched prefix with {@code prefix}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    default HTTPRequestRedirectFilter.Builder replacePrefixMatch(String prefix) {
      return self().path(HTTPPathModifier.replacePrefixMatch(prefix));
    }

    private HTTPRequestRedirectFilter.Builder self() {
      return (HTTPRequestRedirectFilter.Builder) this;
    }
  }
}
