package dev.gatewaysdk.testing.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.internal.GatewayDurations;
import dev.gatewaysdk.testing.internal.controller.FrontendTls;
import dev.gatewaysdk.testing.internal.controller.Reconciler;
import dev.gatewaysdk.testing.internal.controller.TlsSecret;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;
import javax.net.ssl.SSLException;

/**
 * Compiles what the cluster holds into a {@link RouteTable}: the Gateways of the controller's
 * classes, their HTTP listeners, the HTTPRoutes and GRPCRoutes attached to them (parentRefs,
 * allowedRoutes, hostname intersection) with their rules sorted by the spec's precedence, and every
 * backendRef resolved through the Service's EndpointSlices. A pure function of the snapshot and the
 * addresses.
 */
final class Compiler {
  static final String GROUP = GatewayApiKind.GROUP;
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** The appProtocol of a Service port serving WebSocket over TLS (KEP-3726, GEP-1911). */
  static final String WSS = "kubernetes.io/wss";

  /** Route kinds each served listener protocol takes. */
  private static final Map<String, List<String>> SERVED_PROTOCOLS =
      Map.of(
          "HTTP",
          List.of("HTTPRoute", "GRPCRoute"),
          "HTTPS",
          List.of("HTTPRoute", "GRPCRoute"),
          "TCP",
          List.of("TCPRoute"),
          "UDP",
          List.of("UDPRoute"),
          "TLS",
          List.of("TLSRoute"));

  private final Reconciler.Snapshot s;
  private final Metrics metrics;
  private final Function<ObjectNode, String[]> addresses;
  private final int portOffset;
  private final Map<String, List<ObjectNode>> slicesByService = new HashMap<>();

  /**
   * @param addresses a Gateway's {address, problem}: the loopback address it gets, or why it gets
   *     none
   */
  private Compiler(
      Reconciler.Snapshot s,
      Metrics metrics,
      Function<ObjectNode, String[]> addresses,
      int portOffset) {
    this.s = s;
    this.metrics = metrics;
    this.addresses = addresses;
    this.portOffset = portOffset;
    for (ObjectNode slice : s.list("EndpointSlice")) {
      String svc = slice.path("metadata").path("labels").path(SERVICE_NAME_LABEL).asText(null);
      if (svc != null) {
        slicesByService
            .computeIfAbsent(namespace(slice) + "/" + svc, k -> new ArrayList<>())
            .add(slice);
      }
    }
  }

  static RouteTable compile(
      Reconciler.Snapshot s,
      String controllerName,
      java.util.function.Predicate<ObjectNode> skip,
      Metrics metrics,
      Function<ObjectNode, String[]> addresses,
      int portOffset) {
    return new Compiler(s, metrics, addresses, portOffset).run(controllerName, skip);
  }

  private static final class Attachment {
    final List<Candidate> candidates = new ArrayList<>();
    final String gatewayNamespace;
    final String gatewayName;
    final String listenerName;
    final String hostname;
    final JsonNode spec;

    /**
     * The namespace of the Gateway or ListenerSet declaring the listener ({@code allowedRoutes}
     * "Same").
     */
    final String ownerNamespace;

    final String ownerKind;

    Attachment(ObjectNode gateway, ObjectNode owner, JsonNode spec) {
      this.ownerNamespace = namespace(owner);
      this.ownerKind = owner.path("kind").asText("Gateway");
      this.gatewayNamespace = namespace(gateway);
      this.gatewayName = name(gateway);
      this.spec = spec;
      this.listenerName = spec.path("name").asText();
      this.hostname =
          spec.hasNonNull("hostname")
              ? spec.path("hostname").asText().toLowerCase(java.util.Locale.ROOT)
              : null;
    }
  }

  /** An entry before sorting, with what the sort needs. */
  private static final class Candidate {
    final RouteTable.Entry entry;
    final String created;
    final String routeKey;
    final int ruleIndex;
    final int matchIndex;

    Candidate(
        RouteTable.Entry entry, String created, String routeKey, int ruleIndex, int matchIndex) {
      this.entry = entry;
      this.created = created;
      this.routeKey = routeKey;
      this.ruleIndex = ruleIndex;
      this.matchIndex = matchIndex;
    }
  }

  private static final Comparator<Candidate> PRECEDENCE =
      Comparator.<Candidate>comparingInt(c -> -Hostnames.specificity(c.entry.hostname))
          .thenComparingInt(
              c ->
                  c.entry.match.pathType == RouteTable.PathType.EXACT
                      ? 0
                      : c.entry.match.pathType == RouteTable.PathType.REGEX ? 1 : 2)
          .thenComparingInt(c -> -c.entry.match.path.length())
          .thenComparingInt(c -> c.entry.match.method == null ? 1 : 0)
          .thenComparingInt(c -> -c.entry.match.headers.size())
          .thenComparingInt(c -> -c.entry.match.query.size())
          .thenComparing(c -> c.created)
          .thenComparing(c -> c.routeKey)
          .thenComparingInt(c -> c.ruleIndex)
          .thenComparingInt(c -> c.matchIndex);

