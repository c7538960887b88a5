package dev.gatewaysdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.internal.Json;
import dev.gatewaysdk.core.internal.RawClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an object to reach a state, driven by a watch on that object (no polling): returns as
 * soon as an event shows the state, fails with {@link AwaitTimeoutException} stating the last
 * observed status. Obtain one from {@link GatewayApiClient#await(Object)}.
 *
 * <pre>{@code
 * HTTPRoute accepted = client.await(route).until(RouteConditions.acceptedBy("my-gateway"), Duration.ofSeconds(30));
 * }</pre>
 */
public final class Await<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Await.class);

  /** The pause before reading again after a dropped connection. */
  private static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gatewaysdk-await-timer");
            t.setDaemon(true);
            return t;
          });

  private final RawClient raw;
  private final String kind;
  private final String namespace;
  private final String name;
  private final Class<T> type;

  Await(RawClient raw, String kind, String namespace, String name, Class<T> type) {
    this.raw = raw;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.type = type;
  }

  /**
   * Blocks until the object satisfies {@code check}, and returns it.
   *
   * @throws AwaitTimeoutException if {@code timeout} passes first; the message has the last
   *     observed status
   * @throws GatewayApiException if reading or watching fails for another reason than a dropped
   *     connection or an unavailable server (those are retried, reading again and watching from
   *     there, until {@code timeout})
   */
  public T until(StatusCheck check, Duration timeout) {
    Objects.requireNonNull(check, "check");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (true) {
      String resourceVersion = null;
      try {
        ObjectNode current = raw.get(kind, namespace, name);
        last = current;
        if (check.test(current)) {
          return convert(current);
        }
        resourceVersion = current.path("metadata").path("resourceVersion").asText(null);
      } catch (NotFoundException e) {
        last = null;
      } catch (UnavailableException | ServerTimeoutException e) {
        pauseAfter(e, deadline);
        continue;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw timeout(check, timeout, last);
      }
      ListOptions options =
          ListOptions.builder()
              .fieldSelector("metadata.name=" + name)
              .resourceVersion(java.util.Optional.ofNullable(resourceVersion))
              .timeout(
                  Duration.ofSeconds(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining) + 1)))
              .build();
      RawClient.Watch watch = raw.watch(kind, namespace, options);
      ScheduledFuture<?> closer = TIMER.schedule(watch::close, remaining, TimeUnit.NANOSECONDS);
      try {
        while (watch.hasNext()) {
          RawClient.Event e = watch.next();
          if ("BOOKMARK".equals(e.type)) {
            continue;
          }
          last = "DELETED".equals(e.type) ? null : e.object;
          if (last != null && check.test(last)) {
            return convert(last);
          }
        }
      } catch (UnavailableException | ServerTimeoutException e) {
        pauseAfter(
            e,
            deadline); // the connection dropped mid-watch (server restart, idle proxy): read again
      } catch (GatewayApiException e) {
        if (e.statusCode() != 410) {
          throw e; // 410: the resourceVersion expired; read again and re-watch
        }
      } finally {
        closer.cancel(false);
        watch.close();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw timeout(check, timeout, last);
      }
    }
  }

  /**
   * Rethrows {@code e} when the deadline has passed, else logs it and pauses briefly before the
   * next read.
   */
  private void pauseAfter(GatewayApiException e, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw e;
    }
    LOG.debug("waiting for {} {}/{}: {}; reading again", kind, namespace, name, e.getMessage());
    try {
      TimeUnit.NANOSECONDS.sleep(Math.min(remaining, RECONNECT_PAUSE_NANOS));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private AwaitTimeoutException timeout(StatusCheck check, Duration timeout, JsonNode last) {
    String where = kind + " " + (namespace == null ? "" : namespace + "/") + name;
    String observed =
        last == null
            ? "the object does not exist"
            : "last observed status: "
                + (last.has("status") ? last.get("status").toString() : "none");
    return new AwaitTimeoutException(
        where + " was not " + check.description() + " within " + timeout + "; " + observed, last);
  }

  private T convert(JsonNode node) {
    if (type.isInstance(node)) {
      return type.cast(node);
    }
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read " + kind + " as " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
