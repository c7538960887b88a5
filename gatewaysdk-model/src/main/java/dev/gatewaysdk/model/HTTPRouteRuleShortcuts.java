package dev.gatewaysdk.model;

import dev.gatewaysdk.model.internal.GatewayDurations;

/**
 * The hand-written part of {@link HTTPRouteRule}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPRouteRule's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRouteRule rule = HTTPRouteRule.builder()
 *     .pathPrefix("/app").header("x-canary", "true")
 *     .backend("app-canary", 8080)
 *     .build();
 * }</pre>
 */
abstract class HTTPRouteRuleShortcuts {
  HTTPRouteRuleShortcuts() {}

  /** The shortcuts of {@link HTTPRouteRule.Builder}, which implements this interface. */
  interface Builder {

    /**
     * Requires the request path to start with {@code prefix} (element-wise). Path, header, query
     * and method shortcuts on this builder combine into one match; add further matches with {@link
     * #match(java.util.function.Consumer)}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    default HTTPRouteRule.Builder pathPrefix(String prefix) {
      state().match().path(HTTPPathMatch.prefix(prefix));
      return self();
    }

    /**
     * Requires the request path to equal {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    default HTTPRouteRule.Builder pathExact(String path) {
      state().match().path(HTTPPathMatch.exact(path));
      return self();
    }

    /** Requires the request path to match the regular expression {@code regex}. */
    default HTTPRouteRule.Builder pathRegex(String regex) {
      state().match().path(HTTPPathMatch.regex(regex));
      return self();
    }

    /** Requires header {@code name} to equal {@code value}. */
    default HTTPRouteRule.Builder header(String name, String value) {
      state().match().addHeader(HTTPHeaderMatch.of(name, value));
      return self();
    }

    /** Requires header {@code name} to match the regular expression {@code regex}. */
    default HTTPRouteRule.Builder headerRegex(String name, String regex) {
      state()
          .match()
          .addHeader(
              HTTPHeaderMatch.builder()
                  .type(HeaderMatchType.REGULAR_EXPRESSION)
                  .name(name)
                  .value(regex)
                  .build());
      return self();
    }

    /** Requires query parameter {@code name} to equal {@code value}. */
    default HTTPRouteRule.Builder queryParam(String name, String value) {
      state().match().addQueryParam(HTTPQueryParamMatch.of(name, value));
      return self();
    }

    /** Requires the request method to be {@code method}. */
    default HTTPRouteRule.Builder method(HTTPMethod method) {
      state().match().method(method);
      return self();
    }

    /** Adds a separate match (ORed with the others) configured by {@code match}. */
    default HTTPRouteRule.Builder match(java.util.function.Consumer<HTTPRouteMatch.Builder> match) {
      state().flushMatch(self());
      HTTPRouteMatch.Builder b = HTTPRouteMatch.builder();
      match.accept(b);
      return self().addMatch(b.build());
    }

    /**
     * Sends traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    default HTTPRouteRule.Builder backend(String service, int port) {
      return self().addBackendRef(HTTPBackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    default HTTPRouteRule.Builder backend(String service, int port, int weight) {
      return self().addBackendRef(HTTPBackendRef.of(service, port, weight));
    }

    /** Redirects to the same URL with scheme {@code https} and status 301. */
    default HTTPRouteRule.Builder redirectToHttps() {
      return self()
          .addFilter(
              HTTPRouteFilter.requestRedirect(
                  HTTPRequestRedirectFilter.builder().scheme("https").statusCode(301).build()));
    }

    /** Adds a redirect configured by {@code redirect}. */
    default HTTPRouteRule.Builder redirect(
        java.util.function.Consumer<HTTPRequestRedirectFilter.Builder> redirect) {
      HTTPRequestRedirectFilter.Builder b = HTTPRequestRedirectFilter.builder();
      redirect.accept(b);
      return self().addFilter(HTTPRouteFilter.requestRedirect(b.build()));
    }

    /** Adds a URL rewrite configured by {@code rewrite}. */
    default HTTPRouteRule.Builder rewrite(
        java.util.function.Consumer<HTTPURLRewriteFilter.Builder> rewrite) {
      HTTPURLRewriteFilter.Builder b = HTTPURLRewriteFilter.builder();
      rewrite.accept(b);
      return self().addFilter(HTTPRouteFilter.urlRewrite(b.build()));
    }

