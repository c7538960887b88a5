package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code RequestRedirect} filter (HTTPRoute only): scheme, hostname, port, path and status code;
 * unset parts keep the request's.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * routes.addRedirectRule(ref, RequestMatch.pathPrefix("/"), Redirect.toHttps());
 * routes.addRedirectRule(ref, RequestMatch.pathPrefix("/old-api"), Redirect.toPath("/new-api").withStatusCode(301));
 * }</pre>
 */
public final class Redirect {
  private final Optional<String> scheme;
  private final Optional<String> hostname;
  private final OptionalInt port;
  private final Optional<String[]> path;
  private final int statusCode;

  private Redirect(
      Optional<String> scheme,
      Optional<String> hostname,
      OptionalInt port,
      Optional<String[]> path,
      int statusCode) {
    if (statusCode != 301
        && statusCode != 302
        && statusCode != 303
        && statusCode != 307
        && statusCode != 308) {
      throw new IllegalArgumentException(
          "redirect status code must be 301, 302, 303, 307 or 308: " + statusCode);
    }
    this.scheme = scheme;
    this.hostname = hostname;
    this.port = port;
    this.path = path;
    this.statusCode = statusCode;
  }

  /** HTTP to HTTPS, 301. */
  public static Redirect toHttps() {
    return new Redirect(
        Optional.of("https"), Optional.empty(), OptionalInt.empty(), Optional.empty(), 301);
  }

  /** Replace the whole path, 302. */
  public static Redirect toPath(String path) {
    return new Redirect(
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.of(new String[] {"ReplaceFullPath", path}),
        302);
  }

  /** Replace the matched path prefix, 302; the rule must match a path prefix. */
  public static Redirect replacePrefix(String prefix) {
    return new Redirect(
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.of(new String[] {"ReplacePrefixMatch", prefix}),
        302);
  }

  public static Redirect toHost(String hostname) {
    return new Redirect(
        Optional.empty(), Optional.of(hostname), OptionalInt.empty(), Optional.empty(), 302);
  }

  public Redirect withScheme(String scheme) {
    return new Redirect(Optional.of(scheme), hostname, port, path, statusCode);
  }

  public Redirect withHostname(String hostname) {
    return new Redirect(scheme, Optional.of(hostname), port, path, statusCode);
  }

  public Redirect withPort(int port) {
    return new Redirect(scheme, hostname, OptionalInt.of(port), path, statusCode);
  }

  /**
   * @throws IllegalArgumentException unless 301, 302, 303, 307 or 308
   */
  public Redirect withStatusCode(int statusCode) {
    return new Redirect(scheme, hostname, port, path, statusCode);
  }

  public int statusCode() {
    return statusCode;
  }

  ObjectNode toFilterJson() {
    ObjectNode f = Json.mapper().createObjectNode();
    f.put("type", "RequestRedirect");
    ObjectNode r = f.putObject("requestRedirect");
    scheme.ifPresent(s -> r.put("scheme", s));
    hostname.ifPresent(h -> r.put("hostname", h));
    path.ifPresent(
        p ->
            r.putObject("path")
                .put("type", p[0])
                .put(
                    p[0].equals("ReplaceFullPath") ? "replaceFullPath" : "replacePrefixMatch",
                    p[1]));
    port.ifPresent(p -> r.put("port", p));
    r.put("statusCode", statusCode);
    return f;
  }

  @Override
  public String toString() {
    return "redirect" + toFilterJson().path("requestRedirect");
  }
}
