package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests a rule matches, for A/B and "canary for testers" rules: headers, cookies (as a
 * regular expression on the {@code Cookie} header, since Gateway API has no cookie match), query
 * parameters (HTTP only) and a path (HTTP only). All conditions must hold.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * RequestMatch testers = RequestMatch.header("x-canary", "always").andPathPrefix("/shop");
 * }</pre>
 */
public final class RequestMatch {
  private final Optional<String[]> path; // {type, value}
  private final List<String[]> headers; // {type, name, value}
  private final List<String[]> queryParams;

  private RequestMatch(
      Optional<String[]> path, List<String[]> headers, List<String[]> queryParams) {
    this.path = path;
    this.headers = List.copyOf(headers);
    this.queryParams = List.copyOf(queryParams);
  }

  private static RequestMatch empty() {
    return new RequestMatch(Optional.empty(), List.of(), List.of());
  }

  /** Requests whose header {@code name} equals {@code value}. */
  public static RequestMatch header(String name, String value) {
    return empty().andHeader(name, value);
  }

  /** Requests that carry cookie {@code name=value}. */
  public static RequestMatch cookie(String name, String value) {
    return empty().andCookie(name, value);
  }

  /** Requests whose query parameter {@code name} equals {@code value} (HTTPRoute only). */
  public static RequestMatch queryParam(String name, String value) {
    return empty().andQueryParam(name, value);
  }

  /** Requests whose path starts with {@code prefix} (HTTPRoute only). */
  public static RequestMatch pathPrefix(String prefix) {
    return empty().andPathPrefix(prefix);
  }

  public RequestMatch andHeader(String name, String value) {
    List<String[]> h = new ArrayList<>(headers);
    h.add(
        new String[] {
          "Exact", nonBlank("header name", name), Objects.requireNonNull(value, "value")
        });
    return new RequestMatch(path, h, queryParams);
  }

  public RequestMatch andCookie(String name, String value) {
    nonBlank("cookie name", name);
    Objects.requireNonNull(value, "value");
    List<String[]> h = new ArrayList<>(headers);
    h.add(
        new String[] {
          "RegularExpression",
          "Cookie",
          "(^|.*;\\s*)" + quote(name) + "=" + quote(value) + "(\\s*;.*|$)"
        });
    return new RequestMatch(path, h, queryParams);
  }

  public RequestMatch andQueryParam(String name, String value) {
    List<String[]> q = new ArrayList<>(queryParams);
    q.add(
        new String[] {
          "Exact", nonBlank("query parameter name", name), Objects.requireNonNull(value, "value")
        });
    return new RequestMatch(path, headers, q);
  }

  /**
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  public RequestMatch andPathPrefix(String prefix) {
    if (prefix == null || !prefix.startsWith("/")) {
      throw new IllegalArgumentException("path prefix must start with '/': " + prefix);
    }
    return new RequestMatch(Optional.of(new String[] {"PathPrefix", prefix}), headers, queryParams);
  }

  private static String nonBlank(String what, String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank: " + v);
    }
    return v;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * The {@code matches[]} entry for a route of {@code kind}.
   *
   * @throws IllegalArgumentException if the kind cannot express this match (GRPCRoute has no path
   *     or query)
   */
  ObjectNode toJson(String kind) {
    boolean grpc = RouteRef.GRPC_ROUTE.equals(kind);
    if (grpc && (path.isPresent() || !queryParams.isEmpty())) {
      throw new IllegalArgumentException(
          "GRPCRoute matches have no path or query parameters: " + this);
    }
    ObjectNode m = Json.mapper().createObjectNode();
    path.ifPresent(p -> m.putObject("path").put("type", p[0]).put("value", p[1]));
    if (!headers.isEmpty()) {
      ArrayNode a = m.putArray("headers");
      headers.forEach(h -> a.addObject().put("type", h[0]).put("name", h[1]).put("value", h[2]));
    }
    if (!queryParams.isEmpty()) {
      ArrayNode a = m.putArray("queryParams");
      queryParams.forEach(
          h -> a.addObject().put("type", h[0]).put("name", h[1]).put("value", h[2]));
    }
    return m;
  }

  /**
   * {@code match} (a {@code matches[]} entry, changed in place) with this match's conditions added:
   * its path replaces the entry's, its headers and query parameters are appended.
   *
   * @throws IllegalArgumentException if the kind cannot express this match
   */
  ObjectNode addTo(ObjectNode match, String kind) {
    ObjectNode mine = toJson(kind);
    if (mine.has("path")) {
      match.set("path", mine.get("path"));
    }
    for (String list : new String[] {"headers", "queryParams"}) {
      if (mine.has(list)) {
        ArrayNode a = match.has(list) ? (ArrayNode) match.get(list) : match.putArray(list);
        a.addAll((ArrayNode) mine.get(list));
      }
    }
    return match;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("match{");
    path.ifPresent(p -> b.append("path ").append(p[1]).append("* "));
    headers.forEach(
        h ->
            b.append("header ")
                .append(h[1])
                .append(h[0].equals("Exact") ? "=" : "~")
                .append(h[2])
                .append(' '));
    queryParams.forEach(h -> b.append("query ").append(h[1]).append('=').append(h[2]).append(' '));
    return b.toString().trim() + "}";
  }
}
