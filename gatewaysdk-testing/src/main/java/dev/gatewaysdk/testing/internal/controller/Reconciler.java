package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.Conditions.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes the status a conformant Gateway API implementation writes, from a snapshot of the cluster: for
 * GatewayClasses of its controller name, their Gateways (listeners, addresses, attached route counts) and
 * routes' {@code parents[]} entries for those Gateways. Pure: reads the snapshot, returns the objects whose
 * status must change. Reasons follow the Gateway API spec.
 */
public final class Reconciler {
  static final String GROUP = "gateway.networking.k8s.io";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> ROUTE_KINDS = List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

  /** What the cluster holds right now. */
  public interface Snapshot {
    Collection<ObjectNode> list(String kind);

    /** The object of {@code kind}, or null. */
    ObjectNode get(String kind, String namespace, String name);

    /** Whether the cluster serves this Gateway API kind. */
    boolean serves(String kind);
  }

  /** A status to write: the object with its new status. */
  public static final class Update {
    public final String kind;
    public final ObjectNode object;

    Update(String kind, ObjectNode object) {
      this.kind = kind;
      this.object = object;
    }

    @Override
    public String toString() {
      return kind + " " + object.path("metadata").path("namespace").asText("") + "/"
          + object.path("metadata").path("name").asText();
    }
  }

  private final String controllerName;
  private final Predicate<ObjectNode> neverProgram;
  private final Predicate<ObjectNode> rejectRoute;

  public Reconciler(String controllerName, Predicate<ObjectNode> neverProgram, Predicate<ObjectNode> rejectRoute) {
    this.controllerName = controllerName;
    this.neverProgram = neverProgram;
    this.rejectRoute = rejectRoute;
  }

  public List<Update> reconcile(Snapshot s) {
    List<Update> updates = new ArrayList<>();
    Set<String> classes = new LinkedHashSet<>();
    for (ObjectNode gc : s.list("GatewayClass")) {
      if (!controllerName.equals(gc.path("spec").path("controllerName").asText())) {
        continue;
      }
      classes.add(name(gc));
      ArrayNode conds = F.arrayNode();
      long gen = generation(gc);
      conds.add(condition("Accepted", true, "Accepted", "Accepted by " + controllerName, gen));
      conds.add(condition("SupportedVersion", true, "SupportedVersion", "", gen));
      JsonNode old = gc.path("status").path("conditions");
      if (!Conditions.same(conds, old)) {
        ObjectNode copy = gc.deepCopy();
        status(copy).set("conditions", Conditions.withTransitionTimes(conds, old));
        updates.add(new Update("GatewayClass", copy));
      }
    }

    // Gateways of our classes, with their listeners evaluated once.
    Map<String, GatewayView> gateways = new LinkedHashMap<>();
    for (ObjectNode gw : s.list("Gateway")) {
      if (classes.contains(gw.path("spec").path("gatewayClassName").asText())) {
        gateways.put(namespace(gw) + "/" + name(gw), new GatewayView(gw, listeners(s, gw)));
      }
    }

    for (String kind : ROUTE_KINDS) {
      if (!s.serves(kind)) {
        continue;
      }
      for (ObjectNode route : s.list(kind)) {
        Update u = reconcileRoute(s, kind, route, gateways);
        if (u != null) {
          updates.add(u);
        }
      }
    }

    for (GatewayView g : gateways.values()) {
      Update u = gatewayStatus(g);
      if (u != null) {
        updates.add(u);
      }
    }
    return updates;
  }

  // ---------------------------------------------------------------------------------------------- Gateways

  private static final class ListenerView {
    final JsonNode spec;
    final String name;
    final String protocol;
    final long port;
    final String hostname;
    final List<String> supportedKinds = new ArrayList<>();
    boolean accepted = true;
    String acceptedReason = "Accepted";
    String acceptedMessage = "";
    boolean resolved = true;
    String resolvedReason = "ResolvedRefs";
    String resolvedMessage = "";
    String conflictReason;
    int attached;

    ListenerView(JsonNode spec) {
      this.spec = spec;
      this.name = spec.path("name").asText();
      this.protocol = spec.path("protocol").asText();
      this.port = spec.path("port").asLong();
      this.hostname = spec.hasNonNull("hostname") ? spec.path("hostname").asText() : null;
    }

