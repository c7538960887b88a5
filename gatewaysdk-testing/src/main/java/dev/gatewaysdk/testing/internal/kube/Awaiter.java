package dev.gatewaysdk.testing.internal.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits, by watching one object, until a check (an assertion that throws {@link AssertionError}) passes on
 * its latest state. No polling: the object is read once, then each watch event is checked.
 */
public final class Awaiter<T> {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gatewaysdk-await-timer");
    t.setDaemon(true);
    return t;
  });

  private final Kube kube;
  private final Kube.ResourceInfo resource;
  private final String namespace;
  private final String name;
  private final Function<ObjectNode, T> convert;

  public Awaiter(Kube kube, Kube.ResourceInfo resource, String namespace, String name, Function<ObjectNode, T> convert) {
    this.kube = kube;
    this.resource = resource;
    this.namespace = resource.namespaced ? namespace : null;
    this.name = name;
    this.convert = convert;
  }

  /**
   * Returns the first state of the object that passes {@code check}.
   *
   * @throws AssertionError with the last failure if none passes within {@code timeout}
   */
  public T await(Consumer<T> check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    AssertionError last = null;
    T latest = null;
    String rv = null;
    boolean relist = true;
    while (true) {
      if (relist) {
        try {
          ObjectNode obj = kube.get(resource.item(namespace, name));
          latest = convert.apply(obj);
          rv = obj.path("metadata").path("resourceVersion").asText(null);
          try {
            check.accept(latest);
            return latest;
          } catch (AssertionError e) {
            last = e;
          }
        } catch (NotFoundException e) {
          latest = null;
          rv = null;
          last = new AssertionError(resource.kind + " " + where() + " does not exist");
        }
        relist = false;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try (WatchStream w = kube.watch(resource.collection(namespace), rv, "metadata.name=" + name)) {
        ScheduledFuture<?> stop = TIMER.schedule(w::close, left, TimeUnit.NANOSECONDS);
        try {
          for (Optional<JsonNode> e = w.next(); e.isPresent(); e = w.next()) {
            String type = e.get().path("type").asText();
            JsonNode obj = e.get().path("object");
            if ("ERROR".equals(type)) {
              relist = true;
              break;
            }
            if ("BOOKMARK".equals(type) || !name.equals(obj.path("metadata").path("name").asText())) {
              continue;
            }
            rv = obj.path("metadata").path("resourceVersion").asText(rv);
            if ("DELETED".equals(type)) {
              latest = null;
              last = new AssertionError(resource.kind + " " + where() + " was deleted");
              continue;
            }
            latest = convert.apply((ObjectNode) obj);
            try {
              check.accept(latest);
              return latest;
            } catch (AssertionError ae) {
              last = ae;
            }
          }
        } finally {
          stop.cancel(false);
        }
      } catch (GatewayApiException e) {
        relist = true;
        if (deadline - System.nanoTime() <= 0) {
          break;
        }
      }
    }
    AssertionError timeoutError = new AssertionError("Not satisfied within " + timeout + " for " + resource.kind + " "
        + where() + ":\n" + (last == null ? "" : last.getMessage()));
    if (last != null) {
      timeoutError.addSuppressed(last);
    }
    throw timeoutError;
  }

  private String where() {
    return (namespace == null ? "" : namespace + "/") + name;
  }
}
