package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.CacheOptions;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.ResourceCache;
import dev.gatewaysdk.core.ResourceHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed caches kept by the SDK's own list-and-watch loop (client-java's informer logs ERROR when it
 * is stopped, and its reflector INFO on every start; a cache here is silent unless something goes
 * wrong).
 */
public final class Informers {
  private static final Logger LOG = LoggerFactory.getLogger(Informers.class);

  private Informers() {}

  /** One cached object with the index keys computed once from its JSON. */
  static final class Entry<T> {
    final T value;
    final String key;
    final String namespace;
    final String resourceVersion;
    final List<String> parents;
    final List<String> backends;

    Entry(
        T value,
        String key,
        String namespace,
        String resourceVersion,
        List<String> parents,
        List<String> backends) {
      this.value = value;
      this.key = key;
      this.namespace = namespace;
      this.resourceVersion = resourceVersion;
      this.parents = parents;
      this.backends = backends;
    }

    List<String> keys(String index) {
      return ResourceCache.BY_PARENT_GATEWAY.equals(index) ? parents : backends;
    }
  }

  /** A full list of one kind: the items and the resourceVersion to watch from. */
  public static final class Listing {
    final String resourceVersion;
    final List<ObjectNode> items;

    public Listing(String resourceVersion, List<ObjectNode> items) {
      this.resourceVersion = resourceVersion;
      this.items = items;
    }
  }

  /** Where a cache gets its objects: one kind's list and watch. */
  public interface Source {
    /** Every object, all pages. */
    Listing list();

    /** The changes after {@code resourceVersion}; ends when the server closes the stream. */
    RawClient.Watch watch(String resourceVersion);
  }

  /**
   * The list and watch of one kind through the raw client, with the cache's namespace and selector.
   */
  public static Source source(RawClient raw, String kind, CacheOptions options) {
    return new Source() {
      @Override
      public Listing list() {
        List<ObjectNode> items = new ArrayList<>();
        String continueToken = null;
        String resourceVersion = null;
        ListOptions lo =
            ListOptions.builder().labelSelector(options.labelSelector()).pageSize(500).build();
        do {
          ObjectNode page = raw.list(kind, options.namespace().orElse(null), lo, continueToken);
          if (resourceVersion == null) {
            resourceVersion = page.path("metadata").path("resourceVersion").asText("");
          }
          for (JsonNode item : page.path("items")) {
            if (item instanceof ObjectNode) {
              items.add((ObjectNode) item);
            }
          }
          continueToken = page.path("metadata").path("continue").asText("");
        } while (!continueToken.isEmpty());
        return new Listing(resourceVersion, items);
      }

      @Override
      public RawClient.Watch watch(String resourceVersion) {
        // as client-go's reflector: a watch lasts a random 5 to 10 minutes, then resumes from the
        // last version
        Duration timeout = Duration.ofSeconds(300 + ThreadLocalRandom.current().nextInt(300));
        ListOptions.Builder b =
            ListOptions.builder()
                .labelSelector(options.labelSelector())
                .allowBookmarks(true)
                .timeout(timeout);
        if (!resourceVersion.isEmpty()) {
          b.resourceVersion(resourceVersion);
        }
        return raw.watch(kind, options.namespace().orElse(null), b.build());
      }
    };
  }

