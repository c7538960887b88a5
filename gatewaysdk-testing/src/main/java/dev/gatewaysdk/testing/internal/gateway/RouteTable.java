package dev.gatewaysdk.testing.internal.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The data plane's configuration: compiled once per change of the cluster by {@link Compiler},
 * immutable, and swapped atomically so request threads read it without locks (Envoy's model).
 */
record RouteTable(
    /** Gateways by {@code namespace/name}. */
    Map<String, GatewayConfig> gateways,
    /** What each bound socket serves, by {@code address:port} of the socket. */
    Map<String, PortConfig> ports) {
  static final RouteTable EMPTY = new RouteTable(Map.of(), Map.of());

  static String socketKey(String address, int port) {
    return address + ":" + port;
  }

  /** A programmed Gateway: its address and the HTTP listeners the data plane serves. */
  record GatewayConfig(
      String namespace,
      String name,
      String address,
      String addressProblem,
      /** Listener name to its port in the Gateway's spec. */
      Map<String, Integer> listenerPorts) {}

  /** The listeners sharing one port of one Gateway, most specific hostname first. */
  record PortConfig(
      String gatewayNamespace,
      String gatewayName,
      int specPort,
      List<ListenerConfig> listeners,
      /** Requests no listener of this port takes (404). */
      Metrics.Series noListener) {
    /**
     * The certificate for a TLS handshake asking for {@code sniHost} (null: the client sent no
     * SNI): that of the most specific terminating listener whose hostname matches, else null (the
     * handshake is refused).
     */
    SslContext tlsFor(String sniHost) {
      for (ListenerConfig l : listeners) {
        if (l.tls() != null
            && (sniHost == null
                || Hostnames.matches(l.hostname(), sniHost.toLowerCase(java.util.Locale.ROOT)))) {
          return l.tls();
        }
      }
      return null;
    }

    /** The listener a request for {@code host} belongs to (listener isolation), or null. */
    ListenerConfig listener(String host) {
      for (ListenerConfig l : listeners) {
        if (Hostnames.matches(l.hostname(), host)) {
          return l;
        }
      }
      return null;
    }
  }

  record ListenerConfig(
      String name,
      String hostname,
      String protocol,
      /** Every (hostname, match, rule) of the attached routes in precedence order. */
      List<Entry> entries,
      /** Requests no route of this listener matches (404). */
      Metrics.Series noRoute,
      /** The server side of TLS for an HTTPS listener with a usable certificate, else null. */
      SslContext tls) {
    /** The first entry matching the request, or null. */
    Entry route(
        String host, String method, String path, HttpHeaders headers, QueryStringDecoder query) {
      for (Entry e : entries) {
        if (Hostnames.matches(e.hostname, host) && e.match.matches(method, path, headers, query)) {
          return e;
        }
      }
      return null;
    }
  }

  /** One match of one rule under one effective hostname (null: any). */
  /**
   * TLS a BackendTLSPolicy asks for: the client context trusting its CA certificates, the {@code
   * hostname} sent as SNI and checked against the certificate, or, when set, the subjectAltNames
   * one of which it must carry.
   */
  record BackendTls(SslContext context, String hostname, List<String> subjectAltNames) {}

  static final class Entry {
    final String hostname;
    final Match match;
    final Rule rule;

    /**
     * Request counters per backend of the rule (same index), the last one for requests no backend
     * takes.
     */
    final Metrics.Series[] requests;

    /** Backend durations per backend of the rule (same index). */
    final Metrics.Histogram[] durations;

    Entry(
        String hostname,
        Match match,
        Rule rule,
        Metrics.Series[] requests,
        Metrics.Histogram[] durations) {
      this.hostname = hostname;
      this.match = match;
      this.rule = rule;
      this.requests = requests;
      this.durations = durations;
    }
  }

  enum PathType {
    EXACT,
    PREFIX,
    REGEX
  }

  /** An HTTPRouteMatch: all of its conditions must hold. */
  static final class Match {
    final PathType pathType;
    final String path;
    final Pattern pathRegex;
    final String method;
    final List<ValueMatch> headers;
    final List<ValueMatch> query;

    Match(
        PathType pathType,
        String path,
        String method,
        List<ValueMatch> headers,
        List<ValueMatch> query) {
      this.pathType = pathType;
      this.path =
          pathType == PathType.PREFIX && path.length() > 1 && path.endsWith("/")
              ? path.substring(0, path.length() - 1)
              : path;
      this.pathRegex = pathType == PathType.REGEX ? Pattern.compile(path) : null;
      this.method = method;
      this.headers = headers;
      this.query = query;
    }

    boolean matches(String method, String path, HttpHeaders headers, QueryStringDecoder query) {
      if (!pathMatches(path) || (this.method != null && !this.method.equals(method))) {
        return false;
      }
      for (ValueMatch h : this.headers) {
        List<String> values = headers.getAll(h.name);
        if (values.isEmpty() || !h.test(String.join(",", values))) {
          return false;
        }
      }
      for (ValueMatch q : this.query) {
        List<String> values = query.parameters().get(q.name);
        if (values == null || values.isEmpty() || !q.test(values.get(0))) {
          return false;
        }
      }
      return true;
    }

    boolean pathMatches(String p) {
      switch (pathType) {
        case EXACT:
          return path.equals(p);
        case REGEX:
          return pathRegex.matcher(p).matches();
        default:
          // Prefix matching is element-wise: /foo matches /foo and /foo/bar, not /foobar.
          return path.equals("/")
              || (p.startsWith(path)
                  && (p.length() == path.length() || p.charAt(path.length()) == '/'));
      }
    }
  }

  /**
   * A header or query parameter match: exact value or a regular expression over the whole value.
   */
  static final class ValueMatch {
    final String name;
    final String value;
    final Pattern regex;

    ValueMatch(String name, String value, boolean regex) {
      this.name = name;
      this.value = value;
      this.regex = regex ? Pattern.compile(value) : null;
    }

    boolean test(String actual) {
      return regex == null ? value.equals(actual) : regex.matcher(actual).matches();
    }
  }

  /** An HTTPRoute rule with its filters, backends and timeouts. */
  static final class Rule {
    final String routeKind;
    final String routeNamespace;
    final String routeName;
    final String ruleName;
    final Filters filters;
    final List<Backend> backends;
    final int totalWeight;
    final Duration requestTimeout;
    final Duration backendTimeout;
    final Retry retry;

    Rule(
        String routeKind,
        String routeNamespace,
        String routeName,
        String ruleName,
        Filters filters,
        List<Backend> backends,
        Duration requestTimeout,
        Duration backendTimeout,
        Retry retry) {
      this.routeKind = routeKind;
      this.routeNamespace = routeNamespace;
      this.routeName = routeName;
      this.ruleName = ruleName;
      this.filters = filters;
      this.backends = backends;
      int w = 0;
      for (Backend b : backends) {
        w += b.weight();
      }
      this.totalWeight = w;
      this.requestTimeout = requestTimeout;
      this.backendTimeout = backendTimeout;
      this.retry = retry;
    }

    /**
     * The index of a backend chosen at random in proportion to the weights; -1 when every weight is
     * 0 or none exist.
     */
    int pick() {
      if (totalWeight <= 0) {
        return -1;
      }
      int r = ThreadLocalRandom.current().nextInt(totalWeight);
      for (int i = 0; i < backends.size(); i++) {
        r -= backends.get(i).weight();
        if (r < 0) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * HTTPRouteRetry (experimental channel): codes to retry, attempts after the first, backoff
   * between.
   */
  record Retry(List<Integer> codes, int attempts, Duration backoff) {}

  /**
   * A resolved backendRef: endpoints to send to, or the status a request gets when it cannot be
   * sent.
   */
  record Backend(
      String namespace,
      String name,
      int weight,
      List<InetSocketAddress> endpoints,
      /** 0 when usable; 500 for an invalid reference, 503 for a Service without ready endpoints. */
      int errorStatus,
      String problem,
      String appProtocol,
      Filters filters,
      /** TLS to the backend as a BackendTLSPolicy asks, or null for cleartext. */
      BackendTls tls) {
    InetSocketAddress endpoint() {
      return endpoints.size() == 1
          ? endpoints.get(0)
          : endpoints.get(ThreadLocalRandom.current().nextInt(endpoints.size()));
    }
  }
}
