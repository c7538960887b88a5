package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Objects of every type, one cluster-wide resourceVersion counter, a bounded event history and the
 * open watches. Every write happens under {@link #lock}, so writes are serialized and no update is
 * lost; stored nodes are never mutated after they are stored (readers get them without copying).
 */
final class Store {
  /** The largest object etcd (at its default --max-request-bytes) stores. */
  static final int MAX_OBJECT_BYTES = 1536 * 1024;

  final ReentrantLock lock = new ReentrantLock();
  private final Map<String, TreeMap<String, ObjectNode>> data = new HashMap<>();
  private final ArrayDeque<Event> history = new ArrayDeque<>();
  private final int historyLimit;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private volatile long rv;
  private long compactedRv;

  /** Where writes are made durable before they are visible, or null (memory only). */
  private Journal journal;

  Store(int historyLimit, long initialRv) {
    this.historyLimit = historyLimit;
    this.rv = initialRv;
    this.compactedRv = initialRv;
  }

  static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  long resourceVersion() {
    return rv;
  }

  /** Takes the next resourceVersion; the caller holds the lock and stores the object under it. */
  long nextResourceVersion() {
    return rv + 1;
  }

  ObjectNode get(ResourceType type, String namespace, String name) {
    lock.lock();
    try {
      TreeMap<String, ObjectNode> m = data.get(type.key());
      return m == null ? null : m.get(key(namespace, name));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Objects of {@code type} in {@code namespace} (null: all), in key order, after {@code afterKey}
   * if given.
   */
  List<ObjectNode> list(ResourceType type, String namespace, String afterKey) {
    lock.lock();
    try {
      TreeMap<String, ObjectNode> m = data.get(type.key());
      if (m == null) {
        return List.of();
      }
      NavigableMap<String, ObjectNode> view = m;
      if (namespace != null) {
        view = m.subMap(namespace + "/", true, namespace + "0", false);
      }
      if (afterKey != null) {
        view = view.tailMap(afterKey, false);
      }
      return new ArrayList<>(view.values());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Objects of {@code type} as they were at resourceVersion {@code atRv} (undoing the retained
   * events after it), in key order after {@code afterKey}; null when {@code atRv} is older than the
   * retained history.
   */
  List<ObjectNode> listAt(ResourceType type, String namespace, String afterKey, long atRv) {
    lock.lock();
    try {
      if (atRv >= rv) {
        return list(type, namespace, afterKey);
      }
      if (atRv < compactedRv) {
        return null;
      }
      TreeMap<String, ObjectNode> view = new TreeMap<>();
      TreeMap<String, ObjectNode> m = data.get(type.key());
      if (m != null) {
        view.putAll(
            namespace == null ? m : m.subMap(namespace + "/", true, namespace + "0", false));
      }
      for (Iterator<Event> it = history.descendingIterator(); it.hasNext(); ) {
        Event e = it.next();
        if (e.rv <= atRv) {
          break;
        }
        if (!e.typeKey.equals(type.key())) {
          continue;
        }
        String ns = type.namespaced ? e.object.path("metadata").path("namespace").asText() : null;
        if (namespace != null && !namespace.equals(ns)) {
          continue;
        }
        String k = key(ns, e.object.path("metadata").path("name").asText());
        if (e.type.equals("ADDED") || e.previous == null) {
          view.remove(k);
        } else {
          view.put(k, e.previous);
        }
      }
      return new ArrayList<>(
          afterKey == null ? view.values() : view.tailMap(afterKey, false).values());
    } finally {
      lock.unlock();
    }
  }

  int count(ResourceType type, String namespace) {
    return list(type, namespace, null).size();
  }

  /**
   * Stores {@code obj} (its metadata.resourceVersion already set to the next version) and publishes
   * the event.
   */
  void put(ResourceType type, ObjectNode obj, ObjectNode previous) {
    check();
    ObjectNode meta = Json.metadata(obj);
    String k =
        key(type.namespaced ? meta.path("namespace").asText() : null, meta.path("name").asText());
    long v = Long.parseLong(meta.path("resourceVersion").asText());
    if (Json.bytes(obj).length > MAX_OBJECT_BYTES) {
      // etcd's request limit, which the real server reports as it is.
      throw ApiError.tooLargeObject();
    }
    if (journal != null) {
      journal.put(obj, v);
    }
    rv = v;
    data.computeIfAbsent(type.key(), x -> new TreeMap<>()).put(k, obj);
    publish(new Event(previous == null ? "ADDED" : "MODIFIED", type.key(), obj, previous, v));
  }

  /** Removes the object; {@code last} carries the deletion's resourceVersion. */
  void remove(ResourceType type, ObjectNode last) {
    check();
    ObjectNode meta = Json.metadata(last);
    String k =
        key(type.namespaced ? meta.path("namespace").asText() : null, meta.path("name").asText());
    long v = Long.parseLong(meta.path("resourceVersion").asText());
    if (journal != null) {
      journal.remove(last, v);
    }
    rv = v;
    TreeMap<String, ObjectNode> m = data.get(type.key());
    ObjectNode prev = m == null ? null : m.remove(k);
    publish(new Event("DELETED", type.key(), last, prev, v));
  }

  /** Drops every object of a type without events (a CRD was deleted; its watches are closed). */
  void dropType(ResourceType type) {
    check();
    String typeKey = type.key();
    if (journal != null) {
      journal.drop(type, rv);
    }
    data.remove(typeKey);
    for (Watcher w : watchers) {
      if (w.typeKey.equals(typeKey)) {
        w.close();
      }
    }
  }

  private void check() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("store write without lock");
    }
  }

  private void publish(Event e) {
    if (journal != null && journal.wantsCompaction()) {
      compact();
    }
    history.addLast(e);
    while (history.size() > historyLimit) {
      compactedRv = history.removeFirst().rv;
    }
    for (Watcher w : watchers) {
      if (w.typeKey.equals(e.typeKey)) {
        w.offer(e);
      }
    }
  }

  /**
   * Registers a watch. With {@code fromRv} null the watch starts with synthetic ADDED events for
   * the current objects; otherwise it replays retained events after {@code fromRv}.
   *
   * @throws ApiError 410 Expired when {@code fromRv} is older than the retained history
   */
  Watcher watch(Watcher w, Long fromRv) {
    lock.lock();
    try {
      if (fromRv == null) {
        for (ObjectNode o : list(w.type, w.namespace, null)) {
          w.initialCount++;
          w.offer(
              new Event(
                  "ADDED",
                  w.typeKey,
                  o,
                  null,
                  Long.parseLong(o.path("metadata").path("resourceVersion").asText())));
        }
        w.initialRv = rv;
      } else {
        w.minRv = fromRv;
        if (fromRv < compactedRv) {
          throw ApiError.gone(
              "too old resource version: " + fromRv + " (" + (compactedRv + 1) + ")");
        }
        for (Iterator<Event> it = history.iterator(); it.hasNext(); ) {
          Event e = it.next();
          if (e.rv > fromRv && e.typeKey.equals(w.typeKey)) {
            w.offer(e);
          }
        }
        w.initialRv = rv;
      }
      watchers.add(w);
      return w;
    } finally {
      lock.unlock();
    }
  }

  int watchCount() {
    return watchers.size();
  }

  void unwatch(Watcher w) {
    watchers.remove(w);
  }

  void closeAllWatches() {
    for (Watcher w : watchers) {
      w.close();
    }
    watchers.clear();
  }

  long compactedResourceVersion() {
    lock.lock();
    try {
      return compactedRv;
    } finally {
      lock.unlock();
    }
  }

  /** From now on every write is appended to {@code j} (and forced to disk) before it is visible. */
  void journal(Journal j) {
    check();
    this.journal = j;
  }

  /** Writes the snapshot and empties the log; a failure leaves the (still valid) log in place. */
  void compact() {
    lock.lock();
    try {
      if (journal == null) {
        return;
      }
      Map<String, List<ObjectNode>> m = new TreeMap<>();
      data.forEach((k, v) -> m.put(k, new ArrayList<>(v.values())));
      journal.compact(rv, m);
    } catch (java.io.IOException e) {
      org.slf4j.LoggerFactory.getLogger(Store.class)
          .warn("cannot compact the state log: {}", e.toString());
    } finally {
      lock.unlock();
    }
  }

  /** Continues the counter of a restored state; older versions are not watchable. */
  void restoreResourceVersion(long v) {
    check();
    rv = Math.max(rv, v);
    compactedRv = rv;
  }

  /** Loads an object from the state file without events. */
  void restore(ResourceType type, ObjectNode obj) {
    check();
    ObjectNode meta = Json.metadata(obj);
    String k =
        key(type.namespaced ? meta.path("namespace").asText() : null, meta.path("name").asText());
    data.computeIfAbsent(type.key(), x -> new TreeMap<>()).put(k, obj);
  }

  static final class Event {
    final String type;
    final String typeKey;
    final ObjectNode object;
    final ObjectNode previous;
    final long rv;

    /**
     * The watch-event bytes of this event at one API version, encoded by the first watcher that
     * needs them.
     */
    private volatile Object[] encoded;

    Event(String type, String typeKey, ObjectNode object, ObjectNode previous, long rv) {
      this.type = type;
      this.typeKey = typeKey;
      this.object = object;
      this.previous = previous;
      this.rv = rv;
    }

    byte[] encoded(String version, java.util.function.Supplier<byte[]> encoder) {
      Object[] e = encoded;
      if (e != null && e[0].equals(version)) {
        return (byte[]) e[1];
      }
      byte[] bytes = encoder.get();
      encoded = new Object[] {version, bytes};
      return bytes;
    }
  }

  /** An open watch: a filter and a queue the HTTP handler drains. */
  static final class Watcher {
    static final Event CLOSE = new Event("CLOSE", "", null, null, 0);
    static final int MAX_BACKLOG = 100_000;
    final ResourceType type;
    final String typeKey;
    final String namespace;
    final java.util.function.Predicate<ObjectNode> filter;
    final java.util.concurrent.LinkedBlockingQueue<Event> queue =
        new java.util.concurrent.LinkedBlockingQueue<>();
    volatile long initialRv;
    int initialCount;
    volatile boolean closed;

    /**
     * Events at or below this resourceVersion are not delivered (a watch from a future version).
     */
    volatile long minRv;

    /** Told after every event is queued (the watch's session drains the queue). */
    volatile Runnable listener;

    Watcher(ResourceType type, String namespace, java.util.function.Predicate<ObjectNode> filter) {
      this.type = type;
      this.typeKey = type.key();
      this.namespace = namespace;
      this.filter = filter;
    }

    void offer(Event e) {
      if (closed || (e.rv <= minRv && e != CLOSE)) {
        return;
      }
      if (queue.size() > MAX_BACKLOG) {
        close();
        return;
      }
      queue.add(e);
      Runnable l = listener;
      if (l != null) {
        l.run();
      }
    }

    void close() {
      closed = true;
      queue.add(CLOSE);
      Runnable l = listener;
      if (l != null) {
        l.run();
      }
    }

    /**
     * The event as this watch reports it (selector transitions become ADDED/DELETED), or null to
     * skip.
     */
    Event translate(Event e) {
      boolean now = matches(e.object);
      if (e.type.equals("DELETED")) {
        return now ? e : null;
      }
      boolean before = e.previous != null && matches(e.previous);
      if (e.type.equals("ADDED")) {
        return now ? e : null;
      }
      if (now && before) {
        return e;
      }
      if (now) {
        return new Event("ADDED", e.typeKey, e.object, null, e.rv);
      }
      if (before) {
        return new Event("DELETED", e.typeKey, e.object, e.previous, e.rv);
      }
      return null;
    }

    private boolean matches(ObjectNode o) {
      if (namespace != null && !namespace.equals(o.path("metadata").path("namespace").asText())) {
        return false;
      }
      return filter.test(o);
    }
  }
}
