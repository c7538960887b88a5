package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The base of every conformance traffic replay: the traffic half of the Gateway API conformance
 * suite, replayed against the embedded Gateway. The served cluster ({@code @GatewayApiTest}: one
 * per JVM, a fresh namespace per method), Netty leak checks, the backends to close after each
 * method; the objects of a conformance test, written as the test's own manifests with {@code $NS}
 * for the test's namespace (the suite's infrastructure namespace), {@code $WEB} and {@code $APP}
 * for the suite's web-backend and app-backend namespaces and {@code $CLASS} for the GatewayClass;
 * {@link EchoBackend}s behind Services and EndpointSlices on loopback standing in for the suite's
 * echo pods, and the suite's expectations ({@link Case}) checked as its {@code CompareRoundTrip}
 * checks them: status code, the backend and namespace that answered, the request as the backend saw
 * it (method, path with query, host, headers present and absent), response headers, and the
 * redirect's {@code Location}. Each case must pass three times in a row within 15 seconds (the
 * suite's {@code RequiredConsecutiveSuccesses} and eventual consistency).
 *
 * <p>The namespaces {@code $WEB} and {@code $APP} are created on first use, labelled {@code
 * gateway-conformance: backend} as the suite labels its backend namespaces, and deleted after the
 * method.
 */
@GatewayApiTest
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
abstract class TrafficReplay {
  /** The port of every Service {@link #backends} creates, as the suite's Services use. */
  static final int BACKEND_PORT = 8080;

  /** The suite's echo backends of its infrastructure namespace. */
  static final String V1 = "infra-backend-v1";

  static final String V2 = "infra-backend-v2";
  static final String V3 = "infra-backend-v3";

  /** The suite's base Gateway {@code same-namespace}: HTTP on 80, routes from its namespace. */
  static final String SAME_NAMESPACE_GATEWAY =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
          + "metadata: {name: same-namespace, namespace: $NS}\n"
          + "spec:\n  gatewayClassName: $CLASS\n"
          + "  listeners:\n"
          + "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n";

  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  /** The test's namespace, the suite's infrastructure namespace ({@code $NS}). */
  String infra;

  private String web;
  private String app;
  private final Map<String, EchoBackend> backends = new LinkedHashMap<>();

  @BeforeEach
  void namespaces() {
    infra = ns.name();
  }

  /** The suite's web-backend namespace ({@code $WEB}), created on first use. */
  String web() {
    if (web == null) {
      web = backendNamespace(cluster, infra + "-web");
    }
    return web;
  }

  /** The suite's app-backend namespace ({@code $APP}), created on first use. */
  String app() {
    if (app == null) {
      app = backendNamespace(cluster, infra + "-app");
    }
    return app;
  }

  /**
   * A namespace labelled {@code gateway-conformance: backend}, as the suite's backend namespaces.
   */
  private static String backendNamespace(GatewayCluster cluster, String name) {
    cluster.create(
        new V1Namespace()
            .apiVersion("v1")
            .kind("Namespace")
            .metadata(
                new V1ObjectMeta().name(name).labels(Map.of("gateway-conformance", "backend"))));
    return name;
  }

  /** Creates the object {@code yaml} describes, its placeholders replaced ({@link #resolve}). */
  <T> T create(String yaml, Class<T> type) {
    return cluster.create(Manifests.read(resolve(yaml), type));
  }

  /** A ConfigMap {@code name} whose {@code ca.crt} is {@code caPem}. */
  void configMap(String name, String caPem) {
    cluster.create(
        new V1ConfigMap()
            .apiVersion("v1")
            .kind("ConfigMap")
            .metadata(new V1ObjectMeta().name(name).namespace(ns.name()))
            .putDataItem("ca.crt", caPem));
  }

  /** Echo backends {@code names} behind Services of the same names on port 8080. */
  void echoBackends(String... names) {
    backends(infra, names);
  }

  /** Starts echo backends {@code names} behind Services (port 8080) and EndpointSlices. */
  TrafficReplay backends(String namespace, String... names) {
    for (String n : names) {
      backends.put(
          namespace + "/" + n, EchoBackend.behindService(cluster, namespace, n, BACKEND_PORT));
    }
    return this;
  }

