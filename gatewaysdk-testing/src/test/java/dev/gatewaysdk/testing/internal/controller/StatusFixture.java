package dev.gatewaysdk.testing.internal.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.SelfSignedCertificate;
import dev.gatewaysdk.testing.internal.controller.ReconcilerTest.MapSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the status tests: a snapshot, reconciling it repeatedly as the controller loop does
 * (writing each status back), and reading conditions. Every helper asserts that each condition
 * carries the object's current generation as {@code observedGeneration}.
 *
 * <p>In a served {@link Mode} the same calls go through what {@code gatewaysdk serve} runs (a
 * {@link ServedCluster}: embedded API server of that channel plus the simulated controller): {@link
 * #add}, {@link #remove} and {@link #replace} create, delete and update through the API (the server
 * assigns generations), {@link #reconcile()} waits for the controller to settle and reads
 * everything back, so the readers below see the status the controller wrote.
 */
final class StatusFixture {
  static final String CONTROLLER = ReconcilerTest.CONTROLLER;
  static final SelfSignedCertificate CERT = SelfSignedCertificate.generate("app.example.com");

  /** Where a scenario runs. */
  enum Mode {
    /** The reconciler over an in-memory snapshot. */
    RECONCILER(null),
    /** {@code serve} with the standard-channel CRDs. */
    SERVED_STANDARD(Channel.STANDARD),
    /** {@code serve} with the experimental-channel CRDs. */
    SERVED_EXPERIMENTAL(Channel.EXPERIMENTAL);

    final Channel channel;

    Mode(Channel channel) {
      this.channel = channel;
    }
  }

  /** The snapshot; in a served mode, what the server held after the last {@link #reconcile()}. */
  MapSnapshot snapshot = ReconcilerTest.withClass();

  /** The served cluster, or null for {@link Mode#RECONCILER}. */
  final ServedCluster served;

  /** Events created by the last {@link #reconcile()}. */
  final List<ObjectNode> events = new ArrayList<>();

  /** A fixture on the reconciler. */
  StatusFixture() {
    this.served = null;
  }

  private StatusFixture(ServedCluster served) {
    this.served = served;
    served.reset();
  }

  /**
   * A fixture in {@code mode}; a served one empties the channel's shared cluster first (skipped
   * when the CRDs are not configured).
   */
  static StatusFixture of(Mode mode) {
    return mode.channel == null
        ? new StatusFixture()
        : new StatusFixture(ServedCluster.of(mode.channel));
  }

  /** Closes the served clusters (a test class's {@code @AfterAll}). */
  static void closeServed() {
    ServedCluster.closeAll();
  }

  StatusFixture add(String yaml) {
    if (served != null) {
      served.add(Manifests.read(yaml, ObjectNode.class));
      return this;
    }
    snapshot.add(yaml);
    return this;
  }

  StatusFixture remove(String kind, String name) {
    if (served != null) {
      served.remove(kind, name);
      return this;
    }
    snapshot
        .objects
        .getOrDefault(kind, new ArrayList<>())
        .removeIf(o -> name.equals(o.path("metadata").path("name").asText()));
    return this;
  }

  /** Replaces the object's spec-bearing YAML and bumps its generation. */
  StatusFixture replace(String kind, String name, String yaml) {
    if (served != null) {
      served.replace(Manifests.read(yaml, ObjectNode.class));
      return this;
    }
    ObjectNode old = get(kind, name);
    remove(kind, name);
    add(yaml);
    ObjectNode now = get(kind, name);
    ((ObjectNode) now.path("metadata"))
        .put("generation", old.path("metadata").path("generation").asLong(1) + 1);
    if (old.has("status")) {
      now.set("status", old.get("status"));
    }
    return this;
  }

  /**
   * Reconciles, writes every status back into the snapshot, and returns the objects written, by
   * kind/name.
   */
  Map<String, ObjectNode> reconcile() {
    events.clear();
    if (served != null) {
      Map<String, ObjectNode> before = index(snapshot);
      snapshot = served.settle();
      events.addAll(served.newEvents());
      Map<String, ObjectNode> out = new LinkedHashMap<>();
      index(snapshot)
          .forEach(
              (key, o) -> {
                ObjectNode old = before.get(key);
                if (old == null || !old.path("status").equals(o.path("status"))) {
                  out.put(key.substring(0, key.indexOf('|')), o);
                }
              });
      return out;
    }
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (Reconciler.Update u :
        new Reconciler(CONTROLLER, o -> false, o -> false).reconcile(snapshot)) {
      if (Events.KIND.equals(u.kind)) {
        events.add(u.object);
        continue;
      }
      String name = u.object.path("metadata").path("name").asText();
      out.put(u.kind + "/" + name, u.object);
      List<ObjectNode> list = snapshot.objects.get(u.kind);
      list.replaceAll(
          o ->
              o.path("metadata").path("name").asText().equals(name)
                      && o.path("metadata")
                          .path("namespace")
                          .asText()
                          .equals(u.object.path("metadata").path("namespace").asText())
                  ? u.object
                  : o);
    }
    return out;
  }

  /** "kind/name|namespace" to object. */
  private static Map<String, ObjectNode> index(MapSnapshot s) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    s.objects.forEach(
        (kind, list) ->
            list.forEach(
                o ->
                    out.put(
                        kind
                            + "/"
                            + o.path("metadata").path("name").asText()
                            + "|"
                            + o.path("metadata").path("namespace").asText(),
                        o)));
    return out;
  }

  /** Whether this fixture's cluster serves {@code kind}. */
  boolean serves(String kind) {
    return served == null ? snapshot.serves(kind) : served.serves(kind);
  }

  ObjectNode get(String kind, String name) {
    for (ObjectNode o : snapshot.list(kind)) {
      if (name.equals(o.path("metadata").path("name").asText())) {
        return o;
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }

  /** The condition of {@code type} in {@code conditions}, checked to be of {@code generation}. */
  static JsonNode condition(JsonNode conditions, String type, long generation) {
    JsonNode c = ReconcilerTest.condition(conditions, type);
    assertThat(c).as("condition %s in %s", type, conditions).isNotNull();
    assertThat(c.path("observedGeneration").asLong())
        .as("observedGeneration of %s", type)
        .isEqualTo(generation);
    assertThat(c.path("lastTransitionTime").asText())
        .as("lastTransitionTime of %s", type)
        .isNotEmpty();
    return c;
  }

  /** "True:Reason" of a condition of the object's current generation. */
  String objectCondition(String kind, String name, String type) {
    ObjectNode o = get(kind, name);
    return describe(condition(o.path("status").path("conditions"), type, generation(o)));
  }

  /** "True:Reason" of a listener condition of a Gateway or ListenerSet. */
  String listenerCondition(String kind, String name, String listener, String type) {
    ObjectNode o = get(kind, name);
    return describe(
        condition(listener(kind, name, listener).path("conditions"), type, generation(o)));
  }

  JsonNode listener(String kind, String name, String listener) {
    for (JsonNode l : get(kind, name).path("status").path("listeners")) {
      if (listener.equals(l.path("name").asText())) {
        return l;
      }
    }
    throw new AssertionError(
        "no listener status " + listener + " in " + get(kind, name).path("status"));
  }

  /**
   * "True:Reason" of the route's condition for the parent entry whose parentRef has this kind and
   * name.
   */
  String routeCondition(
      String kind, String name, String parentKind, String parentName, String type) {
    ObjectNode o = get(kind, name);
    return describe(
        condition(parent(o, parentKind, parentName).path("conditions"), type, generation(o)));
  }

  static JsonNode parent(JsonNode route, String parentKind, String parentName) {
    for (JsonNode p : route.path("status").path("parents")) {
      if (parentKind.equals(p.path("parentRef").path("kind").asText())
          && parentName.equals(p.path("parentRef").path("name").asText())) {
        return p;
      }
    }
    throw new AssertionError(
        "no parent " + parentKind + " " + parentName + " in " + route.path("status"));
  }

  /** "True:Reason" of the policy's condition for the ancestor Gateway {@code gateway}. */
  String ancestorCondition(String policy, String gateway, String type) {
    ObjectNode o = get("BackendTLSPolicy", policy);
    for (JsonNode a : o.path("status").path("ancestors")) {
      if (gateway.equals(a.path("ancestorRef").path("name").asText())
          && CONTROLLER.equals(a.path("controllerName").asText())) {
        assertThat(a.path("ancestorRef").path("kind").asText()).isEqualTo("Gateway");
        return describe(condition(a.path("conditions"), type, generation(o)));
      }
    }
    throw new AssertionError("no ancestor " + gateway + " in " + o.path("status"));
  }

  /**
   * Asserts that every condition of the object's {@code status.conditions} carries its current
   * generation (the conformance suite's "latest conditions").
   */
  void assertLatestConditions(String kind, String name) {
    ObjectNode o = get(kind, name);
    JsonNode conditions = o.path("status").path("conditions");
    assertThat(conditions).as("conditions of %s %s", kind, name).isNotEmpty();
    for (JsonNode c : conditions) {
      assertThat(c.path("observedGeneration").asLong())
          .as("observedGeneration of %s on %s %s", c.path("type").asText(), kind, name)
          .isEqualTo(generation(o));
    }
  }

  static String describe(JsonNode c) {
    return c.path("status").asText() + ":" + c.path("reason").asText();
  }

  static long generation(JsonNode o) {
    return o.path("metadata").path("generation").asLong(1);
  }

  /**
   * The message of the Warning Event about {@code kind/name} with {@code reason}: in a served mode
   * as {@code kubectl get events -n <namespace>} lists it (waiting up to 30 s for the controller to
   * create it), else among the last reconcile's.
   */
  String warningEvent(String kind, String name, String reason) {
    return warningEvent(kind, name, reason, "");
  }

  /**
   * As {@link #warningEvent(String, String, String)}, the Event whose message contains {@code
   * about}: in a served mode the controller's cache may lag the objects the test just created, so
   * an earlier reconcile can have warned with the same reason about another listener.
   */
  String warningEvent(String kind, String name, String reason, String about) {
    ObjectNode o = get(kind, name);
    String ns = o.path("metadata").path("namespace").asText("default");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    do {
      Iterable<JsonNode> listed =
          served == null
              ? new ArrayList<JsonNode>(events)
              : served.kube.list(served.events.collection(ns), null).path("items");
      for (JsonNode e : listed) {
        if ("Warning".equals(e.path("type").asText())
            && reason.equals(e.path("reason").asText())
            && kind.equals(e.path("involvedObject").path("kind").asText())
            && name.equals(e.path("involvedObject").path("name").asText())
            && ns.equals(e.path("metadata").path("namespace").asText())
            && e.path("message").asText().contains(about)) {
          return e.path("message").asText();
        }
      }
      if (served == null) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "no Warning Event "
            + reason
            + " about "
            + kind
            + " "
            + ns
            + "/"
            + name
            + (about.isEmpty() ? "" : " mentioning " + about));
  }

  /** The reasons of the Warning events created by the last reconcile. */
  List<String> eventReasons() {
    List<String> out = new ArrayList<>();
    for (ObjectNode e : events) {
      assertThat(e.path("type").asText()).isEqualTo("Warning");
      out.add(
          e.path("involvedObject").path("kind").asText()
              + "/"
              + e.path("involvedObject").path("name").asText()
              + ":"
              + e.path("reason").asText());
    }
    return out;
  }

  static String gatewayClass() {
    return "sim";
  }

  static String tlsSecretYaml(String namespace, String name) {
    return "apiVersion: v1\nkind: Secret\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\n"
        + "type: kubernetes.io/tls\ndata:\n  tls.crt: "
        + b64(CERT.certificatePem())
        + "\n  tls.key: "
        + b64(CERT.privateKeyPem())
        + "\n";
  }

  static String caConfigMapYaml(String namespace, String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\n"
        + "data:\n  ca.crt: "
        + new com.fasterxml.jackson.databind.node.TextNode(CERT.certificatePem())
        + "\n";
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }
}
