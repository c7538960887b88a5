package dev.gatewaysdk.testing.internal.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** The compiled filters of a rule or a backendRef (each null when absent). */
record Filters(
    HeaderModifier requestHeaders,
    HeaderModifier responseHeaders,
    Redirect redirect,
    Rewrite rewrite,
    List<Mirror> mirrors,
    Cors cors) {
  static final Filters NONE = new Filters(null, null, null, null, List.of(), null);

  /** HTTPHeaderFilter: set (replace), add (append), remove, in that order. */
  record HeaderModifier(List<String[]> set, List<String[]> add, List<String> remove) {
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
  record PathModifier(boolean prefix, String value) {
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

  record Redirect(
      String scheme, String hostname, PathModifier path, Integer port, int statusCode) {}

  record Rewrite(String hostname, PathModifier path) {}

  /**
   * HTTPRequestMirrorFilter: a copy of the request goes to {@code backend} with probability {@code
   * fraction}.
   */
  record Mirror(RouteTable.Backend backend, double fraction) {}

  /** HTTPCORSFilter (experimental channel). */
  record Cors(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      boolean allowCredentials,
      Integer maxAge) {
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
