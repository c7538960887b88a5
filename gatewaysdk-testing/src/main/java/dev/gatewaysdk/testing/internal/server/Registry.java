package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource types the server serves, keyed by group and plural; CRDs add and remove types live.
 */
final class Registry {
  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> SUB_VERBS = List.of("get", "patch", "update");

  private final Map<String, ResourceType> types = new ConcurrentHashMap<>();

  /** The order groups appear in /apis: built-ins first, then CRD groups by first registration. */
  private final Map<String, Boolean> groupOrder =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  Registry() {
    for (ResourceType t : builtins()) {
      add(t);
    }
  }

  static List<ResourceType> builtins() {
    List<ResourceType> l = new ArrayList<>();
    l.add(
        ResourceType.builder("", "Namespace", "namespaces")
            .version("v1")
            .clusterScoped()
            .status()
            .shortNames("ns")
            .build());
    l.add(
        ResourceType.builder("", "ConfigMap", "configmaps").version("v1").shortNames("cm").build());
    l.add(ResourceType.builder("", "Secret", "secrets").version("v1").build());
    l.add(
        ResourceType.builder("", "Service", "services")
            .version("v1")
            .status()
            .shortNames("svc")
            .categories("all")
            .build());
    // Endpoints and EndpointSlices: how the embedded Gateway's data plane finds a Service's
    // backends.
    l.add(
        ResourceType.builder("", "Endpoints", "endpoints").version("v1").shortNames("ep").build());
    l.add(
        ResourceType.builder("discovery.k8s.io", "EndpointSlice", "endpointslices")
            .version("v1")
            .build());
    l.add(ResourceType.builder("", "Event", "events").version("v1").shortNames("ev").build());
    l.add(
        ResourceType.builder("coordination.k8s.io", "Lease", "leases")
            .version("v1")
            .createOnUpdate()
            .build());
    ResourceType.Builder crd =
        ResourceType.builder(
                "apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions")
            .version("v1")
            .clusterScoped()
            .status()
            .shortNames("crd", "crds")
            .categories("api-extensions")
            .generation();
    l.add(crd.build());
    l.add(
        ResourceType.builder(
                "admissionregistration.k8s.io",
                "ValidatingAdmissionPolicy",
                "validatingadmissionpolicies")
            .version("v1")
            .clusterScoped()
            .status()
            .categories("api-extensions")
            .generation()
            .build());
    l.add(
        ResourceType.builder(
                "admissionregistration.k8s.io",
                "ValidatingAdmissionPolicyBinding",
                "validatingadmissionpolicybindings")
            .version("v1")
            .clusterScoped()
            .categories("api-extensions")
            .generation()
            .build());
    l.add(
        ResourceType.builder("", "ServiceAccount", "serviceaccounts")
            .version("v1")
            .shortNames("sa")
            .build());
    // RBAC: what the authorizer reads when users are configured (stored and validated always).
    l.add(ResourceType.builder(Rbac.GROUP, "Role", "roles").version("v1").build());
    l.add(
        ResourceType.builder(Rbac.GROUP, "ClusterRole", "clusterroles")
            .version("v1")
            .clusterScoped()
            .build());
    l.add(ResourceType.builder(Rbac.GROUP, "RoleBinding", "rolebindings").version("v1").build());
    l.add(
        ResourceType.builder(Rbac.GROUP, "ClusterRoleBinding", "clusterrolebindings")
            .version("v1")
            .clusterScoped()
            .build());
    l.addAll(pruneAllowlist());
    return l;
  }

  /**
   * The other kinds of kubectl's default {@code apply --prune} allowlist: stored, listed and
   * validated like any built-in (no controller acts on them), so that {@code kubectl apply --prune}
   * finds every kind it asks for.
   */
  private static List<ResourceType> pruneAllowlist() {
    List<ResourceType> l = new ArrayList<>();
    l.add(
        ResourceType.builder("", "Pod", "pods")
            .version("v1")
            .status()
            .shortNames("po")
            .categories("all")
            .build());
    l.add(
        ResourceType.builder("", "PersistentVolumeClaim", "persistentvolumeclaims")
            .version("v1")
            .status()
            .shortNames("pvc")
            .build());
    l.add(
        ResourceType.builder("", "PersistentVolume", "persistentvolumes")
            .version("v1")
            .clusterScoped()
            .status()
            .shortNames("pv")
            .build());
    l.add(
        ResourceType.builder("", "ReplicationController", "replicationcontrollers")
            .version("v1")
            .status()
            .shortNames("rc")
            .categories("all")
            .generation()
            .build());
    for (String[] k :
        new String[][] {
          {"Deployment", "deployments", "deploy"},
          {"ReplicaSet", "replicasets", "rs"},
          {"StatefulSet", "statefulsets", "sts"},
          {"DaemonSet", "daemonsets", "ds"}
        }) {
      l.add(
          ResourceType.builder("apps", k[0], k[1])
              .version("v1")
              .status()
              .shortNames(k[2])
              .categories("all")
              .generation()
              .build());
    }
    l.add(
        ResourceType.builder("batch", "Job", "jobs")
            .version("v1")
            .status()
            .categories("all")
            .generation()
            .build());
    l.add(
        ResourceType.builder("batch", "CronJob", "cronjobs")
            .version("v1")
            .status()
            .shortNames("cj")
            .categories("all")
            .generation()
            .build());
    l.add(
        ResourceType.builder("networking.k8s.io", "Ingress", "ingresses")
            .version("v1")
            .status()
            .shortNames("ing")
            .generation()
            .build());
    return l;
  }

