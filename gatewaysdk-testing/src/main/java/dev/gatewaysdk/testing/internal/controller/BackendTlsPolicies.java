package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.Conditions.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BackendTLSPolicy status (GEP-1897): one {@code status.ancestors[]} entry per Gateway of ours
 * whose routes send traffic to a targeted Service, with {@code Accepted} (Accepted, Conflicted,
 * Invalid, NoValidCACertificate) and {@code ResolvedRefs} (ResolvedRefs, InvalidKind,
 * InvalidCACertificateRef). Other controllers' ancestor entries are kept. Pure, like {@link
 * Reconciler}.
 */
final class BackendTlsPolicies {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String KIND = "BackendTLSPolicy";

  /** The maximum number of ancestors the CRD allows. */
  private static final int MAX_ANCESTORS = 16;

  private final String controllerName;
  private final Reconciler.Snapshot s;
  private final Set<String> gateways;

  /**
   * ListenerSet namespace/name to its parent Gateway's namespace/name (a route through it has that
   * ancestor).
   */
  private final Map<String, String> listenerSets;

  BackendTlsPolicies(
      String controllerName,
      Reconciler.Snapshot s,
      Set<String> gateways,
      Map<String, String> listenerSets) {
    this.controllerName = controllerName;
    this.s = s;
    this.gateways = gateways;
    this.listenerSets = listenerSets;
  }

  List<Reconciler.Update> reconcile() {
    List<ObjectNode> policies = new ArrayList<>(s.list(KIND));
    // Precedence: the older policy, then namespace/name.
    policies.sort(
        Comparator.comparing(
                (ObjectNode o) -> o.path("metadata").path("creationTimestamp").asText(""))
            .thenComparing(o -> Reconciler.namespace(o) + "/" + Reconciler.name(o)));
    Map<String, String> winners = new LinkedHashMap<>(); // namespace/service#section -> policy
    List<Reconciler.Update> updates = new ArrayList<>();
    for (ObjectNode p : policies) {
      String conflict = null;
      for (String target : targets(p)) {
        String winner = winners.putIfAbsent(target, Reconciler.name(p));
        if (winner != null && conflict == null) {
          conflict =
              "policy "
                  + Reconciler.namespace(p)
                  + "/"
                  + winner
                  + " targets the same "
                  + target.substring(target.indexOf('/') + 1).replace("#", " section ")
                  + " and takes precedence";
        }
      }
      status(p, conflict, updates);
    }
    return updates;
  }

