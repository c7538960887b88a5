package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.core.Watch;
import dev.gatewaysdk.core.WatchEvent;
import dev.gatewaysdk.model.HTTPBackendRef;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.HTTPRouteRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The backend weights of one HTTPRoute as the API server has them now: read once, then kept current
 * by a watch on the route (re-read and re-watched when the watch ends). The load generator asks for
 * them before every request, so traffic follows each weight change as soon as the server announces
 * it.
 *
 * <p>Weights are those of the first rule that names any backend; a backend without {@code weight}
 * counts 1, the server's default. Thread-safe; close to stop watching.
 */
final class RouteWeights implements Supplier<Map<String, Integer>>, AutoCloseable {
  private final ResourceClient<HTTPRoute> routes;
  private final String name;
  private final Thread thread;
  private final AtomicLong changes = new AtomicLong();
  private volatile Map<String, Integer> weights;
  private volatile Watch<HTTPRoute> watch;
  private volatile boolean closed;

  private RouteWeights(ResourceClient<HTTPRoute> routes, String name) {
    this.routes = routes;
    this.name = name;
    this.weights = weightsOf(routes.get(name));
    this.thread = new Thread(this::watchLoop, "demo-route-watch");
    thread.setDaemon(true);
  }

  /**
   * Reads the route and starts watching it.
   *
   * @throws dev.gatewaysdk.core.NotFoundException if there is no such route
   */
  static RouteWeights watch(GatewayApiClient client, String namespace, String name) {
    RouteWeights w = new RouteWeights(client.httpRoutes().inNamespace(namespace), name);
    w.thread.start();
    return w;
  }

  /** The weights by backend name, in the rule's order. */
  @Override
  public Map<String, Integer> get() {
    return weights;
  }

  /** How many weight changes the watch has seen. */
  long changes() {
    return changes.get();
  }

  static Map<String, Integer> weightsOf(HTTPRoute route) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (HTTPRouteRule rule : route.spec().rules()) {
      List<HTTPBackendRef> refs = rule.backendRefs();
      if (refs.isEmpty()) {
        continue;
      }
      for (HTTPBackendRef ref : refs) {
        out.merge(ref.name(), ref.weight().orElse(1), Integer::sum);
      }
      break;
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private void update(HTTPRoute route) {
    Map<String, Integer> w = weightsOf(route);
    if (!w.equals(weights)) {
      weights = w;
      changes.incrementAndGet();
    }
  }

  private void watchLoop() {
    String field = "metadata.name=" + name;
    while (!closed) {
      try {
        HTTPRoute current = routes.get(name);
        update(current);
        ListOptions options =
            ListOptions.builder()
                .fieldSelector(field)
                .resourceVersion(current.metadata().resourceVersion().orElse(""))
                .build();
        try (Watch<HTTPRoute> w = routes.watch(options)) {
          watch = w;
          if (closed) {
            return;
          }
          while (w.hasNext()) {
            WatchEvent<HTTPRoute> e = w.next();
            if (e.type() == WatchEvent.Type.MODIFIED || e.type() == WatchEvent.Type.ADDED) {
              if (name.equals(e.object().metadata().name().orElse(""))) {
                update(e.object());
              }
            }
          }
        }
      } catch (GatewayApiException e) {
        // 410 Gone or a dropped connection: read again and watch from there, after a short breath.
        pause();
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    Watch<HTTPRoute> w = watch;
    if (w != null) {
      w.close();
    }
    thread.interrupt();
  }
}
