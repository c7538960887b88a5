package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.ApiStatus;
import dev.gatewaysdk.core.ApplyOptions;
import dev.gatewaysdk.core.DeleteOptions;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.InvalidException;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.NamespacedClient;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.core.Watch;
import dev.gatewaysdk.core.WatchEvent;
import dev.gatewaysdk.core.WriteOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The typed client of one kind in one scope ({@code namespace} null: all namespaces, or cluster
 * scope). Objects are converted with Jackson at this boundary; sent objects are re-targeted to the
 * served version.
 */
public final class TypedClient<T> implements ResourceClient<T>, NamespacedClient<T> {
  private final RawClient raw;
  private final String kind;
  private final Class<T> type;
  private final String namespace;
  private final FieldCheck fieldCheck;

  public TypedClient(
      RawClient raw, String kind, Class<T> type, String namespace, FieldCheck fieldCheck) {
    this.raw = raw;
    this.kind = kind;
    this.type = type;
    this.namespace = namespace;
    this.fieldCheck = fieldCheck;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public ResourceClient<T> inNamespace(String namespace) {
    if (namespace == null || namespace.isBlank() || namespace.contains("/")) {
      throw new IllegalArgumentException(
          "namespace must be a non-blank name without '/': " + namespace);
    }
    return new TypedClient<>(raw, kind, type, namespace, fieldCheck);
  }

  private String scope() {
    if (Kinds.require(kind).namespaced && namespace == null) {
      throw new IllegalStateException(
          kind + " is namespaced: choose a namespace with inNamespace(...) first");
    }
    return namespace;
  }

  @Override
  public T get(String name) {
    return toTyped(raw.get(kind, scope(), name));
  }

  @Override
  public Optional<T> find(String name) {
    try {
      return Optional.of(get(name));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<T> list() {
    return list(ListOptions.defaults());
  }

  @Override
  public List<T> list(ListOptions options) {
    return stream(options).collect(Collectors.toList());
  }

  @Override
  public Stream<T> stream(ListOptions options) {
    Iterator<T> pages =
        new Iterator<>() {
          private Iterator<JsonNode> page;
          private String continueToken;
          private boolean last;

          @Override
          public boolean hasNext() {
            while ((page == null || !page.hasNext()) && !last) {
              ObjectNode list = raw.list(kind, namespace, options, continueToken);
              continueToken = list.path("metadata").path("continue").asText("");
              last = continueToken.isEmpty();
              page = list.path("items").iterator();
            }
            return page != null && page.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            JsonNode item = page.next();
            return toTyped(withTypeMeta(item));
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * List items come without apiVersion and kind; restore them so typed objects know their version.
   */
  private JsonNode withTypeMeta(JsonNode item) {
    if (item instanceof ObjectNode && !item.has("kind")) {
      ((ObjectNode) item).put("apiVersion", raw.apiVersion(kind)).put("kind", kind);
    }
    return item;
  }

  @Override
  public T create(T object) {
    return create(object, WriteOptions.defaults());
  }

  @Override
  public T create(T object, WriteOptions options) {
    ObjectNode body = outgoing(object, "spec");
    String ns = namespaceOf(body);
    fieldCheck.validate(body);
    return toTyped(raw.create(kind, ns, body, options));
  }

  @Override
  public T update(T object) {
    return update(object, WriteOptions.defaults());
  }

  @Override
  public T update(T object, WriteOptions options) {
    ObjectNode body = outgoing(object, "spec");
    String ns = namespaceOf(body);
    fieldCheck.validate(body);
    return toTyped(raw.update(kind, ns, nameOf(body), body, options, false));
  }

  @Override
  public T updateStatus(T object, WriteOptions options) {
    ObjectNode body = outgoing(object, "status");
    return toTyped(raw.update(kind, namespaceOf(body), nameOf(body), body, options, true));
  }

  @Override
  public T jsonPatch(String name, JsonNode operations, WriteOptions options) {
    if (!operations.isArray()) {
      throw new IllegalArgumentException("a JSON patch is an array of operations: " + operations);
    }
    return toTyped(
        raw.patch(
            kind,
            scope(),
            name,
            RawClient.bytes(operations),
            RawClient.JSON_PATCH,
            options,
            false));
  }

  @Override
  public T mergePatch(String name, JsonNode patch, WriteOptions options) {
    if (!patch.isObject()) {
      throw new IllegalArgumentException("a merge patch is a JSON object: " + patch);
    }
    return toTyped(
        raw.patch(
            kind, scope(), name, RawClient.bytes(patch), RawClient.MERGE_PATCH, options, false));
  }

  @Override
  public T apply(T object, ApplyOptions options) {
    ObjectNode body = outgoing(object, "spec");
    stripServerFields(body);
    return toTyped(raw.apply(kind, namespaceOf(body), nameOf(body), body, options, false));
  }

  @Override
  public T applyStatus(T object, ApplyOptions options) {
    ObjectNode body = outgoing(object, "status");
    stripServerFields(body);
    return toTyped(raw.apply(kind, namespaceOf(body), nameOf(body), body, options, true));
  }

  private static void stripServerFields(ObjectNode body) {
    JsonNode meta = body.path("metadata");
    if (meta instanceof ObjectNode) {
      ((ObjectNode) meta)
          .remove(
              List.of(
                  "managedFields", "resourceVersion", "creationTimestamp", "uid", "generation"));
    }
  }

  @Override
  public void delete(String name) {
    delete(name, DeleteOptions.defaults());
  }

  @Override
  public void delete(String name, DeleteOptions options) {
    raw.delete(kind, scope(), name, options);
  }

  @Override
  public Watch<T> watch(ListOptions options) {
    RawClient.Watch w = raw.watch(kind, namespace, options);
    return new Watch<>() {
      @Override
      public boolean hasNext() {
        return w.hasNext();
      }

      @Override
      public WatchEvent<T> next() {
        RawClient.Event e = w.next();
        WatchEvent.Type t;
        try {
          t = WatchEvent.Type.valueOf(e.type);
        } catch (IllegalArgumentException ex) {
          throw new GatewayApiException(
              "unknown watch event type " + e.type, ApiStatus.of(0, "BadResponse", e.type));
        }
        String rv = e.object.path("metadata").path("resourceVersion").asText("");
        if (t == WatchEvent.Type.BOOKMARK) {
          return new WatchEvent<>(t, toTyped(withTypeMeta(e.object)), rv);
        }
        return new WatchEvent<>(t, toTyped(withTypeMeta(e.object)), rv);
      }

      @Override
      public void close() {
        w.close();
      }
    };
  }

  private String namespaceOf(ObjectNode body) {
    if (!Kinds.require(kind).namespaced) {
      return null;
    }
    String ns = body.path("metadata").path("namespace").asText("");
    if (namespace != null) {
      if (!ns.isEmpty() && !ns.equals(namespace)) {
        throw new IllegalArgumentException(
            kind
                + " "
                + nameOf(body)
                + " is in namespace "
                + ns
                + ", but this client works in "
                + namespace);
      }
      ((ObjectNode) body.path("metadata")).put("namespace", namespace);
      return namespace;
    }
    if (ns.isEmpty()) {
      throw new IllegalArgumentException(
          kind + " " + nameOf(body) + " has no metadata.namespace: use inNamespace(...)");
    }
    return ns;
  }

  private static String nameOf(ObjectNode body) {
    String name = body.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("object has no metadata.name");
    }
    return name;
  }

  /**
   * The object as JSON, re-targeted to the served version, its fields checked against the cluster's
   * CRD.
   */
  private ObjectNode outgoing(T object, String checkedPart) {
    JsonNode tree =
        object instanceof JsonNode
            ? ((JsonNode) object).deepCopy()
            : Json.mapper().valueToTree(object);
    if (!(tree instanceof ObjectNode)) {
      throw new IllegalArgumentException("not an object: " + object);
    }
    ObjectNode body = (ObjectNode) tree;
    String sentKind = body.path("kind").asText(kind);
    if (!kind.equals(sentKind)) {
      throw new IllegalArgumentException("this client handles " + kind + ", not " + sentKind);
    }
    body.put("apiVersion", raw.apiVersion(kind)).put("kind", kind);
    if (!body.has("metadata")) {
      body.putObject("metadata");
    }
    fieldCheck.check(kind, body, checkedPart);
    return body;
  }

  private T toTyped(JsonNode tree) {
    if (type.isInstance(tree)) {
      return type.cast(tree);
    }
    try {
      return Json.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      List<String> where = new ArrayList<>();
      where.add(
          kind
              + " "
              + tree.path("metadata").path("namespace").asText("")
              + "/"
              + tree.path("metadata").path("name").asText(""));
      throw new InvalidException(
          "cannot read "
              + String.join(", ", where)
              + " from the server as "
              + type.getSimpleName()
              + ": "
              + e.getMessage(),
          ApiStatus.of(0, "BadResponse", String.valueOf(e.getMessage())),
          e);
    }
  }
}
