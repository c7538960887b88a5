package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Operations on the objects of one Gateway API kind in one scope: a namespace ({@code
 * client.httpRoutes().inNamespace("shop")}) or the cluster for cluster-scoped kinds ({@code
 * client.gatewayClasses()}).
 *
 * <p>Requests use the kind's best version the cluster serves: objects sent are re-targeted to it,
 * objects read keep the version they came with. Every method throws {@link GatewayApiException} (or
 * a subclass) on failure, and {@link UnsupportedByClusterException} without sending anything if the
 * cluster does not serve the kind, or (when {@link GatewayApiClient.Builder#checkFields(boolean)}
 * is on) an object uses fields the cluster's CRD does not have. Implementations are thread-safe.
 *
 * <pre>{@code
 * ResourceClient<HTTPRoute> routes = client.httpRoutes().inNamespace("shop");
 * HTTPRoute r = routes.get("storefront");
 * routes.jsonPatch("storefront", patchOps, WriteOptions.defaults());
 * }</pre>
 */
public interface ResourceClient<T> {
  /** The kind, such as {@code HTTPRoute}. */
  String kind();

  /**
   * @throws NotFoundException if there is no such object
   */
  T get(String name);

  /** The object, or empty if there is none. */
  Optional<T> find(String name);

  /** All objects (every page). */
  List<T> list();

  /** All objects matching {@code options} (every page). */
  List<T> list(ListOptions options);

  /**
   * The objects matching {@code options}, fetching pages of {@link ListOptions#pageSize()} as
   * consumed.
   */
  Stream<T> stream(ListOptions options);

  T create(T object);

  T create(T object, WriteOptions options);

  /**
   * Replaces the object; the object's resourceVersion makes this an optimistic update.
   *
   * @throws ConflictException if the object changed since that resourceVersion
   */
  T update(T object);

  T update(T object, WriteOptions options);

  /** Replaces the status subresource. */
  T updateStatus(T object, WriteOptions options);

  /**
   * Applies a JSON patch (RFC 6902); {@code test} operations make it fail with {@link
   * InvalidException} when the object differs.
   */
  T jsonPatch(String name, JsonNode operations, WriteOptions options);

  /** Applies a JSON merge patch (RFC 7386). */
  T mergePatch(String name, JsonNode patch, WriteOptions options);

  /**
   * Server-side apply: the server merges the fields of {@code object} owned by the field manager.
   *
   * @throws ConflictException if another manager owns a field and {@link ApplyOptions#force()} is
   *     off
   */
  T apply(T object, ApplyOptions options);

  /** Server-side apply of the status subresource. */
  T applyStatus(T object, ApplyOptions options);

  /** Deletes the object. @throws NotFoundException if there is none */
  void delete(String name);

  /**
   * Deletes the object with preconditions, propagation policy or dry run.
   *
   * @throws ConflictException if a precondition does not hold
   */
  void delete(String name, DeleteOptions options);

  /** Watches the objects matching {@code options}. */
  Watch<T> watch(ListOptions options);
}
