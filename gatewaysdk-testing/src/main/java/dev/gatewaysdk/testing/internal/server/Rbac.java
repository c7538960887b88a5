package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Authentication by bearer token and authorization by RBAC, as kube-apiserver does them: the
 * request's attributes (verb, API group, resource, subresource, namespace, name, or a non-resource
 * path) are read from the URL as the apiserver's request-info factory reads them, and allowed when
 * a rule of a Role or ClusterRole bound to the user, one of its groups or its service account
 * matches them. Members of {@code system:masters} may do anything; every authenticated user may
 * read discovery and ask what it may do (the bootstrap policy's {@code system:discovery} and {@code
 * system:basic-user}).
 */
final class Rbac {
  static final String GROUP = "rbac.authorization.k8s.io";
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** An authenticated (or impersonated) user. */
  static final class User {
    final String name;
    final List<String> groups;

    User(String name, List<String> groups) {
      this.name = name;
      this.groups = List.copyOf(groups);
    }
  }

  /** What a request asks to do, as the apiserver's {@code authorizer.Attributes}. */
  static final class Attributes {
    final String verb;
    final boolean resourceRequest;
    final String path;
    final String group;
    final String version;
    final String resource;
    final String subresource;
    final String namespace;
    final String name;

    Attributes(
        String verb,
        boolean resourceRequest,
        String path,
        String group,
        String version,
        String resource,
        String subresource,
        String namespace,
        String name) {
      this.verb = verb;
      this.resourceRequest = resourceRequest;
      this.path = path;
      this.group = group;
      this.version = version;
      this.resource = resource;
      this.subresource = subresource;
      this.namespace = namespace;
      this.name = name;
    }
  }

  private final Map<String, User> tokens;

  /**
   * Tokens issued by TokenRequest: valid while unexpired and while their service account (same uid)
   * exists.
   */
  private final Map<String, ServiceAccountToken> serviceAccountTokens =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Registry registry;
  private final Store store;

  private static final class ServiceAccountToken {
    final String namespace;
    final String name;
    final String uid;
    final java.time.Instant expires;

    ServiceAccountToken(String namespace, String name, String uid, java.time.Instant expires) {
      this.namespace = namespace;
      this.name = name;
      this.uid = uid;
      this.expires = expires;
    }
  }

  /**
   * @param tokens bearer token to user
   */
  Rbac(Map<String, User> tokens, Registry registry, Store store) {
    this.tokens = Map.copyOf(tokens);
    this.registry = registry;
    this.store = store;
  }

  /**
   * Registers a token issued for service account {@code namespace/name} (of {@code uid}) until
   * {@code expires}.
   */
  void serviceAccountToken(
      String token, String namespace, String name, String uid, java.time.Instant expires) {
    serviceAccountTokens.put(token, new ServiceAccountToken(namespace, name, uid, expires));
  }