  /** Keys {@code namespace/Service name#sectionName} of the policy's Service targets. */
  /** Whether a BackendTLSPolicy targets Service {@code namespace/name} (any section). */
  static boolean targetsService(Reconciler.Snapshot s, String namespace, String name) {
    if (!s.serves(KIND)) {
      return false;
    }
    String service = namespace + "/Service " + name + "#";
    for (ObjectNode p : s.list(KIND)) {
      for (String target : targets(p)) {
        if (target.startsWith(service)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> targets(ObjectNode p) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : p.path("spec").path("targetRefs")) {
      if (t.path("group").asText("").isEmpty() && "Service".equals(t.path("kind").asText())) {
        out.add(
            Reconciler.namespace(p)
                + "/Service "
                + t.path("name").asText()
                + "#"
                + t.path("sectionName").asText(""));
      }
    }
    return out;
  }

  /**
   * Gateways of ours whose routes have a backendRef to one of the policy's target Services, by
   * namespace/name (not in the order routes happen to be listed: status must not flip-flop).
   */
  private Set<String> ancestors(ObjectNode p) {
    Set<String> services = new LinkedHashSet<>();
    for (JsonNode t : p.path("spec").path("targetRefs")) {
      if (t.path("group").asText("").isEmpty() && "Service".equals(t.path("kind").asText())) {
        services.add(Reconciler.namespace(p) + "/" + t.path("name").asText());
      }
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String kind : List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute")) {
      if (!s.serves(kind)) {
        continue;
      }
      for (ObjectNode route : s.list(kind)) {
        String ns = Reconciler.namespace(route);
        boolean uses = false;
        for (JsonNode rule : route.path("spec").path("rules")) {
          for (JsonNode ref : rule.path("backendRefs")) {
            String refNs = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : ns;
            uses |=
                ref.path("group").asText("").isEmpty()
                    && "Service".equals(ref.path("kind").asText("Service"))
                    && services.contains(refNs + "/" + ref.path("name").asText());
          }
        }
        if (!uses) {
          continue;
        }
        for (JsonNode parent : route.path("spec").path("parentRefs")) {
          String key =
              (parent.hasNonNull("namespace") ? parent.path("namespace").asText() : ns)
                  + "/"
                  + parent.path("name").asText();
          if (!Reconciler.GROUP.equals(parent.path("group").asText(Reconciler.GROUP))) {
            continue;
          }
          String parentKind = parent.path("kind").asText("Gateway");
          if ("Gateway".equals(parentKind) && gateways.contains(key)) {
            out.add(key);
          } else if ("ListenerSet".equals(parentKind) && listenerSets.containsKey(key)) {
            out.add(listenerSets.get(key));
          }
        }
      }
    }
    return out;
  }

  private void status(ObjectNode p, String conflict, List<Reconciler.Update> updates) {
    long gen = Reconciler.generation(p);
    ObjectNode[] conds = conditions(p, conflict, gen);
    ArrayNode ours = F.arrayNode();
    for (String gw : ancestors(p)) {
      ObjectNode entry = F.objectNode();
      ObjectNode ref = entry.putObject("ancestorRef");
      ref.put("group", Reconciler.GROUP).put("kind", "Gateway");
      ref.put("namespace", gw.substring(0, gw.indexOf('/')))
          .put("name", gw.substring(gw.indexOf('/') + 1));
      entry.put("controllerName", controllerName);
      ArrayNode c = entry.putArray("conditions");
      c.add(conds[0].deepCopy());
      c.add(conds[1].deepCopy());
      ours.add(entry);
    }
    List<Reconciler.Update> events = new ArrayList<>();
    ArrayNode ancestors =
        Conditions.mergeEntries(
            controllerName,
            p.path("status").path("ancestors"),
            ours,
            e -> e.path("ancestorRef"),
            MAX_ANCESTORS,
            (w, old) ->
                Events.forNewRefusals(
                    controllerName,
                    KIND,
                    p,
                    "ancestor Gateway "
                        + w.path("ancestorRef").path("namespace").asText()
                        + "/"
                        + w.path("ancestorRef").path("name").asText(),
                    w.path("conditions"),
                    old,
                    events));
    if (ancestors == null) {
      return;
    }
    ObjectNode copy = p.deepCopy();
    Reconciler.status(copy).set("ancestors", ancestors);
    updates.add(new Reconciler.Update(KIND, copy));
    updates.addAll(events);
  }

  /** {Accepted, ResolvedRefs} for the policy, the same for every ancestor. */
  private ObjectNode[] conditions(ObjectNode p, String conflict, long gen) {
    JsonNode validation = p.path("spec").path("validation");
    String ns = Reconciler.namespace(p);
    List<String[]> problems = new ArrayList<>();
    JsonNode refs = validation.path("caCertificateRefs");
    for (JsonNode ref : refs) {
      String group = ref.path("group").asText("");
      String kind = ref.path("kind").asText("");
      String name = ref.path("name").asText();
      if (!group.isEmpty() || !"ConfigMap".equals(kind)) {
        problems.add(
            new String[] {
              "InvalidKind",
              "caCertificateRef "
                  + name
                  + " has the unsupported kind "
                  + (group.isEmpty() ? "" : group + "/")
                  + kind
                  + " (only core ConfigMap is supported)"
            });
        continue;
      }
      String why = FrontendTls.caProblem(s.get("ConfigMap", ns, name));
      if (why != null) {
        problems.add(
            new String[] {"InvalidCACertificateRef", "ConfigMap " + ns + "/" + name + " " + why});
      }
    }
    ObjectNode resolved =
        problems.isEmpty()
            ? condition("ResolvedRefs", true, "ResolvedRefs", "", gen)
            : condition("ResolvedRefs", false, problems.get(0)[0], problems.get(0)[1], gen);
    String wellKnown = validation.path("wellKnownCACertificates").asText("");
    ObjectNode accepted;
    if (conflict != null) {
      accepted = condition("Accepted", false, "Conflicted", conflict, gen);
    } else if (!wellKnown.isEmpty() && !"System".equals(wellKnown)) {
      accepted =
          condition(
              "Accepted",
              false,
              "Invalid",
              "wellKnownCACertificates " + wellKnown + " is not supported (only System)",
              gen);
    } else if (refs.size() > 0 && problems.size() == refs.size()) {
      accepted =
          condition(
              "Accepted",
              false,
              "NoValidCACertificate",
              "no valid CA certificate: " + problems.get(0)[1],
              gen);
    } else {
      accepted = condition("Accepted", true, "Accepted", "", gen);
    }
    return new ObjectNode[] {accepted, resolved};
  }
}
