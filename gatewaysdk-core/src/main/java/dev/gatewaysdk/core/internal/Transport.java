package dev.gatewaysdk.core.internal;

import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.RetryPolicy;
import dev.gatewaysdk.core.ServerTimeoutException;
import dev.gatewaysdk.core.TooManyRequestsException;
import dev.gatewaysdk.core.UnavailableException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests through the {@link ApiClient}'s OkHttp client: its base path, default headers and
 * authentication (tokens, exec plugins, client certificates and proxies live in that client), with
 * bodies that are already JSON bytes. Failures are translated by {@link Errors}; retryable ones are
 * retried per the {@link RetryPolicy}. Thread-safe.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final String[] AUTH_NAMES = {"BearerToken"};

  private final ApiClient apiClient;
  private final RetryPolicy retryPolicy;
  private volatile OkHttpClient watchClient;

  public Transport(ApiClient apiClient, RetryPolicy retryPolicy) {
    this.apiClient = Objects.requireNonNull(apiClient, "apiClient");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
  }

  public ApiClient apiClient() {
    return apiClient;
  }

  /** A request: method, path below the base path, query, optional body with its content type. */
  public static final class Req {
    final String method;
    final String path;
    final List<Pair> query = new ArrayList<>();
    byte[] body;
    String contentType;

    private Req(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public static Req of(String method, String path) {
      return new Req(method, path);
    }

    /** Adds {@code name=value} unless value is null. */
    public Req query(String name, Object value) {
      if (value != null) {
        query.add(new Pair(name, String.valueOf(value)));
      }
      return this;
    }

    public Req body(byte[] body, String contentType) {
      this.body = body;
      this.contentType = contentType;
      return this;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A successful response. */
  public static final class Result {
    public final int code;
    public final byte[] body;

    Result(int code, byte[] body) {
      this.code = code;
      this.body = body;
    }
  }

  /**
   * Sends {@code req}, retrying per the policy, and returns a 2xx response.
   *
   * @throws GatewayApiException for any failure
   */
  public Result send(Req req) {
    boolean safe = "GET".equals(req.method) || "HEAD".equals(req.method);
    for (int attempt = 1; ; attempt++) {
      try {
        return sendOnce(req);
      } catch (GatewayApiException e) {
        boolean retryable =
            e instanceof TooManyRequestsException
                || (safe
                    && (e instanceof UnavailableException || e instanceof ServerTimeoutException));
        if (!retryable || attempt >= retryPolicy.maxAttempts()) {
          throw e;
        }
        Duration delay = retryPolicy.backoff(attempt);
        if (e instanceof TooManyRequestsException) {
          Duration after = ((TooManyRequestsException) e).retryAfter().orElse(Duration.ZERO);
          if (after.compareTo(delay) > 0) {
            delay =
                after.compareTo(retryPolicy.maxBackoff()) > 0 ? retryPolicy.maxBackoff() : after;
          }
        }
        long millis = delay.toMillis();
        millis += millis == 0 ? 0 : ThreadLocalRandom.current().nextLong(millis / 4 + 1);
        LOG.debug("{} failed ({}); retry {} in {} ms", req, e.getMessage(), attempt, millis);
        sleep(millis, e);
      }
    }
  }

  private Result sendOnce(Req req) {
    try (Response response = http().newCall(request(req)).execute()) {
      ResponseBody rb = response.body();
      byte[] bytes = rb == null ? new byte[0] : rb.bytes();
      if (response.isSuccessful()) {
        return new Result(response.code(), bytes);
      }
      throw Errors.fromResponse(
          response.code(), bytes, response.header("Retry-After"), req.toString());
    } catch (IOException e) {
      throw Errors.fromIo(e, req.toString());
    }
  }

  /**
   * Opens a streaming call (watch) on a client without read timeout that shares the connection
   * pool, interceptors and authentication of the ApiClient's client. The caller closes the
   * response.
   */
  public Opened open(Req req) {
    Call call = watchHttp().newCall(request(req));
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw Errors.fromIo(e, req.toString());
    }
    if (!response.isSuccessful()) {
      try (response) {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
        throw Errors.fromResponse(
            response.code(), bytes, response.header("Retry-After"), req.toString());
      } catch (IOException e) {
        throw Errors.fromIo(e, req.toString());
      }
    }
    return new Opened(call, response);
  }

  /**
   * A streaming response and the call it answers. Closing it from another thread than the reader
   * cancels the call, which closes the connection: closing only the response would drain it on the
   * closing thread while the reader still reads, and a drained connection goes back to the pool
   * with that reader attached (it then swallows the answer to the next request sent on it).
   */
  public record Opened(Call call, Response response) {}

  Request request(Req req) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (req.contentType != null) {
      headers.put("Content-Type", req.contentType);
    }
    try {
      return apiClient.buildRequest(
          null,
          req.path,
          req.method,
          new ArrayList<>(req.query),
          new ArrayList<>(),
          req.body,
          headers,
          new HashMap<>(),
          new HashMap<>(),
          AUTH_NAMES,
          null);
    } catch (ApiException e) {
      throw Errors.fromApiException(e, req.toString());
    }
  }

  private OkHttpClient http() {
    return apiClient.getHttpClient();
  }

  private OkHttpClient watchHttp() {
    OkHttpClient base = http();
    OkHttpClient w = watchClient;
    if (w == null || w.connectionPool() != base.connectionPool()) {
      w = base.newBuilder().readTimeout(Duration.ZERO).build();
      watchClient = w;
    }
    return w;
  }

  private static void sleep(long millis, GatewayApiException cause) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      UnavailableException e =
          Errors.fromIo(new InterruptedIOException("interrupted while backing off"), "retry");
      e.addSuppressed(cause);
      throw e;
    }
  }
}