  private RouteTable run(String controllerName, java.util.function.Predicate<ObjectNode> skip) {
    Set<String> classes = new java.util.HashSet<>();
    for (ObjectNode gc : s.list("GatewayClass")) {
      if (controllerName.equals(gc.path("spec").path("controllerName").asText())) {
        classes.add(gc.path("metadata").path("name").asText());
      }
    }
    Map<String, RouteTable.GatewayConfig> gateways = new LinkedHashMap<>();
    Map<String, List<Attachment>> listenersByGateway = new LinkedHashMap<>();
    Map<String, ObjectNode> gatewayObjects = new HashMap<>();
    for (ObjectNode gw : s.list("Gateway")) {
      if (!classes.contains(gw.path("spec").path("gatewayClassName").asText())
          || skip.test(gw)
          || gw.path("metadata").has("deletionTimestamp")) {
        continue;
      }
      String key = namespace(gw) + "/" + name(gw);
      String[] address = addresses.apply(gw);
      Map<String, Integer> ports = new LinkedHashMap<>();
      List<Attachment> served = new ArrayList<>();
      for (JsonNode l : gw.path("spec").path("listeners")) {
        if (servedKinds(l).stream().anyMatch(k -> allowsKind(l, k))) {
          ports.put(l.path("name").asText(), l.path("port").asInt());
          served.add(new Attachment(gw, gw, l));
        }
      }
      gateways.put(
          key,
          new RouteTable.GatewayConfig(namespace(gw), name(gw), address[0], address[1], ports));
      listenersByGateway.put(key, served);
      gatewayObjects.put(key, gw);
    }

    Map<String, List<Attachment>> listenersBySet = listenerSets(listenersByGateway, gatewayObjects);

    for (String kind : List.of("HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute", "TLSRoute")) {
      for (ObjectNode route : s.list(kind)) {
        attach(kind, route, listenersByGateway, listenersBySet);
      }
    }

    Map<String, RouteTable.PortConfig> ports = new HashMap<>();
    for (Map.Entry<String, List<Attachment>> e : listenersByGateway.entrySet()) {
      RouteTable.GatewayConfig g = gateways.get(e.getKey());
      if (g.address() == null) {
        continue;
      }
      Map<Integer, List<RouteTable.ListenerConfig>> byPort = new LinkedHashMap<>();
      List<Attachment> all = new ArrayList<>(e.getValue());
      listenersBySet
          .values()
          .forEach(
              set ->
                  set.stream()
                      .filter(a -> e.getKey().equals(a.gatewayNamespace + "/" + a.gatewayName))
                      .forEach(all::add));
      for (Attachment a : all) {
        a.candidates.sort(PRECEDENCE);
        List<RouteTable.Entry> entries = new ArrayList<>();
        for (Candidate c : a.candidates) {
          entries.add(c.entry);
        }
        SslContext tls = terminate(a);
        if (tls == null
            && "TLS".equals(a.spec.path("protocol").asText())
            && !"Passthrough".equals(a.spec.path("tls").path("mode").asText("Terminate"))) {
          entries.clear(); // a TLS listener that cannot terminate routes nothing (never passes
          // through)
        }
        byPort
            .computeIfAbsent(a.spec.path("port").asInt(), k -> new ArrayList<>())
            .add(
                new RouteTable.ListenerConfig(
                    a.listenerName,
                    a.hostname,
                    a.spec.path("protocol").asText(),
                    List.copyOf(entries),
                    metrics.requests(
                        Metrics.requestLabels(g.namespace(), g.name(), a.listenerName, null, null)),
                    tls));
      }
      for (Map.Entry<Integer, List<RouteTable.ListenerConfig>> p : byPort.entrySet()) {
        List<RouteTable.ListenerConfig> ls = new ArrayList<>(p.getValue());
        ls.sort(Comparator.comparingInt(l -> -Hostnames.specificity(l.hostname())));
        ports.put(
            RouteTable.socketKey(g.address(), p.getKey() + portOffset),
            new RouteTable.PortConfig(
                g.namespace(),
                g.name(),
                p.getKey(),
                List.copyOf(ls),
                metrics.requests(Metrics.requestLabels(g.namespace(), g.name(), "", null, null))));
      }
    }
    return new RouteTable(Map.copyOf(gateways), Map.copyOf(ports));
  }

  // ------------------------------------------------------------------------------------------------ TLS

  /**
   * Server contexts by certificate Secret and its resourceVersion: a rotated Secret gets a new one.
   */
  private static final Map<String, SslContext> SERVER_TLS = new ConcurrentHashMap<>();

