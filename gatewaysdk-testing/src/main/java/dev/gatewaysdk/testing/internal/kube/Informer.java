package dev.gatewaysdk.testing.internal.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list-then-watch cache of one resource across all namespaces, on its own daemon thread. After
 * each change it calls the listener; on a broken watch or 410 Gone it lists again. Thread-safe.
 */
public final class Informer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Informer.class);

  private final Kube kube;
  private final String path;
  private final Runnable onChange;
  private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();
  private final CountDownLatch synced = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile WatchStream stream;

  public Informer(Kube kube, String collectionPath, Runnable onChange) {
    this.kube = kube;
    this.path = collectionPath;
    this.onChange = onChange;
    this.thread = new Thread(this::run, "gatewaysdk-informer " + collectionPath);
    thread.setDaemon(true);
  }

  public Informer start() {
    thread.start();
    return this;
  }

  /** Waits until the first list is in the cache. */
  public boolean awaitSynced(long timeout, TimeUnit unit) throws InterruptedException {
    return synced.await(timeout, unit);
  }

  public Collection<ObjectNode> list() {
    return new ArrayList<>(cache.values());
  }

  /**
   * A copy of the cache as it is now, keyed by {@link #key(String, String)}: one consistent view
   * for a reader that looks more than once.
   */
  public Map<String, ObjectNode> copy() {
    return new HashMap<>(cache);
  }

  /** The cached object, or null. {@code namespace} is null for cluster-scoped objects. */
  public ObjectNode get(String namespace, String name) {
    return cache.get(key(namespace, name));
  }

  private void run() {
    long backoff = 50;
    while (!closed) {
      try {
        ObjectNode list = kube.list(path, null);
        String rv = list.path("metadata").path("resourceVersion").asText(null);
        cache.clear();
        for (JsonNode item : list.path("items")) {
          cache.put(key(item), (ObjectNode) item);
        }
        synced.countDown();
        onChange.run();
        backoff = 50;
        rv = watch(rv);
      } catch (GatewayApiException e) {
        if (closed) {
          return;
        }
        LOG.debug("informer {}: {}; relisting", path, e.getMessage());
        sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("informer {} failed; relisting", path, e);
        sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  /** Watches from {@code rv} until the stream ends or expires; returns to relist. */
  private String watch(String rv) {
    while (!closed) {
      WatchStream s = kube.watch(path, rv);
      stream = s;
      if (closed) {
        s.close();
        return rv;
      }
      try (s) {
        while (true) {
          var event = s.next();
          if (event.isEmpty()) {
            break; // server ended the watch: resume from rv
          }
          String type = event.get().path("type").asText();
          JsonNode obj = event.get().path("object");
          if ("ERROR".equals(type)) {
            return null; // 410 Gone or other: relist
          }
          String newRv = obj.path("metadata").path("resourceVersion").asText(null);
          if (newRv != null) {
            rv = newRv;
          }
          if ("BOOKMARK".equals(type)) {
            continue;
          }
          if ("DELETED".equals(type)) {
            cache.remove(key(obj));
          } else {
            cache.put(key(obj), (ObjectNode) obj);
          }
          onChange.run();
        }
      }
    }
    return rv;
  }

  private static String key(JsonNode obj) {
    JsonNode m = obj.path("metadata");
    return key(m.path("namespace").asText(null), m.path("name").asText());
  }

  /** The key of {@code namespace/name} in {@link #copy()} (namespace null when cluster-scoped). */
  public static String key(String namespace, String name) {
    return (namespace == null || namespace.isEmpty() ? "" : namespace) + "/" + name;
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    WatchStream s = stream;
    if (s != null) {
      s.close();
    }
    thread.interrupt();
  }
}