    boolean usable() {
      return accepted && conflictReason == null && !supportedKinds.isEmpty() && (resolved || "InvalidRouteKinds".equals(resolvedReason));
    }
  }

  private static final class GatewayView {
    final ObjectNode gateway;
    final List<ListenerView> listeners;

    GatewayView(ObjectNode gateway, List<ListenerView> listeners) {
      this.gateway = gateway;
      this.listeners = listeners;
    }
  }

  private List<ListenerView> listeners(Snapshot s, ObjectNode gw) {
    List<ListenerView> out = new ArrayList<>();
    for (JsonNode l : gw.path("spec").path("listeners")) {
      out.add(new ListenerView(l));
    }
    String ns = namespace(gw);
    for (ListenerView l : out) {
      List<String> byProtocol = kindsFor(l.protocol, l.spec);
      if (byProtocol == null) {
        l.accepted = false;
        l.acceptedReason = "UnsupportedProtocol";
        l.acceptedMessage = "protocol " + l.protocol + " is not supported";
        continue;
      }
      JsonNode kinds = l.spec.path("allowedRoutes").path("kinds");
      if (kinds.isArray() && kinds.size() > 0) {
        List<String> invalid = new ArrayList<>();
        for (JsonNode k : kinds) {
          String group = k.has("group") ? k.path("group").asText() : GROUP;
          String kind = k.path("kind").asText();
          if (GROUP.equals(group) && byProtocol.contains(kind) && s.serves(kind)) {
            l.supportedKinds.add(kind);
          } else {
            invalid.add((group.isEmpty() ? "" : group + "/") + kind);
          }
        }
        if (!invalid.isEmpty()) {
          l.resolved = false;
          l.resolvedReason = "InvalidRouteKinds";
          l.resolvedMessage = "route kinds not supported on a " + l.protocol + " listener: " + String.join(", ", invalid);
        }
      } else {
        for (String k : byProtocol) {
          if (s.serves(k)) {
            l.supportedKinds.add(k);
          }
        }
      }
      if (l.resolved && ("HTTPS".equals(l.protocol) || "TLS".equals(l.protocol))) {
        checkCertificates(s, ns, l);
      }
    }
    // Listeners that are not distinct: same port, incompatible protocols or the same hostname.
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < out.size(); j++) {
        if (i == j) {
          continue;
        }
        ListenerView a = out.get(i);
        ListenerView b = out.get(j);
        if (a.port != b.port || !a.accepted || !b.accepted) {
          continue;
        }
        boolean udpVsTcp = ("TCP".equals(a.protocol) && "UDP".equals(b.protocol))
            || ("UDP".equals(a.protocol) && "TCP".equals(b.protocol));
        if (!a.protocol.equals(b.protocol) && !udpVsTcp) {
          a.conflictReason = "ProtocolConflict";
        } else if (a.protocol.equals(b.protocol) && Objects.equals(a.hostname, b.hostname) && a.conflictReason == null) {
          a.conflictReason = "HostnameConflict";
        }
      }
    }
    return out;
  }

  /** Route kinds a listener protocol carries, or null if the protocol is not supported. */
  private static List<String> kindsFor(String protocol, JsonNode listener) {
    switch (protocol) {
      case "HTTP":
      case "HTTPS":
        return List.of("HTTPRoute", "GRPCRoute");
      case "TLS":
        return List.of("TLSRoute");
      case "TCP":
        return List.of("TCPRoute");
      case "UDP":
        return List.of("UDPRoute");
      default:
        return null;
    }
  }

  private void checkCertificates(Snapshot s, String gatewayNamespace, ListenerView l) {
    JsonNode tls = l.spec.path("tls");
    String mode = tls.path("mode").asText("Terminate");
    if ("Passthrough".equals(mode)) {
      return;
    }
    JsonNode refs = tls.path("certificateRefs");
    if (!refs.isArray() || refs.size() == 0) {
      l.resolved = false;
      l.resolvedReason = "InvalidCertificateRef";
      l.resolvedMessage = "listener " + l.name + " terminates TLS but names no certificateRefs";
      return;
    }
    for (JsonNode ref : refs) {
      String group = ref.path("group").asText("");
      String kind = ref.path("kind").asText("Secret");
      String name = ref.path("name").asText();
      String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : gatewayNamespace;
      if (!group.isEmpty() || !"Secret".equals(kind)) {
        fail(l, "InvalidCertificateRef", "unsupported certificate reference kind " + (group.isEmpty() ? "" : group + "/") + kind);
        return;
      }
      if (!ns.equals(gatewayNamespace)
          && !permitted(s, GROUP, "Gateway", gatewayNamespace, "", "Secret", ns, name)) {
        fail(l, "RefNotPermitted", "Secret " + ns + "/" + name + " is in another namespace and no ReferenceGrant there allows it");
        return;
      }
      ObjectNode secret = s.get("Secret", ns, name);
      if (secret == null) {
        fail(l, "InvalidCertificateRef", "Secret " + ns + "/" + name + " does not exist");
        return;
      }
      String problem = certificateProblem(secret);
      if (problem != null) {
        fail(l, "InvalidCertificateRef", "Secret " + ns + "/" + name + " " + problem);
        return;
      }
    }
  }

  private static void fail(ListenerView l, String reason, String message) {
    l.resolved = false;
    l.resolvedReason = reason;
    l.resolvedMessage = message;
  }

  /** Why a Secret cannot serve as a TLS certificate, or null if it can. */
  static String certificateProblem(JsonNode secret) {
    JsonNode data = secret.path("data");
    String crt = decode(data.path("tls.crt").asText(null));
    String key = decode(data.path("tls.key").asText(null));
    if (crt == null && secret.path("stringData").has("tls.crt")) {
      crt = secret.path("stringData").path("tls.crt").asText();
      key = secret.path("stringData").path("tls.key").asText(null);
    }
    if (crt == null || crt.isBlank()) {
      return "has no tls.crt";
    }
    if (key == null || key.isBlank()) {
      return "has no tls.key";
    }
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(crt.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | RuntimeException e) {
      return "holds no valid PEM certificate in tls.crt";
    }
    if (!key.contains("PRIVATE KEY-----")) {
      return "holds no PEM private key in tls.key";
    }
    return null;
  }

  private static String decode(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private Update gatewayStatus(GatewayView g) {
    ObjectNode gw = g.gateway;
    long gen = generation(gw);
    int valid = 0;
    ArrayNode listeners = F.arrayNode();
    JsonNode oldListeners = gw.path("status").path("listeners");
    boolean program = !neverProgram.test(gw);
    for (ListenerView l : g.listeners) {
      ObjectNode ls = F.objectNode();
      ls.put("name", l.name);
      ArrayNode kinds = ls.putArray("supportedKinds");
      for (String k : l.supportedKinds) {
        kinds.addObject().put("group", GROUP).put("kind", k);
      }
      ls.put("attachedRoutes", l.attached);
      ArrayNode conds = F.arrayNode();
      conds.add(condition("Accepted", l.accepted, l.acceptedReason, l.acceptedMessage, gen));
      conds.add(condition("ResolvedRefs", l.resolved, l.resolvedReason, l.resolvedMessage, gen));
      conds.add(l.conflictReason == null
          ? condition("Conflicted", false, "NoConflicts", "", gen)
          : condition("Conflicted", true, l.conflictReason,
              "listener " + l.name + " conflicts with another listener on port " + l.port, gen));
      boolean usable = l.usable();
      if (usable) {
        valid++;
      }
      if (!usable) {
        conds.add(condition("Programmed", false, "Invalid", "listener " + l.name + " is not valid", gen));
      } else if (!program) {
        conds.add(condition("Programmed", false, "Pending", "waiting for the data plane", gen));
      } else {
        conds.add(condition("Programmed", true, "Programmed", "", gen));
      }
      JsonNode old = null;
      for (JsonNode o : oldListeners) {
        if (l.name.equals(o.path("name").asText())) {
          old = o;
        }
      }
      ls.set("conditions", Conditions.withTransitionTimes(conds, old == null ? null : old.path("conditions")));
      listeners.add(ls);
    }
    boolean allValid = valid == g.listeners.size();
    ArrayNode conds = F.arrayNode();
    if (allValid) {
      conds.add(condition("Accepted", true, "Accepted", "", gen));
    } else {
      conds.add(condition("Accepted", valid > 0, "ListenersNotValid",
          (g.listeners.size() - valid) + " of " + g.listeners.size() + " listeners are not valid", gen));
    }
    if (valid == 0) {
      conds.add(condition("Programmed", false, "Invalid", "no valid listener", gen));
    } else if (!program) {
      conds.add(condition("Programmed", false, "Pending", "waiting for the data plane", gen));
    } else {
      conds.add(condition("Programmed", true, "Programmed", "", gen));
    }
    ArrayNode addresses = F.arrayNode();
    if (program) {
      JsonNode wanted = gw.path("spec").path("addresses");
      if (wanted.isArray() && wanted.size() > 0) {
        for (JsonNode a : wanted) {
          addresses.addObject().put("type", a.path("type").asText("IPAddress")).put("value", a.path("value").asText());
        }
      } else {
        int h = (namespace(gw) + "/" + name(gw)).hashCode() & 0x7fffffff;
        // TEST-NET-1 (RFC 5737): documentation addresses that route nowhere.
        addresses.addObject().put("type", "IPAddress").put("value", "192.0.2." + (1 + h % 254));
      }
    }
    JsonNode old = gw.path("status");
    if (Conditions.same(conds, old.path("conditions")) && sameListeners(listeners, old.path("listeners"))
        && addresses.equals(old.has("addresses") ? old.path("addresses") : F.arrayNode())) {
      return null;
    }
    ObjectNode copy = gw.deepCopy();
    ObjectNode st = status(copy);
    st.set("conditions", Conditions.withTransitionTimes(conds, old.path("conditions")));
    st.set("listeners", listeners);
    if (addresses.size() > 0) {
      st.set("addresses", addresses);
    } else {
      st.remove("addresses");
    }
    return new Update("Gateway", copy);
  }

  private static boolean sameListeners(ArrayNode wanted, JsonNode old) {
    if (!old.isArray() || old.size() != wanted.size()) {
      return false;
    }
    for (int i = 0; i < wanted.size(); i++) {
      JsonNode w = wanted.get(i);
      JsonNode o = old.get(i);
      if (!w.path("name").equals(o.path("name")) || w.path("attachedRoutes").asLong() != o.path("attachedRoutes").asLong()
          || !w.path("supportedKinds").equals(o.path("supportedKinds"))
          || !Conditions.same(w.path("conditions"), o.path("conditions"))) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------ Routes

  private Update reconcileRoute(Snapshot s, String kind, ObjectNode route, Map<String, GatewayView> gateways) {
    String ns = namespace(route);
    long gen = generation(route);
    ArrayNode ours = F.arrayNode();
    String[] resolved = null;
    for (JsonNode ref : route.path("spec").path("parentRefs")) {
      String group = ref.has("group") ? ref.path("group").asText() : GROUP;
      String parentKind = ref.path("kind").asText("Gateway");
      if (!GROUP.equals(group) || !"Gateway".equals(parentKind)) {
        continue;
      }
      String gwNs = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : ns;
      GatewayView g = gateways.get(gwNs + "/" + ref.path("name").asText());
      if (g == null) {
        continue; // not a Gateway of ours: its controller writes this entry
      }
      if (resolved == null) {
        resolved = resolveRefs(s, kind, route);
      }
      String[] accepted = accept(s, kind, route, ref, g);
      ObjectNode entry = F.objectNode();
      entry.set("parentRef", normalizedParentRef(ref));
      entry.put("controllerName", controllerName);
      ArrayNode conds = F.arrayNode();
      conds.add(condition("Accepted", accepted[0] == null, accepted[0] == null ? "Accepted" : accepted[0],
          accepted[0] == null ? "" : accepted[1], gen));
      conds.add(condition("ResolvedRefs", resolved[0] == null, resolved[0] == null ? "ResolvedRefs" : resolved[0],
          resolved[0] == null ? "" : resolved[1], gen));
      entry.set("conditions", conds);
      ours.add(entry);
    }
    // Keep other controllers' entries; replace ours.
    ArrayNode parents = F.arrayNode();
    List<JsonNode> oldOurs = new ArrayList<>();
    for (JsonNode p : route.path("status").path("parents")) {
      if (controllerName.equals(p.path("controllerName").asText())) {
        oldOurs.add(p);
      } else {
        parents.add(p);
      }
    }
    boolean same = oldOurs.size() == ours.size();
    for (int i = 0; same && i < ours.size(); i++) {
      JsonNode w = ours.get(i);
      JsonNode o = oldOurs.get(i);
      same = normalizedParentRef(o.path("parentRef")).equals(w.path("parentRef"))
          && Conditions.same(w.path("conditions"), o.path("conditions"));
    }
    if (same) {
      return null;
    }
    for (JsonNode w : ours) {
      JsonNode old = null;
      for (JsonNode o : oldOurs) {
        if (normalizedParentRef(o.path("parentRef")).equals(w.path("parentRef"))) {
          old = o.path("conditions");
        }
      }
      Conditions.withTransitionTimes((ArrayNode) w.path("conditions"), old);
      parents.add(w);
    }
    ObjectNode copy = route.deepCopy();
    status(copy).set("parents", parents);
    return new Update(kind, copy);
  }

  private static ObjectNode normalizedParentRef(JsonNode ref) {
    ObjectNode n = F.objectNode();
    n.put("group", ref.has("group") ? ref.path("group").asText() : GROUP);
    n.put("kind", ref.path("kind").asText("Gateway"));
    if (ref.hasNonNull("namespace")) {
      n.put("namespace", ref.path("namespace").asText());
    }
    n.put("name", ref.path("name").asText());
    if (ref.hasNonNull("sectionName")) {
      n.put("sectionName", ref.path("sectionName").asText());
    }
    if (ref.hasNonNull("port")) {
      n.put("port", ref.path("port").asInt());
    }
    return n;
  }

  /** {reason, message} of a route not accepted by this parent, or {null, null}; counts attachments. */
  private String[] accept(Snapshot s, String kind, ObjectNode route, JsonNode ref, GatewayView g) {
    List<ListenerView> candidates = new ArrayList<>();
    for (ListenerView l : g.listeners) {
      if (ref.hasNonNull("sectionName") && !ref.path("sectionName").asText().equals(l.name)) {
        continue;
      }
      if (ref.hasNonNull("port") && ref.path("port").asLong() != l.port) {
        continue;
      }
      candidates.add(l);
    }
    String gwName = namespace(g.gateway) + "/" + name(g.gateway);
    if (candidates.isEmpty()) {
      return new String[] {"NoMatchingParent", "Gateway " + gwName + " has no listener"
          + (ref.hasNonNull("sectionName") ? " named " + ref.path("sectionName").asText() : "")
          + (ref.hasNonNull("port") ? " on port " + ref.path("port").asText() : "")};
    }
    List<ListenerView> allowed = new ArrayList<>();
    for (ListenerView l : candidates) {
      if (l.usable() && l.supportedKinds.contains(kind) && namespaceAllowed(s, l, namespace(g.gateway), namespace(route))) {
        allowed.add(l);
      }
    }
    if (allowed.isEmpty()) {
      return new String[] {"NotAllowedByListeners",
          "no listener of Gateway " + gwName + " allows " + kind + " from namespace " + namespace(route)};
    }
    List<ListenerView> matching = new ArrayList<>();
    if ("TCPRoute".equals(kind) || "UDPRoute".equals(kind)) {
      matching.addAll(allowed);
    } else {
      for (ListenerView l : allowed) {
        if (hostnamesIntersect(l.hostname, route.path("spec").path("hostnames"))) {
          matching.add(l);
        }
      }
    }
    if (matching.isEmpty()) {
      return new String[] {"NoMatchingListenerHostname",
          "no hostname of the route matches a listener hostname of Gateway " + gwName};
    }
    if (rejectRoute.test(route)) {
      return new String[] {"UnsupportedValue", "rejected by the simulated controller (failure injection)"};
    }
    for (ListenerView l : matching) {
      l.attached++;
    }
    return new String[] {null, null};
  }

  private static boolean namespaceAllowed(Snapshot s, ListenerView l, String gatewayNs, String routeNs) {
    JsonNode namespaces = l.spec.path("allowedRoutes").path("namespaces");
    String from = namespaces.path("from").asText("Same");
    switch (from) {
      case "All":
        return true;
      case "Same":
        return gatewayNs.equals(routeNs);
      case "Selector":
        ObjectNode ns = s.get("Namespace", null, routeNs);
        Map<String, String> labels = new HashMap<>();
        if (ns != null) {
          ns.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        labels.putIfAbsent("kubernetes.io/metadata.name", routeNs);
        return Selectors.matches(namespaces.path("selector"), labels);
      default:
        return false;
    }
  }

  static boolean hostnamesIntersect(String listenerHostname, JsonNode routeHostnames) {
    if (listenerHostname == null || !routeHostnames.isArray() || routeHostnames.size() == 0) {
      return true;
    }
    for (JsonNode h : routeHostnames) {
      if (hostnameMatches(listenerHostname, h.asText())) {
        return true;
      }
    }
    return false;
  }

  static boolean hostnameMatches(String a, String b) {
    if (a.equalsIgnoreCase(b)) {
      return true;
    }
    boolean wa = a.startsWith("*.");
    boolean wb = b.startsWith("*.");
    if (wa && wb) {
      return a.substring(1).endsWith(b.substring(1)) || b.substring(1).endsWith(a.substring(1));
    }
    if (wa) {
      return b.length() > a.length() - 1 && b.toLowerCase().endsWith(a.substring(1).toLowerCase());
    }
    if (wb) {
      return a.length() > b.length() - 1 && a.toLowerCase().endsWith(b.substring(1).toLowerCase());
    }
    return false;
  }

  /** {reason, message} of the first backend reference that does not resolve, or {null, null}. */
  private static String[] resolveRefs(Snapshot s, String kind, ObjectNode route) {
    String ns = namespace(route);
    for (JsonNode rule : route.path("spec").path("rules")) {
      for (JsonNode ref : rule.path("backendRefs")) {
        String group = ref.path("group").asText("");
        String refKind = ref.path("kind").asText("Service");
        String name = ref.path("name").asText();
        String refNs = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : ns;
        if (!group.isEmpty() || !"Service".equals(refKind)) {
          return new String[] {"InvalidKind",
              "backendRef " + name + " has unsupported kind " + (group.isEmpty() ? "" : group + "/") + refKind};
        }
        if (!refNs.equals(ns) && !permitted(s, GROUP, kind, ns, "", "Service", refNs, name)) {
          return new String[] {"RefNotPermitted", "backendRef to Service " + refNs + "/" + name
              + " is not permitted: no ReferenceGrant in " + refNs + " allows " + kind + "s from " + ns};
        }
        ObjectNode svc = s.get("Service", refNs, name);
        if (svc == null) {
          return new String[] {"BackendNotFound", "Service " + refNs + "/" + name + " not found"};
        }
        if (!ref.hasNonNull("port")) {
          return new String[] {"BackendNotFound", "backendRef to Service " + refNs + "/" + name + " has no port"};
        }
        long port = ref.path("port").asLong();
        boolean found = false;
        for (JsonNode p : svc.path("spec").path("ports")) {
          found |= p.path("port").asLong() == port;
        }
        if (!found) {
          return new String[] {"BackendNotFound", "Service " + refNs + "/" + name + " has no port " + port};
        }
      }
    }
    return new String[] {null, null};
  }

  /** Whether a ReferenceGrant in {@code toNs} lets the "from" object refer to the "to" object. */
  static boolean permitted(Snapshot s, String fromGroup, String fromKind, String fromNs,
      String toGroup, String toKind, String toNs, String toName) {
    if (!s.serves("ReferenceGrant")) {
      return false;
    }
    for (ObjectNode grant : s.list("ReferenceGrant")) {
      if (!toNs.equals(namespace(grant))) {
        continue;
      }
      boolean fromOk = false;
      for (JsonNode f : grant.path("spec").path("from")) {
        fromOk |= fromGroup.equals(f.path("group").asText()) && fromKind.equals(f.path("kind").asText())
            && fromNs.equals(f.path("namespace").asText());
      }
      if (!fromOk) {
        continue;
      }
      for (JsonNode t : grant.path("spec").path("to")) {
        if (toGroup.equals(t.path("group").asText()) && toKind.equals(t.path("kind").asText())
            && (!t.hasNonNull("name") || toName.equals(t.path("name").asText()))) {
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static ObjectNode status(ObjectNode o) {
    JsonNode st = o.get("status");
    if (st instanceof ObjectNode) {
      return (ObjectNode) st;
    }
    return o.putObject("status");
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }

  static long generation(JsonNode o) {
    return o.path("metadata").path("generation").asLong(1);
  }
}
