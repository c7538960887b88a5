package dev.gatewaysdk.model;

/**
 * The path shortcuts of the redirect and URL rewrite filter builders ({@link
 * HTTPRequestRedirectFilter}, {@link HTTPURLRewriteFilter}): their companions' {@code Builder}
 * extends this interface.
 *
 * @param <B> the filter builder, returned for chaining
 */
interface PathModifierShortcuts<B> {
  /** Sets the path modifier (the generated builder's). */
  B path(HTTPPathModifier path);

  /**
   * Replaces the whole path with {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  default B replaceFullPath(String path) {
    return path(HTTPPathModifier.replaceFullPath(path));
  }

  /**
   * Replaces the matched prefix with {@code prefix}.
   *
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  default B replacePrefixMatch(String prefix) {
    return path(HTTPPathModifier.replacePrefixMatch(prefix));
  }
}
