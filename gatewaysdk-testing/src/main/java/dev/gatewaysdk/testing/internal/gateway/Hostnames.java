package dev.gatewaysdk.testing.internal.gateway;

import java.util.Locale;

/**
 * Gateway API hostname matching: exact, or {@code *.example.com} for one or more labels before the
 * suffix.
 */
final class Hostnames {
  private Hostnames() {}

  /**
   * Whether {@code host} (a request's, lower case, no port) matches {@code pattern}; a null pattern
   * matches any.
   */
  static boolean matches(String pattern, String host) {
    if (pattern == null) {
      return true;
    }
    if (pattern.startsWith("*.")) {
      return host.length() > pattern.length() - 1 && host.endsWith(pattern.substring(1));
    }
    return pattern.equals(host);
  }

  /**
   * The hostnames a route serves on a listener: the route's that intersect the listener's (the more
   * specific of each pair), the listener's when the route names none; {@code null} in the result
   * stands for any host.
   */
  static java.util.List<String> effective(String listener, java.util.List<String> route) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (route.isEmpty()) {
      out.add(listener);
      return out;
    }
    for (String r : route) {
      String h = r.toLowerCase(Locale.ROOT);
      String e =
          listener == null || matches(listener, h)
              ? h
              : h.startsWith("*.") && matches(h, listener)
                  ? listener
                  : null; // the narrower of the two
      if (e != null && !out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Sort rank: exact hostnames first, then wildcards by length, then "any". */
  static int specificity(String hostname) {
    if (hostname == null) {
      return 0;
    }
    return hostname.startsWith("*.") ? hostname.length() : 100_000 + hostname.length();
  }

  /** The host of a Host header or :authority, lower case, without port. */
  static String host(String authority) {
    if (authority == null) {
      return "";
    }
    String h = authority;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    return h.toLowerCase(Locale.ROOT);
  }
}
