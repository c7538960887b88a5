package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.ApiStatus;
import dev.gatewaysdk.core.ApplyOptions;
import dev.gatewaysdk.core.Capabilities;
import dev.gatewaysdk.core.DeleteOptions;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.core.WriteOptions;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Response;

/**
 * Gateway API calls on JSON trees, at the version the cluster prefers for each kind. The typed
 * clients and the route manager build on this. Thread-safe.
 */
public final class RawClient {
  public static final String JSON = "application/json";
  public static final String JSON_PATCH = "application/json-patch+json";
  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String APPLY_PATCH = "application/apply-patch+yaml";

  private final Transport transport;
  private final Supplier<Capabilities> capabilities;
  private final String defaultFieldManager;

  public RawClient(
      Transport transport, Supplier<Capabilities> capabilities, String defaultFieldManager) {
    this.transport = transport;
    this.capabilities = capabilities;
    this.defaultFieldManager = defaultFieldManager;
  }

  public Transport transport() {
    return transport;
  }

  public Capabilities capabilities() {
    return capabilities.get();
  }

  /**
   * The version requests for {@code kind} use; fails clearly when the cluster does not serve it.
   */
  public String version(String kind) {
    return capabilities.get().require(kind);
  }

  public String apiVersion(String kind) {
    return Kinds.GROUP + "/" + version(kind);
  }

  String path(String kind, String namespace, String name, String subresource) {
    Kinds.Info info = Kinds.require(kind);
    StringBuilder p =
        new StringBuilder("/apis/").append(Kinds.GROUP).append('/').append(version(kind));
    if (info.namespaced && namespace != null) {
      p.append("/namespaces/").append(checkName("namespace", namespace));
    }
    p.append('/').append(info.plural);
    if (name != null) {
      p.append('/').append(checkName("name", name));
    }
    if (subresource != null) {
      p.append('/').append(subresource);
    }
    return p.toString();
  }

  private static String checkName(String what, String value) {
    if (value.isEmpty() || value.contains("/") || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(
          what + " must be a non-empty object name without '/': " + value);
    }
    return value;
  }

  public ObjectNode get(String kind, String namespace, String name) {
    return object(transport.send(Transport.Req.of("GET", path(kind, namespace, name, null))));
  }

  /** A list page: the raw list object (items, metadata.continue, metadata.resourceVersion). */
  public ObjectNode list(String kind, String namespace, ListOptions options, String continueToken) {
    Transport.Req req = Transport.Req.of("GET", path(kind, namespace, null, null));
    options.labelSelector().ifPresent(s -> req.query("labelSelector", s));
    options.fieldSelector().ifPresent(s -> req.query("fieldSelector", s));
    options.resourceVersion().ifPresent(s -> req.query("resourceVersion", s));
    options.timeout().ifPresent(t -> req.query("timeoutSeconds", Math.max(1, t.toSeconds())));
    req.query("limit", options.pageSize());
    req.query("continue", continueToken);
    return object(transport.send(req));
  }

  public ObjectNode create(String kind, String namespace, ObjectNode body, WriteOptions options) {
    Transport.Req req =
        Transport.Req.of("POST", path(kind, namespace, null, null)).body(bytes(body), JSON);
    write(req, options);
    return object(transport.send(req));
  }

  public ObjectNode update(
      String kind,
      String namespace,
      String name,
      ObjectNode body,
      WriteOptions options,
      boolean status) {
    Transport.Req req =
        Transport.Req.of("PUT", path(kind, namespace, name, status ? "status" : null))
            .body(bytes(body), JSON);
    write(req, options);
    return object(transport.send(req));
  }

  public ObjectNode patch(
      String kind,
      String namespace,
      String name,
      byte[] patch,
      String contentType,
      WriteOptions options,
      boolean status) {
    Transport.Req req =
        Transport.Req.of("PATCH", path(kind, namespace, name, status ? "status" : null))
            .body(patch, contentType);
    write(req, options);
    return object(transport.send(req));
  }

  public ObjectNode apply(
      String kind,
      String namespace,
      String name,
      ObjectNode body,
      ApplyOptions options,
      boolean status) {
    Transport.Req req =
        Transport.Req.of("PATCH", path(kind, namespace, name, status ? "status" : null))
            .body(bytes(body), APPLY_PATCH);
    req.query("fieldManager", options.fieldManager());
    if (options.force()) {
      req.query("force", "true");
    }
    if (options.dryRun()) {
      req.query("dryRun", "All");
    }
    options.fieldValidation().ifPresent(v -> req.query("fieldValidation", v.value()));
    return object(transport.send(req));
  }