  /**
   * The user of a token issued by TokenRequest, or null when unknown, expired or its service
   * account is gone.
   */
  private User serviceAccountUser(String token) {
    ServiceAccountToken t = serviceAccountTokens.get(token);
    if (t == null) {
      return null;
    }
    ObjectNode sa = store.get(registry.get("", "serviceaccounts"), t.namespace, t.name);
    if (java.time.Instant.now().isAfter(t.expires)
        || sa == null
        || !t.uid.equals(Json.text(sa, "metadata", "uid"))) {
      serviceAccountTokens.remove(token);
      return null;
    }
    return new User(
        "system:serviceaccount:" + t.namespace + ":" + t.name,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + t.namespace));
  }

  /**
   * The user a request authenticates as: its bearer token's user plus {@code system:authenticated},
   * or {@code system:anonymous} when it sends none, then the impersonated user if it asks for one
   * and may.
   *
   * @throws ApiError 401 for an unknown token, 403 for an impersonation it may not do
   */
  User authenticate(Exchange ex) {
    String auth = ex.header("Authorization");
    User user;
    if (auth == null || auth.isBlank()) {
      user = new User("system:anonymous", List.of("system:unauthenticated"));
    } else {
      String[] p = auth.trim().split("\\s+", 2);
      User known =
          p.length != 2 || !p[0].equalsIgnoreCase("bearer")
              ? null
              : tokens.containsKey(p[1]) ? tokens.get(p[1]) : serviceAccountUser(p[1]);
      if (known == null) {
        throw ApiError.unauthorized();
      }
      user = withAuthenticated(known.name, known.groups);
    }
    String as = ex.header("Impersonate-User");
    List<String> asGroups = ex.headers("Impersonate-Group");
    if (as == null || as.isEmpty()) {
      if (!asGroups.isEmpty()) {
        throw ApiError.internal(
            "requested [" + String.join(" ", asGroups) + "] without impersonating a user");
      }
      return user;
    }
    String saPrefix = "system:serviceaccount:";
    String[] sa = as.startsWith(saPrefix) ? as.substring(saPrefix.length()).split(":", 2) : null;
    Attributes target =
        sa != null && sa.length == 2
            ? new Attributes(
                "impersonate", true, null, "", "v1", "serviceaccounts", "", sa[0], sa[1])
            : new Attributes("impersonate", true, null, "", "v1", "users", "", "", as);
    authorize(user, target);
    for (String g : asGroups) {
      authorize(user, new Attributes("impersonate", true, null, "", "v1", "groups", "", "", g));
    }
    List<String> groups = new ArrayList<>(asGroups);
    if (sa != null && sa.length == 2) {
      groups.add("system:serviceaccounts");
      groups.add("system:serviceaccounts:" + sa[0]);
    }
    return as.equals("system:anonymous") ? new User(as, groups) : withAuthenticated(as, groups);
  }

  private static User withAuthenticated(String name, List<String> groups) {
    List<String> g = new ArrayList<>(groups);
    if (!g.contains("system:authenticated")) {
      g.add("system:authenticated");
    }
    return new User(name, g);
  }

  /** The request's attributes, read from its method, path and query as the apiserver reads them. */
  static Attributes attributes(String method, String rawPath, Map<String, String> query) {
    String path = rawPath.isEmpty() ? "/" : rawPath;
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        parts.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    String lower = method.toLowerCase(Locale.ROOT);
    boolean api = !parts.isEmpty() && parts.get(0).equals("api");
    boolean apis = !parts.isEmpty() && parts.get(0).equals("apis");
    if (!(api && parts.size() >= 3 || apis && parts.size() >= 4)) {
      return new Attributes(lower, false, path, "", "", "", "", "", "");
    }
    String group = api ? "" : parts.get(1);
    String version = parts.get(api ? 1 : 2);
    List<String> cur = parts.subList(api ? 2 : 3, parts.size());
    String verb;
    switch (method) {
      case "POST":
        verb = "create";
        break;
      case "GET":
      case "HEAD":
        verb = "get";
        break;
      case "PUT":
        verb = "update";
        break;
      case "PATCH":
        verb = "patch";
        break;
      case "DELETE":
        verb = "delete";
        break;
      default:
        verb = lower;
    }
    if (cur.get(0).equals("watch")) {
      verb = "watch";
      cur = cur.subList(1, cur.size());
      if (cur.isEmpty()) {
        return new Attributes(lower, false, path, "", "", "", "", "", "");
      }
    }
    String namespace = "";
    if (cur.get(0).equals("namespaces") && cur.size() > 1) {
      namespace = cur.get(1);
      if (cur.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(cur.get(2))) {
        cur = cur.subList(2, cur.size());
      }
    }
    String resource = cur.get(0);
    String name = cur.size() > 1 ? cur.get(1) : "";
    String sub = cur.size() > 2 ? cur.get(2) : "";
    if (name.isEmpty() && verb.equals("get")) {
      verb = isTrue(query.get("watch")) ? "watch" : "list";
    } else if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return new Attributes(verb, true, path, group, version, resource, sub, namespace, name);
  }

  private static boolean isTrue(String v) {
    return v != null && !v.isEmpty() && !v.equals("false") && !v.equals("0");
  }

  /**
   * @throws ApiError 403 with the apiserver's text unless the user may do what {@code a} asks
   */
  void authorize(User user, Attributes a) {
    List<String> errors = new ArrayList<>();
    if (allowedBy(user, a, errors) == null) {
      throw ApiError.forbiddenRequest(
          a, user.name, errors.isEmpty() ? "" : "RBAC: " + String.join(", ", errors));
    }
  }

  /**
   * Why the user may do it (the apiserver's allowed reason), or null when it may not; errors
   * collects missing roles.
   */
  String allowedBy(User user, Attributes a, List<String> errors) {
    if (user.groups.contains("system:masters")) {
      return "";
    }
    for (ObjectNode rule : bootstrapRules(user)) {
      if (matches(rule, a)) {
        return "";
      }
    }
    for (Binding b : bindings(user, a.namespace, errors)) {
      for (ObjectNode rule : b.rules) {
        if (matches(rule, a)) {
          return "RBAC: allowed by " + b.describe + " to " + b.subject;
        }
      }
    }
    return null;
  }

  /**
   * The escalation checks of rbac's policy-based storage, for a create or update (old non-null) of
   * a Role, ClusterRole, RoleBinding or ClusterRoleBinding: a role may hold only rules its writer
   * holds, unless the writer may {@code escalate} it; a binding may refer only to a role whose
   * rules its writer holds, unless the writer may {@code bind} it (resourceNames honoured). Members
   * of {@code system:masters} skip both; an update that changes only ownerReferences or finalizers
   * is not checked.
   *
   * @param name the name in the URL (empty on create, as the apiserver's request info has it)
   * @throws ApiError 403 with the apiserver's text, or 404 when a binding's role does not exist
   */
  void checkWrite(
      User user, ResourceType type, String namespace, String name, ObjectNode obj, ObjectNode old) {
    if (!type.group.equals(GROUP)
        || user.groups.contains("system:masters")
        || old != null && onlyGcFieldsDiffer(obj, old)) {
      return;
    }
    String ns = namespace == null ? "" : namespace;
    String objName = Json.text(obj, "metadata", "name");
    objName = objName == null ? "" : objName;
    switch (type.plural) {
      case "roles":
      case "clusterroles":
        {
          if (allowedBy(
                  user,
                  new Attributes("escalate", true, null, GROUP, "*", type.plural, "", ns, name),
                  new ArrayList<>())
              != null) {
            return;
          }
          confirmNoEscalation(user, type, ns, objName, ruleList(obj));
          if (type.plural.equals("clusterroles") && obj.path("aggregationRule").isObject()) {
            List<ObjectNode> all =
                List.of(
                    rule(List.of("*"), List.of("*"), List.of("*"), null),
                    rule(List.of("*"), null, null, List.of("*")));
            if (!missing(rules(user, ns, new ArrayList<>()), all).isEmpty()) {
              throw ApiError.forbidden(
                  type, objName, "must have cluster-admin privileges to use the aggregationRule");
            }
          }
          return;
        }
      case "rolebindings":
      case "clusterrolebindings":
        {
          JsonNode ref = obj.path("roleRef");
          String kind = ref.path("kind").asText();
          String roleName = ref.path("name").asText();
          String resource =
              kind.equals("ClusterRole") ? "clusterroles" : kind.equals("Role") ? "roles" : null;
          if (resource != null
              && allowedBy(
                      user,
                      new Attributes(
                          "bind",
                          true,
                          null,
                          ref.path("apiGroup").asText(),
                          "*",
                          resource,
                          "",
                          ns,
                          roleName),
                      new ArrayList<>())
                  != null) {
            return;
          }
          List<ObjectNode> rules;
          if (kind.equals("Role")) {
            ObjectNode role = store.get(registry.get(GROUP, "roles"), ns, roleName);
            if (role == null) {
              throw ApiError.notFound(registry.get(GROUP, "roles"), roleName);
            }
            rules = ruleList(role);
          } else if (kind.equals("ClusterRole")) {
            rules = clusterRoleRules(roleName, new ArrayList<>());
            if (rules == null) {
              throw ApiError.notFound(registry.get(GROUP, "clusterroles"), roleName);
            }
          } else {
            throw ApiError.badRequest("unsupported role reference kind: \"" + kind + "\"");
          }
          confirmNoEscalation(user, type, ns, objName, rules);
          return;
        }
      default:
    }
  }

  /**
   * rbac's {@code IsOnlyMutatingGCFields}: everything but ownerReferences, finalizers and
   * server-kept metadata is equal.
   */
  private static boolean onlyGcFieldsDiffer(ObjectNode obj, ObjectNode old) {
    return withoutGcFields(obj).equals(withoutGcFields(old));
  }

  private static ObjectNode withoutGcFields(ObjectNode o) {
    ObjectNode c = o.deepCopy();
    c.remove(List.of("apiVersion", "kind"));
    JsonNode m = c.path("metadata");
    if (m instanceof ObjectNode) {
      ((ObjectNode) m)
          .remove(
              List.of(
                  "ownerReferences",
                  "finalizers",
                  "resourceVersion",
                  "managedFields",
                  "uid",
                  "creationTimestamp",
                  "generation",
                  "selfLink",
                  "deletionTimestamp",
                  "deletionGracePeriodSeconds"));
    }
    return c;
  }

  /**
   * rbac's {@code ConfirmNoEscalation}: 403 listing the rules the user does not hold in {@code
   * namespace}.
   */
  private void confirmNoEscalation(
      User user, ResourceType type, String namespace, String name, List<ObjectNode> wanted) {
    List<String> errors = new ArrayList<>();
    List<ObjectNode> owner = rules(user, namespace, errors);
    List<ObjectNode> missing = missing(owner, wanted);
    if (missing.isEmpty()) {
      return;
    }
    java.util.TreeSet<String> descriptions = new java.util.TreeSet<>();
    for (ObjectNode r : compact(missing)) {
      descriptions.add(compactString(r));
    }
    StringBuilder groups = new StringBuilder();
    for (String g : user.groups) {
      groups.append(groups.length() == 0 ? "" : " ").append(quote(g));
    }
    String msg =
        "user "
            + quote(user.name)
            + " (groups=["
            + groups
            + "]) is attempting to grant RBAC permissions not currently held:\n"
            + String.join("\n", descriptions);
    if (!errors.isEmpty()) {
      msg += "; resolution errors: [" + String.join(" ", errors) + "]";
    }
    throw ApiError.forbidden(type, name, msg);
  }

  /**
   * rbac's {@code Covers}: the wanted rules broken down to one verb/group/resource/name (or URL)
   * each, less those the owner's cover.
   */
  static List<ObjectNode> missing(List<ObjectNode> owner, List<ObjectNode> wanted) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode w : wanted) {
      for (ObjectNode sub : breakdown(w)) {
        boolean covered = false;
        for (ObjectNode o : owner) {
          if (covers(o, sub)) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          out.add(sub);
        }
      }
    }
    return out;
  }

  private static List<ObjectNode> breakdown(ObjectNode r) {
    List<ObjectNode> out = new ArrayList<>();
    List<String> names = texts(r.path("resourceNames"));
    for (String g : texts(r.path("apiGroups"))) {
      for (String res : texts(r.path("resources"))) {
        for (String v : texts(r.path("verbs"))) {
          if (names.isEmpty()) {
            out.add(rule(List.of(v), List.of(g), List.of(res), null));
          } else {
            for (String n : names) {
              ObjectNode s = rule(List.of(v), List.of(g), List.of(res), null);
              s.putArray("resourceNames").add(n);
              out.add(s);
            }
          }
        }
      }
    }
    for (String u : texts(r.path("nonResourceURLs"))) {
      for (String v : texts(r.path("verbs"))) {
        out.add(rule(List.of(v), null, null, List.of(u)));
      }
    }
    return out;
  }

  /** rbac's {@code ruleCovers}. */
  private static boolean covers(ObjectNode owner, ObjectNode sub) {
    List<String> ov = texts(owner.path("verbs"));
    List<String> og = texts(owner.path("apiGroups"));
    List<String> on = texts(owner.path("resourceNames"));
    List<String> sn = texts(sub.path("resourceNames"));
    boolean verbs = ov.contains("*") || ov.containsAll(texts(sub.path("verbs")));
    boolean groups = og.contains("*") || og.containsAll(texts(sub.path("apiGroups")));
    boolean names = on.isEmpty() || !sn.isEmpty() && on.containsAll(sn);
    return verbs
        && groups
        && names
        && resourcesCover(texts(owner.path("resources")), texts(sub.path("resources")))
        && urlsCover(texts(owner.path("nonResourceURLs")), texts(sub.path("nonResourceURLs")));
  }

  private static boolean resourcesCover(List<String> owner, List<String> wanted) {
    if (owner.contains("*") || owner.containsAll(wanted)) {
      return true;
    }
    for (String w : wanted) {
      if (!owner.contains(w) && !(w.contains("/") && owner.contains("*/" + w.split("/", 2)[1]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean urlsCover(List<String> owner, List<String> wanted) {
    for (String w : wanted) {
      boolean covered = false;
      for (String o : owner) {
        if (o.equals(w) || o.endsWith("*") && w.startsWith(o.replaceAll("\\*+$", ""))) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * rbac's {@code CompactRules}: rules of one group, resource and at most one name merge their
   * verbs.
   */
  private static List<ObjectNode> compact(List<ObjectNode> rules) {
    List<ObjectNode> out = new ArrayList<>();
    Map<String, ObjectNode> simple = new java.util.LinkedHashMap<>();
    for (ObjectNode r : rules) {
      List<String> names = texts(r.path("resourceNames"));
      boolean isSimple =
          names.size() <= 1
              && texts(r.path("nonResourceURLs")).isEmpty()
              && r.path("apiGroups").size() == 1
              && r.path("resources").size() == 1;
      if (!isSimple) {
        out.add(r);
        continue;
      }
      String key =
          r.path("apiGroups").get(0).asText()
              + "\n"
              + r.path("resources").get(0).asText()
              + "\n"
              + (names.isEmpty() ? "" : "=" + names.get(0));
      ObjectNode existing = simple.get(key);
      if (existing == null) {
        simple.put(key, r.deepCopy());
      } else {
        r.path("verbs").forEach(v -> existing.withArray("verbs").add(v));
      }
    }
    out.addAll(simple.values());
    return out;
  }

  /** rbac's {@code CompactString}, as Go's %q prints string slices. */
  private static String compactString(ObjectNode r) {
    List<String> parts = new ArrayList<>();
    String[][] fields = {
      {"APIGroups", "apiGroups"},
      {"Resources", "resources"},
      {"NonResourceURLs", "nonResourceURLs"},
      {"ResourceNames", "resourceNames"},
      {"Verbs", "verbs"}
    };
    for (String[] f : fields) {
      List<String> values = texts(r.path(f[1]));
      if (!values.isEmpty()) {
        StringBuilder b = new StringBuilder(f[0]).append(":[");
        for (int i = 0; i < values.size(); i++) {
          b.append(i == 0 ? "" : " ").append(quote(values.get(i)));
        }
        parts.add(b.append(']').toString());
      }
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<String> texts(JsonNode array) {
    List<String> l = new ArrayList<>();
    array.forEach(n -> l.add(n.asText()));
    return l;
  }

  /**
   * Every rule that applies to the user in {@code namespace} (empty: cluster-wide ones only), for a
   * rules review.
   */
  List<ObjectNode> rules(User user, String namespace, List<String> errors) {
    List<ObjectNode> out = new ArrayList<>(bootstrapRules(user));
    if (user.groups.contains("system:masters")) {
      out.add(rule(List.of("*"), List.of("*"), List.of("*"), null));
      out.add(rule(List.of("*"), null, null, List.of("*")));
    }
    for (Binding b : bindings(user, namespace, errors)) {
      out.addAll(b.rules);
    }
    return out;
  }

  private static final class Binding {
    final String describe;
    final String subject;
    final List<ObjectNode> rules;

    Binding(String describe, String subject, List<ObjectNode> rules) {
      this.describe = describe;
      this.subject = subject;
      this.rules = rules;
    }
  }

  private List<Binding> bindings(User user, String namespace, List<String> errors) {
    List<Binding> out = new ArrayList<>();
    for (ObjectNode crb : store.list(registry.get(GROUP, "clusterrolebindings"), null, null)) {
      String subject = subject(crb, user, "");
      if (subject != null) {
        String role = crb.path("roleRef").path("name").asText();
        List<ObjectNode> rules = clusterRoleRules(role, errors);
        if (rules != null) {
          out.add(
              new Binding(
                  "ClusterRoleBinding \""
                      + Json.text(crb, "metadata", "name")
                      + "\" of ClusterRole \""
                      + role
                      + "\"",
                  subject,
                  rules));
        }
      }
    }
    if (namespace != null && !namespace.isEmpty()) {
      for (ObjectNode rb : store.list(registry.get(GROUP, "rolebindings"), namespace, null)) {
        String subject = subject(rb, user, namespace);
        if (subject == null) {
          continue;
        }
        String kind = rb.path("roleRef").path("kind").asText();
        String role = rb.path("roleRef").path("name").asText();
        List<ObjectNode> rules;
        if (kind.equals("ClusterRole")) {
          rules = clusterRoleRules(role, errors);
        } else {
          ObjectNode r = store.get(registry.get(GROUP, "roles"), namespace, role);
          if (r == null) {
            errors.add("role.rbac.authorization.k8s.io \"" + role + "\" not found");
          }
          rules = r == null ? null : ruleList(r);
        }
        if (rules != null) {
          out.add(
              new Binding(
                  "RoleBinding \""
                      + Json.text(rb, "metadata", "name")
                      + "/"
                      + namespace
                      + "\" of "
                      + kind
                      + " \""
                      + role
                      + "\"",
                  subject,
                  rules));
        }
      }
    }
    return out;
  }

  /**
   * The ClusterRole's rules; an aggregated one's are those of every ClusterRole its selectors pick.
   */
  private List<ObjectNode> clusterRoleRules(String name, List<String> errors) {
    ResourceType type = registry.get(GROUP, "clusterroles");
    ObjectNode role = store.get(type, null, name);
    if (role == null) {
      errors.add("clusterrole.rbac.authorization.k8s.io \"" + name + "\" not found");
      return null;
    }
    List<ObjectNode> rules = ruleList(role);
    JsonNode selectors = role.path("aggregationRule").path("clusterRoleSelectors");
    if (selectors.isArray() && selectors.size() > 0) {
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode sel : selectors) {
        for (ObjectNode other : store.list(type, null, null)) {
          String n = Json.text(other, "metadata", "name");
          if (!n.equals(name)
              && selects(sel, other.path("metadata").path("labels"))
              && seen.add(n)) {
            rules.addAll(ruleList(other));
          }
        }
      }
    }
    return rules;
  }

  /**
   * A label selector's matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) against
   * labels.
   */
  private static boolean selects(JsonNode selector, JsonNode labels) {
    var it = selector.path("matchLabels").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode req : selector.path("matchExpressions")) {
      String key = req.path("key").asText();
      boolean has = labels.has(key);
      Set<String> values = new LinkedHashSet<>();
      req.path("values").forEach(v -> values.add(v.asText()));
      boolean ok;
      switch (req.path("operator").asText()) {
        case "In":
          ok = has && values.contains(labels.get(key).asText());
          break;
        case "NotIn":
          ok = !has || !values.contains(labels.get(key).asText());
          break;
        case "Exists":
          ok = has;
          break;
        case "DoesNotExist":
          ok = !has;
          break;
        default:
          ok = false;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<ObjectNode> ruleList(ObjectNode role) {
    List<ObjectNode> l = new ArrayList<>();
    for (JsonNode r : role.path("rules")) {
      if (r instanceof ObjectNode) {
        l.add((ObjectNode) r);
      }
    }
    return l;
  }

  /** How the binding names the user ({@code User "alice"}), or null when no subject is the user. */
  private static String subject(ObjectNode binding, User user, String bindingNamespace) {
    for (JsonNode s : binding.path("subjects")) {
      String kind = s.path("kind").asText();
      String name = s.path("name").asText();
      if (kind.equals("User") && name.equals(user.name)) {
        return "User \"" + name + "\"";
      }
      if (kind.equals("Group") && user.groups.contains(name)) {
        return "Group \"" + name + "\"";
      }
      if (kind.equals("ServiceAccount")) {
        String ns = s.path("namespace").asText(bindingNamespace);
        if (ns.isEmpty()) {
          ns = bindingNamespace;
        }
        if (user.name.equals("system:serviceaccount:" + ns + ":" + name)) {
          return "ServiceAccount \"" + name + "/" + ns + "\"";
        }
      }
    }
    return null;
  }

  /**
   * The rule of rbac's {@code RuleAllows}: verbs, groups, resources (with {@code * /sub}), names,
   * or non-resource URLs.
   */
  static boolean matches(JsonNode rule, Attributes a) {
    if (!has(rule.path("verbs"), a.verb)) {
      return false;
    }
    if (!a.resourceRequest) {
      for (JsonNode u : rule.path("nonResourceURLs")) {
        String url = u.asText();
        if (url.equals("*")
            || url.equals(a.path)
            || url.endsWith("*") && a.path.startsWith(url.substring(0, url.length() - 1))) {
          return true;
        }
      }
      return false;
    }
    if (!has(rule.path("apiGroups"), a.group)) {
      return false;
    }
    String combined = a.subresource.isEmpty() ? a.resource : a.resource + "/" + a.subresource;
    boolean resource = false;
    for (JsonNode r : rule.path("resources")) {
      String s = r.asText();
      if (s.equals("*")
          || s.equals(combined)
          || !a.subresource.isEmpty() && s.equals("*/" + a.subresource)) {
        resource = true;
        break;
      }
    }
    if (!resource) {
      return false;
    }
    JsonNode names = rule.path("resourceNames");
    if (names.size() == 0) {
      return true;
    }
    for (JsonNode n : names) {
      if (n.asText().equals(a.name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the list holds {@code v} or the wildcard. */
  private static boolean has(JsonNode values, String v) {
    for (JsonNode n : values) {
      String s = n.asText();
      if (s.equals("*") || s.equals(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bootstrap policy every cluster has: discovery and self-reviews for users, health and
   * version for all.
   */
  private static List<ObjectNode> bootstrapRules(User user) {
    List<ObjectNode> l = new ArrayList<>();
    l.add(
        rule(
            List.of("get"),
            null,
            null,
            List.of("/healthz", "/livez", "/readyz", "/version", "/version/")));
    if (user.groups.contains("system:authenticated")) {
      l.add(
          rule(
              List.of("get"),
              null,
              null,
              List.of(
                  "/api",
                  "/api/*",
                  "/apis",
                  "/apis/*",
                  "/openapi",
                  "/openapi/*",
                  "/healthz",
                  "/livez",
                  "/readyz",
                  "/version",
                  "/version/")));
      l.add(
          rule(
              List.of("create"),
              List.of("authorization.k8s.io"),
              List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
              null));
      l.add(
          rule(
              List.of("create"),
              List.of("authentication.k8s.io"),
              List.of("selfsubjectreviews"),
              null));
    }
    return l;
  }

  private static ObjectNode rule(
      List<String> verbs, List<String> groups, List<String> resources, List<String> urls) {
    ObjectNode r = Json.object();
    verbs.forEach(r.putArray("verbs")::add);
    if (groups != null) {
      groups.forEach(r.putArray("apiGroups")::add);
      resources.forEach(r.putArray("resources")::add);
    }
    if (urls != null) {
      urls.forEach(r.putArray("nonResourceURLs")::add);
    }
    return r;
  }
}
