package dev.gatewaysdk.canary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Credentials a metric provider or notifier sends with each request: a bearer token and extra
 * headers, given as a value, read from a file (again on every request, so a rotated token such as a
 * projected service-account token is picked up) or from an environment variable. Secrets never
 * appear in {@link #toString()}, logs, exceptions or the canary's status: only their source is
 * named ({@code token from file /var/run/token}). Instances are immutable.
 *
 * <pre>{@code
 * ProviderAuth auth = ProviderAuth.bearerTokenFromFile(Path.of("/var/run/secrets/prometheus/token"))
 *     .withHeaderFromEnv("X-Scope-OrgID", "TENANT");
 * builder.provider("prometheus", PrometheusProvider.create(URI.create("https://prometheus:9090")).withAuth(auth));
 * }</pre>
 */
public final class ProviderAuth {
  /** No credentials. */
  public static final ProviderAuth NONE = new ProviderAuth(List.of());

  private static final class Header {
    final String name;
    final String source;
    final Supplier<String> value;

    Header(String name, String source, Supplier<String> value) {
      this.name = name;
      this.source = source;
      this.value = value;
    }
  }

  private final List<Header> headers;

  private ProviderAuth(List<Header> headers) {
    this.headers = List.copyOf(headers);
  }

  /** {@code Authorization: Bearer <token>}. @throws IllegalArgumentException if blank */
  public static ProviderAuth bearerToken(String token) {
    return NONE.withHeader("Authorization", "Bearer " + requireText(token, "token"));
  }

  /** A bearer token read from {@code file} (trimmed) on every request. */
  public static ProviderAuth bearerTokenFromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return NONE.with("Authorization", "token from file " + file, () -> "Bearer " + readFile(file));
  }

  /** A bearer token from environment variable {@code variable}, read on every request. */
  public static ProviderAuth bearerTokenFromEnv(String variable) {
    return bearerTokenFromEnv(variable, System::getenv);
  }

  static ProviderAuth bearerTokenFromEnv(String variable, Function<String, String> env) {
    requireText(variable, "variable");
    return NONE.with(
        "Authorization", "token from $" + variable, () -> "Bearer " + readEnv(variable, env));
  }

  /**
   * These credentials and header {@code name: value}. @throws IllegalArgumentException if either is
   * blank
   */
  public ProviderAuth withHeader(String name, String value) {
    requireText(value, "value of header " + name);
    return with(name, "value", () -> value);
  }

  /**
   * These credentials and header {@code name} with the value of environment variable {@code
   * variable}.
   */
  public ProviderAuth withHeaderFromEnv(String name, String variable) {
    requireText(variable, "variable");
    return with(name, "$" + variable, () -> readEnv(variable, System::getenv));
  }

  private ProviderAuth with(String name, String source, Supplier<String> value) {
    requireText(name, "header name");
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("not a header name: " + name);
    }
    List<Header> all = new ArrayList<>(headers);
    all.removeIf(h -> h.name.equalsIgnoreCase(name));
    all.add(new Header(name, source, value));
    return new ProviderAuth(all);
  }

  /**
   * The headers to send now, as name-value pairs.
   *
   * @throws IllegalStateException naming the source (never the secret) when a file or variable
   *     cannot be read
   */
  public List<String[]> headers() {
    List<String[]> out = new ArrayList<>(headers.size());
    for (Header h : headers) {
      out.add(new String[] {h.name, h.value.get()});
    }
    return out;
  }

  /** {@code request} with these headers. @throws IllegalStateException as {@link #headers()} */
  HttpRequest.Builder apply(HttpRequest.Builder request) {
    for (String[] h : headers()) {
      request.setHeader(h[0], h[1]);
    }
    return request;
  }

  /** {@code uri} as it may be shown: without user information (a password in the URL). */
  static String shown(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
  }

  private static String readFile(Path file) {
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (token.isEmpty()) {
        throw new IllegalStateException("token file " + file + " is empty");
      }
      return token;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static String readEnv(String variable, Function<String, String> env) {
    String v = env.apply(variable);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("environment variable " + variable + " is not set");
    }
    return v.trim();
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return s;
  }

  @Override
  public String toString() {
    if (headers.isEmpty()) {
      return "no credentials";
    }
    List<String> parts = new ArrayList<>();
    for (Header h : headers) {
      parts.add(
          h.name.toLowerCase(Locale.ROOT).equals("authorization") && h.source.equals("value")
              ? "bearer token (value)"
              : h.name + " (" + h.source + ")");
    }
    return String.join(", ", parts);
  }
}