  /** The echo backend {@code name} in {@code namespace} started by {@link #backends}. */
  EchoBackend backend(String namespace, String name) {
    EchoBackend b = backends.get(namespace + "/" + name);
    if (b == null) {
      throw new IllegalArgumentException("no echo backend " + namespace + "/" + name);
    }
    return b;
  }

  /** {@code yaml} with the namespace and class placeholders replaced. */
  String resolve(String yaml) {
    String y = yaml.replace("$NS", infra);
    if (y.contains("$WEB")) {
      y = y.replace("$WEB", web());
    }
    if (y.contains("$APP")) {
      y = y.replace("$APP", app());
    }
    return y.replace("$CLASS", cluster.gatewayClassName().orElseThrow());
  }

  /** Creates every document of {@code yaml} (separated by {@code ---} lines), in order. */
  TrafficReplay apply(String yaml) {
    for (String doc : resolve(yaml).split("\n---\n")) {
      if (!doc.isBlank()) {
        cluster.create(Manifests.read(doc, ObjectNode.class));
      }
    }
    return this;
  }

  /** An HTTPRoute {@code name} in {@code $NS} whose spec is {@code spec} (YAML, indented 2). */
  static String route(String name, String spec) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
        + "metadata: {name: "
        + name
        + ", namespace: $NS}\nspec:\n"
        + spec;
  }

  /**
   * The infra echo backends v1..v3, Gateway {@code same-namespace} and the routes of {@code
   * routesYaml} (each accepted with resolved references); returns the Gateway's HTTP URL.
   */
  URI sameNamespace(String routesYaml, String... routes) {
    backends(infra, V1, V2, V3).apply(SAME_NAMESPACE_GATEWAY).apply(routesYaml);
    URI url = gateway("same-namespace").url("http");
    resolved("same-namespace", routes);
    return url;
  }

  /** Waits until Gateway {@code name} in {@code $NS} is programmed; returns it as served. */
  EmbeddedGateway gateway(String name) {
    awaitThat(cluster, cluster.get(Gateway.class, infra, name)).isProgrammed();
    return cluster.gateway(infra, name);
  }

  /**
   * Waits until each HTTPRoute ({@code name} in {@code $NS}, or {@code namespace/name}) is accepted
   * by Gateway {@code gateway} with its references resolved, as the suite's {@code
   * GatewayAndHTTPRoutesMustBeAccepted} and {@code HTTPRouteMustHaveResolvedRefsConditionsTrue}.
   */
  TrafficReplay resolved(String gateway, String... routes) {
    for (String r : routes) {
      awaitThat(cluster, httpRoute(r)).isAcceptedBy(gateway).hasResolvedRefs();
    }
    return this;
  }

  /** Waits until each HTTPRoute is accepted by {@code gateway} (references resolved or not). */
  TrafficReplay accepted(String gateway, String... routes) {
    for (String r : routes) {
      awaitThat(cluster, httpRoute(r)).isAcceptedBy(gateway);
    }
    return this;
  }

  private HTTPRoute httpRoute(String ref) {
    int slash = ref.indexOf('/');
    return slash < 0
        ? cluster.get(HTTPRoute.class, infra, ref)
        : cluster.get(HTTPRoute.class, ref.substring(0, slash), ref.substring(slash + 1));
  }

  /**
   * Sends each case to {@code base} until it passes three times in a row, as the suite's {@code
   * MakeRequestAndExpectEventuallyConsistentResponse}.
   *
   * @throws AssertionError naming the case, what differed and the last response, after 15 s
   */
  void expect(URI base, Case... cases) {
    for (Case c : cases) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      int passes = 0;
      String last = "";
      while (passes < 3) {
        String problem;
        RawHttp.Response r = null;
        try {
          r = send(base, c);
          problem = c.compare(r).orElse(null);
        } catch (IOException e) {
          problem = "request failed: " + e;
        }
        if (problem == null) {
          passes++;
          continue;
        }
        passes = 0;
        last = problem + (r == null ? "" : "\n  response: " + r);
        if (System.nanoTime() > deadline) {
          throw new AssertionError(c + ": " + last);
        }
        sleep(50);
      }
    }
  }

  /**
   * Sends {@code c} once and checks the response: for a case whose request must not repeat (the
   * retry simulation counts requests per uuid).
   *
   * @throws AssertionError naming the case and what differed
   */
  void expectOnce(URI base, Case c) {
    try {
      RawHttp.Response r = send(base, c);
      c.compare(r)
          .ifPresent(
              problem -> {
                throw new AssertionError(c + ": " + problem + "\n  response: " + r);
              });
    } catch (IOException e) {
      throw new AssertionError(c + ": request failed", e);
    }
  }

  /**
   * Sends {@code c} over HTTP/1.1 to {@code base}; an {@code https} base gets TLS with the case's
   * server name ({@link Case#sni}, else its host without port), trusting any certificate; {@code
   * extraHeaders} ("Name: value") are added to the case's.
   */
  RawHttp.Response send(URI base, Case c, String... extraHeaders) throws IOException {
    String host = c.host != null ? c.host : base.getHost() + ":" + base.getPort();
    String[] headers =
        java.util.stream.Stream.concat(
                c.headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()),
                Arrays.stream(extraHeaders))
            .toArray(String[]::new);
    String text = RawHttp.text(c.method, host, c.path, "", headers);
    if (!"https".equals(base.getScheme())) {
      return RawHttp.raw(base, text);
    }
    String sni = c.sni != null ? c.sni : host.replaceFirst(":\\d+$", "");
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {TRUST_ANY}, null);
      SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      SSLParameters p = s.getSSLParameters();
      p.setServerNames(List.of(new SNIHostName(sni)));
      p.setApplicationProtocols(new String[] {"http/1.1"});
      s.setSSLParameters(p);
      return RawHttp.raw((Socket) s, text);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static final X509TrustManager TRUST_ANY =
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      };

  /**
   * Sends {@code requests} requests of case {@code c} (10 at a time, each with a distinct {@code
   * X-Jitter} header as the suite adds entropy), each checked against the case, and returns how
   * many each backend answered.
   */
  Map<String, Integer> distribution(URI base, Case c, int requests) throws Exception {
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        String jitter = "X-Jitter: " + i;
        sent.add(
            pool.submit(
                () -> {
                  RawHttp.Response r = send(base, c, jitter);
                  Optional<String> problem = c.compare(r);
                  if (problem.isPresent()) {
                    throw new AssertionError(c + ": " + problem.get() + "\n  response: " + r);
                  }
                  counts
                      .computeIfAbsent(r.json().path("backend").asText(), k -> new AtomicInteger())
                      .incrementAndGet();
                  return null;
                }));
      }
      for (Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * The suite's weighted-distribution check ({@link Weights#check}) over 1,000 requests: each
   * backend's share within {@link Weights#TOLERANCE} of {@code expected} (backend name to share),
   * no other backend, a backend with share 0 never reached. Up to three rounds, as the suite
   * retries (it allows ten).
   */
  void expectWeights(URI base, Case c, Map<String, Double> expected) throws Exception {
    List<String> problems = List.of();
    for (int round = 0; round < 3; round++) {
      problems = Weights.check(expected, distribution(base, c, 1000));
      if (problems.isEmpty()) {
        return;
      }
    }
    throw new AssertionError("weighted distribution over 1000 requests: " + problems);
  }

  /**
   * Waits (10 s) until echo backend {@code namespace/name} has received a request for {@code path},
   * as the suite reads the mirror backend's log for it.
   */
  void expectMirrored(String namespace, String name, String path) {
    EchoBackend b = backend(namespace, name);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!b.paths().contains(path)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no mirrored request for " + path + " at " + namespace + "/" + name + ": " + b.paths());
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    backends.values().forEach(EchoBackend::close);
    if (web != null) {
      cluster.deleteNamespace(web);
    }
    if (app != null) {
      cluster.deleteNamespace(app);
    }
  }

  static Case get(String path) {
    return new Case("GET", path);
  }

  static Case request(String method, String path) {
    return new Case(method, path);
  }

  /**
   * One expected response of the suite ({@code http.ExpectedResponse}): the request, then what must
   * come back. Unless told otherwise: status 200; a 200 or 204 must come from an echo backend that
   * saw the same method and path; a redirect's scheme and path are the request's, its port the
   * scheme's default (absent or 80 for http).
   */
  static final class Case {
    final String method;
    final String path;
    String host;
    String sni;
    final Map<String, String> headers = new LinkedHashMap<>();
    int[] statuses = {200};
    String backend;
    String namespace;
    boolean byGateway;
    String seenPath;
    String seenHost;
    final Map<String, String> seenHeaders = new LinkedHashMap<>();
    final List<String> seenAbsent = new ArrayList<>();
    final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    final List<String> responseAbsent = new ArrayList<>();
    boolean ignoreWhitespace;
    String redirectScheme;
    String redirectHost;
    String redirectPort;
    String redirectPath;
    boolean redirect;

    Case(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** The request's {@code Host} (default: the Gateway's address and port). */
    Case host(String h) {
      host = h;
      return this;
    }

    /** The TLS server name of an https request (default: the host without port). */
    Case sni(String name) {
      sni = name;
      return this;
    }

    Case header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Echo backend {@code name} of {@code namespace} answers (status 200 unless set). */
    Case backend(String ns, String name) {
      namespace = ns;
      backend = name;
      return this;
    }

    /** The status must be one of {@code codes}. */
    Case status(int... codes) {
      statuses = codes;
      return this;
    }

    /** A 200/204 comes from the Gateway itself, not a backend (the suite's empty namespace). */
    Case byGateway() {
      byGateway = true;
      return this;
    }

    /** The backend saw this path with query (default the request's). */
    Case seenPath(String p) {
      seenPath = p;
      return this;
    }

    /** The backend saw this {@code Host}. */
    Case seenHost(String h) {
      seenHost = h;
      return this;
    }

    /**
     * The backend saw header {@code name} with exactly this value (repeated ones joined by ",").
     */
    Case seenHeader(String name, String value) {
      seenHeaders.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /** The backend saw none of these headers. */
    Case seenAbsent(String... names) {
      for (String n : names) {
        seenAbsent.add(n.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** The backend sets these response headers ({@code X-Echo-Set-Header}). */
    Case backendSets(String name, String value) {
      String prior = headers.get("X-Echo-Set-Header");
      headers.put("X-Echo-Set-Header", (prior == null ? "" : prior + ",") + name + ":" + value);
      return this;
    }

    /** The response has header {@code name} with one of {@code values} (joined by ","). */
    Case responseHeader(String name, String... values) {
      responseHeaders.put(name.toLowerCase(Locale.ROOT), Arrays.asList(values));
      return this;
    }

    /** The response has none of these headers. */
    Case responseAbsent(String... names) {
      for (String n : names) {
        responseAbsent.add(n.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Response header values compared without spaces. */
    Case ignoreWhitespace() {
      ignoreWhitespace = true;
      return this;
    }

    /**
     * A redirect to {@code scheme://host:port path}; a null part takes the suite's default (scheme
     * and path the request's, host any, port the scheme's default: absent, or 80/443).
     */
    Case redirect(int status, String scheme, String host, String port, String path) {
      statuses = new int[] {status};
      redirect = true;
      redirectScheme = scheme;
      redirectHost = host;
      redirectPort = port;
      redirectPath = path;
      return this;
    }

    /** What differs from the expectation, as the suite's {@code CompareRoundTrip} decides. */
    Optional<String> compare(RawHttp.Response r) {
      if (Arrays.stream(statuses).noneMatch(s -> s == r.status)) {
        return Optional.of("status " + r.status + ", expected one of " + Arrays.toString(statuses));
      }
      if (r.status == 200 || r.status == 204) {
        if (byGateway) {
          return r.header("X-Backend") == null
              ? compareResponseHeaders(r)
              : Optional.of(
                  "answered by backend " + r.header("X-Backend") + ", expected the Gateway");
        }
        return compareEcho(r).or(() -> compareResponseHeaders(r));
      }
      if (redirect && r.status >= 300 && r.status < 400) {
        return compareRedirect(r);
      }
      return Optional.empty();
    }

    private Optional<String> compareEcho(RawHttp.Response r) {
      if (r.body.isEmpty() || r.header("X-Backend") == null) {
        return Optional.of("no echo backend answered");
      }
      JsonNode seen = r.json();
      if (!method.equals(seen.path("method").asText())) {
        return Optional.of(
            "backend saw method " + seen.path("method").asText() + ", expected " + method);
      }
      String p = seenPath != null ? seenPath : path;
      if (!p.equals(seen.path("path").asText())) {
        return Optional.of("backend saw path " + seen.path("path").asText() + ", expected " + p);
      }
      if (seenHost != null && !seenHost.equals(seen.path("host").asText())) {
        return Optional.of(
            "backend saw host " + seen.path("host").asText() + ", expected " + seenHost);
      }
      if (namespace != null && !namespace.equals(seen.path("namespace").asText())) {
        return Optional.of(
            "namespace " + seen.path("namespace").asText() + " answered, expected " + namespace);
      }
      if (backend != null && !backend.equals(seen.path("backend").asText())) {
        return Optional.of(
            "backend " + seen.path("backend").asText() + " answered, expected " + backend);
      }
      JsonNode h = seen.path("headers");
      for (Map.Entry<String, String> e : seenHeaders.entrySet()) {
        if (!h.has(e.getKey())) {
          return Optional.of("backend did not see header " + e.getKey() + ": " + h);
        }
        if (!e.getValue().equals(h.path(e.getKey()).asText())) {
          return Optional.of(
              "backend saw "
                  + e.getKey()
                  + ": "
                  + h.path(e.getKey()).asText()
                  + ", expected "
                  + e.getValue());
        }
      }
      for (String n : seenAbsent) {
        if (h.has(n)) {
          return Optional.of(
              "backend saw header " + n + ": " + h.path(n).asText() + ", expected none");
        }
      }
      return Optional.empty();
    }

    private Optional<String> compareResponseHeaders(RawHttp.Response r) {
      for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
        String got = r.header(e.getKey());
        if (got == null) {
          return Optional.of("no response header " + e.getKey());
        }
        String g = ignoreWhitespace ? got.replace(" ", "") : got;
        if (e.getValue().stream()
            .map(v -> ignoreWhitespace ? v.replace(" ", "") : v)
            .noneMatch(g::equals)) {
          return Optional.of(
              "response header " + e.getKey() + ": " + got + ", expected one of " + e.getValue());
        }
      }
      for (String n : responseAbsent) {
        if (r.header(n) != null) {
          return Optional.of("response header " + n + ": " + r.header(n) + ", expected none");
        }
      }
      return Optional.empty();
    }

    private Optional<String> compareRedirect(RawHttp.Response r) {
      String location = r.header("Location");
      if (location == null) {
        return Optional.of("redirect without Location");
      }
      URI l = URI.create(location);
      String scheme = redirectScheme != null ? redirectScheme : "http";
      String p = redirectPath != null ? redirectPath : path.replaceFirst("\\?.*", "");
      String port = l.getPort() < 0 ? "" : Integer.toString(l.getPort());
      if (!scheme.equals(l.getScheme())) {
        return Optional.of("redirect scheme " + l.getScheme() + ", expected " + scheme);
      }
      if (redirectHost != null && !redirectHost.equals(l.getHost())) {
        return Optional.of("redirect host " + l.getHost() + ", expected " + redirectHost);
      }
      if (redirectPort != null ? !redirectPort.equals(port) : !defaultPort(scheme, port)) {
        return Optional.of(
            "redirect port '"
                + port
                + "', expected "
                + (redirectPort != null ? redirectPort : "the default of " + scheme));
      }
      if (!p.equals(l.getRawPath())) {
        return Optional.of("redirect path " + l.getRawPath() + ", expected " + p);
      }
      return Optional.empty();
    }

    private static boolean defaultPort(String scheme, String port) {
      return port.isEmpty()
          || ("http".equalsIgnoreCase(scheme) && "80".equals(port))
          || ("https".equalsIgnoreCase(scheme) && "443".equals(port));
    }

    @Override
    public String toString() {
      return method
          + " "
          + path
          + (host == null ? "" : " Host: " + host)
          + (sni == null ? "" : " SNI: " + sni)
          + (headers.isEmpty() ? "" : " " + headers);
    }
  }
}
