package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.Jsons;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RetryPolicy;
import dev.gatewaysdk.core.RouteRef;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Test cluster: the embedded API server, a synchronous stand-in for a Gateway controller (after
 * every route write it reports Accepted/ResolvedRefs for the new generation on every parent, unless
 * told not to), a record of every route version the canary wrote, and crash injection on the
 * canary's writes.
 */
final class Cluster implements AutoCloseable {
  static final String NS = "default";
  static final String GROUP_PATH = "/apis/gateway.networking.k8s.io/v1/namespaces/" + NS + "/";

  final EmbeddedApiServer server;
  final OkHttpClient plain;

  /** The controller reports Accepted (and ResolvedRefs) at all. */
  volatile boolean controllerRunning = true;

  /** Backends the controller cannot resolve (ResolvedRefs=False). */
  final Set<String> missingBackends = ConcurrentHashMap.newKeySet();

  /** Route versions returned to canary writes (PATCH responses), in order. */
  final List<ObjectNode> written = new CopyOnWriteArrayList<>();

  final AtomicInteger patches = new AtomicInteger();

  /** Routes as the server stored them at creation (with its defaults), by name. */
  final java.util.Map<String, ObjectNode> created = new ConcurrentHashMap<>();

  /** Crash on the n-th route PATCH (1-based) of a canary client; 0 = never. */
  volatile int crashAt;

  volatile boolean crashAfterWrite;

