package dev.gatewaysdk.testing.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GRPCRouteMatches as the HTTP matches they are on the wire: a gRPC call is {@code POST
 * /<service>/<method>} over HTTP/2, so a service and method become a path (exact when both are
 * exact, the {@code /<service>} prefix for a service alone, an expression otherwise) and header
 * matches stay header matches. Sorted with the HTTPRoute precedence this ranks exact
 * service-and-method matches first, then expressions, then service prefixes, then header counts, as
 * the GRPCRoute precedence does for the common cases.
 */
final class GrpcMatches {
  private static final String ANY = "[^/]+";

  private GrpcMatches() {}

  static List<RouteTable.Match> of(JsonNode matches) {
    List<RouteTable.Match> out = new ArrayList<>();
    if (!matches.isArray() || matches.size() == 0) {
      out.add(new RouteTable.Match(RouteTable.PathType.PREFIX, "/", null, List.of(), List.of()));
      return out;
    }
    for (JsonNode m : matches) {
      try {
        out.add(match(m));
      } catch (PatternSyntaxException e) {
        // an invalid expression matches nothing; the rest of the route still works
      }
    }
    return out;
  }

  private static RouteTable.Match match(JsonNode m) {
    List<RouteTable.ValueMatch> headers = new ArrayList<>();
    for (JsonNode h : m.path("headers")) {
      headers.add(
          new RouteTable.ValueMatch(
              h.path("name").asText(),
              h.path("value").asText(),
              "RegularExpression".equals(h.path("type").asText("Exact"))));
    }
    JsonNode method = m.path("method");
    String service = method.hasNonNull("service") ? method.path("service").asText() : null;
    String name = method.hasNonNull("method") ? method.path("method").asText() : null;
    boolean regex = "RegularExpression".equals(method.path("type").asText("Exact"));
    RouteTable.PathType type;
    String path;
    if (service == null && name == null) {
      type = RouteTable.PathType.PREFIX;
      path = "/";
    } else if (!regex && service != null && name != null) {
      type = RouteTable.PathType.EXACT;
      path = "/" + service + "/" + name;
    } else if (!regex && name == null) {
      type = RouteTable.PathType.PREFIX;
      path = "/" + service;
    } else {
      type = RouteTable.PathType.REGEX;
      String s = service == null ? ANY : regex ? service : Pattern.quote(service);
      String n = name == null ? ANY : regex ? name : Pattern.quote(name);
      path = "/" + s + "/" + n;
    }
    return new RouteTable.Match(type, path, null, List.copyOf(headers), List.of());
  }
}
