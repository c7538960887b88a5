package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.AlreadyExistsException;
import dev.gatewaysdk.core.ApiStatus;
import dev.gatewaysdk.core.ConflictException;
import dev.gatewaysdk.core.ForbiddenException;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.InvalidException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.ServerTimeoutException;
import dev.gatewaysdk.core.TooManyRequestsException;
import dev.gatewaysdk.core.UnauthorizedException;
import dev.gatewaysdk.core.UnavailableException;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one boundary where transport failures become the {@link GatewayApiException} family: HTTP
 * error responses (with or without a Kubernetes Status body), client-java's {@link ApiException},
 * and I/O errors.
 */
public final class Errors {
  private Errors() {}

  /**
   * Translates an HTTP error response; {@code what} names the request, e.g. {@code GET /apis/...}.
   */
  public static GatewayApiException fromResponse(
      int code, byte[] body, String retryAfterHeader, String what) {
    ApiStatus status = parseStatus(code, body, retryAfterHeader);
    return of(status, what, null);
  }

  /** Translates client-java's exception (used where a client-java API is called directly). */
  public static GatewayApiException fromApiException(ApiException e, String what) {
    if (e.getCode() == 0) {
      return new UnavailableException(
          what + " failed: " + e.getMessage(),
          ApiStatus.of(0, "ConnectionFailure", String.valueOf(e.getMessage())),
          e);
    }
    String body = e.getResponseBody();
    String retryAfter = null;
    if (e.getResponseHeaders() != null) {
      for (var h : e.getResponseHeaders().entrySet()) {
        if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
          retryAfter = h.getValue().get(0);
        }
      }
    }
    ApiStatus status =
        parseStatus(
            e.getCode(),
            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
            retryAfter);
    return of(status, what, e);
  }

  /** No response at all: connection refused or reset, TLS failure, read timeout. */
  public static UnavailableException fromIo(IOException e, String what) {
    return new UnavailableException(
        what + " failed: " + e,
        ApiStatus.of(0, "ConnectionFailure", String.valueOf(e.getMessage())),
        e);
  }

  /** An exception of the subclass that {@code status} calls for. */
  public static GatewayApiException of(ApiStatus status, String what, Throwable cause) {
    String message = describe(status, what);
    int code = status.code();
    String reason = status.reason();
    switch (code) {
      case 401:
        return new UnauthorizedException(message, status, cause);
      case 403:
        return new ForbiddenException(message, status, cause);
      case 404:
        return new NotFoundException(message, status, cause);
      case 409:
        return "AlreadyExists".equals(reason)
            ? new AlreadyExistsException(message, status, cause)
            : new ConflictException(message, status, cause);
      case 400:
      case 422:
        return new InvalidException(message, status, cause);
      case 429:
        return new TooManyRequestsException(message, status, cause);
      case 502:
      case 503:
        return new UnavailableException(message, status, cause);
      case 504:
        return new ServerTimeoutException(message, status, cause);
      default:
        if ("ServerTimeout".equals(reason) || "Timeout".equals(reason)) {
          return new ServerTimeoutException(message, status, cause);
        }
        return new GatewayApiException(message, status, cause);
    }
  }

  static String describe(ApiStatus status, String what) {
    StringBuilder b = new StringBuilder();
    b.append(what).append(": HTTP ").append(status.code());
    if (!status.reason().isEmpty()) {
      b.append(' ').append(status.reason());
    }
    if (!status.message().isEmpty()) {
      b.append(": ").append(status.message());
    }
    return b.toString();
  }

  /** Parses a {@code kind: Status} body; falls back to the raw text (trimmed) as the message. */
  static ApiStatus parseStatus(int code, byte[] body, String retryAfterHeader) {
    Optional<Duration> retryAfter = parseRetryAfter(retryAfterHeader);
    JsonNode node = null;
    if (body != null && body.length > 0) {
      try {
        node = Json.mapper().readTree(body);
      } catch (IOException | RuntimeException ignored) {
        node = null;
      }
    }
    if (node == null || !node.isObject() || !"Status".equals(node.path("kind").asText())) {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
      if (text.length() > 500) {
        text = text.substring(0, 500) + "...";
      }
      return ApiStatus.of(code, defaultReason(code), text, "", "", List.of(), retryAfter);
    }
    JsonNode details = node.path("details");
    List<ApiStatus.Cause> causes = new ArrayList<>();
    for (JsonNode c : details.path("causes")) {
      causes.add(
          ApiStatus.Cause.of(
              c.path("field").asText(""),
              c.path("reason").asText(""),
              c.path("message").asText("")));
    }
    if (retryAfter.isEmpty() && details.path("retryAfterSeconds").asInt(0) > 0) {
      retryAfter = Optional.of(Duration.ofSeconds(details.path("retryAfterSeconds").asInt()));
    }
    int statusCode = node.path("code").asInt(code);
    return ApiStatus.of(
        statusCode == 0 ? code : statusCode,
        node.path("reason").asText(defaultReason(code)),
        node.path("message").asText(""),
        details.path("name").asText(""),
        details.path("kind").asText(""),
        causes,
        retryAfter);
  }

  static Optional<Duration> parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(header.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // HTTP-date form: the API server never sends it
    }
  }

  private static String defaultReason(int code) {
    switch (code) {
      case 400:
        return "BadRequest";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "NotFound";
      case 405:
        return "MethodNotAllowed";
      case 409:
        return "Conflict";
      case 410:
        return "Expired";
      case 415:
        return "UnsupportedMediaType";
      case 422:
        return "Invalid";
      case 429:
        return "TooManyRequests";
      case 500:
        return "InternalError";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "Timeout";
      default:
        return "";
    }
  }
}
