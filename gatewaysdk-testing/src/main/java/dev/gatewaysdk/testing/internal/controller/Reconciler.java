package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.Conditions.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.GatewayApiKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes the status a conformant Gateway API implementation writes, from a snapshot of the
 * cluster: for GatewayClasses of its controller name, their Gateways (listeners, addresses,
 * attached route and ListenerSet counts), the ListenerSets attached to them, routes' {@code
 * parents[]} entries for those parents, and BackendTLSPolicies' {@code ancestors[]} ({@link
 * BackendTlsPolicies}). Pure: reads the snapshot, returns the objects whose status must change,
 * plus Warning {@link Events} for new refusals. Reasons follow the spec of the targeted Gateway API
 * release. A data plane that binds listeners can plug in where {@code neverProgram} decides {@code
 * Programmed}.
 */
public final class Reconciler {
  static final String GROUP = GatewayApiKind.GROUP;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> ROUTE_KINDS =
      List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

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
      return kind
          + " "
          + object.path("metadata").path("namespace").asText("")
          + "/"
          + object.path("metadata").path("name").asText();
    }
  }

  /**
   * The optional TLS listener features (conformance feature names) this controller supports:
   * listeners of {@code protocol: TLS} that terminate TLS, and terminating and passthrough TLS
   * listeners sharing a port.
   */
  static final Set<String> TLS_FEATURES = Set.of("TLSRouteModeTerminate", "TLSRouteModeMixed");

  private final String controllerName;
  private final Predicate<ObjectNode> neverProgram;
  private final Predicate<ObjectNode> rejectRoute;
  private final Set<String> tlsFeatures;

  public Reconciler(
      String controllerName,
      Predicate<ObjectNode> neverProgram,
      Predicate<ObjectNode> rejectRoute) {
    this(controllerName, neverProgram, rejectRoute, TLS_FEATURES);
  }

  /**
   * A reconciler supporting only these of {@link #TLS_FEATURES}: without {@code
   * TLSRouteModeTerminate} a terminating TLS listener is {@code Accepted=False UnsupportedValue};
   * without {@code TLSRouteModeMixed} terminating and passthrough TLS listeners on one port are
   * both {@code ProtocolConflict} (as the conformance suite expects of such implementations).
   */
  Reconciler(
      String controllerName,
      Predicate<ObjectNode> neverProgram,
      Predicate<ObjectNode> rejectRoute,
      Set<String> tlsFeatures) {
    this.controllerName = controllerName;
    this.neverProgram = neverProgram;
    this.rejectRoute = rejectRoute;
    this.tlsFeatures = Set.copyOf(tlsFeatures);
  }

  /** The statuses to write (and the Events to create) for the cluster as {@code s} shows it. */
  public List<Update> reconcile(Snapshot s) {
    return reconcile(s, null);
  }

  /**
   * Reconciles {@code s}; a Gateway with an entry in {@code bindings} (null: no data plane) gets
   * its address and its served listeners' {@code Programmed}/{@code PortUnavailable} from the data
   * plane.
   */
  public List<Update> reconcile(Snapshot s, Map<String, DataPlaneHook.Binding> bindings) {
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

    // Gateways of our classes and their ListenerSets, with their listeners evaluated once.
    Map<String, GatewayView> gateways = new LinkedHashMap<>();
    for (ObjectNode gw : s.list("Gateway")) {
      if (classes.contains(gw.path("spec").path("gatewayClassName").asText())) {
        gateways.put(
            namespace(gw) + "/" + name(gw),
            new GatewayView(gw, listeners(s, gw, "Gateway"), GatewayAddresses.refusal(s, gw)));
      }
    }
    Map<String, ListenerSetView> listenerSets = listenerSets(s, gateways);
    for (GatewayView g : gateways.values()) {
      List<ListenerView> merged = new ArrayList<>(g.listeners);
      for (ListenerSetView ls : g.listenerSets) {
        if (ls.allowed) {
          merged.addAll(ls.listeners);
        }
      }
      markConflicts(merged);
      if (!tlsFeatures.contains("TLSRouteModeMixed")) {
        markMixedTlsModes(merged);
      }
    }

    for (String kind : ROUTE_KINDS) {
      if (!s.serves(kind)) {
        continue;
      }
      for (ObjectNode route : s.list(kind)) {
        reconcileRoute(s, kind, route, gateways, listenerSets, updates);
      }
    }

    for (GatewayView g : gateways.values()) {
      gatewayStatus(
          s,
          g,
          updates,
          bindings == null ? null : bindings.get(namespace(g.gateway) + "/" + name(g.gateway)));
    }
    for (ListenerSetView ls : listenerSets.values()) {
      listenerSetStatus(ls, updates);
    }
    if (s.serves("BackendTLSPolicy")) {
      Map<String, String> parentOf = new HashMap<>();
      listenerSets.forEach(
          (key, ls) ->
              parentOf.put(key, namespace(ls.parent.gateway) + "/" + name(ls.parent.gateway)));
      updates.addAll(
          new BackendTlsPolicies(controllerName, s, gateways.keySet(), parentOf).reconcile());
    }
    return updates;
  }

  // ----------------------------------------------------------------------------------------------
  // Gateways

  static final class ListenerView {
    final JsonNode spec;

    /** The Gateway or ListenerSet that declares this listener. */
    final ObjectNode owner;

    final String ownerKind;
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

    ListenerView(JsonNode spec, ObjectNode owner, String ownerKind) {
      this.spec = spec;
      this.owner = owner;
      this.ownerKind = ownerKind;
      this.name = spec.path("name").asText();
      this.protocol = spec.path("protocol").asText();
      this.port = spec.path("port").asLong();
      this.hostname = spec.hasNonNull("hostname") ? spec.path("hostname").asText() : null;
    }

    /** Valid enough to generate data-plane configuration (counts towards the parent's Accepted). */
    boolean usable() {
      return accepted
          && conflictReason == null
          && !supportedKinds.isEmpty()
          && (resolved || "InvalidRouteKinds".equals(resolvedReason));
    }

    /** Why this listener is not programmed, for events and messages; null when it is usable. */
    String problem() {
      if (conflictReason != null) {
        return conflictReason;
      }
      if (!accepted) {
        return acceptedReason + ": " + acceptedMessage;
      }
      if (!resolved) {
        return resolvedReason + ": " + resolvedMessage;
      }
      return supportedKinds.isEmpty() ? "no supported route kinds" : null;
    }
  }

  static final class GatewayView {
    final ObjectNode gateway;
    final List<ListenerView> listeners;

    /**
     * ListenerSets whose parentRef names this Gateway, in precedence order (oldest, then
     * namespace/name).
     */
    final List<ListenerSetView> listenerSets = new ArrayList<>();

    /**
     * {reason, message} when the Gateway as a whole is refused (addresses, parameters), else null.
     */
    final String[] refused;

    GatewayView(ObjectNode gateway, List<ListenerView> listeners, String[] refused) {
      this.gateway = gateway;
      this.listeners = listeners;
      this.refused = refused;
    }

    boolean accepted() {
      return refused == null && listeners.stream().anyMatch(ListenerView::usable);
    }
  }

  static final class ListenerSetView {
    final ObjectNode listenerSet;
    final GatewayView parent;

    /** Selected by the parent Gateway's allowedListeners. */
    final boolean allowed;

    final List<ListenerView> listeners;

    ListenerSetView(
        ObjectNode listenerSet, GatewayView parent, boolean allowed, List<ListenerView> listeners) {
      this.listenerSet = listenerSet;
      this.parent = parent;
      this.allowed = allowed;
      this.listeners = listeners;
    }

    /** Accepted: allowed, parent accepted, and at least one valid listener. */
    boolean accepted() {
      return allowed && parent.accepted() && listeners.stream().anyMatch(ListenerView::usable);
    }
  }

  private List<ListenerView> listeners(Snapshot s, ObjectNode owner, String ownerKind) {
    List<ListenerView> out = new ArrayList<>();
    for (JsonNode l : owner.path("spec").path("listeners")) {
      out.add(new ListenerView(l, owner, ownerKind));
    }
    String ns = namespace(owner);
    for (ListenerView l : out) {
      List<String> byProtocol = kindsFor(l.protocol, l.spec);
      if (byProtocol == null) {
        l.accepted = false;
        l.acceptedReason = "UnsupportedProtocol";
        l.acceptedMessage = "protocol " + l.protocol + " is not supported";
        continue;
      }
      if ("TLS".equals(l.protocol)
          && "Terminate".equals(tlsMode(l))
          && !tlsFeatures.contains("TLSRouteModeTerminate")) {
        l.accepted = false;
        l.acceptedReason = "UnsupportedValue";
        l.acceptedMessage = "TLS listener mode Terminate is not supported";
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
          l.resolvedMessage =
              "route kinds not supported on a "
                  + l.protocol
                  + " listener: "
                  + String.join(", ", invalid);
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
      if ("HTTPS".equals(l.protocol) && "Gateway".equals(ownerKind)) {
        FrontendTls.check(s, owner, l);
      }
    }
    return out;
  }

  /**
   * Marks listeners that are not distinct. {@code merged} is in precedence order (the Gateway's own
   * listeners, then its ListenerSets' oldest first), each owner's listeners together. Owner by
   * owner: a listener that clashes with a served listener of an earlier owner loses; then, among
   * the owner's listeners that did not lose, both of a clashing pair are conflicted (the spec
   * forbids picking a winner within one object). A listener that lost is not served, so it
   * conflicts nothing after it.
   */
  private static void markConflicts(List<ListenerView> merged) {
    int from = 0;
    while (from < merged.size()) {
      ObjectNode owner = merged.get(from).owner;
      int to = from;
      while (to < merged.size() && merged.get(to).owner == owner) {
        to++;
      }
      for (int j = from; j < to; j++) {
        for (int i = 0; i < from; i++) {
          if (merged.get(i).conflictReason == null) {
            clash(merged.get(i), merged.get(j));
          }
        }
      }
      List<ListenerView> lost = new ArrayList<>();
      for (int j = from; j < to; j++) {
        if (merged.get(j).conflictReason != null) {
          lost.add(merged.get(j));
        }
      }
      for (int j = from; j < to; j++) {
        for (int i = from; i < to; i++) {
          ListenerView a = merged.get(i);
          if (i != j && !lost.contains(a) && !lost.contains(merged.get(j))) {
            clash(a, merged.get(j));
          }
        }
      }
      from = to;
    }
  }

  /**
   * Without mixed TLS modes: TLS listeners that share a port but not a mode are both conflicted and
   * carry no route kind.
   */
  private static void markMixedTlsModes(List<ListenerView> merged) {
    List<ListenerView> mixed = new ArrayList<>();
    for (ListenerView a : merged) {
      for (ListenerView b : merged) {
        if (a != b
            && "TLS".equals(a.protocol)
            && "TLS".equals(b.protocol)
            && a.port == b.port
            && a.accepted
            && b.accepted
            && a.conflictReason == null
            && !tlsMode(a).equals(tlsMode(b))) {
          mixed.add(a);
        }
      }
    }
    for (ListenerView l : mixed) {
      l.conflictReason = "ProtocolConflict";
      l.supportedKinds.clear();
    }
  }

  private static String tlsMode(ListenerView l) {
    return l.spec.path("tls").path("mode").asText("Terminate");
  }

  /** Marks {@code b} conflicted if it is not distinct from {@code a}. */
  private static void clash(ListenerView a, ListenerView b) {
    if (a.port != b.port || !a.accepted || !b.accepted) {
      return;
    }
    boolean udpVsTcp =
        ("TCP".equals(a.protocol) && "UDP".equals(b.protocol))
            || ("UDP".equals(a.protocol) && "TCP".equals(b.protocol));
    if (!a.protocol.equals(b.protocol) && !udpVsTcp) {
      b.conflictReason = "ProtocolConflict";
    } else if (a.protocol.equals(b.protocol)
        && Objects.equals(a.hostname, b.hostname)
        && b.conflictReason == null) {
      b.conflictReason = "HostnameConflict";
    }
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
    if ("Passthrough".equals(tlsMode(l))) {
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
        fail(
            l,
            "InvalidCertificateRef",
            "unsupported certificate reference kind "
                + (group.isEmpty() ? "" : group + "/")
                + kind);
        return;
      }
      if (!ns.equals(gatewayNamespace)
          && !permitted(s, GROUP, l.ownerKind, gatewayNamespace, "", "Secret", ns, name)) {
        fail(
            l,
            "RefNotPermitted",
            "Secret "
                + ns
                + "/"
                + name
                + " is in another namespace and no ReferenceGrant there allows it");
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
  public static String certificateProblem(JsonNode secret) {
    return TlsSecret.read(secret).problem();
  }

  public static String decode(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * The {@code status.listeners[]} entries for these listeners; counts the usable ones into {@code
   * valid[0]}.
   */
  private ArrayNode listenerStatuses(
      String kind,
      ObjectNode owner,
      List<ListenerView> views,
      long gen,
      boolean program,
      int[] valid,
      List<Update> events,
      DataPlaneHook.Binding binding) {
    JsonNode oldListeners = owner.path("status").path("listeners");
    ArrayNode listeners = F.arrayNode();
    for (ListenerView l : views) {
      ObjectNode ls = F.objectNode();
      ls.put("name", l.name);
      ArrayNode kinds = ls.putArray("supportedKinds");
      for (String k : l.supportedKinds) {
        kinds.addObject().put("group", GROUP).put("kind", k);
      }
      ls.put("attachedRoutes", l.attached);
      ArrayNode conds = F.arrayNode();
      if (l.conflictReason != null) {
        String message =
            "listener " + l.name + " conflicts with another listener on port " + l.port;
        conds.add(condition("Accepted", false, l.conflictReason, message, gen));
        conds.add(condition("ResolvedRefs", l.resolved, l.resolvedReason, l.resolvedMessage, gen));
        conds.add(condition("Conflicted", true, l.conflictReason, message, gen));
        // ListenerSet entries report the conflict as the Programmed reason too (conformance:
        // listenerset-*-conflict);
        // a Gateway's own listeners use the Gateway listener reason Invalid.
        conds.add(
            condition(
                "Programmed",
                false,
                "ListenerSet".equals(kind) ? l.conflictReason : "Invalid",
                message,
                gen));
      } else {
        String bindProblem = bindProblem(binding, l);
        conds.add(
            bindProblem != null && l.accepted
                ? condition("Accepted", false, "PortUnavailable", bindProblem, gen)
                : condition("Accepted", l.accepted, l.acceptedReason, l.acceptedMessage, gen));
        conds.add(condition("ResolvedRefs", l.resolved, l.resolvedReason, l.resolvedMessage, gen));
        conds.add(condition("Conflicted", false, "NoConflicts", "", gen));
        if (!l.usable()) {
          conds.add(
              condition(
                  "Programmed",
                  false,
                  "Invalid",
                  "listener " + l.name + " is not valid: " + l.problem(),
                  gen));
        } else if (bindProblem != null) {
          conds.add(condition("Programmed", false, "Invalid", bindProblem, gen));
        } else if (!program) {
          conds.add(condition("Programmed", false, "Pending", "waiting for the data plane", gen));
        } else {
          String socket = binding == null ? null : binding.bound.get(l.name);
          conds.add(
              condition(
                  "Programmed",
                  true,
                  "Programmed",
                  socket == null ? "" : "listening on " + socket,
                  gen));
        }
      }
      if (l.usable() && bindProblem(binding, l) == null) {
        valid[0]++;
      }
      JsonNode old = null;
      for (JsonNode o : oldListeners) {
        if (l.name.equals(o.path("name").asText())) {
          old = o;
        }
      }
      JsonNode oldConds = old == null ? null : old.path("conditions");
      Events.forNewRefusals(
          controllerName, kind, owner, "listener " + l.name, conds, oldConds, events);
      ls.set("conditions", Conditions.withTransitionTimes(conds, oldConds));
      listeners.add(ls);
    }
    return listeners;
  }

  /** Why the data plane could not bind listener {@code l}, or null (bound, or not served by it). */
  private static String bindProblem(DataPlaneHook.Binding binding, ListenerView l) {
    return binding == null ? null : binding.problems.get(l.name);
  }

  private void gatewayStatus(
      Snapshot s, GatewayView g, List<Update> updates, DataPlaneHook.Binding binding) {
    ObjectNode gw = g.gateway;
    long gen = generation(gw);
    boolean program = !neverProgram.test(gw);
    int[] counted = {0};
    List<Update> events = new ArrayList<>();
    ArrayNode listeners =
        listenerStatuses("Gateway", gw, g.listeners, gen, program, counted, events, binding);
    int valid = counted[0];
    boolean allValid = valid == g.listeners.size();
    ArrayNode conds = F.arrayNode();
    String[] refused = g.refused;
    String[] unusable = refused == null ? GatewayAddresses.unusable(gw) : null;
    if (refused != null) {
      conds.add(condition("Accepted", false, refused[0], refused[1], gen));
    } else if (allValid) {
      conds.add(condition("Accepted", true, "Accepted", "", gen));
    } else {
      List<String> invalid = new ArrayList<>();
      for (ListenerView l : g.listeners) {
        if (!l.usable()) {
          invalid.add(l.name + " (" + l.problem() + ")");
        } else if (bindProblem(binding, l) != null) {
          invalid.add(l.name + " (" + bindProblem(binding, l) + ")");
        }
      }
      conds.add(
          condition(
              "Accepted",
              valid > 0,
              "ListenersNotValid",
              (g.listeners.size() - valid)
                  + " of "
                  + g.listeners.size()
                  + " listeners are not valid: "
                  + String.join(", ", invalid),
              gen));
    }
    if (refused != null) {
      conds.add(
          condition(
              "Programmed", false, "Invalid", "the Gateway is not accepted: " + refused[0], gen));
    } else if (valid == 0) {
      conds.add(condition("Programmed", false, "Invalid", "no valid listener", gen));
    } else if (unusable != null) {
      conds.add(condition("Programmed", false, "AddressNotUsable", unusable[1], gen));
    } else if (binding != null && binding.addressProblem != null) {
      conds.add(condition("Programmed", false, "AddressNotUsable", binding.addressProblem, gen));
    } else if (!program) {
      conds.add(condition("Programmed", false, "Pending", "waiting for the data plane", gen));
    } else {
      conds.add(condition("Programmed", true, "Programmed", "", gen));
    }
    conds.add(FrontendTls.gatewayResolvedRefs(s, gw, g.listeners, gen));
    ObjectNode insecure = FrontendTls.insecureMode(gw, gen);
    if (insecure != null) {
      conds.add(insecure);
    }
    ArrayNode addresses = F.arrayNode();
    if (program && refused == null && unusable == null && binding != null) {
      if (binding.address != null) {
        addresses.addObject().put("type", "IPAddress").put("value", binding.address);
      }
    } else if (program && refused == null && unusable == null) {
      JsonNode wanted = gw.path("spec").path("addresses");
      if (wanted.isArray() && wanted.size() > 0) {
        for (JsonNode a : wanted) {
          String type = a.path("type").asText("IPAddress");
          addresses
              .addObject()
              .put("type", type)
              .put("value", GatewayAddresses.assigned(gw, type, a.path("value").asText()));
        }
      } else {
        addresses
            .addObject()
            .put("type", "IPAddress")
            .put("value", GatewayAddresses.testNetAddress(gw));
      }
    }
    Integer attachedSets = null;
    if (s.serves("ListenerSet")) {
      int n = 0;
      for (ListenerSetView ls : g.listenerSets) {
        n += ls.accepted() ? 1 : 0;
      }
      attachedSets = n;
    }
    JsonNode old = gw.path("status");
    if (Conditions.same(conds, old.path("conditions"))
        && sameListeners(listeners, old.path("listeners"))
        && addresses.equals(old.has("addresses") ? old.path("addresses") : F.arrayNode())
        && (attachedSets == null || old.path("attachedListenerSets").asInt(-1) == attachedSets)) {
      return;
    }
    ObjectNode st = write("Gateway", gw, conds, listeners, events, updates);
    if (addresses.size() > 0) {
      st.set("addresses", addresses);
    } else {
      st.remove("addresses");
    }
    if (attachedSets != null) {
      st.put("attachedListenerSets", attachedSets);
    }
  }

  /**
   * Adds to {@code updates} a copy of {@code o} with these conditions and listener statuses,
   * followed by the listener {@code events} and one per new refusal among {@code conds}; returns
   * the copy's status.
   */
  private ObjectNode write(
      String kind,
      ObjectNode o,
      ArrayNode conds,
      ArrayNode listeners,
      List<Update> events,
      List<Update> updates) {
    JsonNode old = o.path("status").path("conditions");
    Events.forNewRefusals(controllerName, kind, o, kind, conds, old, events);
    ObjectNode copy = o.deepCopy();
    ObjectNode st = status(copy);
    st.set("conditions", Conditions.withTransitionTimes(conds, old));
    st.set("listeners", listeners);
    updates.add(new Update(kind, copy));
    updates.addAll(events);
    return st;
  }

  // ----------------------------------------------------------------------------------------------
  // ListenerSets

  /**
   * ListenerSets whose parent is a Gateway of ours, by namespace/name; also filled into each
   * GatewayView.
   */
  private Map<String, ListenerSetView> listenerSets(Snapshot s, Map<String, GatewayView> gateways) {
    Map<String, ListenerSetView> out = new LinkedHashMap<>();
    if (!s.serves("ListenerSet")) {
      return out;
    }
    List<ObjectNode> sets = new ArrayList<>(s.list("ListenerSet"));
    sets.sort(
        Comparator.comparing(
                (ObjectNode o) -> o.path("metadata").path("creationTimestamp").asText(""))
            .thenComparing(o -> namespace(o) + "/" + name(o)));
    for (ObjectNode ls : sets) {
      JsonNode ref = ls.path("spec").path("parentRef");
      if (!GROUP.equals(ref.path("group").asText(GROUP))
          || !"Gateway".equals(ref.path("kind").asText("Gateway"))) {
        continue;
      }
      String gwNs = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : namespace(ls);
      GatewayView g = gateways.get(gwNs + "/" + ref.path("name").asText());
      if (g == null) {
        continue; // another controller's Gateway, or none: not ours to write
      }
      boolean allowed = listenerSetAllowed(s, g.gateway, namespace(ls));
      ListenerSetView v =
          new ListenerSetView(
              ls, g, allowed, allowed ? listeners(s, ls, "ListenerSet") : List.of());
      g.listenerSets.add(v);
      out.put(namespace(ls) + "/" + name(ls), v);
    }
    return out;
  }

  /**
   * Whether Gateway {@code gw}'s {@code allowedListeners} admits ListenerSets of namespace {@code
   * lsNamespace}.
   */
  public static boolean listenerSetAllowed(Snapshot s, ObjectNode gw, String lsNamespace) {
    JsonNode namespaces = gw.path("spec").path("allowedListeners").path("namespaces");
    switch (namespaces.path("from").asText("None")) {
      case "All":
        return true;
      case "Same":
        return namespace(gw).equals(lsNamespace);
      case "Selector":
        return Selectors.matches(namespaces.path("selector"), namespaceLabels(s, lsNamespace));
      default:
        return false;
    }
  }

  private void listenerSetStatus(ListenerSetView v, List<Update> updates) {
    ObjectNode ls = v.listenerSet;
    long gen = generation(ls);
    String gwName = namespace(v.parent.gateway) + "/" + name(v.parent.gateway);
    boolean program = !neverProgram.test(v.parent.gateway);
    int[] counted = {0};
    List<Update> events = new ArrayList<>();
    ArrayNode listeners =
        listenerStatuses("ListenerSet", ls, v.listeners, gen, program, counted, events, null);
    int valid = counted[0];
    ArrayNode conds = F.arrayNode();
    if (!v.allowed) {
      String msg =
          "Gateway "
              + gwName
              + " does not allow ListenerSets from namespace "
              + namespace(ls)
              + " (spec.allowedListeners)";
      conds.add(condition("Accepted", false, "NotAllowed", msg, gen));
      conds.add(condition("Programmed", false, "NotAllowed", msg, gen));
    } else if (!v.parent.accepted()) {
      String msg = "parent Gateway " + gwName + " is not accepted";
      conds.add(condition("Accepted", false, "ParentNotAccepted", msg, gen));
      conds.add(condition("Programmed", false, "ParentNotAccepted", msg, gen));
    } else if (valid == 0) {
      String msg = "none of the " + v.listeners.size() + " listeners is valid";
      conds.add(condition("Accepted", false, "ListenersNotValid", msg, gen));
      conds.add(condition("Programmed", false, "ListenersNotValid", msg, gen));
    } else {
      conds.add(
          valid == v.listeners.size()
              ? condition("Accepted", true, "Accepted", "", gen)
              : condition(
                  "Accepted",
                  true,
                  "ListenersNotValid",
                  (v.listeners.size() - valid)
                      + " of "
                      + v.listeners.size()
                      + " listeners are not valid",
                  gen));
      conds.add(
          program
              ? condition("Programmed", true, "Programmed", "", gen)
              : condition("Programmed", false, "Pending", "waiting for the data plane", gen));
    }
    JsonNode old = ls.path("status");
    if (Conditions.same(conds, old.path("conditions"))
        && sameListeners(listeners, old.path("listeners"))) {
      return;
    }
    write("ListenerSet", ls, conds, listeners, events, updates);
  }

  private static boolean sameListeners(ArrayNode wanted, JsonNode old) {
    if (!old.isArray() || old.size() != wanted.size()) {
      return false;
    }
    for (int i = 0; i < wanted.size(); i++) {
      JsonNode w = wanted.get(i);
      JsonNode o = old.get(i);
      if (!w.path("name").equals(o.path("name"))
          || w.path("attachedRoutes").asLong() != o.path("attachedRoutes").asLong()
          || !w.path("supportedKinds").equals(o.path("supportedKinds"))
          || !Conditions.same(w.path("conditions"), o.path("conditions"))) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------ Routes

  private void reconcileRoute(
      Snapshot s,
      String kind,
      ObjectNode route,
      Map<String, GatewayView> gateways,
      Map<String, ListenerSetView> listenerSets,
      List<Update> updates) {
    String ns = namespace(route);
    long gen = generation(route);
    ArrayNode ours = F.arrayNode();
    String[] resolved = null;
    for (JsonNode ref : route.path("spec").path("parentRefs")) {
      String group = ref.has("group") ? ref.path("group").asText() : GROUP;
      String parentKind = ref.path("kind").asText("Gateway");
      if (!GROUP.equals(group)) {
        continue;
      }
      String parentNs = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : ns;
      String key = parentNs + "/" + ref.path("name").asText();
      String[] accepted;
      if ("Gateway".equals(parentKind) && gateways.containsKey(key)) {
        GatewayView g = gateways.get(key);
        accepted = accept(s, kind, route, ref, "Gateway " + key, g.listeners, namespace(g.gateway));
      } else if ("ListenerSet".equals(parentKind) && listenerSets.containsKey(key)) {
        ListenerSetView ls = listenerSets.get(key);
        accepted =
            ls.accepted()
                ? accept(
                    s,
                    kind,
                    route,
                    ref,
                    "ListenerSet " + key,
                    ls.listeners,
                    namespace(ls.listenerSet))
                : new String[] {
                  "NotAllowedByListeners",
                  "ListenerSet "
                      + key
                      + " is not accepted by its Gateway "
                      + namespace(ls.parent.gateway)
                      + "/"
                      + name(ls.parent.gateway)
                };
      } else {
        continue; // not a parent of ours: its controller writes this entry
      }
      if (resolved == null) {
        resolved = resolveRefs(s, kind, route);
      }
      ObjectNode entry = F.objectNode();
      entry.set("parentRef", normalizedParentRef(ref));
      entry.put("controllerName", controllerName);
      ArrayNode conds = F.arrayNode();
      conds.add(
          condition(
              "Accepted",
              accepted[0] == null,
              accepted[0] == null ? "Accepted" : accepted[0],
              accepted[0] == null ? "" : accepted[1],
              gen));
      conds.add(
          condition(
              "ResolvedRefs",
              resolved[0] == null,
              resolved[0] == null ? "ResolvedRefs" : resolved[0],
              resolved[0] == null ? "" : resolved[1],
              gen));
      entry.set("conditions", conds);
      ours.add(entry);
    }
    // Keep other controllers' entries; replace ours (the CRD allows 32).
    ArrayNode parents =
        Conditions.mergeEntries(
            controllerName,
            route.path("status").path("parents"),
            ours,
            e -> normalizedParentRef(e.path("parentRef")),
            32,
            (w, old) ->
                Events.forNewRefusals(
                    controllerName,
                    kind,
                    route,
                    "parent " + describe(w.path("parentRef")),
                    w.path("conditions"),
                    old,
                    updates));
    if (parents == null) {
      return;
    }
    ObjectNode copy = route.deepCopy();
    status(copy).set("parents", parents);
    updates.add(new Update(kind, copy));
  }

  private static String describe(JsonNode parentRef) {
    return parentRef.path("kind").asText()
        + " "
        + (parentRef.has("namespace") ? parentRef.path("namespace").asText() + "/" : "")
        + parentRef.path("name").asText()
        + (parentRef.has("sectionName")
            ? " section " + parentRef.path("sectionName").asText()
            : "");
  }

  static ObjectNode normalizedParentRef(JsonNode ref) {
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

  /**
   * {reason, message} of a route not accepted by this parent (a Gateway or a ListenerSet with these
   * listeners), or {null, null}; counts attachments. Listener status does not impact attachment
   * (the spec's {@code attachedRoutes}): a route attaches to a listener whose certificate is
   * missing, and that listener's own conditions say why it is not programmed.
   */
  private String[] accept(
      Snapshot s,
      String kind,
      ObjectNode route,
      JsonNode ref,
      String parentName,
      List<ListenerView> listeners,
      String parentNamespace) {
    List<ListenerView> candidates = new ArrayList<>();
    for (ListenerView l : listeners) {
      if (ref.hasNonNull("sectionName") && !ref.path("sectionName").asText().equals(l.name)) {
        continue;
      }
      if (ref.hasNonNull("port") && ref.path("port").asLong() != l.port) {
        continue;
      }
      candidates.add(l);
    }
    if (candidates.isEmpty()) {
      return new String[] {
        "NoMatchingParent",
        parentName
            + " has no listener"
            + (ref.hasNonNull("sectionName") ? " named " + ref.path("sectionName").asText() : "")
            + (ref.hasNonNull("port") ? " on port " + ref.path("port").asText() : "")
      };
    }
    List<ListenerView> allowed = new ArrayList<>();
    boolean kindCarried = false;
    for (ListenerView l : candidates) {
      if (l.supportedKinds.contains(kind)) {
        kindCarried = true;
        if (namespaceAllowed(s, l, parentNamespace, namespace(route))) {
          allowed.add(l);
        }
      }
    }
    if (allowed.isEmpty()) {
      return new String[] {
        "NotAllowedByListeners",
        kindCarried
            ? "no listener of "
                + parentName
                + " allows "
                + kind
                + "s from namespace "
                + namespace(route)
            : "no listener of " + parentName + " accepts the kind " + kind
      };
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
      return new String[] {
        "NoMatchingListenerHostname",
        "no hostname of the route matches a listener hostname of " + parentName
      };
    }
    if (rejectRoute.test(route)) {
      return new String[] {
        "UnsupportedValue", "rejected by the simulated controller (failure injection)"
      };
    }
    for (ListenerView l : matching) {
      l.attached++;
    }
    return new String[] {null, null};
  }

  private static boolean namespaceAllowed(
      Snapshot s, ListenerView l, String parentNs, String routeNs) {
    return namespaceAllowed(s, l.spec, parentNs, routeNs);
  }

  /**
   * Whether {@code listener}'s {@code allowedRoutes.namespaces} admits routes of {@code routeNs}.
   */
  public static boolean namespaceAllowed(
      Snapshot s, JsonNode listener, String parentNs, String routeNs) {
    JsonNode namespaces = listener.path("allowedRoutes").path("namespaces");
    String from = namespaces.path("from").asText("Same");
    switch (from) {
      case "All":
        return true;
      case "Same":
        return parentNs.equals(routeNs);
      case "Selector":
        return Selectors.matches(namespaces.path("selector"), namespaceLabels(s, routeNs));
      default:
        return false;
    }
  }

  /** A namespace's labels, with the automatic {@code kubernetes.io/metadata.name}. */
  static Map<String, String> namespaceLabels(Snapshot s, String namespace) {
    ObjectNode ns = s.get("Namespace", null, namespace);
    Map<String, String> labels = new HashMap<>();
    if (ns != null) {
      ns.path("metadata")
          .path("labels")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    labels.putIfAbsent("kubernetes.io/metadata.name", namespace);
    return labels;
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
          return new String[] {
            "InvalidKind",
            "backendRef "
                + name
                + " has unsupported kind "
                + (group.isEmpty() ? "" : group + "/")
                + refKind
          };
        }
        if (!refNs.equals(ns) && !permitted(s, GROUP, kind, ns, "", "Service", refNs, name)) {
          return new String[] {
            "RefNotPermitted",
            "backendRef to Service "
                + refNs
                + "/"
                + name
                + " is not permitted: no ReferenceGrant in "
                + refNs
                + " allows "
                + kind
                + "s from "
                + ns
          };
        }
        ObjectNode svc = s.get("Service", refNs, name);
        if (svc == null) {
          return new String[] {"BackendNotFound", "Service " + refNs + "/" + name + " not found"};
        }
        if (!ref.hasNonNull("port")) {
          return new String[] {
            "BackendNotFound", "backendRef to Service " + refNs + "/" + name + " has no port"
          };
        }
        long port = ref.path("port").asLong();
        JsonNode servicePort = null;
        for (JsonNode p : svc.path("spec").path("ports")) {
          if (p.path("port").asLong() == port) {
            servicePort = p;
          }
        }
        if (servicePort == null) {
          return new String[] {
            "BackendNotFound", "Service " + refNs + "/" + name + " has no port " + port
          };
        }
        if (("HTTPRoute".equals(kind) || "GRPCRoute".equals(kind))
            && "kubernetes.io/wss".equals(servicePort.path("appProtocol").asText())
            && !BackendTlsPolicies.targetsService(s, refNs, name)) {
          // GEP-1911: the Gateway originates TLS to a wss backend only as a BackendTLSPolicy says
          return new String[] {
            "UnsupportedProtocol",
            "Service "
                + refNs
                + "/"
                + name
                + " port "
                + port
                + " has appProtocol kubernetes.io/wss and no BackendTLSPolicy targets it"
          };
        }
      }
    }
    return new String[] {null, null};
  }

  /** Whether a ReferenceGrant in {@code toNs} lets the "from" object refer to the "to" object. */
  public static boolean permitted(
      Snapshot s,
      String fromGroup,
      String fromKind,
      String fromNs,
      String toGroup,
      String toKind,
      String toNs,
      String toName) {
    if (!s.serves("ReferenceGrant")) {
      return false;
    }
    for (ObjectNode grant : s.list("ReferenceGrant")) {
      if (!toNs.equals(namespace(grant))) {
        continue;
      }
      boolean fromOk = false;
      for (JsonNode f : grant.path("spec").path("from")) {
        fromOk |=
            fromGroup.equals(f.path("group").asText())
                && fromKind.equals(f.path("kind").asText())
                && fromNs.equals(f.path("namespace").asText());
      }
      if (!fromOk) {
        continue;
      }
      for (JsonNode t : grant.path("spec").path("to")) {
        if (toGroup.equals(t.path("group").asText())
            && toKind.equals(t.path("kind").asText())
            && (!t.hasNonNull("name") || toName.equals(t.path("name").asText()))) {
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static ObjectNode status(ObjectNode o) {
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
