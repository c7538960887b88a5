package dev.gatewaysdk.testing.internal.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** The compiled filters of a rule or a backendRef (each null when absent). */
final class Filters {
  static final Filters NONE = new Filters(null, null, null, null, List.of(), null);

  final HeaderModifier requestHeaders;
  final HeaderModifier responseHeaders;
  final Redirect redirect;
  final Rewrite rewrite;
  final List<Mirror> mirrors;
  final Cors cors;

  Filters(
      HeaderModifier requestHeaders,
      HeaderModifier responseHeaders,
      Redirect redirect,
      Rewrite rewrite,
      List<Mirror> mirrors,
      Cors cors) {
    this.requestHeaders = requestHeaders;
    this.responseHeaders = responseHeaders;
    this.redirect = redirect;
    this.rewrite = rewrite;
    this.mirrors = mirrors;
    this.cors = cors;
  }

  /** HTTPHeaderFilter: set (replace), add (append), remove, in that order. */
  static final class HeaderModifier {
    final List<String[]> set;
    final List<String[]> add;
    final List<String> remove;

    HeaderModifier(List<String[]> set, List<String[]> add, List<String> remove) {
      this.set = set;
      this.add = add;
      this.remove = remove;
    }

    void apply(HttpHeaders h) {
      for (String[] s : set) {
        h.set(s[0], s[1]);
      }
      for (String[] a : add) {
        // The spec's "add" appends to an existing value (comma-joined), as Envoy and the
        // conformance suite do.
        String old = h.get(a[0]);
        h.set(a[0], old == null ? a[1] : old + "," + a[1]);
      }
      for (String r : remove) {
        h.remove(r);
      }
    }
  }

  /** HTTPPathModifier: a full replacement or a replacement of the matched prefix. */
  static final class PathModifier {
    final boolean prefix;
    final String value;

    PathModifier(boolean prefix, String value) {
      this.prefix = prefix;
      this.value = value;
    }

    String apply(String path, RouteTable.Match match) {
      if (!prefix) {
        return value;
      }
      String matched = match.pathType == RouteTable.PathType.PREFIX ? match.path : "";
      String rest =
          matched.equals("/") ? path : path.substring(Math.min(matched.length(), path.length()));
      String out;
      if (value.endsWith("/") && rest.startsWith("/")) {
        out = value + rest.substring(1);
      } else if (!rest.isEmpty() && !rest.startsWith("/") && !value.endsWith("/")) {
        out = value + "/" + rest;
      } else {
        out = value + rest;
      }
      if (out.length() > 1 && out.endsWith("/") && !path.endsWith("/")) {
        out = out.substring(0, out.length() - 1);
      }
      return out.isEmpty() ? "/" : out;
    }
  }

  static final class Redirect {
    final String scheme;
    final String hostname;
    final PathModifier path;
    final Integer port;
    final int statusCode;

    Redirect(String scheme, String hostname, PathModifier path, Integer port, int statusCode) {
      this.scheme = scheme;
      this.hostname = hostname;
      this.path = path;
      this.port = port;
      this.statusCode = statusCode;
    }
  }

  static final class Rewrite {
    final String hostname;
    final PathModifier path;

    Rewrite(String hostname, PathModifier path) {
      this.hostname = hostname;
      this.path = path;
    }
  }

  /**
   * HTTPRequestMirrorFilter: a copy of the request goes to {@code backend} with probability {@code
   * fraction}.
   */
  static final class Mirror {
    final RouteTable.Backend backend;
    final double fraction;

    Mirror(RouteTable.Backend backend, double fraction) {
      this.backend = backend;
      this.fraction = fraction;
    }
  }

  /** HTTPCORSFilter (experimental channel). */
  static final class Cors {
    final List<String> allowOrigins;
    final List<String> allowMethods;
    final List<String> allowHeaders;
    final List<String> exposeHeaders;
    final boolean allowCredentials;
    final Integer maxAge;

    Cors(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        boolean allowCredentials,
        Integer maxAge) {
      this.allowOrigins = allowOrigins;
      this.allowMethods = allowMethods;
      this.allowHeaders = allowHeaders;
      this.exposeHeaders = exposeHeaders;
      this.allowCredentials = allowCredentials;
      this.maxAge = maxAge;
    }

    /**
     * Whether {@code origin} is allowed: exact, {@code *}, or a pattern with {@code *} for one or
     * more labels.
     */
    boolean allows(String origin) {
      for (String o : allowOrigins) {
        if (o.equals("*") || o.equalsIgnoreCase(origin)) {
          return true;
        }
        int star = o.indexOf('*');
        if (star >= 0) {
          String pre = o.substring(0, star);
          String post = o.substring(star + 1);
          if (origin.length() > pre.length() + post.length()
              && origin.startsWith(pre)
              && origin.endsWith(post)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