  /**
   * The server side of TLS for an HTTPS or TLS listener terminating TLS with its first
   * certificateRef, or null where the reference is not usable (the controller reports why on the
   * listener: {@code InvalidCertificateRef}, {@code RefNotPermitted}). ALPN offers h2 and http/1.1
   * on HTTPS listeners, nothing on TLS listeners (their TLSRoutes carry any TCP protocol).
   */
  private SslContext terminate(Attachment a) {
    JsonNode tls = a.spec.path("tls");
    String protocol = a.spec.path("protocol").asText();
    if (!("HTTPS".equals(protocol) || "TLS".equals(protocol))
        || "Passthrough".equals(tls.path("mode").asText("Terminate"))) {
      return null;
    }
    boolean alpn = "HTTPS".equals(protocol);
    JsonNode ref = tls.path("certificateRefs").path(0);
    if (ref.isMissingNode()
        || !ref.path("group").asText("").isEmpty()
        || !"Secret".equals(ref.path("kind").asText("Secret"))) {
      return null;
    }
    String name = ref.path("name").asText();
    String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : a.ownerNamespace;
    if (!ns.equals(a.ownerNamespace)
        && !Reconciler.permitted(s, GROUP, a.ownerKind, a.ownerNamespace, "", "Secret", ns, name)) {
      return null;
    }
    ObjectNode secret = s.get("Secret", ns, name);
    if (secret == null || Reconciler.certificateProblem(secret) != null) {
      return null;
    }
    ClientValidation clients = clientValidation(a);
    if (clients == ClientValidation.UNUSABLE) {
      return null; // the listener is not Accepted (NoValidCACertificate): no handshake
    }
    String key =
        ns
            + "/"
            + name
            + "@"
            + secret.path("metadata").path("uid").asText()
            + "/"
            + secret.path("metadata").path("resourceVersion").asText()
            + (alpn ? "/alpn" : "")
            + (clients == null ? "" : "/clients:" + clients.insecure + ":" + clients.versions);
    if (SERVER_TLS.size() > 256) {
      SERVER_TLS.clear();
    }
    return SERVER_TLS.computeIfAbsent(key, k -> serverContext(secret, alpn, clients));
  }

  /**
   * Frontend client-certificate validation ({@code spec.tls.frontend}) for a listener: the PEM of
   * its usable CA certificates, whether it falls back to accepting any client, and the ConfigMap
   * versions they came from.
   */
  private record ClientValidation(String caPem, boolean insecure, String versions) {
    /** CA references given, none usable. */
    static final ClientValidation UNUSABLE = new ClientValidation("", false, "");
  }

  /**
   * The client validation the Gateway's {@code tls.frontend} (the {@code perPort} entry for the
   * listener's port, else {@code default}) asks of an HTTPS listener of the Gateway itself, as the
   * controller checks it: null when there is none, {@link ClientValidation#UNUSABLE} when no CA
   * reference is usable.
   */
  private ClientValidation clientValidation(Attachment a) {
    if (!"HTTPS".equals(a.spec.path("protocol").asText()) || !"Gateway".equals(a.ownerKind)) {
      return null;
    }
    ObjectNode gw = s.get("Gateway", a.gatewayNamespace, a.gatewayName);
    if (gw == null) {
      return null;
    }
    JsonNode validation = FrontendTls.validationFor(gw, a.spec.path("port").asLong());
    JsonNode refs = validation.path("caCertificateRefs");
    if (!refs.isArray() || refs.size() == 0) {
      return null;
    }
    StringBuilder pem = new StringBuilder();
    StringBuilder versions = new StringBuilder();
    for (JsonNode ref : refs) {
      String name = ref.path("name").asText();
      String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : a.gatewayNamespace;
      if (!ref.path("group").asText("").isEmpty()
          || !"ConfigMap".equals(ref.path("kind").asText(""))
          || (!ns.equals(a.gatewayNamespace)
              && !Reconciler.permitted(
                  s, GROUP, "Gateway", a.gatewayNamespace, "", "ConfigMap", ns, name))) {
        continue;
      }
      ObjectNode cm = s.get("ConfigMap", ns, name);
      if (FrontendTls.caProblem(cm) != null) {
        continue;
      }
      String ca = cm.path("data").path("ca.crt").asText(null);
      pem.append(ca != null ? ca : Reconciler.decode(cm.path("binaryData").path("ca.crt").asText()))
          .append('\n');
      versions
          .append(cm.path("metadata").path("uid").asText())
          .append('/')
          .append(cm.path("metadata").path("resourceVersion").asText())
          .append(';');
    }
    if (pem.length() == 0) {
      return ClientValidation.UNUSABLE;
    }
    return new ClientValidation(
        pem.toString(),
        "AllowInsecureFallback".equals(validation.path("mode").asText()),
        versions.toString());
  }

