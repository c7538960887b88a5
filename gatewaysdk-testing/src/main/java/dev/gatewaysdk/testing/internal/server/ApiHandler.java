package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Kubernetes REST paths to {@link Resources}, writes JSON and Status answers, streams
 * watches. {@link #handle(Exchange)} is the one entry of every request, whatever the transport.
 */
final class ApiHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  static final long MAX_BODY = 3L * 1024 * 1024;

  private final Resources resources;
  private final Registry registry;
  private final Store store;
  private final OpenApi openApi;
  private final String serverAddress;
  private final long bookmarkIntervalMillis;
  private volatile boolean closing;

  /** Authentication and RBAC, or null: everyone may do anything. */
  private volatile Rbac rbac;

  ApiHandler(Resources resources, String serverAddress, long bookmarkIntervalMillis) {
    this.resources = resources;
    this.registry = resources.registry;
    this.store = resources.store;
    this.openApi = new OpenApi(registry);
    this.serverAddress = serverAddress;
    this.bookmarkIntervalMillis = bookmarkIntervalMillis;
  }

  void rbac(Rbac rbac) {
    this.rbac = rbac;
  }

  void closing() {
    closing = true;
  }

  /** Answers one whole request (method, path, query, headers, body); never throws. */
  void handle(Exchange ex) {
    List<String> warnings = new ArrayList<>();
    try {
      checkHost(ex);
      Rbac auth = rbac;
      Rbac.User user = auth == null ? null : auth.authenticate(ex);
      Rbac.Attributes attrs = Rbac.attributes(ex.method(), ex.rawPath(), query(ex.rawQuery()));
      if (auth != null) {
        auth.authorize(user, attrs);
      }
      if (attrs.resourceRequest
          && attrs.group.equals("authorization.k8s.io")
          && ex.method().equals("POST")
          && (attrs.resource.equals("selfsubjectaccessreviews")
              || attrs.resource.equals("selfsubjectrulesreviews"))) {
        String kind =
            attrs.resource.equals("selfsubjectaccessreviews")
                ? "SelfSubjectAccessReview"
                : "SelfSubjectRulesReview";
        send(
            ex,
            201,
            review(auth, user, kind, object(ex.body(), ex.header("Content-Type"), kind)),
            warnings);
        return;
      }
      if (attrs.resourceRequest
          && attrs.group.equals("authentication.k8s.io")
          && attrs.resource.equals("selfsubjectreviews")
          && attrs.name.isEmpty()
          && ex.method().equals("POST")) {
        // kubectl auth whoami: who the request authenticated as.
        ObjectNode out = Json.object();
        out.put("kind", "SelfSubjectReview");
        out.put("apiVersion", "authentication.k8s.io/" + attrs.version);
        out.putObject("metadata").put("creationTimestamp", Json.now());
        ObjectNode info = out.putObject("status").putObject("userInfo");
        info.put("username", user == null ? "system:anonymous" : user.name);
        (user == null ? List.of("system:unauthenticated") : user.groups)
            .forEach(info.putArray("groups")::add);
        send(ex, 201, out, warnings);
        return;
      }
      if (attrs.resourceRequest
          && attrs.group.isEmpty()
          && attrs.resource.equals("serviceaccounts")
          && attrs.subresource.equals("token")
          && ex.method().equals("POST")) {
        send(ex, 201, tokenRequest(auth, attrs, ex.body(), ex.header("Content-Type")), warnings);
        return;
      }
      route(ex, warnings, auth, user);
    } catch (ApiError e) {
      send(ex, e.code, e.status, warnings);
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", ex.method(), ex.rawPath(), e);
      ApiError err = ApiError.internal(String.valueOf(e));
      send(ex, err.code, err.status, warnings);
    }
  }

  /**
   * Against DNS rebinding: over plain HTTP (always on loopback) only loopback host names are
   * answered, so a web page whose name an attacker re-points at 127.0.0.1 cannot reach the server
   * from a browser. Over TLS the certificate's names do this.
   */
  private static void checkHost(Exchange ex) {
    if (ex.secure()) {
      return;
    }
    String host = ex.header("Host");
    if (host == null || host.isEmpty()) {
      return;
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      h = h.substring(0, Math.max(1, h.indexOf(']') + 1));
    } else if (h.indexOf(':') >= 0) {
      h = h.substring(0, h.indexOf(':'));
    }
    if (!(h.equals("127.0.0.1")
        || h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("[::1]"))) {
      throw ApiError.forbiddenHost(host);
    }
  }

  private void route(Exchange ex, List<String> warnings, Rbac auth, Rbac.User user) {
    String method = ex.method();
    String rawPath = ex.rawPath();
    Map<String, String> query = query(ex.rawQuery());
    List<String> seg = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        seg.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    byte[] body = ex.body();
    if (seg.isEmpty()) {
      ObjectNode paths = Json.object();
      paths
          .putArray("paths")
          .add("/api")
          .add("/api/v1")
          .add("/apis")
          .add("/openapi/v2")
          .add("/openapi/v3")
          .add("/version")
          .add("/healthz");
      send(ex, 200, paths, warnings);
      return;
    }
    String root = seg.get(0);
    if (seg.size() == 1
        && (root.equals("healthz") || root.equals("livez") || root.equals("readyz"))) {
      sendText(ex, 200, "ok");
      return;
    }
    if (seg.size() == 1 && root.equals("version")) {
      ObjectNode v = Json.object();
      v.put("major", "1");
      v.put("minor", "33");
      v.put("gitVersion", "v1.33.0");
      v.put("gitCommit", "gatewaysdk-embedded");
      v.put("gitTreeState", "clean");
      v.put("buildDate", "2025-01-01T00:00:00Z");
      v.put("goVersion", "java" + System.getProperty("java.specification.version"));
      v.put("compiler", "gatewaysdk");
      v.put("platform", "linux/amd64");
      send(ex, 200, v, warnings);
      return;
    }
    if (root.equals("openapi")) {
      String accept = ex.header("Accept");
      if (seg.size() == 2
          && seg.get(1).equals("v2")
          && accept != null
          && !accept.contains("json")
          && !accept.contains("*/*")) {
        if (!OpenApiV2Protobuf.accepted(accept)) {
          throw ApiError.resourceNotFound();
        }
        ex.respond(
            200,
            List.of(
                new String[] {"Content-Type", OpenApiV2Protobuf.CONTENT_TYPE},
                new String[] {"Cache-Control", "no-cache, private"}),
            openApi.v2Protobuf());
        return;
      }
      JsonNode doc = openApi.serve(seg, query);
      if (doc == null) {
        throw ApiError.resourceNotFound();
      }
      send(ex, 200, doc, warnings);
      return;
    }
    String group;
    String version;
    int rest;
    if (root.equals("api")) {
      if (seg.size() == 1) {
        send(ex, 200, registry.apiVersions(serverAddress), warnings);
        return;
      }
      group = "";
      version = seg.get(1);
      rest = 2;
    } else if (root.equals("apis")) {
      if (seg.size() == 1) {
        send(ex, 200, registry.apiGroupList(), warnings);
        return;
      }
      group = seg.get(1);
      if (seg.size() == 2) {
        if (registry.versions(group).isEmpty()) {
          throw ApiError.resourceNotFound();
        }
        ObjectNode g = registry.apiGroup(group);
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        send(ex, 200, g, warnings);
        return;
      }
      version = seg.get(2);
      rest = 3;
    } else {
      throw ApiError.resourceNotFound();
    }
    if (seg.size() == rest) {
      ObjectNode list = registry.apiResourceList(group, version);
      if (list == null) {
        throw ApiError.resourceNotFound();
      }
      send(ex, 200, list, warnings);
      return;
    }
    List<String> r = seg.subList(rest, seg.size());
    boolean legacyWatch = false;
    if (r.get(0).equals("watch")) {
      legacyWatch = true;
      r = r.subList(1, r.size());
      if (r.isEmpty()) {
        throw ApiError.resourceNotFound();
      }
    }
    String namespace = null;
    if (r.get(0).equals("namespaces")
        && r.size() >= 3
        && !(r.size() == 3 && (r.get(2).equals("status") || r.get(2).equals("finalize")))) {
      namespace = r.get(1);
      r = r.subList(2, r.size());
    }
    if (r.size() > 3) {
      throw ApiError.resourceNotFound();
    }
    String plural = r.get(0);
    String name = r.size() > 1 ? r.get(1) : null;
    String sub = r.size() > 2 ? r.get(2) : null;
    ResourceType type = registry.lookup(group, version, plural);
    if (type == null
        || (namespace != null && !type.namespaced)
        || (sub != null
            && !(sub.equals("status") && type.hasStatus)
            && !(sub.equals("finalize") && Resources.isNamespace(type)))) {
      throw ApiError.resourceNotFound();
    }
    if ("finalize".equals(sub)) {
      sub = null;
    }
    if (type.namespaced && namespace == null && name != null) {
      throw ApiError.resourceNotFound();
    }
    if (legacyWatch) {
      query.put("watch", "true");
    }
    Call c = new Call(type, version, namespace, name, sub, query);
    c.userAgent = ex.header("User-Agent");
    c.rbac = auth;
    c.user = user;
    String accept = ex.header("Accept");
    boolean table = accept != null && accept.contains("as=Table");
    c.partialMetadata = !table && accept != null && accept.contains("as=PartialObjectMetadata");
    try {
      dispatch(ex, c, method, body, table, warnings);
    } finally {
      warnings.addAll(c.warnings);
    }
  }

  private void dispatch(
      Exchange ex, Call c, String method, byte[] body, boolean table, List<String> warnings) {
    String contentType = ex.header("Content-Type");
    switch (method) {
      case "GET":
        if (c.name == null) {
          if (c.flag("watch")) {
            watch(ex, c, table);
            return;
          }
          ObjectNode list = resources.list(c);
          if (table) {
            List<ObjectNode> items = new ArrayList<>();
            list.path("items").forEach(i -> items.add((ObjectNode) i));
            send(
                ex,
                200,
                Tables.table(
                    c.type, c.version, items, c.param("includeObject"), list.get("metadata")),
                c.warnings);
          } else if (c.partialMetadata) {
            ObjectNode partial = Json.object();
            partial.put("kind", "PartialObjectMetadataList");
            partial.put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", list.get("metadata"));
            com.fasterxml.jackson.databind.node.ArrayNode items = partial.putArray("items");
            list.path("items").forEach(i -> items.add(partial((ObjectNode) i)));
            send(ex, 200, partial, c.warnings);
          } else {
            send(ex, 200, list, c.warnings);
          }
          return;
        }
        ObjectNode obj = resources.get(c);
        if (c.partialMetadata) {
          send(ex, 200, partial(obj), c.warnings);
          return;
        }
        if (table) {
          ObjectNode meta = Json.object();
          meta.put("resourceVersion", Json.text(obj, "metadata", "resourceVersion"));
          send(
              ex,
              200,
              Tables.table(c.type, c.version, List.of(obj), c.param("includeObject"), meta),
              c.warnings);
        } else {
          send(ex, 200, obj, c.warnings);
        }
        return;
      case "POST":
        if (c.name != null) {
          throw ApiError.methodNotAllowed();
        }
        send(ex, 201, resources.create(c, object(body, contentType, c.type)), c.warnings);
        return;
      case "PUT":
        if (c.name == null) {
          throw ApiError.methodNotAllowed();
        }
        send(ex, 200, resources.update(c, object(body, contentType, c.type)), c.warnings);
        return;
      case "PATCH":
        {
          if (c.name == null) {
            throw ApiError.methodNotAllowed();
          }
          boolean existed = store.get(c.type, c.namespace, c.name) != null;
          ObjectNode out = resources.patch(c, contentType, body);
          send(ex, existed ? 200 : 201, out, c.warnings);
          return;
        }
      case "DELETE":
        {
          JsonNode opts = null;
          if (body.length > 0) {
            try {
              opts = Json.parse(body);
            } catch (IOException e) {
              throw ApiError.badRequest("invalid DeleteOptions: " + Json.message(e));
            }
          }
          if (c.name == null) {
            send(ex, 200, resources.deleteCollection(c), c.warnings);
          } else {
            ObjectNode last = resources.delete(c, opts);
            send(ex, 200, last, c.warnings);
          }
          return;
        }
      default:
        throw ApiError.methodNotAllowed();
    }
  }

  private ObjectNode object(byte[] body, String contentType, ResourceType type) {
    return object(body, contentType, type, null);
  }

  /** A review's body, which is not a stored resource: {@code kind} names its protobuf layout. */
  private ObjectNode object(byte[] body, String contentType, String kind) {
    return object(body, contentType, null, kind);
  }

  private ObjectNode object(byte[] body, String contentType, ResourceType type, String reviewKind) {
    String ct =
        contentType == null
            ? "application/json"
            : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    JsonNode n;
    try {
      if (ct.equals("application/json") || ct.isEmpty() || ct.equals("*/*")) {
        n = Json.parse(body);
      } else if (ct.equals("application/yaml")) {
        n = Json.parseYaml(body);
      } else if (ct.equals("application/vnd.kubernetes.protobuf")) {
        n =
            type != null
                ? Protobuf.decode(body, type)
                : Protobuf.decode(body, reviewKind, "authorization.k8s.io/v1");
      } else {
        throw ApiError.unsupportedMediaType(ct, "application/json, application/yaml");
      }
    } catch (IOException e) {
      throw ApiError.badRequest(
          "the object provided is unrecognized: json parse error: " + Json.message(e));
    }
    if (n == null || n.isMissingNode()) {
      throw ApiError.badRequest("the object provided is unrecognized: the request body is empty");
    }
    if (!(n instanceof ObjectNode)) {
      throw ApiError.badRequest(
          "the object provided is unrecognized: json: cannot unmarshal "
              + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " into Go value of type map[string]interface {}");
    }
    return (ObjectNode) n;
  }

  /**
   * A TokenRequest ({@code kubectl create token}): a new bearer token for the service account,
   * valid for {@code spec.expirationSeconds} (default one hour, at least ten minutes) and only
   * while the account exists.
   */
  private ObjectNode tokenRequest(Rbac auth, Rbac.Attributes a, byte[] body, String contentType) {
    ObjectNode in = body.length == 0 ? Json.object() : object(body, contentType, "TokenRequest");
    ResourceType saType = registry.get("", "serviceaccounts");
    ObjectNode sa = store.get(saType, a.namespace, a.name);
    if (sa == null) {
      throw ApiError.notFound(saType, a.name);
    }
    long seconds = in.path("spec").path("expirationSeconds").asLong(3600);
    if (seconds < 600) {
      throw ApiError.invalid(
          saType,
          a.name,
          List.<String[]>of(
              new String[] {
                "spec.expirationSeconds",
                "FieldValueInvalid",
                "Invalid value: " + seconds + ": may not specify a duration less than 10 minutes"
              }));
    }
    java.time.Instant expires =
        java.time.Instant.now()
            .plusSeconds(seconds)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String token = "gatewaysdk-sa-" + java.util.UUID.randomUUID();
    if (auth != null) {
      auth.serviceAccountToken(
          token, a.namespace, a.name, Json.text(sa, "metadata", "uid"), expires);
    }
    ObjectNode out = Json.object();
    out.put("kind", "TokenRequest");
    out.put("apiVersion", "authentication.k8s.io/v1");
    ObjectNode meta = out.putObject("metadata");
    meta.put("name", a.name);
    meta.put("namespace", a.namespace);
    meta.put("creationTimestamp", Json.now());
    ObjectNode spec = out.putObject("spec");
    spec.set(
        "audiences",
        in.path("spec").path("audiences").isArray() && in.path("spec").path("audiences").size() > 0
            ? in.path("spec").get("audiences")
            : Json.object().arrayNode().add("https://kubernetes.default.svc"));
    spec.put("expirationSeconds", seconds);
    spec.putNull("boundObjectRef");
    ObjectNode status = out.putObject("status");
    status.put("token", token);
    status.put("expirationTimestamp", expires.toString());
    return out;
  }

  /**
   * A SelfSubjectAccessReview (may I do this?) or SelfSubjectRulesReview (what may I do in this
   * namespace?), answered for the requesting user; with authorization off everything is allowed.
   */
  private static ObjectNode review(Rbac auth, Rbac.User user, String kind, ObjectNode in) {
    ObjectNode out = in.deepCopy();
    out.put("apiVersion", "authorization.k8s.io/v1");
    out.put("kind", kind);
    Json.with(out, "metadata").put("creationTimestamp", (String) null);
    ObjectNode status = out.putObject("status");
    JsonNode spec = in.path("spec");
    if (kind.equals("SelfSubjectAccessReview")) {
      JsonNode ra = spec.path("resourceAttributes");
      JsonNode nra = spec.path("nonResourceAttributes");
      Rbac.Attributes a =
          ra.isObject()
              ? new Rbac.Attributes(
                  ra.path("verb").asText(),
                  true,
                  null,
                  ra.path("group").asText(),
                  ra.path("version").asText(),
                  ra.path("resource").asText(),
                  ra.path("subresource").asText(),
                  ra.path("namespace").asText(),
                  ra.path("name").asText())
              : new Rbac.Attributes(
                  nra.path("verb").asText(),
                  false,
                  nra.path("path").asText(),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "");
      String why = auth == null ? "" : auth.allowedBy(user, a, new ArrayList<>());
      status.put("allowed", why != null);
      if (why != null && !why.isEmpty()) {
        status.put("reason", why);
      }
      return out;
    }
    com.fasterxml.jackson.databind.node.ArrayNode resourceRules = status.putArray("resourceRules");
    com.fasterxml.jackson.databind.node.ArrayNode nonResourceRules =
        status.putArray("nonResourceRules");
    List<ObjectNode> rules =
        auth == null
            ? List.of((ObjectNode) Json.object().set("verbs", Json.array().add("*")))
            : auth.rules(user, spec.path("namespace").asText(), new ArrayList<>());
    for (ObjectNode r : rules) {
      if (r.has("nonResourceURLs")) {
        ObjectNode n = nonResourceRules.addObject();
        n.set("verbs", r.get("verbs"));
        n.set("nonResourceURLs", r.get("nonResourceURLs"));
      }
      if (r.has("resources") || auth == null) {
        ObjectNode n = resourceRules.addObject();
        n.set("verbs", r.get("verbs"));
        n.set("apiGroups", r.has("apiGroups") ? r.get("apiGroups") : Json.array().add("*"));
        n.set("resources", r.has("resources") ? r.get("resources") : Json.array().add("*"));
        if (r.has("resourceNames")) {
          n.set("resourceNames", r.get("resourceNames"));
        }
      }
    }
    status.put("incomplete", false);
    return out;
  }

  // ---- watch

  private void watch(Exchange ex, Call c, boolean table) {
    Predicate<ObjectNode> filter =
        Selectors.labels(c.param("labelSelector"))
            .and(Selectors.fields(c.param("fieldSelector"), c.type, c.version));
    String rv = c.param("resourceVersion");
    boolean initialEvents = c.flag("sendInitialEvents");
    long timeout = Resources.parseLong(c.param("timeoutSeconds"), 0);
    if (timeout <= 0) {
      timeout = 1800 + ThreadLocalRandom.current().nextLong(1800);
    }
    Long from = null;
    if (rv != null && !rv.isEmpty() && !rv.equals("0") && !initialEvents) {
      from = Resources.parseLong(rv, 0);
    }
    Store.Watcher w = new Store.Watcher(c.type, c.namespace, filter);
    ApiError gone = null;
    try {
      store.watch(w, from);
    } catch (ApiError e) {
      if (e.code != 410) {
        throw e;
      }
      gone = e;
    }
    Exchange.Stream out =
        ex.stream(
            List.of(
                new String[] {"Content-Type", "application/json"},
                new String[] {"Cache-Control", "no-cache, private"}));
    if (gone != null) {
      out.write(event("ERROR", gone.status));
      out.end();
      return;
    }
    new WatchSession(c, table, w, out, timeout).start();
  }

  /**
   * One open watch, driven by events rather than a thread: a store write wakes it, and it drains
   * the watcher's queue on the stream's executor while the client keeps up; timers send bookmarks
   * and end it. A client that goes away ends it at once.
   */
  private final class WatchSession {
    private final Call c;
    private final boolean table;
    private final Store.Watcher w;
    private final Exchange.Stream out;
    private final long timeoutSeconds;
    private final boolean bookmarks;
    private final java.util.concurrent.atomic.AtomicBoolean scheduled =
        new java.util.concurrent.atomic.AtomicBoolean();
    private int initial;
    private boolean initialSent;
    private boolean wroteSinceTick;
    private boolean finished;
    private java.util.concurrent.ScheduledFuture<?> deadline;
    private java.util.concurrent.ScheduledFuture<?> ticker;

    WatchSession(Call c, boolean table, Store.Watcher w, Exchange.Stream out, long timeoutSeconds) {
      this.c = c;
      this.table = table;
      this.w = w;
      this.out = out;
      this.timeoutSeconds = timeoutSeconds;
      this.bookmarks = c.flag("allowWatchBookmarks");
      this.initial = w.initialCount;
      this.initialSent = !c.flag("sendInitialEvents");
    }

    void start() {
      out.onClose(this::finish);
      out.executor()
          .execute(
              () -> {
                if (finished) {
                  return;
                }
                deadline = out.executor().schedule(this::end, timeoutSeconds, TimeUnit.SECONDS);
                if (bookmarks) {
                  ticker =
                      out.executor()
                          .scheduleWithFixedDelay(
                              this::tick,
                              bookmarkIntervalMillis,
                              bookmarkIntervalMillis,
                              TimeUnit.MILLISECONDS);
                }
              });
      w.listener = this::wake;
      wake();
    }

    private void wake() {
      if (scheduled.compareAndSet(false, true)) {
        out.executor().execute(this::drain);
      }
    }

    private void tick() {
      if (!finished && !wroteSinceTick && out.writable()) {
        out.write(event("BOOKMARK", bookmark(c, store.resourceVersion(), false)));
      }
      wroteSinceTick = false;
    }

    private void drain() {
      scheduled.set(false);
      while (!finished) {
        if (closing) {
          end();
          return;
        }
        if (!initialSent && initial == 0) {
          if (bookmarks) {
            out.write(event("BOOKMARK", bookmark(c, w.initialRv, true)));
          }
          initialSent = true;
        }
        if (!out.writable()) {
          out.onWritable(this::wake);
          return;
        }
        Store.Event e = w.queue.poll();
        if (e == null) {
          return;
        }
        if (e == Store.Watcher.CLOSE) {
          end();
          return;
        }
        if (initial > 0) {
          initial--;
        }
        Store.Event t = w.translate(e);
        if (t == null) {
          continue;
        }
        if (!table && !c.partialMetadata) {
          // Fan-out: every plain watcher of this version writes the same bytes, encoded once.
          out.write(
              t.encoded(
                  c.version, () -> event(t.type, Resources.render(t.object, c.type, c.version))));
          wroteSinceTick = true;
          continue;
        }
        ObjectNode obj = Resources.render(t.object, c.type, c.version);
        if (table) {
          ObjectNode meta = Json.object();
          meta.put("resourceVersion", Long.toString(t.rv));
          obj = Tables.table(c.type, c.version, List.of(obj), c.param("includeObject"), meta);
        }
        out.write(event(t.type, c.partialMetadata ? partial(obj) : obj));
        wroteSinceTick = true;
      }
    }

    private void end() {
      out.end();
    }

    private void finish() {
      finished = true;
      w.listener = null;
      store.unwatch(w);
      w.close();
      out.executor()
          .execute(
              () -> {
                if (deadline != null) {
                  deadline.cancel(false);
                }
                if (ticker != null) {
                  ticker.cancel(false);
                }
              });
    }
  }

  static ObjectNode partial(ObjectNode obj) {
    ObjectNode p = Json.object();
    p.put("kind", "PartialObjectMetadata");
    p.put("apiVersion", "meta.k8s.io/v1");
    p.set("metadata", obj.path("metadata"));
    return p;
  }

  private ObjectNode bookmark(Call c, long rv, boolean initialEnd) {
    ObjectNode b = Json.object();
    b.put("kind", c.type.kind);
    b.put("apiVersion", c.type.apiVersion(c.version));
    ObjectNode m = b.putObject("metadata");
    m.put("resourceVersion", Long.toString(rv));
    if (initialEnd) {
      m.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    return b;
  }

  private static byte[] event(String type, ObjectNode object) {
    ObjectNode ev = Json.object();
    ev.put("type", type);
    ev.set("object", object);
    byte[] json = Json.bytes(ev);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  // ---- plumbing

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      q.putIfAbsent(k, v);
    }
    return q;
  }

  private static void send(Exchange ex, int code, JsonNode body, List<String> warnings) {
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", "application/json"});
    headers.add(new String[] {"Cache-Control", "no-cache, private"});
    for (String w : warnings) {
      headers.add(new String[] {"Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""});
    }
    ex.respond(code, headers, Json.bytes(body));
  }

  private static void sendText(Exchange ex, int code, String text) {
    ex.respond(
        code,
        List.<String[]>of(new String[] {"Content-Type", "text/plain; charset=utf-8"}),
        text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> split(String s) {
    return Arrays.asList(s.split(","));
  }
}
