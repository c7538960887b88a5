package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPURLRewriteFilter}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPURLRewriteFilterShortcuts {
  HTTPURLRewriteFilterShortcuts() {}

  /** The shortcuts of {@link HTTPURLRewriteFilter.Builder}, which implements this interface. */
  interface Builder {
    /**
     * Replaces the whole path with {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    default HTTPURLRewriteFilter.Builder replaceFullPath(String path) {
      return self().path(HTTPPathModifier.replaceFullPath(path));
    }

    /**
     * Replaces the matched prefix with {@code prefix}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    default HTTPURLRewriteFilter.Builder replacePrefixMatch(String prefix) {
      return self().path(HTTPPathModifier.replacePrefixMatch(prefix));
    }

    private HTTPURLRewriteFilter.Builder self() {
      return (HTTPURLRewriteFilter.Builder) this;
    }
  }
}
