package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.CacheOptions;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.ResourceCache;
import dev.gatewaysdk.core.ResourceHandler;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed caches over client-java's {@link DefaultSharedIndexInformer}, fed by the raw client. */
public final class Informers {
  private Informers() {}

  /**
   * What the informer stores: the typed value with the little metadata client-java's cache needs, and the
   * index keys computed once from the JSON.
   */
  public static final class Cached<T> implements KubernetesObject {
    final T value;
    private final String apiVersion;
    private final String kind;
    private final V1ObjectMeta meta;
    final List<String> parents;
    final List<String> backends;

    Cached(T value, String apiVersion, String kind, V1ObjectMeta meta, List<String> parents, List<String> backends) {
      this.value = value;
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.meta = meta;
      this.parents = parents;
      this.backends = backends;
    }

    @Override
    public V1ObjectMeta getMetadata() {
      return meta;
    }

    @Override
    public String getApiVersion() {
      return apiVersion;
    }

    @Override
    public String getKind() {
      return kind;
    }
  }

  /** A list page as client-java's reflector wants it. */
  public static final class CachedList<T> implements KubernetesListObject {
    private final V1ListMeta meta;
    private final List<Cached<T>> items;

    CachedList(String resourceVersion, List<Cached<T>> items) {
      this.meta = new V1ListMeta().resourceVersion(resourceVersion);
      this.items = items;
    }

    @Override
    public V1ListMeta getMetadata() {
      return meta;
    }

    @Override
    public List<Cached<T>> getItems() {
      return items;
    }

    @Override
    public String getApiVersion() {
      return "v1";
    }

    @Override
    public String getKind() {
      return "List";
    }
  }

  /** Converts JSON items into cached values. */
  static <T> Cached<T> cached(JsonNode item, String apiVersion, String kind, Class<T> type) {
    JsonNode m = item.path("metadata");
    V1ObjectMeta meta = new V1ObjectMeta()
        .name(m.path("name").asText(null))
        .namespace(m.path("namespace").asText(null))
        .resourceVersion(m.path("resourceVersion").asText(null))
        .uid(m.path("uid").asText(null));
    if (item instanceof ObjectNode && !item.has("kind")) {
      ((ObjectNode) item).put("apiVersion", apiVersion).put("kind", kind);
    }
    T value;
    try {
      value = type.isInstance(item) ? type.cast(item) : Json.mapper().treeToValue(item, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + kind + " " + meta.getNamespace() + "/" + meta.getName() + ": " + e.getOriginalMessage(), e);
    }
    String ns = meta.getNamespace() == null ? "" : meta.getNamespace();
    return new Cached<>(value, item.path("apiVersion").asText(apiVersion), kind, meta, parents(item, ns), backends(item, ns));
  }