    /** Mirrors all requests to port {@code port} of Service {@code service}. */
    default HTTPRouteRule.Builder mirror(String service, int port) {
      return self()
          .addFilter(
              HTTPRouteFilter.requestMirror(
                  HTTPRequestMirrorFilter.of(BackendObjectReference.service(service, port))));
    }

    /**
     * Mirrors {@code percent} percent of requests to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the percent is not 0..100 or the port not 1..65535
     */
    default HTTPRouteRule.Builder mirror(String service, int port, int percent) {
      return self()
          .addFilter(
              HTTPRouteFilter.requestMirror(
                  HTTPRequestMirrorFilter.builder()
                      .backendRef(BackendObjectReference.service(service, port))
                      .percent(Checks.percent(percent))
                      .build()));
    }

    /** Adds a request header modifier configured by {@code headers}. */
    default HTTPRouteRule.Builder requestHeaders(
        java.util.function.Consumer<HTTPHeaderFilter.Builder> headers) {
      HTTPHeaderFilter.Builder b = HTTPHeaderFilter.builder();
      headers.accept(b);
      return self().addFilter(HTTPRouteFilter.requestHeaderModifier(b.build()));
    }

    /** Adds a response header modifier configured by {@code headers}. */
    default HTTPRouteRule.Builder responseHeaders(
        java.util.function.Consumer<HTTPHeaderFilter.Builder> headers) {
      HTTPHeaderFilter.Builder b = HTTPHeaderFilter.builder();
      headers.accept(b);
      return self().addFilter(HTTPRouteFilter.responseHeaderModifier(b.build()));
    }

    /** Adds a CORS filter configured by {@code cors}. */
    default HTTPRouteRule.Builder cors(java.util.function.Consumer<HTTPCORSFilter.Builder> cors) {
      HTTPCORSFilter.Builder b = HTTPCORSFilter.builder();
      cors.accept(b);
      return self().addFilter(HTTPRouteFilter.cors(b.build()));
    }

    /**
     * Limits the whole request to {@code timeout}; sets {@link HTTPRouteRule#timeouts()}, replacing
     * a value set with {@code timeouts(...)}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    default HTTPRouteRule.Builder requestTimeout(java.time.Duration timeout) {
      return self().timeouts(state().timeouts().request(GatewayDurations.format(timeout)).build());
    }

    /**
     * Limits each request to a backend to {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    default HTTPRouteRule.Builder backendRequestTimeout(java.time.Duration timeout) {
      return self()
          .timeouts(state().timeouts().backendRequest(GatewayDurations.format(timeout)).build());
    }

    /**
     * Retries up to {@code attempts} times on the given HTTP status {@code codes}, waiting {@code
     * backoff} between tries.
     *
     * @throws IllegalArgumentException if {@code attempts} is negative or a code is not 400..599
     */
    default HTTPRouteRule.Builder retry(int attempts, java.time.Duration backoff, int... codes) {
      Checks.check(attempts >= 0, "attempts must be >= 0: " + attempts);
      HTTPRouteRetry.Builder b =
          HTTPRouteRetry.builder().attempts(attempts).backoff(GatewayDurations.format(backoff));
      for (int code : codes) {
        Checks.check(code >= 400 && code <= 599, "retry code must be 400..599: " + code);
        b.addCode(code);
      }
      return self().retry(b.build());
    }

    private HTTPRouteRule.Builder self() {
      return (HTTPRouteRule.Builder) this;
    }

    private BuilderState state() {
      return self().shortcuts;
    }
  }

  /**
   * What the shortcuts keep between calls: the match the path, header, query and method shortcuts
   * combine into (added when {@code match(Consumer)} is next called, or by {@code build()}), and
   * the timeouts set so far. The generated builder holds one and calls {@link #beforeBuild}.
   */
  static final class BuilderState {
    private HTTPRouteMatch.Builder pendingMatch;
    private HTTPRouteTimeouts.Builder pendingTimeouts;

    HTTPRouteMatch.Builder match() {
      if (pendingMatch == null) {
        pendingMatch = HTTPRouteMatch.builder();
      }
      return pendingMatch;
    }

    HTTPRouteTimeouts.Builder timeouts() {
      if (pendingTimeouts == null) {
        pendingTimeouts = HTTPRouteTimeouts.builder();
      }
      return pendingTimeouts;
    }

    void flushMatch(HTTPRouteRule.Builder rule) {
      if (pendingMatch != null) {
        rule.addMatch(pendingMatch.build());
        pendingMatch = null;
      }
    }

    void beforeBuild(HTTPRouteRule.Builder rule) {
      flushMatch(rule);
    }
  }
}
