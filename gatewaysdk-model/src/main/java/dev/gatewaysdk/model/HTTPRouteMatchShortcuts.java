package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPRouteMatch}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPRouteMatchShortcuts {
  HTTPRouteMatchShortcuts() {}

  /** The shortcuts of {@link HTTPRouteMatch.Builder}, which implements this interface. */
  interface Builder {
    /**
     * Requires the path to start with {@code prefix}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    default HTTPRouteMatch.Builder pathPrefix(String prefix) {
      return self().path(HTTPPathMatch.prefix(prefix));
    }

    /**
     * Requires the path to equal {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    default HTTPRouteMatch.Builder pathExact(String path) {
      return self().path(HTTPPathMatch.exact(path));
    }

    /** Requires header {@code name} to equal {@code value}. */
    default HTTPRouteMatch.Builder header(String name, String value) {
      return self().addHeader(HTTPHeaderMatch.of(name, value));
    }

    /** Requires query parameter {@code name} to equal {@code value}. */
    default HTTPRouteMatch.Builder queryParam(String name, String value) {
      return self().addQueryParam(HTTPQueryParamMatch.of(name, value));
    }

    private HTTPRouteMatch.Builder self() {
      return (HTTPRouteMatch.Builder) this;
    }
  }
}
