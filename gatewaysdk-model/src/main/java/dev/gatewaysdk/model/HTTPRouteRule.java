package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.GatewayDurations;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * One rule of an {@link HTTPRoute}: requests that satisfy any match are filtered and sent to the
 * backends.
 *
 * <pre>{@code
 * HTTPRouteRule rule = HTTPRouteRule.builder()
 *     .pathPrefix("/app").header("x-canary", "true")
 *     .backend("app-canary", 8080)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Fields unknown to this SDK are kept in {@link #unknownFields()}.
 */
@Value.Immutable
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class HTTPRouteRule extends HTTPRouteRuleBase implements WithHTTPRouteRule {
  HTTPRouteRule() {}

  /** Builds {@link HTTPRouteRule} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRouteRule.Builder {
    Builder() {}

    private HTTPRouteMatch.Builder pendingMatch;
    private HTTPRouteTimeouts.Builder pendingTimeouts;

    private HTTPRouteMatch.Builder match() {
      if (pendingMatch == null) {
        pendingMatch = HTTPRouteMatch.builder();
      }
      return pendingMatch;
    }

    /**
     * Requires the request path to start with {@code prefix} (element-wise). Path, header, query
     * and method shortcuts on this builder combine into one match; add further matches with {@link
     * #match(java.util.function.Consumer)}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    public Builder pathPrefix(String prefix) {
      match().path(HTTPPathMatch.prefix(prefix));
      return this;
    }

    /**
     * Requires the request path to equal {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public Builder pathExact(String path) {
      match().path(HTTPPathMatch.exact(path));
      return this;
    }

    /** Requires the request path to match the regular expression {@code regex}. */
    public Builder pathRegex(String regex) {
      match().path(HTTPPathMatch.regex(regex));
      return this;
    }

    /** Requires header {@code name} to equal {@code value}. */
    public Builder header(String name, String value) {
      match().addHeader(HTTPHeaderMatch.of(name, value));
      return this;
    }

    /** Requires header {@code name} to match the regular expression {@code regex}. */
    public Builder headerRegex(String name, String regex) {
      match()
          .addHeader(
              HTTPHeaderMatch.builder()
                  .type(HeaderMatchType.REGULAR_EXPRESSION)
                  .name(name)
                  .value(regex)
                  .build());
      return this;
    }

    /** Requires query parameter {@code name} to equal {@code value}. */
    public Builder queryParam(String name, String value) {
      match().addQueryParam(HTTPQueryParamMatch.of(name, value));
      return this;
    }

    /** Requires the request method to be {@code method}. */
    public Builder method(HTTPMethod method) {
      match().method(method);
      return this;
    }

    /** Adds a separate match (ORed with the others) configured by {@code match}. */
    public Builder match(java.util.function.Consumer<HTTPRouteMatch.Builder> match) {
      flushMatch();
      HTTPRouteMatch.Builder b = HTTPRouteMatch.builder();
      match.accept(b);
      return addMatch(b.build());
    }

    /**
     * Sends traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535
     */
    public Builder backend(String service, int port) {
      return addBackendRef(HTTPBackendRef.of(service, port));
    }

    /**
     * Sends a {@code weight} share of traffic to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
     */
    public Builder backend(String service, int port, int weight) {
      return addBackendRef(HTTPBackendRef.of(service, port, weight));
    }

    /** Redirects to the same URL with scheme {@code https} and status 301. */
    public Builder redirectToHttps() {
      return addFilter(
          HTTPRouteFilter.requestRedirect(
              HTTPRequestRedirectFilter.builder().scheme("https").statusCode(301).build()));
    }

    /** Adds a redirect configured by {@code redirect}. */
    public Builder redirect(
        java.util.function.Consumer<HTTPRequestRedirectFilter.Builder> redirect) {
      HTTPRequestRedirectFilter.Builder b = HTTPRequestRedirectFilter.builder();
      redirect.accept(b);
      return addFilter(HTTPRouteFilter.requestRedirect(b.build()));
    }

    /** Adds a URL rewrite configured by {@code rewrite}. */
    public Builder rewrite(java.util.function.Consumer<HTTPURLRewriteFilter.Builder> rewrite) {
      HTTPURLRewriteFilter.Builder b = HTTPURLRewriteFilter.builder();
      rewrite.accept(b);
      return addFilter(HTTPRouteFilter.urlRewrite(b.build()));
    }

    /** Mirrors all requests to port {@code port} of Service {@code service}. */
    public Builder mirror(String service, int port) {
      return addFilter(
          HTTPRouteFilter.requestMirror(
              HTTPRequestMirrorFilter.of(BackendObjectReference.service(service, port))));
    }

    /**
     * Mirrors {@code percent} percent of requests to port {@code port} of Service {@code service}.
     *
     * @throws IllegalArgumentException if the percent is not 0..100 or the port not 1..65535
     */
    public Builder mirror(String service, int port, int percent) {
      return addFilter(
          HTTPRouteFilter.requestMirror(
              HTTPRequestMirrorFilter.builder()
                  .backendRef(BackendObjectReference.service(service, port))
                  .percent(Checks.percent(percent))
                  .build()));
    }

    /** Adds a request header modifier configured by {@code headers}. */
    public Builder requestHeaders(java.util.function.Consumer<HTTPHeaderFilter.Builder> headers) {
      HTTPHeaderFilter.Builder b = HTTPHeaderFilter.builder();
      headers.accept(b);
      return addFilter(HTTPRouteFilter.requestHeaderModifier(b.build()));
    }

    /** Adds a response header modifier configured by {@code headers}. */
    public Builder responseHeaders(java.util.function.Consumer<HTTPHeaderFilter.Builder> headers) {
      HTTPHeaderFilter.Builder b = HTTPHeaderFilter.builder();
      headers.accept(b);
      return addFilter(HTTPRouteFilter.responseHeaderModifier(b.build()));
    }

    /** Adds a CORS filter configured by {@code cors}. */
    public Builder cors(java.util.function.Consumer<HTTPCORSFilter.Builder> cors) {
      HTTPCORSFilter.Builder b = HTTPCORSFilter.builder();
      cors.accept(b);
      return addFilter(HTTPRouteFilter.cors(b.build()));
    }

    /**
     * Limits the whole request to {@code timeout}; sets {@link HTTPRouteRule#timeouts()}, replacing
     * a value set with {@code timeouts(...)}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder requestTimeout(java.time.Duration timeout) {
      if (pendingTimeouts == null) {
        pendingTimeouts = HTTPRouteTimeouts.builder();
      }
      return timeouts(pendingTimeouts.request(GatewayDurations.format(timeout)).build());
    }

    /**
     * Limits each request to a backend to {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder backendRequestTimeout(java.time.Duration timeout) {
      if (pendingTimeouts == null) {
        pendingTimeouts = HTTPRouteTimeouts.builder();
      }
      return timeouts(pendingTimeouts.backendRequest(GatewayDurations.format(timeout)).build());
    }

    /**
     * Retries up to {@code attempts} times on the given HTTP status {@code codes}, waiting {@code
     * backoff} between tries.
     *
     * @throws IllegalArgumentException if {@code attempts} is negative or a code is not 400..599
     */
    public Builder retry(int attempts, java.time.Duration backoff, int... codes) {
      Checks.check(attempts >= 0, "attempts must be >= 0: " + attempts);
      HTTPRouteRetry.Builder b =
          HTTPRouteRetry.builder().attempts(attempts).backoff(GatewayDurations.format(backoff));
      for (int code : codes) {
        Checks.check(code >= 400 && code <= 599, "retry code must be 400..599: " + code);
        b.addCode(code);
      }
      return retry(b.build());
    }

    private void flushMatch() {
      if (pendingMatch != null) {
        addMatch(pendingMatch.build());
        pendingMatch = null;
      }
    }

    /**
     * Builds the rule. The match made with the path, header, query or method shortcuts is added
     * when {@link #match(java.util.function.Consumer)} is next called, or here.
     */
    @Override
    public HTTPRouteRule build() {
      flushMatch();
      return super.build();
    }
  }
}