  private static SslContext serverContext(
      ObjectNode secret, boolean alpn, ClientValidation clients) {
    TlsSecret pem = TlsSecret.read(secret);
    try {
      SslContextBuilder b =
          SslContextBuilder.forServer(
              new ByteArrayInputStream(pem.certificate().getBytes(StandardCharsets.US_ASCII)),
              new ByteArrayInputStream(pem.key().getBytes(StandardCharsets.US_ASCII)));
      if (clients != null && clients.insecure) {
        // AllowInsecureFallback: a client certificate is asked for, and the connection goes on
        // with any certificate or none
        b.clientAuth(ClientAuth.OPTIONAL)
            .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE);
      } else if (clients != null) {
        b.clientAuth(ClientAuth.REQUIRE)
            .trustManager(
                new ByteArrayInputStream(clients.caPem.getBytes(StandardCharsets.US_ASCII)));
      }
      if (alpn) {
        b.applicationProtocolConfig(
            new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2,
                ApplicationProtocolNames.HTTP_1_1));
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /**
   * The route kinds the data plane serves on {@code listener}: TLSRoutes on TLS listeners of both
   * modes (Passthrough relays the TLS bytes; Terminate relays the decrypted stream).
   */
  private static List<String> servedKinds(JsonNode listener) {
    return SERVED_PROTOCOLS.getOrDefault(listener.path("protocol").asText(), List.of());
  }

  /**
   * The BackendTLSPolicy for port {@code portName} of Service {@code namespace/service}: one naming
   * that port (sectionName) before one naming the whole Service, the oldest (then by name) among
   * equals; null if none.
   */
  private ObjectNode backendTlsPolicy(String namespace, String service, String portName) {
    if (!s.serves("BackendTLSPolicy")) {
      return null;
    }
    ObjectNode best = null;
    int bestRank = 0;
    for (ObjectNode p : s.list("BackendTLSPolicy")) {
      if (!namespace.equals(namespace(p))) {
        continue;
      }
      for (JsonNode t : p.path("spec").path("targetRefs")) {
        if (!t.path("group").asText("").isEmpty()
            || !"Service".equals(t.path("kind").asText())
            || !service.equals(t.path("name").asText())) {
          continue;
        }
        int rank =
            t.hasNonNull("sectionName")
                ? (t.path("sectionName").asText().equals(portName) ? 2 : 0)
                : 1;
        if (rank > bestRank || (rank == bestRank && rank > 0 && older(p, best))) {
          best = p;
          bestRank = rank;
        }
      }
    }
    return bestRank == 0 ? null : best;
  }

  private static boolean older(ObjectNode a, ObjectNode b) {
    int c =
        a.path("metadata")
            .path("creationTimestamp")
            .asText()
            .compareTo(b.path("metadata").path("creationTimestamp").asText());
    return c < 0 || (c == 0 && name(a).compareTo(name(b)) < 0);
  }

  /**
   * The Secret of the client certificate ({@code spec.tls.backend.clientCertificateRef}) of the
   * Gateway whose rules {@link #rules} is compiling, or null: TLS to backends presents it.
   */
  private ObjectNode backendClientCertificate;

  /**
   * The usable Secret the Gateway of {@code a} names as its backend client certificate (its own
   * namespace, or another one through a ReferenceGrant), or null.
   */
  private ObjectNode backendClientCertificate(Attachment a) {
    ObjectNode gw = s.get("Gateway", a.gatewayNamespace, a.gatewayName);
    JsonNode ref =
        gw == null
            ? null
            : gw.path("spec").path("tls").path("backend").path("clientCertificateRef");
    if (ref == null
        || ref.isMissingNode()
        || !ref.path("group").asText("").isEmpty()
        || !"Secret".equals(ref.path("kind").asText("Secret"))) {
      return null;
    }
    String name = ref.path("name").asText();
    String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : a.gatewayNamespace;
    if (!ns.equals(a.gatewayNamespace)
        && !Reconciler.permitted(s, GROUP, "Gateway", a.gatewayNamespace, "", "Secret", ns, name)) {
      return null;
    }
    ObjectNode secret = s.get("Secret", ns, name);
    return secret == null || Reconciler.certificateProblem(secret) != null ? null : secret;
  }

  private static String versionOf(ObjectNode object) {
    return object.path("metadata").path("uid").asText()
        + "/"
        + object.path("metadata").path("resourceVersion").asText();
  }

  /** Client contexts by policy and CA ConfigMap versions. */
  private static final Map<String, SslContext> CLIENT_TLS = new ConcurrentHashMap<>();

  /**
   * TLS to the backend as {@code policy} validates it, or null where its CA certificates cannot be
   * used.
   */
  private RouteTable.BackendTls backendTls(JsonNode policy) {
    JsonNode v = policy.path("spec").path("validation");
    String hostname = v.path("hostname").asText(null);
    if (hostname == null) {
      return null;
    }
    List<String> sans = new ArrayList<>();
    v.path("subjectAltNames")
        .forEach(
            n ->
                sans.add(
                    "URI".equals(n.path("type").asText())
                        ? n.path("uri").asText()
                        : n.path("hostname").asText()));
    StringBuilder pem = new StringBuilder();
    String key;
    if ("System".equals(v.path("wellKnownCACertificates").asText(null))) {
      key = "system";
    } else {
      StringBuilder versions = new StringBuilder();
      for (JsonNode ref : v.path("caCertificateRefs")) {
        if (!ref.path("group").asText("").isEmpty()
            || !"ConfigMap".equals(ref.path("kind").asText())) {
          return null;
        }
        ObjectNode cm =
            s.get("ConfigMap", namespace((ObjectNode) policy), ref.path("name").asText());
        String ca = cm == null ? null : cm.path("data").path("ca.crt").asText(null);
        if (ca == null || !ca.contains("BEGIN CERTIFICATE")) {
          return null;
        }
        pem.append(ca).append('\n');
        versions
            .append(cm.path("metadata").path("uid").asText())
            .append('/')
            .append(cm.path("metadata").path("resourceVersion").asText());
      }
      if (pem.length() == 0) {
        return null;
      }
      key = versions.toString();
    }
    ObjectNode clientCertificate = backendClientCertificate;
    boolean system = key.equals("system");
    if (clientCertificate != null) {
      key += "/client:" + versionOf(clientCertificate);
    }
    if (CLIENT_TLS.size() > 256) {
      CLIENT_TLS.clear();
    }
    SslContext context =
        CLIENT_TLS.computeIfAbsent(
            key, k -> clientContext(system ? null : pem.toString(), clientCertificate));
    return context == null ? null : new RouteTable.BackendTls(context, hostname, List.copyOf(sans));
  }

  private static SslContext clientContext(String caPem, ObjectNode clientCertificate) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (caPem != null) {
        b.trustManager(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
      }
      if (clientCertificate != null) {
        TlsSecret pem = TlsSecret.read(clientCertificate);
        b.keyManager(
            new ByteArrayInputStream(pem.certificate().getBytes(StandardCharsets.US_ASCII)),
            new ByteArrayInputStream(pem.key().getBytes(StandardCharsets.US_ASCII)));
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean allowsKind(JsonNode listener, String kind) {
    JsonNode kinds = listener.path("allowedRoutes").path("kinds");
    if (!kinds.isArray() || kinds.size() == 0) {
      return true;
    }
    for (JsonNode k : kinds) {
      if (GROUP.equals(k.path("group").asText(GROUP)) && kind.equals(k.path("kind").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The listeners of the ListenerSets each Gateway admits ({@code allowedListeners}), by
   * ListenerSet {@code namespace/name}, oldest set first; a listener clashing with one served
   * before it on the same Gateway (same port and protocol and hostname, or same port and another
   * protocol) is left out, as the controller reports it conflicted.
   */
  private Map<String, List<Attachment>> listenerSets(
      Map<String, List<Attachment>> listenersByGateway, Map<String, ObjectNode> gatewayObjects) {
    Map<String, List<Attachment>> out = new HashMap<>();
    if (!s.serves("ListenerSet")) {
      return out;
    }
    List<ObjectNode> sets = new ArrayList<>(s.list("ListenerSet"));
    sets.sort(
        Comparator.comparing(
                (ObjectNode o) -> o.path("metadata").path("creationTimestamp").asText(""))
            .thenComparing(o -> namespace(o) + "/" + name(o)));
    Map<String, List<Attachment>> servedByGateway = new HashMap<>();
    for (ObjectNode set : sets) {
      JsonNode ref = set.path("spec").path("parentRef");
      String gwKey = ref.path("namespace").asText(namespace(set)) + "/" + ref.path("name").asText();
      ObjectNode gw = gatewayObjects.get(gwKey);
      if (!GROUP.equals(ref.path("group").asText(GROUP))
          || !"Gateway".equals(ref.path("kind").asText("Gateway"))
          || gw == null
          || !Reconciler.listenerSetAllowed(s, gw, namespace(set))) {
        continue;
      }
      List<Attachment> served =
          servedByGateway.computeIfAbsent(gwKey, k -> new ArrayList<>(listenersByGateway.get(k)));
      List<Attachment> mine = new ArrayList<>();
      for (JsonNode l : set.path("spec").path("listeners")) {
        Attachment a = new Attachment(gw, set, l);
        if (servedKinds(l).stream().anyMatch(k -> allowsKind(l, k))
            && served.stream().noneMatch(b -> clash(a, b))) {
          served.add(a);
          mine.add(a);
        }
      }
      out.put(namespace(set) + "/" + name(set), mine);
    }
    return out;
  }

  private static boolean clash(Attachment a, Attachment b) {
    if (a.spec.path("port").asInt() != b.spec.path("port").asInt()) {
      return false;
    }
    String pa = a.spec.path("protocol").asText();
    String pb = b.spec.path("protocol").asText();
    return pa.equals(pb)
        ? java.util.Objects.equals(a.hostname, b.hostname)
        : !Set.of(pa, pb).equals(Set.of("TCP", "UDP"));
  }

  private void attach(
      String kind,
      ObjectNode route,
      Map<String, List<Attachment>> listenersByGateway,
      Map<String, List<Attachment>> listenersBySet) {
    String ns = namespace(route);
    List<String> hostnames = new ArrayList<>();
    route.path("spec").path("hostnames").forEach(h -> hostnames.add(h.asText()));
    // rules by the client certificate of the Gateway they serve (a BackendTLSPolicy's TLS presents
    // it)
    Map<String, List<RouteTable.Rule>> rulesByClientCertificate = new HashMap<>();
    for (JsonNode ref : route.path("spec").path("parentRefs")) {
      String parentKind = ref.path("kind").asText("Gateway");
      if (!GROUP.equals(ref.path("group").asText(GROUP))) {
        continue;
      }
      String parentKey = ref.path("namespace").asText(ns) + "/" + ref.path("name").asText();
      List<Attachment> listeners =
          "Gateway".equals(parentKind)
              ? listenersByGateway.get(parentKey)
              : "ListenerSet".equals(parentKind) ? listenersBySet.get(parentKey) : null;
      if (listeners == null) {
        continue;
      }
      for (Attachment a : listeners) {
        if ((ref.hasNonNull("sectionName")
                && !ref.path("sectionName").asText().equals(a.listenerName))
            || (ref.hasNonNull("port") && ref.path("port").asInt() != a.spec.path("port").asInt())
            || !servedKinds(a.spec).contains(kind)
            || !allowsKind(a.spec, kind)
            || !Reconciler.namespaceAllowed(s, a.spec, a.ownerNamespace, ns)) {
          continue;
        }
        List<String> effective = Hostnames.effective(a.hostname, hostnames);
        if (effective.isEmpty()) {
          continue;
        }
        ObjectNode clientCertificate = backendClientCertificate(a);
        List<RouteTable.Rule> rules =
            rulesByClientCertificate.computeIfAbsent(
                clientCertificate == null ? "" : versionOf(clientCertificate),
                k -> {
                  backendClientCertificate = clientCertificate;
                  try {
                    return rules(kind, route);
                  } finally {
                    backendClientCertificate = null;
                  }
                });
        addEntries(kind, a, route, effective, rules);
      }
    }
  }

  private void addEntries(
      String kind,
      Attachment a,
      ObjectNode route,
      List<String> hostnames,
      List<RouteTable.Rule> rules) {
    String created = route.path("metadata").path("creationTimestamp").asText("");
    String key = namespace(route) + "/" + name(route);
    JsonNode specRules = route.path("spec").path("rules");
    for (int r = 0; r < rules.size(); r++) {
      RouteTable.Rule rule = rules.get(r);
      Metrics.Series[] requests = new Metrics.Series[rule.backends.size() + 1];
      Metrics.Histogram[] durations = new Metrics.Histogram[rule.backends.size()];
      for (int b = 0; b < rule.backends.size(); b++) {
        RouteTable.Backend backend = rule.backends.get(b);
        requests[b] =
            metrics.requests(
                Metrics.requestLabels(
                    a.gatewayNamespace, a.gatewayName, a.listenerName, rule, backend));
        durations[b] =
            metrics.durations(
                Metrics.durationLabels(a.gatewayNamespace, a.gatewayName, rule, backend));
      }
      requests[rule.backends.size()] =
          metrics.requests(
              Metrics.requestLabels(a.gatewayNamespace, a.gatewayName, a.listenerName, rule, null));
      JsonNode specMatches = specRules.get(r).path("matches");
      List<RouteTable.Match> matches =
          "GRPCRoute".equals(kind) ? GrpcMatches.of(specMatches) : matches(specMatches);
      for (int m = 0; m < matches.size(); m++) {
        for (String h : hostnames) {
          a.candidates.add(
              new Candidate(
                  new RouteTable.Entry(h, matches.get(m), rule, requests, durations),
                  created,
                  key,
                  r,
                  m));
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ rules

  private List<RouteTable.Rule> rules(String kind, ObjectNode route) {
    List<RouteTable.Rule> out = new ArrayList<>();
    int i = 0;
    for (JsonNode rule : route.path("spec").path("rules")) {
      List<RouteTable.Backend> backends = new ArrayList<>();
      for (JsonNode ref : rule.path("backendRefs")) {
        backends.add(
            backend(
                kind,
                route,
                ref,
                ref.path("weight").asInt(1),
                filters(kind, route, ref.path("filters"))));
      }
      JsonNode retry = rule.path("retry");
      RouteTable.Retry r = null;
      if (retry.isObject()) {
        List<Integer> codes = new ArrayList<>();
        retry.path("codes").forEach(c -> codes.add(c.asInt()));
        r =
            new RouteTable.Retry(
                List.copyOf(codes),
                retry.path("attempts").asInt(0),
                duration(retry.path("backoff").asText(null)));
      }
      out.add(
          new RouteTable.Rule(
              kind,
              namespace(route),
              name(route),
              rule.path("name").asText(Integer.toString(i)),
              filters(kind, route, rule.path("filters")),
              List.copyOf(backends),
              duration(rule.path("timeouts").path("request").asText(null)),
              duration(rule.path("timeouts").path("backendRequest").asText(null)),
              r));
      i++;
    }
    return out;
  }

  private static List<RouteTable.Match> matches(JsonNode matches) {
    List<RouteTable.Match> out = new ArrayList<>();
    if (!matches.isArray() || matches.size() == 0) {
      out.add(new RouteTable.Match(RouteTable.PathType.PREFIX, "/", null, List.of(), List.of()));
      return out;
    }
    for (JsonNode m : matches) {
      JsonNode path = m.path("path");
      String type = path.path("type").asText("PathPrefix");
      String value = path.path("value").asText("/");
      RouteTable.PathType pt =
          "Exact".equals(type)
              ? RouteTable.PathType.EXACT
              : "RegularExpression".equals(type)
                  ? RouteTable.PathType.REGEX
                  : RouteTable.PathType.PREFIX;
      try {
        out.add(
            new RouteTable.Match(
                pt,
                value,
                m.hasNonNull("method") ? m.path("method").asText() : null,
                values(m.path("headers")),
                values(m.path("queryParams"))));
      } catch (PatternSyntaxException e) {
        // an invalid expression matches nothing (the controller reports it); the rest of the route
        // still works
      }
    }
    return out;
  }

  private static List<RouteTable.ValueMatch> values(JsonNode list) {
    List<RouteTable.ValueMatch> out = new ArrayList<>();
    for (JsonNode v : list) {
      out.add(
          new RouteTable.ValueMatch(
              v.path("name").asText(),
              v.path("value").asText(),
              "RegularExpression".equals(v.path("type").asText("Exact"))));
    }
    return List.copyOf(out);
  }

  private Filters filters(String kind, ObjectNode route, JsonNode list) {
    if (!list.isArray() || list.size() == 0) {
      return Filters.NONE;
    }
    Filters.HeaderModifier req = null;
    Filters.HeaderModifier resp = null;
    Filters.Redirect redirect = null;
    Filters.Rewrite rewrite = null;
    List<Filters.Mirror> mirrors = new ArrayList<>();
    Filters.Cors cors = null;
    for (JsonNode f : list) {
      switch (f.path("type").asText()) {
        case "RequestHeaderModifier":
          req = headerModifier(f.path("requestHeaderModifier"));
          break;
        case "ResponseHeaderModifier":
          resp = headerModifier(f.path("responseHeaderModifier"));
          break;
        case "RequestRedirect":
          {
            JsonNode r = f.path("requestRedirect");
            redirect =
                new Filters.Redirect(
                    r.path("scheme").asText(null),
                    r.path("hostname").asText(null),
                    path(r.path("path")),
                    r.hasNonNull("port") ? r.path("port").asInt() : null,
                    r.path("statusCode").asInt(302));
            break;
          }
        case "URLRewrite":
          {
            JsonNode r = f.path("urlRewrite");
            rewrite = new Filters.Rewrite(r.path("hostname").asText(null), path(r.path("path")));
            break;
          }
        case "RequestMirror":
          {
            JsonNode m = f.path("requestMirror");
            double fraction = 1.0;
            if (m.hasNonNull("percent")) {
              fraction = m.path("percent").asInt() / 100.0;
            } else if (m.has("fraction")) {
              fraction =
                  m.path("fraction").path("numerator").asDouble()
                      / m.path("fraction").path("denominator").asDouble(100);
            }
            mirrors.add(
                new Filters.Mirror(
                    backend(kind, route, m.path("backendRef"), 1, Filters.NONE), fraction));
            break;
          }
        case "CORS":
          {
            JsonNode c = f.path("cors");
            cors =
                new Filters.Cors(
                    strings(c.path("allowOrigins")),
                    strings(c.path("allowMethods")),
                    strings(c.path("allowHeaders")),
                    strings(c.path("exposeHeaders")),
                    c.path("allowCredentials").asBoolean(false),
                    c.hasNonNull("maxAge") ? c.path("maxAge").asInt() : null);
            break;
          }
        default:
          break;
      }
    }
    return new Filters(req, resp, redirect, rewrite, List.copyOf(mirrors), cors);
  }

  private static Filters.PathModifier path(JsonNode p) {
    if (!p.isObject()) {
      return null;
    }
    boolean prefix = "ReplacePrefixMatch".equals(p.path("type").asText());
    return new Filters.PathModifier(
        prefix,
        prefix ? p.path("replacePrefixMatch").asText() : p.path("replaceFullPath").asText());
  }

  private static Filters.HeaderModifier headerModifier(JsonNode m) {
    List<String[]> set = new ArrayList<>();
    m.path("set")
        .forEach(h -> set.add(new String[] {h.path("name").asText(), h.path("value").asText()}));
    List<String[]> add = new ArrayList<>();
    m.path("add")
        .forEach(h -> add.add(new String[] {h.path("name").asText(), h.path("value").asText()}));
    return new Filters.HeaderModifier(
        List.copyOf(set), List.copyOf(add), strings(m.path("remove")));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------------------------------------ backends

  /**
   * Resolves a backendRef the Kubernetes way: the Service's port, the EndpointSlices labelled with
   * the Service's name, their port of the same name, their ready addresses.
   */
  private RouteTable.Backend backend(
      String routeKind, ObjectNode route, JsonNode ref, int weight, Filters filters) {
    String routeNs = namespace(route);
    String group = ref.path("group").asText("");
    String kind = ref.path("kind").asText("Service");
    String name = ref.path("name").asText();
    String ns = ref.path("namespace").asText(routeNs);
    if (!group.isEmpty() || !"Service".equals(kind)) {
      return invalid(ns, name, weight, 500, "unsupported backend kind " + kind, filters);
    }
    if (!ns.equals(routeNs)
        && !Reconciler.permitted(s, GROUP, routeKind, routeNs, "", "Service", ns, name)) {
      return invalid(ns, name, weight, 500, "no ReferenceGrant allows the reference", filters);
    }
    ObjectNode svc = s.get("Service", ns, name);
    if (svc == null || !ref.hasNonNull("port")) {
      return invalid(ns, name, weight, 500, svc == null ? "Service not found" : "no port", filters);
    }
    JsonNode port = null;
    for (JsonNode p : svc.path("spec").path("ports")) {
      if (p.path("port").asInt() == ref.path("port").asInt()) {
        port = p;
      }
    }
    if (port == null) {
      return invalid(
          ns, name, weight, 500, "the Service has no port " + ref.path("port").asInt(), filters);
    }
    String portName = port.path("name").asText("");
    List<InetSocketAddress> endpoints = new ArrayList<>();
    for (ObjectNode slice : slicesByService.getOrDefault(ns + "/" + name, List.of())) {
      Integer target = null;
      for (JsonNode p : slice.path("ports")) {
        if (portName.equals(p.path("name").asText("")) && p.hasNonNull("port")) {
          target = p.path("port").asInt();
        }
      }
      if (target == null) {
        continue;
      }
      for (JsonNode e : slice.path("endpoints")) {
        if (!e.path("conditions").path("ready").asBoolean(true)) {
          continue;
        }
        for (JsonNode a : e.path("addresses")) {
          endpoints.add(InetSocketAddress.createUnresolved(a.asText(), target));
        }
      }
    }
    if (endpoints.isEmpty()) {
      return invalid(ns, name, weight, 503, "the Service has no ready endpoints", filters);
    }
    List<InetSocketAddress> resolved = new ArrayList<>();
    for (InetSocketAddress a : endpoints) {
      resolved.add(new InetSocketAddress(a.getHostString(), a.getPort()));
    }
    JsonNode policy = backendTlsPolicy(ns, name, portName);
    RouteTable.BackendTls tls = null;
    if (policy != null) {
      tls = backendTls(policy);
      if (tls == null) {
        return invalid(
            ns,
            name,
            weight,
            500,
            "BackendTLSPolicy " + name(policy) + " has no usable CA certificate",
            filters);
      }
    }
    String appProtocol = port.path("appProtocol").asText(null);
    if (WSS.equals(appProtocol) && tls == null && !"TLSRoute".equals(routeKind)) {
      // GEP-1911: an HTTPRoute reaches a wss port only with a BackendTLSPolicy saying how to
      // verify it; without one the backend is unusable (ResolvedRefs UnsupportedProtocol).
      return invalid(
          ns,
          name,
          weight,
          500,
          "appProtocol " + WSS + " needs a BackendTLSPolicy for the Service",
          filters);
    }
    return new RouteTable.Backend(
        ns, name, weight, List.copyOf(resolved), 0, null, appProtocol, filters, tls);
  }

  private static RouteTable.Backend invalid(
      String ns, String name, int weight, int status, String problem, Filters filters) {
    return new RouteTable.Backend(
        ns, name, weight, List.of(), status, problem, null, filters, null);
  }

  /**
   * A Gateway API Duration ({@code 1h30m}, {@code 500ms}); null when absent or invalid; zero
   * disables the timeout.
   */
  static Duration duration(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return GatewayDurations.parse(text);
    } catch (IllegalArgumentException e) {
      return null; // the API server's schema rejects such values; nothing to enforce
    }
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }
}