  /** Thrown into the canary by crash injection: the process "dies". */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String m) {
      super(m);
    }
  }

  Cluster() {
    this(dev.gatewaysdk.testing.EmbeddedApiServerOptions.defaults());
  }

  /** A cluster with the CRDs {@code options} name (e.g. Gateway API v1.0.0). */
  Cluster(dev.gatewaysdk.testing.EmbeddedApiServerOptions options) {
    server = EmbeddedApiServer.start(options);
    plain = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * A client whose route writes pass through the controller stand-in, the recorder and crash
   * injection.
   */
  GatewayApiClient client() {
    return client(chain -> chain.proceed(chain.request()));
  }

  /**
   * {@link #client()} with {@code first} seeing (and able to answer or delay) every request before
   * the others.
   */
  GatewayApiClient client(Interceptor first) {
    ApiClient api = new ClientBuilder().setBasePath(server.url()).build();
    api.setHttpClient(
        api.getHttpClient()
            .newBuilder()
            .readTimeout(Duration.ZERO)
            .addInterceptor(first)
            .addInterceptor(this::intercept)
            .build());
    return GatewayApiClient.builder(api).retryPolicy(RetryPolicy.none()).build();
  }

  private Response intercept(Interceptor.Chain chain) throws IOException {
    Request req = chain.request();
    boolean routeWrite =
        req.method().equals("PATCH")
            && req.url().encodedPath().contains("routes/")
            && !req.url().encodedPath().endsWith("/status")
            && req.url().queryParameter("dryRun") == null;
    if (!routeWrite) {
      return chain.proceed(req);
    }
    int n = patches.incrementAndGet();
    if (n == crashAt && !crashAfterWrite) {
      throw new Crash("crash before write #" + n);
    }
    Response res = chain.proceed(req);
    if (res.isSuccessful()) {
      String body = res.peekBody(Long.MAX_VALUE).string();
      ObjectNode route = (ObjectNode) Jsons.mapper().readTree(body);
      written.add(route);
      reportStatus(route);
    }
    if (n == crashAt && crashAfterWrite) {
      res.close();
      throw new Crash("crash after write #" + n);
    }
    return res;
  }

  /** What a Gateway controller would report for this route version. */
  void reportStatus(JsonNode route) {
    if (!controllerRunning) {
      return;
    }
    long gen = route.path("metadata").path("generation").asLong();
    ObjectNode status = Jsons.object();
    ArrayNode parents = status.putObject("status").putArray("parents");
    boolean resolved = true;
    String missing = "";
    for (JsonNode rule : route.path("spec").path("rules")) {
      for (JsonNode b : rule.path("backendRefs")) {
        if (missingBackends.contains(b.path("name").asText())) {
          resolved = false;
          missing = b.path("name").asText();
        }
      }
    }
    for (JsonNode p : route.path("spec").path("parentRefs")) {
      ObjectNode ps = parents.addObject();
      ps.set("parentRef", p);
      ps.put("controllerName", "example.com/fake-gateway-controller");
      ArrayNode c = ps.putArray("conditions");
      c.addObject()
          .put("type", "Accepted")
          .put("status", "True")
          .put("reason", "Accepted")
          .put("message", "")
          .put("observedGeneration", gen)
          .put("lastTransitionTime", "2030-01-01T00:00:00Z");
      c.addObject()
          .put("type", "ResolvedRefs")
          .put("status", resolved ? "True" : "False")
          .put("reason", resolved ? "ResolvedRefs" : "BackendNotFound")
          .put("message", resolved ? "" : "service " + missing + " not found")
          .put("observedGeneration", gen)
          .put("lastTransitionTime", "2030-01-01T00:00:00Z");
    }
    String path = plural(route) + route.path("metadata").path("name").asText() + "/status";
    send("PATCH", path, Jsons.write(status), "application/merge-patch+json");
  }

  private static String plural(JsonNode route) {
    return GROUP_PATH
        + ("GRPCRoute".equals(route.path("kind").asText()) ? "grpcroutes/" : "httproutes/");
  }

  String send(String method, String path, String body, String contentType) {
    Request.Builder b = new Request.Builder().url(server.url() + path);
    b.method(method, body == null ? null : RequestBody.create(body, MediaType.get(contentType)));
    try (Response r = plain.newCall(b.build()).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      if (!r.isSuccessful()) {
        throw new IllegalStateException(method + " " + path + ": " + r.code() + " " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an HTTPRoute with one rule per backend list and reports its status. */
  ObjectNode createRoute(String json) {
    ObjectNode route = parse(json);
    String created = send("POST", plural(route), Jsons.write(route), "application/json");
    ObjectNode r = read(created);
    reportStatus(r);
    ObjectNode stored =
        get(RouteRef.of(r.path("kind").asText(), NS, r.path("metadata").path("name").asText()));
    this.created.put(stored.path("metadata").path("name").asText(), stored);
    return stored;
  }

  ObjectNode get(RouteRef ref) {
    return read(
        send(
            "GET",
            GROUP_PATH
                + (ref.kind().equals("GRPCRoute") ? "grpcroutes/" : "httproutes/")
                + ref.name(),
            null,
            null));
  }

  /** A JSON patch by "someone else" (a person, GitOps). */
  ObjectNode externalPatch(RouteRef ref, String jsonPatch) {
    ObjectNode r =
        read(
            send(
                "PATCH",
                GROUP_PATH
                    + (ref.kind().equals("GRPCRoute") ? "grpcroutes/" : "httproutes/")
                    + ref.name(),
                jsonPatch.replace('\'', '"'),
                "application/json-patch+json"));
    reportStatus(r);
    return r;
  }

  /**
   * {@code [canary weight, state step, phase]} of every route version the canary wrote to {@code
   * ref}.
   */
  List<String> history(RouteRef ref) {
    List<String> out = new ArrayList<>();
    for (ObjectNode r : written) {
      if (r.path("metadata").path("name").asText().equals(ref.name())
          && r.path("kind").asText().equals(ref.kind())) {
        out.add(r.toString());
      }
    }
    return out;
  }

  static int weight(JsonNode route, int rule, String backend) {
    for (JsonNode b : route.path("spec").path("rules").path(rule).path("backendRefs")) {
      if (b.path("name").asText().equals(backend)) {
        return b.has("weight") ? b.get("weight").asInt() : 1;
      }
    }
    return -1;
  }

  static State state(JsonNode route) {
    JsonNode s = route.path("metadata").path("annotations").get(State.ANNOTATION);
    return s == null ? null : State.parse(s.asText());
  }

  /**
   * Parses what the server answered, as it is (unlike {@link #parse}, which reads the tests'
   * single-quoted JSON).
   */
  static ObjectNode read(String json) {
    try {
      return (ObjectNode) Jsons.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Jsons.mapper().readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events recorded on the route {@code name}, as "reason: message". */
  List<String> events(String name) {
    JsonNode list = read(send("GET", "/api/v1/namespaces/" + NS + "/events", null, null));
    List<String> out = new ArrayList<>();
    for (JsonNode e : list.path("items")) {
      if (e.path("involvedObject").path("name").asText().equals(name)) {
        out.add(e.path("reason").asText() + ": " + e.path("message").asText());
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
  }
}