  /** The typed entry of one JSON object. */
  static <T> Entry<T> entry(ObjectNode item, String apiVersion, String kind, Class<T> type) {
    JsonNode m = item.path("metadata");
    String name = m.path("name").asText("");
    String namespace = m.path("namespace").asText("");
    if (!item.has("kind")) {
      item.put("apiVersion", apiVersion).put("kind", kind);
    }
    T value;
    try {
      value = type.isInstance(item) ? type.cast(item) : Json.mapper().treeToValue(item, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot read " + kind + " " + namespace + "/" + name + ": " + e.getOriginalMessage(), e);
    }
    return new Entry<>(
        value,
        namespace.isEmpty() ? name : namespace + "/" + name,
        namespace,
        m.path("resourceVersion").asText(""),
        parents(item, namespace),
        backends(item, namespace));
  }

  static List<String> parents(JsonNode route, String ns) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode p : route.path("spec").path("parentRefs")) {
      if ("Gateway".equals(p.path("kind").asText("Gateway"))
          && Kinds.GROUP.equals(p.path("group").asText(Kinds.GROUP))) {
        out.add(p.path("namespace").asText(ns) + "/" + p.path("name").asText());
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  static List<String> backends(JsonNode route, String ns) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode rule : route.path("spec").path("rules")) {
      for (JsonNode b : rule.path("backendRefs")) {
        addService(out, b, ns);
        for (JsonNode f : b.path("filters")) {
          addService(out, f.path("requestMirror").path("backendRef"), ns);
        }
      }
      for (JsonNode f : rule.path("filters")) {
        addService(out, f.path("requestMirror").path("backendRef"), ns);
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  private static void addService(Set<String> out, JsonNode ref, String ns) {
    if (ref.has("name")
        && "Service".equals(ref.path("kind").asText("Service"))
        && ref.path("group").asText("").isEmpty()) {
      out.add(ref.path("namespace").asText(ns) + "/" + ref.path("name").asText());
    }
  }

  /**
   * {@link ResourceCache} kept by one daemon thread that lists, then watches from the list's
   * resourceVersion, re-lists on 410 Gone, and retries other failures with back-off (WARN, since
   * the cache is then stale). Handlers run in event order on a second daemon thread. Closing ends
   * both without logging.
   */
  public static final class WatchCache<T> implements ResourceCache<T> {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Source source;
    private final String apiVersion;
    private final String kind;
    private final Class<T> type;
    private final Object lock = new Object();
    private final Map<String, Entry<T>> items = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> indexes =
        Map.of(BY_PARENT_GATEWAY, new HashMap<>(), BY_BACKEND_SERVICE, new HashMap<>());
    private final List<ResourceHandler<T>> handlers = new ArrayList<>();
    private final CountDownLatch synced = new CountDownLatch(1);
    private final ScheduledThreadPoolExecutor events;
    private final Thread loop;
    private volatile boolean closed;
    private volatile RawClient.Watch watch;
    private String resourceVersion = "";

    public WatchCache(RawClient raw, String kind, Class<T> type, CacheOptions options) {
      this(
          source(raw, kind, options),
          raw.apiVersion(kind),
          kind,
          type,
          options.resync()); // fails now if unserved
    }

    public WatchCache(
        Source source, String apiVersion, String kind, Class<T> type, Duration resync) {
      this.source = source;
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.type = type;
      this.events =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "gatewaysdk-cache-" + kind + "-events");
                t.setDaemon(true);
                return t;
              });
      if (!resync.isZero()) {
        events.scheduleAtFixedRate(
            this::resync, resync.toNanos(), resync.toNanos(), TimeUnit.NANOSECONDS);
      }
      this.loop = new Thread(this::run, "gatewaysdk-cache-" + kind);
      loop.setDaemon(true);
      loop.start();
    }

    private void run() {
      Duration backoff = Duration.ofMillis(100);
      boolean list = true;
      while (!closed) {
        try {
          if (list) {
            replace(source.list());
            list = false;
            synced.countDown();
          }
          try (RawClient.Watch w = source.watch(currentVersion())) {
            watch = w;
            if (closed) {
              break;
            }
            while (w.hasNext()) {
              apply(w.next());
              backoff = Duration.ofMillis(100);
            }
          }
        } catch (RuntimeException e) {
          if (closed) {
            break;
          }
          if (e instanceof GatewayApiException && ((GatewayApiException) e).statusCode() == 410) {
            LOG.debug(
                "{} cache: resourceVersion {} expired, listing again", kind, currentVersion());
            list = true;
            continue;
          }
          LOG.warn("{} cache: {}; retrying in {} ms", kind, e.getMessage(), backoff.toMillis());
          if (!pause(backoff)) {
            break;
          }
          backoff =
              backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                  ? MAX_BACKOFF
                  : backoff.multipliedBy(2);
        }
      }
      LOG.debug("{} cache stopped", kind);
    }

    private boolean pause(Duration d) {
      try {
        Thread.sleep(d.toMillis());
        return !closed;
      } catch (InterruptedException e) {
        return false;
      }
    }

    private String currentVersion() {
      synchronized (lock) {
        return resourceVersion;
      }
    }

    /**
     * Replaces the contents with a fresh list: handlers see what was added, changed and deleted
     * meanwhile.
     */
    private void replace(Listing listing) {
      Map<String, Entry<T>> fresh = new HashMap<>();
      for (ObjectNode item : listing.items) {
        Entry<T> e = entry(item, apiVersion, kind, type);
        fresh.put(e.key, e);
      }
      synchronized (lock) {
        for (Entry<T> old : List.copyOf(items.values())) {
          if (!fresh.containsKey(old.key)) {
            remove(old.key);
          }
        }
        for (Entry<T> e : fresh.values()) {
          Entry<T> old = items.get(e.key);
          if (old == null || !old.resourceVersion.equals(e.resourceVersion)) {
            put(e);
          }
        }
        resourceVersion = listing.resourceVersion;
      }
    }

    private void apply(RawClient.Event event) {
      synchronized (lock) {
        String version = event.object.path("metadata").path("resourceVersion").asText("");
        switch (event.type) {
          case "ADDED":
          case "MODIFIED":
            put(entry(event.object, apiVersion, kind, type));
            break;
          case "DELETED":
            remove(entry(event.object, apiVersion, kind, type).key);
            break;
          default: // BOOKMARK: only the version moves
            break;
        }
        if (!version.isEmpty()) {
          resourceVersion = version;
        }
      }
    }

    // under lock
    private void put(Entry<T> e) {
      Entry<T> old = items.put(e.key, e);
      if (old != null) {
        unindex(old);
      }
      index(e);
      for (ResourceHandler<T> h : handlers) {
        events.execute(old == null ? () -> h.onAdd(e.value) : () -> h.onUpdate(old.value, e.value));
      }
    }

    // under lock
    private void remove(String key) {
      Entry<T> old = items.remove(key);
      if (old != null) {
        unindex(old);
        for (ResourceHandler<T> h : handlers) {
          events.execute(() -> h.onDelete(old.value));
        }
      }
    }

    private void index(Entry<T> e) {
      indexes.forEach(
          (index, byKey) -> {
            for (String k : e.keys(index)) {
              byKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(e.key);
            }
          });
    }

    private void unindex(Entry<T> e) {
      indexes.forEach(
          (index, byKey) -> {
            for (String k : e.keys(index)) {
              Set<String> keys = byKey.get(k);
              if (keys != null && keys.remove(e.key) && keys.isEmpty()) {
                byKey.remove(k);
              }
            }
          });
    }

    /**
     * Handlers see every object updated to itself (run on the event thread, so in order with
     * events).
     */
    private void resync() {
      synchronized (lock) {
        for (Entry<T> e : items.values()) {
          for (ResourceHandler<T> h : handlers) {
            events.execute(() -> h.onUpdate(e.value, e.value));
          }
        }
      }
    }

    @Override
    public boolean hasSynced() {
      return synced.getCount() == 0;
    }

    @Override
    public boolean waitForSync(Duration timeout) {
      try {
        return synced.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public Optional<T> get(String namespace, String name) {
      return get(namespace + "/" + name);
    }

    @Override
    public Optional<T> get(String name) {
      synchronized (lock) {
        Entry<T> e = items.get(name);
        return e == null ? Optional.empty() : Optional.of(e.value);
      }
    }

    @Override
    public List<T> list() {
      synchronized (lock) {
        return items.values().stream().map(e -> e.value).collect(Collectors.toList());
      }
    }

    @Override
    public List<T> list(String namespace) {
      synchronized (lock) {
        return items.values().stream()
            .filter(e -> namespace.equals(e.namespace))
            .map(e -> e.value)
            .collect(Collectors.toList());
      }
    }

    @Override
    public List<T> byIndex(String index, String key) {
      Map<String, Set<String>> byKey = indexes.get(index);
      if (byKey == null) {
        throw new IllegalArgumentException(
            "no index " + index + " (have " + indexes.keySet() + ")");
      }
      synchronized (lock) {
        return byKey.getOrDefault(key, Set.of()).stream()
            .map(k -> items.get(k).value)
            .collect(Collectors.toList());
      }
    }

    @Override
    public void addHandler(ResourceHandler<T> handler) {
      synchronized (lock) {
        handlers.add(handler);
        for (Entry<T> e : items.values()) {
          events.execute(() -> handler.onAdd(e.value));
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      RawClient.Watch w = watch;
      if (w != null) {
        w.close();
      }
      loop.interrupt();
      events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      events.shutdown();
      try {
        loop.join(TimeUnit.SECONDS.toMillis(5));
        events.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