  /** Bumped on every change of the served types, so derived documents (OpenAPI) know to rebuild. */
  final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  void add(ResourceType t) {
    generation.incrementAndGet();
    types.put(t.key(), t);
    groupOrder.putIfAbsent(t.group, Boolean.TRUE);
  }

  void remove(String group, String plural) {
    generation.incrementAndGet();
    types.remove(group + "/" + plural);
  }

  ResourceType byKey(String key) {
    return types.get(key);
  }

  ResourceType get(String group, String plural) {
    return types.get(group + "/" + plural);
  }

  /** The type serving {@code plural} at {@code group/version}, or null. */
  ResourceType lookup(String group, String version, String plural) {
    ResourceType t = types.get(group + "/" + plural);
    return t != null && t.serves(version) ? t : null;
  }

  ResourceType byKind(String group, String kind) {
    for (ResourceType t : types.values()) {
      if (t.group.equals(group) && t.kind.equals(kind)) {
        return t;
      }
    }
    return null;
  }

  Collection<ResourceType> all() {
    return types.values();
  }

  /** Served versions of {@code group}, highest priority first. */
  List<String> versions(String group) {
    TreeSet<String> vs = new TreeSet<>(Versions.PRIORITY);
    for (ResourceType t : types.values()) {
      if (t.group.equals(group)) {
        vs.addAll(t.versions);
      }
    }
    return new ArrayList<>(vs);
  }

  List<String> groups() {
    List<String> gs = new ArrayList<>();
    synchronized (groupOrder) {
      for (String g : groupOrder.keySet()) {
        if (!g.isEmpty() && !versions(g).isEmpty()) {
          gs.add(g);
        }
      }
    }
    return gs;
  }

  ObjectNode apiVersions(String serverAddress) {
    ObjectNode o = Json.object();
    o.put("kind", "APIVersions");
    o.putArray("versions").add("v1");
    ObjectNode a = o.putArray("serverAddressByClientCIDRs").addObject();
    a.put("clientCIDR", "0.0.0.0/0");
    a.put("serverAddress", serverAddress);
    return o;
  }

  ObjectNode apiGroupList() {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroupList");
    o.put("apiVersion", "v1");
    ArrayNode groups = o.putArray("groups");
    for (String g : groups()) {
      groups.add(apiGroup(g));
    }
    return o;
  }

  ObjectNode apiGroup(String group) {
    ObjectNode o = Json.object();
    o.put("name", group);
    ArrayNode vs = o.putArray("versions");
    List<String> versions = versions(group);
    for (String v : versions) {
      ObjectNode gv = vs.addObject();
      gv.put("groupVersion", group + "/" + v);
      gv.put("version", v);
    }
    ObjectNode pref = o.putObject("preferredVersion");
    pref.put("groupVersion", group + "/" + versions.get(0));
    pref.put("version", versions.get(0));
    return o;
  }

  ObjectNode apiResourceList(String group, String version) {
    List<ResourceType> ts = new ArrayList<>();
    for (ResourceType t : types.values()) {
      if (t.group.equals(group) && t.serves(version)) {
        ts.add(t);
      }
    }
    if (ts.isEmpty()) {
      return null;
    }
    ts.sort((a, b) -> a.plural.compareTo(b.plural));
    ObjectNode o = Json.object();
    o.put("kind", "APIResourceList");
    o.put("apiVersion", "v1");
    o.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode rs = o.putArray("resources");
    for (ResourceType t : ts) {
      ObjectNode r = rs.addObject();
      r.put("name", t.plural);
      r.put("singularName", t.singular);
      r.put("namespaced", t.namespaced);
      r.put("kind", t.kind);
      ArrayNode verbs = r.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!t.shortNames.isEmpty()) {
        ArrayNode sn = r.putArray("shortNames");
        t.shortNames.forEach(sn::add);
      }
      if (!t.categories.isEmpty()) {
        ArrayNode cs = r.putArray("categories");
        t.categories.forEach(cs::add);
      }
      r.put("storageVersionHash", Integer.toHexString((t.key() + t.storageVersion).hashCode()));
      if (t.hasStatus) {
        ObjectNode s = rs.addObject();
        s.put("name", t.plural + "/status");
        s.put("singularName", "");
        s.put("namespaced", t.namespaced);
        s.put("kind", t.kind);
        ArrayNode sv = s.putArray("verbs");
        SUB_VERBS.forEach(sv::add);
      }
    }
    return o;
  }
}
