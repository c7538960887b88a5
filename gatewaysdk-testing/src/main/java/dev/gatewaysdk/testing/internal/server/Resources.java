package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST semantics of the API server over the {@link Store}: create, get, list, update, patch,
 * apply, delete, with resourceVersion preconditions, generation, status subresource, finalizers,
 * dry run, defaulting and validation. Thread-safe: every write runs under the store's lock.
 */
final class Resources {
  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
  static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  final Registry registry;
  final Store store;
  volatile SchemaEngine engine;
  private int nextServiceIp = 10;

  Resources(Registry registry, Store store, SchemaEngine engine) {
    this.registry = registry;
    this.store = store;
    this.engine = engine;
  }

  // ---- reads

  ObjectNode get(Call c) {
    ObjectNode o = store.get(c.type, c.namespace, c.name);
    if (o == null) {
      throw ApiError.notFound(c.type, c.name);
    }
    return render(o, c.type, c.version);
  }

  /** A list object; items rendered at the call's version. */
  ObjectNode list(Call c) {
    Predicate<ObjectNode> filter =
        Selectors.labels(c.param("labelSelector"))
            .and(Selectors.fields(c.param("fieldSelector"), c.type, c.version));
    long limit = parseLong(c.param("limit"), 0);
    String after = null;
    long listRv;
    String cont = c.param("continue");
    String rvParam = c.param("resourceVersion");
    String match = c.param("resourceVersionMatch");
    boolean hasRv = rvParam != null && !rvParam.isEmpty();
    if (match != null && !match.isEmpty()) {
      if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
        throw ApiError.badRequest(
            "resourceVersionMatch: Unsupported value: \""
                + match
                + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
      }
      if (!hasRv) {
        throw ApiError.badRequest(
            "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided");
      }
      if (match.equals("Exact") && rvParam.equals("0")) {
        throw ApiError.badRequest(
            "resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
      }
    }
    if (cont != null && !cont.isEmpty() && hasRv && !rvParam.equals("0")) {
      throw ApiError.badRequest("specifying resource version is not allowed when using continue");
    }
    List<ObjectNode> all;
    store.lock.lock();
    try {
      listRv = store.resourceVersion();
      if (cont != null && !cont.isEmpty()) {
        // A consistent snapshot: the rest of the list as of the first page's resourceVersion.
        String[] token = decodeContinue(cont);
        long tokenRv = Long.parseLong(token[0]);
        after = token[1];
        all = store.listAt(c.type, c.namespace, after, tokenRv);
        if (all == null) {
          ApiError gone =
              ApiError.gone(
                  "The provided continue parameter is too old to display a consistent list result. You can "
                      + "start a new list without the continue parameter, or use the continue token in this response to retrieve the "
                      + "remainder of the results. Continuing with the provided token results in an inconsistent list - objects that "
                      + "were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
          ((ObjectNode) gone.status.get("metadata")).put("continue", encodeContinue(listRv, after));
          throw gone;
        }
        listRv = tokenRv;
      } else if (hasRv && !rvParam.equals("0")) {
        long want = parseLong(rvParam, 0);
        if (want > listRv) {
          throw ApiError.tooLargeResourceVersion(want, listRv);
        }
        if ("Exact".equals(match)) {
          all = store.listAt(c.type, c.namespace, null, want);
          if (all == null) {
            throw ApiError.gone(
                "too old resource version: "
                    + want
                    + " ("
                    + (store.compactedResourceVersion() + 1)
                    + ")");
          }
          listRv = want;
        } else {
          all = store.list(c.type, c.namespace, null);
        }
      } else {
        all = store.list(c.type, c.namespace, after);
      }
    } finally {
      store.lock.unlock();
    }
    ObjectNode list = Json.object();
    list.put("apiVersion", c.type.apiVersion(c.version));
    list.put("kind", c.type.listKind);
    ObjectNode meta = list.putObject("metadata");
    meta.put("resourceVersion", Long.toString(listRv));
    ArrayNode items = list.putArray("items");
    int matched = 0;
    boolean selectors = c.param("labelSelector") != null || c.param("fieldSelector") != null;
    for (int i = 0; i < all.size(); i++) {
      ObjectNode o = all.get(i);
      if (!filter.test(o)) {
        continue;
      }
      if (limit > 0 && matched == limit) {
        ObjectNode last = (ObjectNode) items.get(items.size() - 1);
        String lastKey =
            Store.key(
                c.type.namespaced ? Json.text(last, "metadata", "namespace") : null,
                Json.text(last, "metadata", "name"));
        meta.put("continue", encodeContinue(listRv, lastKey));
        if (!selectors) {
          meta.put("remainingItemCount", all.size() - i);
        }
        break;
      }
      items.add(render(o, c.type, c.version));
      matched++;
    }
    return list;
  }

  static String encodeContinue(long rv, String key) {
    ObjectNode t = Json.object();
    t.put("v", "meta.k8s.io/v1");
    t.put("rv", rv);
    t.put("start", key + "\u0000");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(t));
  }

  static String[] decodeContinue(String token) {
    try {
      JsonNode t = Json.parse(Base64.getUrlDecoder().decode(token.replace('=', ' ').trim()));
      String start = t.path("start").asText();
      if (!"meta.k8s.io/v1".equals(t.path("v").asText()) || start.isEmpty()) {
        throw new IllegalArgumentException("version");
      }
      return new String[] {
        Long.toString(t.path("rv").asLong()), start.substring(0, start.length() - 1)
      };
    } catch (Exception e) {
      throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
    }
  }

  /** The stored object at {@code version}: only apiVersion changes (conversion None). */
  static ObjectNode render(ObjectNode stored, ResourceType type, String version) {
    String apiVersion = type.apiVersion(version);
    if (apiVersion.equals(stored.path("apiVersion").asText())) {
      return stored;
    }
    ObjectNode copy = stored.deepCopy();
    copy.put("apiVersion", apiVersion);
    return copy;
  }

  // ---- writes

  /**
   * What decoding a built-in kind's body into its Go struct answers before anything else runs: 400
   * for the first value of the wrong JSON type ({@link GoDecoding}).
   */
  private static void decode(Call c, ObjectNode body) {
    if (c.type.crd != null) {
      return;
    }
    java.util.Optional<String> typeError =
        BuiltinSchemas.model(c.type, c.version).flatMap(model -> GoDecoding.typeError(model, body));
    if (typeError.isPresent()) {
      throw ApiError.badRequest(
          c.type.kind
              + " in version \""
              + c.version
              + "\" cannot be handled as a "
              + c.type.kind
              + ": "
              + typeError.get());
    }
  }

  ObjectNode create(Call c, ObjectNode body) {
    decode(c, body);
    normalizeIdentity(c, body, true);
    ObjectNode meta = Json.with(body, "metadata");
    if (meta.hasNonNull("resourceVersion") && !meta.get("resourceVersion").asText().isEmpty()) {
      throw ApiError.badRequest("resourceVersion should not be set on objects to be created");
    }
    store.lock.lock();
    try {
      return doCreate(c, body);
    } finally {
      store.lock.unlock();
    }
  }

  private ObjectNode doCreate(Call c, ObjectNode body) {
    ResourceType type = c.type;
    if (c.rbac != null) {
      c.rbac.checkWrite(c.user, type, c.namespace, "", body, null);
    }
    ObjectNode meta = Json.with(body, "metadata");
    if (!meta.hasNonNull("name") || meta.get("name").asText().isEmpty()) {
      String gen = Json.text(meta, "generateName");
      if (gen != null && !gen.isEmpty()) {
        String name;
        do {
          StringBuilder sb = new StringBuilder(gen);
          for (int i = 0; i < 5; i++) {
            sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
          }
          name = sb.toString();
        } while (store.get(type, c.namespace, name) != null);
        meta.put("name", name);
      }
    }
    String name = Json.text(meta, "name");
    validateName(type, name == null ? "" : name, meta);
    if (type.namespaced) {
      checkNamespaceWritable(c, name);
    }
    if (store.get(type, c.namespace, name) != null) {
      throw ApiError.alreadyExists(type, name);
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Json.now());
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.remove("selfLink");
    if (type.tracksGeneration) {
      meta.put("generation", 1);
    } else {
      meta.remove("generation");
    }
    if (type.hasStatus && !type.builtin) {
      body.remove("status");
    }
    Builtins.prepareCreate(this, type, body);
    ObjectNode obj = engine.defaults(type, c.version, body);
    Builtins.normalize(type, obj);
    validate(c, obj, null);
    Builtins.validate(this, type, obj, null);
    obj = engine.prune(type, c.version, obj);
    ManagedFields.track(c, null, obj, "Update");
    obj.put("apiVersion", type.apiVersion(type.storageVersion));
    if (c.dryRun()) {
      return render(obj, type, c.version);
    }
    meta = Json.metadata(obj);
    meta.put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.put(type, obj, null);
    Builtins.afterWrite(this, type, null, obj);
    return render(obj, type, c.version);
  }

  private void checkNamespaceWritable(Call c, String name) {
    ResourceType nsType = registry.get("", "namespaces");
    ObjectNode ns = store.get(nsType, null, c.namespace);
    if (ns == null) {
      throw ApiError.namespaceNotFound(c.namespace);
    }
    if (ns.path("metadata").has("deletionTimestamp")) {
      throw ApiError.forbidden(
          c.type,
          name,
          "unable to create new content in namespace "
              + c.namespace
              + " because it is being terminated");
    }
  }

  /** PUT: replaces the object (or its status), with optimistic concurrency on resourceVersion. */
  ObjectNode update(Call c, ObjectNode body) {
    normalizeIdentity(c, body, false);
    store.lock.lock();
    try {
      ObjectNode current = store.get(c.type, c.namespace, c.name);
      if (current == null) {
        if (c.type.allowCreateOnUpdate && c.subresource == null) {
          Json.with(body, "metadata").remove("resourceVersion");
          return doCreate(c, body);
        }
        throw ApiError.notFound(c.type, c.name);
      }
      String rv = Json.text(body, "metadata", "resourceVersion");
      if (rv == null || rv.isEmpty()) {
        if (!c.type.allowUnconditionalUpdate) {
          throw ApiError.invalid(
              c.type,
              c.name,
              List.<String[]>of(
                  new String[] {
                    "metadata.resourceVersion",
                    "FieldValueInvalid",
                    "Invalid value: 0x0: must be specified for an update"
                  }));
        }
      }
      return commit(c, current, body);
    } finally {
      store.lock.unlock();
    }
  }

  /**
   * Writes {@code updated} (at the call's version) over {@code current}; the caller holds the lock.
   * Checks the resourceVersion precondition, keeps identity, status/spec separation, generation.
   */
  ObjectNode commit(Call c, ObjectNode current, ObjectNode updated) {
    decode(c, updated);
    ResourceType type = c.type;
    ObjectNode meta = Json.with(updated, "metadata");
    String rv = Json.text(meta, "resourceVersion");
    String currentRv = Json.text(current, "metadata", "resourceVersion");
    if (rv != null && !rv.isEmpty() && !rv.equals(currentRv)) {
      throw ApiError.conflict(type, c.name);
    }
    if (c.rbac != null) {
      c.rbac.checkWrite(c.user, type, c.namespace, c.name, updated, current);
    }
    ObjectNode curMeta = Json.metadata(current);
    boolean statusOnly = "status".equals(c.subresource);
    ObjectNode next;
    if (statusOnly) {
      next = current.deepCopy();
      if (updated.has("status")) {
        next.set("status", updated.get("status"));
      } else {
        next.remove("status");
      }
      if (meta.has("managedFields")) {
        Json.metadata(next).set("managedFields", meta.get("managedFields"));
      }
      next.put("apiVersion", type.apiVersion(c.version));
    } else {
      next = updated;
      if (type.hasStatus) {
        if (current.has("status")) {
          next.set("status", current.get("status"));
        } else {
          next.remove("status");
        }
      }
      ObjectNode m = Json.with(next, "metadata");
      for (String f :
          new String[] {
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "namespace",
            "name"
          }) {
        if (curMeta.has(f)) {
          m.set(f, curMeta.get(f));
        } else {
          m.remove(f);
        }
      }
      if (!m.has("managedFields") && curMeta.has("managedFields")) {
        m.set("managedFields", curMeta.get("managedFields"));
      }
      if (curMeta.has("deletionTimestamp")) {
        // Finalizers may only be removed from an object being deleted, not added.
        List<String> oldF = texts(curMeta.get("finalizers"));
        for (String f : texts(m.get("finalizers"))) {
          if (!oldF.contains(f)) {
            throw ApiError.forbidden(
                type,
                c.name,
                "no new finalizers can be added if the object is being deleted, found new finalizers []string{\""
                    + f
                    + "\"}");
          }
        }
      }
    }
    ObjectNode nm = Json.with(next, "metadata");
    nm.put("resourceVersion", currentRv);
    next = engine.defaults(type, c.version, next);
    Builtins.normalize(type, next);
    validate(c, next, current);
    Builtins.validate(this, type, next, current);
    next = engine.prune(type, c.version, next);
    nm = Json.metadata(next);
    // Compared as stored (defaulted, pruned): a body that leaves out defaulted fields changes
    // nothing.
    // Status counts only for custom resources without the status subresource, as in the real
    // server.
    if (type.tracksGeneration && specChanged(current, next, type.hasStatus || type.builtin)) {
      nm.put("generation", curMeta.path("generation").asLong(0) + 1);
    }
    ManagedFields.track(c, current, next, "Update");
    next.put("apiVersion", type.apiVersion(type.storageVersion));
    if (sameIgnoringManagedTime(current, next)) {
      return render(current, type, c.version);
    }
    if (c.dryRun()) {
      return render(next, type, c.version);
    }
    if (nm.has("deletionTimestamp")
        && texts(nm.get("finalizers")).isEmpty()
        && !isNamespace(type)) {
      nm.put("resourceVersion", Long.toString(store.nextResourceVersion()));
      store.put(type, next, current);
      removeNow(type, next);
      return render(next, type, c.version);
    }
    nm.put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.put(type, next, current);
    Builtins.afterWrite(this, type, current, next);
    return render(next, type, c.version);
  }

  /** Whether anything but metadata (and status, if {@code ignoreStatus}) differs. */
  static boolean specChanged(ObjectNode a, ObjectNode b, boolean ignoreStatus) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    a.fieldNames().forEachRemaining(keys::add);
    b.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      if (k.equals("metadata")
          || (ignoreStatus && k.equals("status"))
          || k.equals("apiVersion")
          || k.equals("kind")) {
        continue;
      }
      if (!java.util.Objects.equals(a.get(k), b.get(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameIgnoringManagedTime(ObjectNode current, ObjectNode next) {
    ObjectNode a = current.deepCopy();
    ObjectNode b = next.deepCopy();
    for (ObjectNode o : new ObjectNode[] {a, b}) {
      ObjectNode m = Json.metadata(o);
      if (m != null) {
        m.remove("resourceVersion");
        JsonNode mf = m.get("managedFields");
        if (mf != null) {
          for (JsonNode e : mf) {
            ((ObjectNode) e).remove("time");
          }
        }
      }
    }
    return a.equals(b);
  }

  ObjectNode patch(Call c, String contentType, byte[] body) {
    String ct =
        contentType == null
            ? ""
            : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    boolean apply =
        ct.equals("application/apply-patch+yaml") || ct.equals("application/apply-patch+cbor");
    if (!ct.equals("application/json-patch+json")
        && !ct.equals("application/merge-patch+json")
        && !(ct.equals("application/strategic-merge-patch+json") && c.type.builtin)
        && !apply) {
      throw ApiError.unsupportedMediaType(
          ct,
          c.type.builtin
              ? "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml"
              : "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    }
    if (!apply && c.param("force") != null) {
      throw ApiError.badRequest(
          "force: Invalid value: true: may not be specified for non-apply patch");
    }
    JsonNode patch;
    try {
      patch = apply ? Json.parseYaml(body) : Json.parse(body);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest(
          apply
              ? "error decoding YAML: " + Json.message(e)
              : "json: " + e.getMessage().split("\n")[0]);
    }
    if (patch == null || patch.isMissingNode()) {
      throw ApiError.badRequest("the request body must not be empty");
    }
    store.lock.lock();
    try {
      ObjectNode current = store.get(c.type, c.namespace, c.name);
      if (apply) {
        if (!patch.isObject()) {
          throw ApiError.badRequest(
              "error decoding YAML: the apply configuration must be an object");
        }
        if (c.param("fieldManager") == null || c.param("fieldManager").isEmpty()) {
          throw ApiError.badRequest(
              "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }
        return applyPatch(c, current, (ObjectNode) patch);
      }
      if (current == null) {
        throw ApiError.notFound(c.type, c.name);
      }
      ObjectNode base = render(current, c.type, c.version).deepCopy();
      JsonNode patched;
      switch (ct) {
        case "application/json-patch+json":
          patched = Patches.jsonPatch(base, patch);
          break;
        case "application/merge-patch+json":
          patched = Patches.mergePatch(base, patch);
          break;
        default:
          patched = Patches.strategicMerge(base, patch, "");
      }
      if (!(patched instanceof ObjectNode)) {
        throw ApiError.badRequest("the patched object is not an object");
      }
      ObjectNode obj = (ObjectNode) patched;
      checkIdentityUnchanged(c, obj);
      return commit(c, current, obj);
    } finally {
      store.lock.unlock();
    }
  }

  private void checkIdentityUnchanged(Call c, ObjectNode obj) {
    String name = Json.text(obj, "metadata", "name");
    if (name != null && !name.equals(c.name)) {
      throw ApiError.badRequest(
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + c.name
              + ")");
    }
    String kind = Json.text(obj, "kind");
    String apiVersion = Json.text(obj, "apiVersion");
    if (kind != null && !kind.equals(c.type.kind)
        || apiVersion != null && !apiVersion.equals(c.type.apiVersion(c.version))) {
      throw ApiError.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + c.type.apiVersion(c.version)
              + ")");
    }
    obj.put("apiVersion", c.type.apiVersion(c.version));
    obj.put("kind", c.type.kind);
  }

  private ObjectNode applyPatch(Call c, ObjectNode current, ObjectNode config) {
    normalizeIdentity(c, config, false);
    String cfgRv = Json.text(config, "metadata", "resourceVersion");
    if (current == null) {
      if (cfgRv != null && !cfgRv.isEmpty()) {
        throw ApiError.notFound(c.type, c.name);
      }
      if ("status".equals(c.subresource)) {
        throw ApiError.notFound(c.type, c.name);
      }
      ObjectNode obj = ManagedFields.apply(c, null, config);
      return doCreate(c, obj);
    }
    if (cfgRv != null
        && !cfgRv.isEmpty()
        && !cfgRv.equals(Json.text(current, "metadata", "resourceVersion"))) {
      throw ApiError.conflict(c.type, c.name);
    }
    ObjectNode merged =
        ManagedFields.apply(c, render(current, c.type, c.version).deepCopy(), config);
    return commit(c, current, merged);
  }

  /**
   * DELETE: honours preconditions, finalizers (deletionTimestamp) and dry run; returns the last
   * state.
   */
  ObjectNode delete(Call c, JsonNode options) {
    if (isNamespace(c.type) && IMMORTAL_NAMESPACES.contains(c.name)) {
      // The NamespaceLifecycle admission plugin's rule.
      throw ApiError.forbidden(c.type, c.name, "this namespace may not be deleted");
    }
    store.lock.lock();
    try {
      ObjectNode current = store.get(c.type, c.namespace, c.name);
      if (current == null) {
        throw ApiError.notFound(c.type, c.name);
      }
      JsonNode pre = options == null ? null : options.get("preconditions");
      if (pre != null && pre.isObject()) {
        String uid = Json.text(pre, "uid");
        String curUid = Json.text(current, "metadata", "uid");
        if (uid != null && !uid.equals(curUid)) {
          throw ApiError.conflict(
              c.type,
              c.name,
              "Precondition failed: UID in precondition: "
                  + uid
                  + ", UID in object meta: "
                  + curUid);
        }
        String rv = Json.text(pre, "resourceVersion");
        String curRv = Json.text(current, "metadata", "resourceVersion");
        if (rv != null && !rv.equals(curRv)) {
          throw ApiError.conflict(
              c.type,
              c.name,
              "Precondition failed: ResourceVersion in precondition: "
                  + rv
                  + ", ResourceVersion in object meta: "
                  + curRv);
        }
      }
      String policy = c.param("propagationPolicy");
      if (options != null && options.hasNonNull("propagationPolicy")) {
        policy = options.get("propagationPolicy").asText();
      } else if (options != null && options.has("orphanDependents")) {
        policy = options.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
      }
      if (policy != null
          && !policy.isEmpty()
          && !List.of("Orphan", "Foreground", "Background").contains(policy)) {
        throw ApiError.invalid(
            c.type,
            c.name,
            List.<String[]>of(
                new String[] {
                  "propagationPolicy",
                  "FieldValueNotSupported",
                  "Unsupported value: \""
                      + policy
                      + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""
                }));
      }
      if (!c.dryRun() && "Orphan".equals(policy)) {
        orphanDependents(current);
      }
      if (!c.dryRun() && "Foreground".equals(policy) && !dependents(current).isEmpty()) {
        // The owner stays (deletionTimestamp, finalizer foregroundDeletion) until its dependents
        // are gone.
        ObjectNode marked = current.deepCopy();
        ArrayNode fin = Json.metadata(marked).withArray("finalizers");
        if (!texts(fin).contains(FOREGROUND)) {
          fin.add(FOREGROUND);
        }
        ObjectNode last = deleteLocked(c.type, marked, false, c.version);
        for (Dependent d : dependents(current)) {
          ObjectNode now =
              store.get(
                  d.type,
                  Json.text(d.object, "metadata", "namespace"),
                  Json.text(d.object, "metadata", "name"));
          if (now != null) {
            deleteLocked(d.type, now, false, d.type.storageVersion);
          }
        }
        ObjectNode owner = store.get(c.type, c.namespace, c.name);
        if (owner != null) {
          finishForeground(c.type, owner);
          owner = store.get(c.type, c.namespace, c.name);
        }
        return owner == null ? last : render(owner, c.type, c.version);
      }
      return deleteLocked(c.type, current, c.dryRun(), c.version);
    } finally {
      store.lock.unlock();
    }
  }

  ObjectNode deleteLocked(ResourceType type, ObjectNode current, boolean dryRun, String version) {
    if (store.get(
            type,
            type.namespaced ? Json.text(current, "metadata", "namespace") : null,
            Json.text(current, "metadata", "name"))
        == null) {
      return render(current, type, version);
    }
    ObjectNode meta = Json.metadata(current);
    boolean isNamespace = isNamespace(type);
    boolean finalizers = !texts(meta.get("finalizers")).isEmpty() || isNamespace;
    if (finalizers) {
      if (meta.has("deletionTimestamp")) {
        return render(current, type, version);
      }
      ObjectNode next = current.deepCopy();
      ObjectNode nm = Json.metadata(next);
      nm.put("deletionTimestamp", Json.now());
      nm.put("deletionGracePeriodSeconds", 0);
      if (type.tracksGeneration) {
        nm.put("generation", meta.path("generation").asLong(0) + 1);
      }
      if (isNamespace) {
        Json.with(next, "status").put("phase", "Terminating");
      }
      if (dryRun) {
        return render(next, type, version);
      }
      nm.put("resourceVersion", Long.toString(store.nextResourceVersion()));
      store.put(type, next, current);
      if (isNamespace) {
        terminateNamespace(nm.path("name").asText());
      }
      return render(next, type, version);
    }
    if (dryRun) {
      return render(current, type, version);
    }
    return render(removeNow(type, current), type, version);
  }

  private ObjectNode removeNow(ResourceType type, ObjectNode current) {
    ObjectNode last = current.deepCopy();
    Json.metadata(last).put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.remove(type, last);
    Builtins.afterDelete(this, type, last);
    collectGarbage(type, last);
    String ns = Json.text(last, "metadata", "namespace");
    if (type.namespaced && ns != null) {
      maybeFinishNamespace(ns);
    }
    return last;
  }

  // ---- garbage collection by ownerReferences (done at once, under the lock)

  static final String FOREGROUND = "foregroundDeletion";

  private static final class Dependent {
    final ResourceType type;
    final ObjectNode object;

    Dependent(ResourceType type, ObjectNode object) {
      this.type = type;
      this.object = object;
    }
  }

  /**
   * The objects with an ownerReference to {@code owner}'s uid (in its namespace, or anywhere for
   * cluster-scoped owners).
   */
  private List<Dependent> dependents(ObjectNode owner) {
    String uid = Json.text(owner, "metadata", "uid");
    String ns = Json.text(owner, "metadata", "namespace");
    List<Dependent> out = new ArrayList<>();
    if (uid == null) {
      return out;
    }
    for (ResourceType t : registry.all()) {
      if (ns != null && !t.namespaced) {
        continue;
      }
      for (ObjectNode o : store.list(t, ns != null && t.namespaced ? ns : null, null)) {
        for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
          if (uid.equals(ref.path("uid").asText())) {
            out.add(new Dependent(t, o));
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Removes the ownerReferences to {@code owner} from its dependents (propagationPolicy Orphan).
   */
  private void orphanDependents(ObjectNode owner) {
    String uid = Json.text(owner, "metadata", "uid");
    for (Dependent d : dependents(owner)) {
      ObjectNode next = d.object.deepCopy();
      ArrayNode refs = (ArrayNode) Json.metadata(next).get("ownerReferences");
      for (int i = refs.size() - 1; i >= 0; i--) {
        if (uid.equals(refs.get(i).path("uid").asText())) {
          refs.remove(i);
        }
      }
      if (refs.isEmpty()) {
        Json.metadata(next).remove("ownerReferences");
      }
      Json.metadata(next).put("resourceVersion", Long.toString(store.nextResourceVersion()));
      store.put(d.type, next, d.object);
    }
  }

  /**
   * After {@code gone} was removed: dependents whose owners are all gone are deleted (background),
   * those with a remaining owner lose the dangling reference; an owner waiting in foreground
   * deletion whose last dependent this was is removed.
   */
  private void collectGarbage(ResourceType type, ObjectNode gone) {
    String uid = Json.text(gone, "metadata", "uid");
    for (Dependent d : dependents(gone)) {
      ObjectNode now =
          store.get(
              d.type,
              Json.text(d.object, "metadata", "namespace"),
              Json.text(d.object, "metadata", "name"));
      if (now == null) {
        continue;
      }
      boolean otherOwner = false;
      for (JsonNode ref : now.path("metadata").path("ownerReferences")) {
        if (!uid.equals(ref.path("uid").asText()) && ownerExists(d.type, now, ref)) {
          otherOwner = true;
        }
      }
      if (otherOwner) {
        orphanDependents(gone);
      } else {
        deleteLocked(d.type, now, false, d.type.storageVersion);
      }
    }
    for (JsonNode ref : gone.path("metadata").path("ownerReferences")) {
      String apiVersion = ref.path("apiVersion").asText();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      ResourceType ot = registry.byKind(group, ref.path("kind").asText());
      if (ot == null) {
        continue;
      }
      ObjectNode owner =
          store.get(
              ot,
              ot.namespaced ? Json.text(gone, "metadata", "namespace") : null,
              ref.path("name").asText());
      if (owner != null
          && uid != null
          && ref.path("uid").asText().equals(Json.text(owner, "metadata", "uid"))) {
        finishForeground(ot, owner);
      }
    }
  }

  private boolean ownerExists(ResourceType dependentType, ObjectNode dependent, JsonNode ref) {
    String apiVersion = ref.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    ResourceType ot = registry.byKind(group, ref.path("kind").asText());
    if (ot == null) {
      return false;
    }
    ObjectNode owner =
        store.get(
            ot,
            ot.namespaced ? Json.text(dependent, "metadata", "namespace") : null,
            ref.path("name").asText());
    return owner != null && ref.path("uid").asText().equals(Json.text(owner, "metadata", "uid"));
  }

  /** Removes the foregroundDeletion finalizer of a deleted owner that has no dependents left. */
  private void finishForeground(ResourceType type, ObjectNode owner) {
    ObjectNode meta = Json.metadata(owner);
    if (!meta.has("deletionTimestamp")
        || !texts(meta.get("finalizers")).contains(FOREGROUND)
        || !dependents(owner).isEmpty()) {
      return;
    }
    ObjectNode next = owner.deepCopy();
    ArrayNode fin = (ArrayNode) Json.metadata(next).get("finalizers");
    for (int i = fin.size() - 1; i >= 0; i--) {
      if (fin.get(i).asText().equals(FOREGROUND)) {
        fin.remove(i);
      }
    }
    if (fin.isEmpty()) {
      Json.metadata(next).remove("finalizers");
    }
    Json.metadata(next).put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.put(type, next, owner);
    if (texts(Json.metadata(next).get("finalizers")).isEmpty() && !isNamespace(type)) {
      removeNow(type, next);
    }
  }

  private void terminateNamespace(String ns) {
    for (ResourceType t : new ArrayList<>(registry.all())) {
      if (!t.namespaced) {
        continue;
      }
      for (ObjectNode o : store.list(t, ns, null)) {
        deleteLocked(t, o, false, t.storageVersion);
      }
    }
    maybeFinishNamespace(ns);
  }

  private void maybeFinishNamespace(String ns) {
    ResourceType nsType = registry.get("", "namespaces");
    ObjectNode n = store.get(nsType, null, ns);
    if (n == null || !n.path("metadata").has("deletionTimestamp")) {
      return;
    }
    List<String> remaining = new ArrayList<>();
    java.util.Map<String, Integer> finalizers = new java.util.TreeMap<>();
    for (ResourceType t : registry.all()) {
      if (!t.namespaced) {
        continue;
      }
      List<ObjectNode> left = store.list(t, ns, null);
      if (!left.isEmpty()) {
        remaining.add(
            t.plural
                + (t.group.isEmpty() ? "" : "." + t.group)
                + " has "
                + left.size()
                + " resource instances");
        for (ObjectNode o : left) {
          for (String f : texts(o.path("metadata").get("finalizers"))) {
            finalizers.merge(f, 1, Integer::sum);
          }
        }
      }
    }
    if (!remaining.isEmpty()) {
      namespaceConditions(nsType, n, remaining, finalizers);
      return;
    }
    ObjectNode last = n.deepCopy();
    Json.with(last, "spec").remove("finalizers");
    Json.metadata(last).put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.remove(nsType, last);
  }

  /**
   * The conditions the namespace controller reports on a terminating namespace whose content
   * remains.
   */
  private void namespaceConditions(
      ResourceType nsType,
      ObjectNode n,
      List<String> remaining,
      java.util.Map<String, Integer> finalizers) {
    ArrayNode conds = Json.array();
    String now = Json.now();
    String[][] rows = {
      {
        "NamespaceDeletionDiscoveryFailure",
        "False",
        "ResourcesDiscovered",
        "All resources successfully discovered"
      },
      {
        "NamespaceDeletionGroupVersionParsingFailure",
        "False",
        "ParsedGroupVersions",
        "All legacy kube types successfully parsed"
      },
      {
        "NamespaceDeletionContentFailure",
        "False",
        "ContentDeleted",
        "All content successfully deleted, may be waiting on finalization"
      },
      {
        "NamespaceContentRemaining",
        "True",
        "SomeResourcesRemain",
        "Some resources are remaining: " + String.join(", ", remaining)
      },
      finalizers.isEmpty()
          ? new String[] {
            "NamespaceFinalizersRemaining",
            "False",
            "ContentHasNoFinalizers",
            "All content-preserving finalizers finished"
          }
          : new String[] {
            "NamespaceFinalizersRemaining",
            "True",
            "SomeFinalizersRemain",
            "Some content in the namespace has finalizers remaining: "
                + String.join(
                    ", ",
                    finalizers.entrySet().stream()
                        .map(e -> e.getKey() + " in " + e.getValue() + " resource instances")
                        .toList())
          }
    };
    JsonNode old = n.path("status").path("conditions");
    for (String[] r : rows) {
      ObjectNode c = conds.addObject();
      c.put("type", r[0]);
      c.put("status", r[1]);
      String since = now;
      for (JsonNode o : old) {
        if (o.path("type").asText().equals(r[0]) && o.path("status").asText().equals(r[1])) {
          since = o.path("lastTransitionTime").asText(now);
        }
      }
      c.put("lastTransitionTime", since);
      c.put("reason", r[2]);
      c.put("message", r[3]);
    }
    boolean same = old.size() == conds.size();
    for (int i = 0; same && i < conds.size(); i++) {
      same =
          old.get(i).path("message").equals(conds.get(i).path("message"))
              && old.get(i).path("status").equals(conds.get(i).path("status"));
    }
    if (same) {
      return;
    }
    ObjectNode next = n.deepCopy();
    Json.with(next, "status").set("conditions", conds);
    Json.metadata(next).put("resourceVersion", Long.toString(store.nextResourceVersion()));
    store.put(nsType, next, n);
  }

  ObjectNode deleteCollection(Call c) {
    if (isNamespace(c.type)) {
      // The namespace registry has no DeleteCollection: one request may not wipe the cluster.
      throw ApiError.methodNotAllowed();
    }
    Predicate<ObjectNode> filter =
        Selectors.labels(c.param("labelSelector"))
            .and(Selectors.fields(c.param("fieldSelector"), c.type, c.version));
    store.lock.lock();
    try {
      ObjectNode list = Json.object();
      list.put("apiVersion", c.type.apiVersion(c.version));
      list.put("kind", c.type.listKind);
      ArrayNode items = list.putArray("items");
      for (ObjectNode o : store.list(c.type, c.namespace, null)) {
        if (filter.test(o)) {
          items.add(deleteLocked(c.type, o, c.dryRun(), c.version));
        }
      }
      list.putObject("metadata").put("resourceVersion", Long.toString(store.resourceVersion()));
      return list;
    } finally {
      store.lock.unlock();
    }
  }

  // ---- helpers

  /**
   * Defaults kind/apiVersion/namespace from the URL and rejects mismatches as the real server does.
   */
  private void normalizeIdentity(Call c, ObjectNode body, boolean create) {
    String apiVersion = Json.text(body, "apiVersion");
    String kind = Json.text(body, "kind");
    String expected = c.type.apiVersion(c.version);
    if (!c.type.builtin && (kind == null || kind.isEmpty())) {
      // Custom resources decode as unstructured objects, which need both (built-ins take the
      // URL's).
      throw ApiError.badRequest(
          "Object 'Kind' is missing in '" + Resources.utf8(Json.bytes(body)) + "'");
    }
    if (!c.type.builtin && (apiVersion == null || apiVersion.isEmpty())) {
      throw ApiError.badRequest(
          "Object 'apiVersion' is missing in '" + Resources.utf8(Json.bytes(body)) + "'");
    }
    if (kind != null && !kind.isEmpty() && !kind.equals(c.type.kind)) {
      throw ApiError.badRequest(
          "the object provided is unrecognized (must be of type "
              + c.type.kind
              + "): kind "
              + kind
              + " does not match the requested resource");
    }
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(expected)) {
      throw ApiError.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + expected
              + ")");
    }
    body.put("apiVersion", expected);
    body.put("kind", c.type.kind);
    ObjectNode meta = Json.with(body, "metadata");
    if (c.type.namespaced) {
      String ns = Json.text(meta, "namespace");
      if (ns != null && !ns.isEmpty() && !ns.equals(c.namespace)) {
        throw ApiError.badRequest(
            "the namespace of the provided object does not match the namespace sent on the request");
      }
      meta.put("namespace", c.namespace);
    } else {
      meta.remove("namespace");
    }
    if (!create) {
      String name = Json.text(meta, "name");
      if (name == null || name.isEmpty()) {
        meta.put("name", c.name);
      } else if (!name.equals(c.name)) {
        throw ApiError.badRequest(
            "the name of the object ("
                + name
                + ") does not match the name on the URL ("
                + c.name
                + ")");
      }
    }
  }

  private void validateName(ResourceType type, String name, ObjectNode meta) {
    List<String[]> causes = new ArrayList<>();
    if (name.isEmpty()) {
      causes.add(
          new String[] {
            "metadata.name",
            "FieldValueRequired",
            "Required value: name or generateName is required"
          });
    } else if (type.group.isEmpty() && type.plural.equals("namespaces")) {
      if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
        causes.add(
            new String[] {
              "metadata.name",
              "FieldValueInvalid",
              "Invalid value: \""
                  + name
                  + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            });
      }
    } else if (type.group.isEmpty() && type.plural.equals("services")) {
      if (name.length() > 63 || !DNS_1035.matcher(name).matches()) {
        causes.add(
            new String[] {
              "metadata.name",
              "FieldValueInvalid",
              "Invalid value: \""
                  + name
                  + "\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
            });
      }
    } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      causes.add(
          new String[] {
            "metadata.name",
            "FieldValueInvalid",
            "Invalid value: \""
                + name
                + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
          });
    }
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, name, causes);
    }
  }

  private void validate(Call c, ObjectNode obj, ObjectNode old) {
    JsonNode meta = obj.path("metadata");
    for (String f : new String[] {"labels", "annotations"}) {
      JsonNode m = meta.get(f);
      if (m == null || m.isNull()) {
        continue;
      }
      boolean ok = m.isObject();
      for (java.util.Iterator<JsonNode> it = m.elements(); ok && it.hasNext(); ) {
        ok = it.next().isTextual();
      }
      if (!ok) {
        // What decoding into ObjectMeta answers, before any validation.
        String got =
            m.isObject()
                ? "number"
                : m.isTextual()
                    ? "string"
                    : m.isArray() ? "array" : m.isBoolean() ? "bool" : "number";
        throw ApiError.badRequest(
            c.type.kind
                + " in version \""
                + c.version
                + "\" cannot be handled as a "
                + c.type.kind
                + ": json: cannot unmarshal "
                + got
                + " into Go struct field ObjectMeta.metadata."
                + f
                + " of type "
                + (m.isObject() ? "string" : "map[string]string"));
      }
    }
    String mode = c.fieldValidation();
    SchemaEngine.Outcome out =
        engine.validate(
            c.type,
            c.version,
            obj,
            old == null ? null : render(old, c.type, c.version),
            mode,
            "status".equals(c.subresource));
    if (!out.unknownFields.isEmpty()) {
      if (mode.equals("Strict")) {
        StringBuilder sb =
            new StringBuilder(
                c.type.kind
                    + " in version \""
                    + c.version
                    + "\" cannot be handled as a "
                    + c.type.kind
                    + ": strict decoding error: ");
        for (int i = 0; i < out.unknownFields.size(); i++) {
          sb.append(i == 0 ? "" : ", ")
              .append("unknown field \"")
              .append(out.unknownFields.get(i))
              .append('"');
        }
        throw ApiError.badRequest(sb.toString());
      }
      if (mode.equals("Warn")) {
        for (String f : out.unknownFields) {
          c.warnings.add("unknown field \"" + f + "\"");
        }
      }
    }
    if (!out.causes.isEmpty()) {
      throw ApiError.invalid(c.type, Json.text(obj, "metadata", "name"), out.causes);
    }
    c.warnings.addAll(out.warnings);
  }

  /** Namespaces the real server never deletes. */
  static final java.util.Set<String> IMMORTAL_NAMESPACES =
      java.util.Set.of("default", "kube-system", "kube-public");

  static boolean isNamespace(ResourceType type) {
    return type.group.isEmpty() && type.plural.equals("namespaces");
  }

  synchronized String nextServiceIp() {
    int n = nextServiceIp++;
    return "10.96." + (n / 250) + "." + (n % 250 + 1);
  }

  static List<String> texts(JsonNode arr) {
    List<String> l = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      arr.forEach(n -> l.add(n.asText()));
    }
    return l;
  }

  static long parseLong(String s, long dflt) {
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid integer: " + s);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static Logger log() {
    return LOG;
  }
}