  static List<String> parents(JsonNode route, String ns) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode p : route.path("spec").path("parentRefs")) {
      if ("Gateway".equals(p.path("kind").asText("Gateway")) && Kinds.GROUP.equals(p.path("group").asText(Kinds.GROUP))) {
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
    if (ref.has("name") && "Service".equals(ref.path("kind").asText("Service")) && ref.path("group").asText("").isEmpty()) {
      out.add(ref.path("namespace").asText(ns) + "/" + ref.path("name").asText());
    }
  }

  /** The list and watch of one kind, typed. */
  public static final class TypedListerWatcher<T> implements ListerWatcher<Cached<T>, CachedList<T>> {
    private final RawClient raw;
    private final String kind;
    private final Class<T> type;
    private final CacheOptions options;

    public TypedListerWatcher(RawClient raw, String kind, Class<T> type, CacheOptions options) {
      this.raw = raw;
      this.kind = kind;
      this.type = type;
      this.options = options;
    }

    @Override
    public CachedList<T> list(CallGeneratorParams params) {
      String apiVersion = raw.apiVersion(kind);
      List<Cached<T>> items = new ArrayList<>();
      String continueToken = null;
      String resourceVersion = null;
      ListOptions lo = ListOptions.builder().labelSelector(options.labelSelector()).pageSize(500).build();
      do {
        ObjectNode page = raw.list(kind, options.namespace().orElse(null), lo, continueToken);
        if (resourceVersion == null) {
          resourceVersion = page.path("metadata").path("resourceVersion").asText("");
        }
        for (JsonNode item : page.path("items")) {
          items.add(cached(item, apiVersion, kind, type));
        }
        continueToken = page.path("metadata").path("continue").asText("");
      } while (!continueToken.isEmpty());
      return new CachedList<>(resourceVersion, items);
    }

    @Override
    public Watchable<Cached<T>> watch(CallGeneratorParams params) {
      ListOptions.Builder b = ListOptions.builder().labelSelector(options.labelSelector()).allowBookmarks(true);
      if (params.resourceVersion != null && !params.resourceVersion.isEmpty()) {
        b.resourceVersion(params.resourceVersion);
      }
      if (params.timeoutSeconds != null && params.timeoutSeconds > 0) {
        b.timeout(Duration.ofSeconds(params.timeoutSeconds));
      }
      RawClient.Watch w = raw.watch(kind, options.namespace().orElse(null), b.build());
      String apiVersion = raw.apiVersion(kind);
      return new Watchable<>() {
        @Override
        public boolean hasNext() {
          return w.hasNext();
        }

        @Override
        public Watch.Response<Cached<T>> next() {
          try {
            RawClient.Event e = w.next();
            return new Watch.Response<>(e.type, cached(e.object, apiVersion, kind, type));
          } catch (GatewayApiException e) {
            if (e.statusCode() == 0) {
              throw e;
            }
            // client-java's reflector re-lists on an ERROR event with status 410
            return new Watch.Response<>("ERROR", new V1Status().code(e.statusCode()).reason(e.status().reason()).message(e.status().message()));
          }
        }

        @Override
        public Iterator<Watch.Response<Cached<T>>> iterator() {
          return this;
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }
  }

  /** {@link ResourceCache} over a shared index informer running on its own daemon thread. */
  public static final class InformerCache<T> implements ResourceCache<T> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Cached<?>> CACHED = (Class) Cached.class;

    private final DefaultSharedIndexInformer<Cached<T>, CachedList<T>> informer;
    private final long resyncMillis;
    private final Thread thread;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public InformerCache(RawClient raw, String kind, Class<T> type, CacheOptions options) {
      raw.version(kind); // fail now, clearly, if the kind is not served
      this.resyncMillis = options.resync().toMillis();
      this.informer = new DefaultSharedIndexInformer<>((Class) CACHED, new TypedListerWatcher<>(raw, kind, type, options), resyncMillis);
      Map<String, Function<Cached<T>, List<String>>> indexers = Map.of(
          BY_PARENT_GATEWAY, c -> c.parents,
          BY_BACKEND_SERVICE, c -> c.backends);
      informer.addIndexers(indexers);
      this.thread = new Thread(informer::run, "gatewaysdk-cache-" + kind);
      thread.setDaemon(true);
      thread.start();
    }

    @SuppressWarnings("unchecked")
    private io.kubernetes.client.informer.cache.Indexer<Cached<T>> indexer() {
      return informer.getIndexer();
    }

    @Override
    public boolean hasSynced() {
      return informer.hasSynced();
    }

    @Override
    public boolean waitForSync(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!informer.hasSynced()) {
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        try {
          TimeUnit.MILLISECONDS.sleep(10); // the informer offers no sync callback
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }

    @Override
    public Optional<T> get(String namespace, String name) {
      Cached<T> c = indexer().getByKey(namespace + "/" + name);
      return c == null ? Optional.empty() : Optional.of(c.value);
    }

    @Override
    public Optional<T> get(String name) {
      Cached<T> c = indexer().getByKey(name);
      return c == null ? Optional.empty() : Optional.of(c.value);
    }

    @Override
    public List<T> list() {
      return indexer().list().stream().map(c -> c.value).collect(Collectors.toList());
    }

    @Override
    public List<T> list(String namespace) {
      if (indexer().getIndexers().containsKey("namespace")) {
        return indexer().byIndex("namespace", namespace).stream().map(c -> c.value).collect(Collectors.toList());
      }
      return indexer().list().stream()
          .filter(c -> namespace.equals(c.getMetadata().getNamespace()))
          .map(c -> c.value)
          .collect(Collectors.toList());
    }

    @Override
    public List<T> byIndex(String index, String key) {
      if (!indexer().getIndexers().containsKey(index)) {
        throw new IllegalArgumentException("no index " + index + " (have " + indexer().getIndexers().keySet() + ")");
      }
      return indexer().byIndex(index, key).stream().map(c -> c.value).collect(Collectors.toList());
    }

    @Override
    public void addHandler(ResourceHandler<T> handler) {
      ResourceEventHandler<Cached<T>> h = new ResourceEventHandler<>() {
        @Override
        public void onAdd(Cached<T> obj) {
          handler.onAdd(obj.value);
        }

        @Override
        public void onUpdate(Cached<T> oldObj, Cached<T> newObj) {
          handler.onUpdate(oldObj.value, newObj.value);
        }

        @Override
        public void onDelete(Cached<T> obj, boolean deletedFinalStateUnknown) {
          handler.onDelete(obj.value);
        }
      };
      if (resyncMillis > 0) {
        informer.addEventHandlerWithResyncPeriod(h, resyncMillis);
      } else {
        informer.addEventHandler(h);
      }
    }

    @Override
    public void close() {
      informer.stop();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
