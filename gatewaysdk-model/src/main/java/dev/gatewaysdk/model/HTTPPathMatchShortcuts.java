package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link HTTPPathMatch}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPPathMatch's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPPathMatch api = HTTPPathMatch.prefix("/api");
 * }</pre>
 */
abstract class HTTPPathMatchShortcuts {
  HTTPPathMatchShortcuts() {}

  @Value.Check
  void check() {
    if (self().value().isPresent()
        && !PathMatchType.REGULAR_EXPRESSION.equals(
            self().type().orElse(PathMatchType.PATH_PREFIX))) {
      Checks.path("path", self().value().get());
    }
  }

  /**
   * Paths starting with {@code prefix}, element by element.
   *
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  public static HTTPPathMatch prefix(String prefix) {
    return HTTPPathMatch.builder().type(PathMatchType.PATH_PREFIX).value(prefix).build();
  }

  /**
   * Exactly the path {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  public static HTTPPathMatch exact(String path) {
    return HTTPPathMatch.builder().type(PathMatchType.EXACT).value(path).build();
  }

  /** Paths matching the regular expression {@code regex}. */
  public static HTTPPathMatch regex(String regex) {
    return HTTPPathMatch.builder().type(PathMatchType.REGULAR_EXPRESSION).value(regex).build();
  }

  private HTTPPathMatch self() {
    return (HTTPPathMatch) this;
  }
}
