package dev.gatewaysdk.core;

import java.util.List;
import java.util.stream.Stream;

/**
 * A namespaced Gateway API kind: pick a namespace with {@link #inNamespace(String)}, or list and
 * watch across all namespaces. Thread-safe.
 *
 * <pre>{@code
 * List<HTTPRoute> all = client.httpRoutes().list(ListOptions.labelSelector("team=shop"));
 * HTTPRoute r = client.httpRoutes().inNamespace("shop").get("storefront");
 * }</pre>
 */
public interface NamespacedClient<T> {
  String kind();

  /**
   * The operations in {@code namespace}.
   *
   * @throws IllegalArgumentException if {@code namespace} is blank or contains {@code /}
   */
  ResourceClient<T> inNamespace(String namespace);

  /** Objects of every namespace (every page). */
  List<T> list(ListOptions options);

  /** Objects of every namespace, page by page as consumed. */
  Stream<T> stream(ListOptions options);

  /** Watches every namespace. */
  Watch<T> watch(ListOptions options);
}
