package dev.gatewaysdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A local, watch-maintained copy of the objects of one kind (an informer, in client-go's terms):
 * reads are served from memory, handlers see every change. It lists, then watches from the list's
 * resourceVersion, re-lists when the server reports the version expired (410), and resyncs handlers
 * periodically if configured. Routes are indexed by parent Gateway ({@link #BY_PARENT_GATEWAY}) and
 * by backend Service ({@link #BY_BACKEND_SERVICE}), keys {@code namespace/name}.
 *
 * <p>Thread-safe; close it to stop watching.
 *
 * <pre>{@code
 * try (ResourceCache<HTTPRoute> routes = client.cache(HTTPRoute.class, CacheOptions.defaults())) {
 *   routes.waitForSync(Duration.ofSeconds(30));
 *   List<HTTPRoute> onEdge = routes.byIndex(ResourceCache.BY_PARENT_GATEWAY, "infra/edge");
 *   routeManager.setWeights(RouteRef.from(onEdge.get(0)), Map.of("v2", 10)); // one round trip
 * }
 * }</pre>
 */
public interface ResourceCache<T> extends AutoCloseable {
  /** Index of routes by parent Gateway, key {@code namespace/name}. */
  String BY_PARENT_GATEWAY = "parentGateway";

  /**
   * Index of routes by backend Service (backendRefs and mirror targets), key {@code
   * namespace/name}.
   */
  String BY_BACKEND_SERVICE = "backendService";

  /** Whether the initial list has been loaded. */
  boolean hasSynced();

  /**
   * Blocks until the initial list is loaded or {@code timeout} passes.
   *
   * @return whether the cache synced in time
   */
  boolean waitForSync(Duration timeout);

  /** The object {@code namespace/name}. */
  Optional<T> get(String namespace, String name);

  /** The cluster-scoped object {@code name}. */
  Optional<T> get(String name);

  List<T> list();

  List<T> list(String namespace);

  /**
   * The objects under {@code key} in {@code index}.
   *
   * @throws IllegalArgumentException if there is no such index
   */
  List<T> byIndex(String index, String key);

  /** Adds a handler; it first sees every cached object as added. */
  void addHandler(ResourceHandler<T> handler);

  /** Stops watching; the cache keeps its last state. */
  @Override
  void close();
}
