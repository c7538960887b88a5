package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPPathModifier}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPPathModifierShortcuts {
  HTTPPathModifierShortcuts() {}

  /**
   * Replaces the whole path with {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  public static HTTPPathModifier replaceFullPath(String path) {
    return HTTPPathModifier.builder()
        .type(HTTPPathModifierType.REPLACE_FULL_PATH)
        .replaceFullPath(Checks.path("replaceFullPath", path))
        .build();
  }

  /**
   * Replaces the matched prefix with {@code prefix}.
   *
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  public static HTTPPathModifier replacePrefixMatch(String prefix) {
    return HTTPPathModifier.builder()
        .type(HTTPPathModifierType.REPLACE_PREFIX_MATCH)
        .replacePrefixMatch(Checks.path("replacePrefixMatch", prefix))
        .build();
  }
}