  public void delete(String kind, String namespace, String name, DeleteOptions options) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("apiVersion", "v1").put("kind", "DeleteOptions");
    if (options.preconditionUid().isPresent()
        || options.preconditionResourceVersion().isPresent()) {
      ObjectNode pre = body.putObject("preconditions");
      options.preconditionUid().ifPresent(u -> pre.put("uid", u));
      options.preconditionResourceVersion().ifPresent(rv -> pre.put("resourceVersion", rv));
    }
    options.propagationPolicy().ifPresent(p -> body.put("propagationPolicy", p.value()));
    options.gracePeriod().ifPresent(g -> body.put("gracePeriodSeconds", g.toSeconds()));
    if (options.dryRun()) {
      body.putArray("dryRun").add("All");
    }
    transport.send(
        Transport.Req.of("DELETE", path(kind, namespace, name, null)).body(bytes(body), JSON));
  }

  /** Opens a watch; the caller closes it. */
  public Watch watch(String kind, String namespace, ListOptions options) {
    Transport.Req req =
        Transport.Req.of("GET", path(kind, namespace, null, null)).query("watch", "true");
    options.labelSelector().ifPresent(s -> req.query("labelSelector", s));
    options.fieldSelector().ifPresent(s -> req.query("fieldSelector", s));
    options.resourceVersion().ifPresent(s -> req.query("resourceVersion", s));
    options.timeout().ifPresent(t -> req.query("timeoutSeconds", Math.max(1, t.toSeconds())));
    if (options.allowBookmarks()) {
      req.query("allowWatchBookmarks", "true");
    }
    return new Watch(transport.open(req), req.toString());
  }

  private void write(Transport.Req req, WriteOptions options) {
    if (options.dryRun()) {
      req.query("dryRun", "All");
    }
    req.query("fieldManager", options.fieldManager().orElse(defaultFieldManager));
    options.fieldValidation().ifPresent(v -> req.query("fieldValidation", v.value()));
  }

  static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static ObjectNode object(Transport.Result result) {
    try {
      JsonNode n = Json.mapper().readTree(result.body);
      if (n instanceof ObjectNode) {
        return (ObjectNode) n;
      }
      throw new GatewayApiException(
          "expected a JSON object from the server, got: "
              + (n == null ? "nothing" : n.getNodeType()),
          ApiStatus.of(result.code, "BadResponse", "not a JSON object"));
    } catch (IOException e) {
      throw Errors.fromIo(e, "reading response");
    }
  }

  /** A raw watch event. */
  public static final class Event {
    public final String type;
    public final ObjectNode object;

    Event(String type, ObjectNode object) {
      this.type = type;
      this.object = object;
    }
  }

  /**
   * The events of a watch, in order. ERROR events become exceptions (410 Gone as a {@link
   * GatewayApiException} with status code 410). Iteration ends when the server closes the stream.
   */
  public static final class Watch implements Iterator<Event>, Closeable {
    private final okhttp3.Call call;
    private final Response response;
    private final String what;
    private MappingIterator<JsonNode> events;
    private volatile boolean closed;
    private volatile boolean ended;

    Watch(Transport.Opened opened, String what) {
      this.call = opened.call();
      this.response = opened.response();
      this.what = what;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      try {
        if (events == null) {
          // created lazily: the parser reads ahead to detect the encoding, which blocks until an
          // event arrives
          events =
              Json.mapper()
                  .readerFor(JsonNode.class)
                  .readValues(Objects.requireNonNull(response.body()).byteStream());
        }
        boolean more = events.hasNextValue();
        if (!more) {
          ended = true;
        }
        return more;
      } catch (IOException e) {
        if (closed) {
          return false;
        }
        throw Errors.fromIo(e, what);
      }
    }

    @Override
    public Event next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      JsonNode e;
      try {
        e = events.nextValue();
      } catch (IOException ex) {
        throw Errors.fromIo(ex, what);
      }
      String type = e.path("type").asText();
      JsonNode object = e.path("object");
      if ("ERROR".equals(type)) {
        ApiStatus status = Errors.parseStatus(object.path("code").asInt(500), bytes(object), null);
        throw Errors.of(status, what, null);
      }
      if (!(object instanceof ObjectNode)) {
        throw new GatewayApiException(
            what + ": watch event without object: " + e,
            ApiStatus.of(0, "BadResponse", "no object"));
      }
      return new Event(type, (ObjectNode) object);
    }

    /**
     * Ends the watch; safe from any thread. A stream still open is cancelled (its connection is
     * closed, not drained: a drain here would race the reading thread, see {@link
     * Transport.Opened}); one the server ended keeps its connection for reuse.
     */
    @Override
    public void close() {
      closed = true;
      if (!ended) {
        call.cancel();
      }
      response.close();
    }
  }
}
