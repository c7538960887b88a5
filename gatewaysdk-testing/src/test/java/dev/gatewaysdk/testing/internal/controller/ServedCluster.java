package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.ConflictException;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.internal.CrdRequirement;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import dev.gatewaysdk.testing.internal.controller.ReconcilerTest.MapSnapshot;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What {@code gatewaysdk serve} runs, for the status tests: the embedded API server with the
 * Gateway API v1.6.1 CRDs of one channel and the simulated controller (without data plane, so
 * {@code Programmed} is decided as by the bare reconciler). One per channel and JVM; {@link #reset}
 * empties it between scenarios. Objects go in and out through the API; {@link #settle} waits until
 * the controller has written what it has to (no sleep-and-hope, see there).
 */
final class ServedCluster implements AutoCloseable {
  private static final Map<Channel, ServedCluster> RUNNING = new EnumMap<>(Channel.class);

  /** The kinds the scenarios use, namespaced unless noted; Events are listed separately. */
  private static final List<String[]> KINDS =
      List.of(
          new String[] {Reconciler.GROUP, "GatewayClass"},
          new String[] {Reconciler.GROUP, "Gateway"},
          new String[] {Reconciler.GROUP, "ListenerSet"},
          new String[] {Reconciler.GROUP, "HTTPRoute"},
          new String[] {Reconciler.GROUP, "GRPCRoute"},
          new String[] {Reconciler.GROUP, "TLSRoute"},
          new String[] {Reconciler.GROUP, "TCPRoute"},
          new String[] {Reconciler.GROUP, "UDPRoute"},
          new String[] {Reconciler.GROUP, "ReferenceGrant"},
          new String[] {Reconciler.GROUP, "BackendTLSPolicy"},
          new String[] {"", "Service"},
          new String[] {"", "Secret"},
          new String[] {"", "ConfigMap"},
          new String[] {"", "Namespace"});

  final Channel channel;
  final EmbeddedApiServer server;
  final SimulatedGatewayController controller;
  final Kube kube;
  final Map<String, Kube.ResourceInfo> resources = new LinkedHashMap<>();
  final Kube.ResourceInfo events;

  /** Names of the Events seen so far (for "events since the last settle"). */
  final java.util.Set<String> seenEvents = new java.util.HashSet<>();

  private ServedCluster(Channel channel) {
    this.channel = channel;
    this.server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().release("v1.6.1").channel(channel).build());
    this.kube = new Kube(server.apiClient());
    for (String[] k : KINDS) {
      Optional<Kube.ResourceInfo> r =
          k[0].isEmpty()
              ? Optional.of(kube.resource("v1", k[1]))
              : kube.preferredResource(k[0], k[1]);
      r.ifPresent(info -> resources.put(k[1], info));
    }
    this.events = kube.resource("v1", Events.KIND);
    this.controller =
        SimulatedGatewayController.builder()
            .controllerName(StatusFixture.CONTROLLER)
            .dataPlane(false)
            .start(server.apiClient());
  }

  /** The running cluster of {@code channel}; skips the test when the CRDs are not configured. */
  static synchronized ServedCluster of(Channel channel) {
    Optional<Path> dir = CrdSource.fromEnvironment().directory();
    String reason = "Gateway API CRDs v1.6.1 not configured (set GATEWAYSDK_CRDS)";
    Assumptions.assumeTrue(
        CrdRequirement.available(
            dir.isPresent()
                && Files.isRegularFile(
                    dir.get().resolve("v1.6.1").resolve(channel.id() + "-install.yaml")),
            reason),
        reason);
    return RUNNING.computeIfAbsent(channel, ServedCluster::new);
  }

  /** Closes every running cluster (from a test class's {@code @AfterAll}). */
  static synchronized void closeAll() {
    RUNNING.values().forEach(ServedCluster::close);
    RUNNING.clear();
  }

  boolean serves(String kind) {
    return resources.containsKey(kind);
  }

  /**
   * Deletes every object of the scenario kinds and every Event, clears the labels of every
   * Namespace (namespaces are kept: deleting one is asynchronous), and creates GatewayClass {@code
   * sim} of the controller and the namespaces {@code infra} and {@code web}.
   */
  void reset() {
    for (Map.Entry<String, Kube.ResourceInfo> e : resources.entrySet()) {
      if ("Namespace".equals(e.getKey())) {
        continue;
      }
      for (JsonNode o : kube.list(e.getValue().collection(null), null).path("items")) {
        kube.delete(path(e.getValue(), o));
      }
    }
    for (JsonNode o : kube.list(events.collection(null), null).path("items")) {
      kube.delete(events.item(Reconciler.namespace(o), Reconciler.name(o)));
    }
    seenEvents.clear();
    for (JsonNode o : kube.list(resources.get("Namespace").collection(null), null).path("items")) {
      setLabels((ObjectNode) o, null);
    }
    ensureNamespace("infra");
    ensureNamespace("web");
    add(
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: sim}\nspec: {controllerName: "
                + StatusFixture.CONTROLLER
                + "}\n",
            ObjectNode.class));
  }

  private static String path(Kube.ResourceInfo r, JsonNode o) {
    String ns = Reconciler.namespace(o);
    return r.item(ns.isEmpty() ? null : ns, Reconciler.name(o));
  }

  private Kube.ResourceInfo resource(String kind) {
    Kube.ResourceInfo r = resources.get(kind);
    if (r == null) {
      throw new IllegalStateException(
          "the " + channel.id() + " channel does not serve " + kind + " (v1.6.1)");
    }
    return r;
  }

  void ensureNamespace(String name) {
    Kube.ResourceInfo r = resources.get("Namespace");
    if (kube.find(r.item(null, name)).isEmpty()) {
      ObjectNode ns = Kube.JSON.createObjectNode();
      ns.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
      kube.create(r.collection(null), ns);
    }
  }

  /** Sets the labels of a Namespace to {@code labels} (null: none) plus its name label. */
  private void setLabels(ObjectNode current, JsonNode labels) {
    ObjectNode meta = (ObjectNode) current.get("metadata");
    ObjectNode wanted = Kube.JSON.createObjectNode();
    if (labels != null && labels.isObject()) {
      wanted.setAll((ObjectNode) labels);
    }
    wanted.put("kubernetes.io/metadata.name", Reconciler.name(current));
    if (wanted.equals(meta.path("labels"))) {
      return;
    }
    meta.set("labels", wanted);
    current.put("apiVersion", "v1").put("kind", "Namespace");
    kube.replace(resources.get("Namespace").item(null, Reconciler.name(current)), current);
  }

  /**
   * Creates {@code o} at the version the server prefers for its kind (its generation, creation time
   * and status are the server's); a Namespace that exists gets {@code o}'s labels instead.
   */
  void add(ObjectNode o) {
    String kind = o.path("kind").asText();
    Kube.ResourceInfo r = resource(kind);
    ObjectNode body = o.deepCopy();
    body.remove("status");
    body.put("apiVersion", r.apiVersion);
    ObjectNode meta = (ObjectNode) body.get("metadata");
    meta.remove(List.of("generation", "creationTimestamp", "resourceVersion", "uid"));
    if ("Namespace".equals(kind)) {
      Optional<ObjectNode> existing = kube.find(r.item(null, Reconciler.name(body)));
      if (existing.isPresent()) {
        setLabels(existing.get(), meta.path("labels"));
        return;
      }
    }
    String ns = Reconciler.namespace(body);
    if (r.namespaced) {
      ensureNamespace(ns);
    }
    kube.create(r.collection(r.namespaced ? ns : null), body);
  }

  /**
   * Deletes the objects of {@code kind} named {@code name} (any namespace); a Namespace is kept and
   * loses its labels.
   */
  void remove(String kind, String name) {
    Kube.ResourceInfo r = resource(kind);
    for (JsonNode o : list(kind)) {
      if (!name.equals(Reconciler.name(o))) {
        continue;
      }
      if ("Namespace".equals(kind)) {
        setLabels((ObjectNode) o, null);
      } else {
        kube.delete(path(r, o));
      }
    }
  }

  /**
   * Replaces the content (spec, or data of a ConfigMap or Secret), labels and annotations of the
   * object {@code o} names (a retried PUT).
   */
  void replace(ObjectNode o) {
    Kube.ResourceInfo r = resource(o.path("kind").asText());
    String path = path(r, o);
    for (int attempt = 0; ; attempt++) {
      ObjectNode current = kube.get(path);
      current.put("apiVersion", r.apiVersion).put("kind", r.kind);
      for (String f : new String[] {"spec", "data", "stringData", "type"}) {
        if (o.has(f)) {
          current.set(f, o.get(f));
        } else if (!"type".equals(f)) {
          current.remove(f);
        }
      }
      ObjectNode meta = (ObjectNode) current.get("metadata");
      for (String f : new String[] {"labels", "annotations"}) {
        if (o.path("metadata").has(f)) {
          meta.set(f, o.path("metadata").get(f));
        }
      }
      try {
        kube.replace(path, current);
        return;
      } catch (ConflictException e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  /** The objects of {@code kind} in every namespace, with their apiVersion and kind set. */
  List<ObjectNode> list(String kind) {
    Kube.ResourceInfo r = resources.get(kind);
    List<ObjectNode> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    for (JsonNode o : kube.list(r.collection(null), null).path("items")) {
      ObjectNode copy = (ObjectNode) o;
      copy.put("apiVersion", r.apiVersion).put("kind", r.kind);
      out.add(copy);
    }
    return out;
  }

  /** What the server holds now, as a snapshot of the kinds it serves. */
  MapSnapshot snapshot() {
    MapSnapshot s = new MapSnapshot();
    s.served.clear();
    for (String kind : resources.keySet()) {
      s.served.add(kind);
      s.objects.put(kind, list(kind));
    }
    return s;
  }

  /**
   * Waits until the controller has settled: the server's objects are a fixed point of the
   * reconciler (reconciling what the server holds yields no status to write), which holds only once
   * the controller has seen every change and written its status through the API. Returns that
   * snapshot.
   *
   * @throws AssertionError after 30 s, naming the statuses still to be written
   */
  MapSnapshot settle() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<Reconciler.Update> pending = List.of();
    while (System.nanoTime() < deadline) {
      MapSnapshot s = snapshot();
      pending = new ArrayList<>();
      for (Reconciler.Update u :
          new Reconciler(StatusFixture.CONTROLLER, x -> false, x -> false).reconcile(s)) {
        if (!Events.KIND.equals(u.kind)) {
          pending.add(u);
        }
      }
      if (pending.isEmpty()) {
        return s;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "the controller did not settle within 30 s ("
            + channel.id()
            + " channel); statuses still to be written: "
            + pending);
  }

  /** Events the server holds that no earlier call returned. */
  List<ObjectNode> newEvents() {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode e : kube.list(events.collection(null), null).path("items")) {
      String key = Reconciler.namespace(e) + "/" + Reconciler.name(e);
      if (seenEvents.add(key)) {
        out.add((ObjectNode) e);
      }
    }
    return out;
  }

  @Override
  public void close() {
    controller.close();
    server.close();
  }
}
