package dev.gatewaysdk.testing.internal.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.internal.Errors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Raw JSON access to any Kubernetes resource through an {@link ApiClient}'s OkHttp client (so its
 * base path, TLS and authentication apply), with failures translated by core's one error boundary.
 * Objects are Jackson trees, so a read-modify-write keeps every field. Thread-safe.
 */
public final class Kube {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] AUTH_NAMES = {"BearerToken"};

  private final ApiClient apiClient;
  private final OkHttpClient watchHttp;
  private final Map<String, ResourceInfo> resources = new ConcurrentHashMap<>();

  public Kube(ApiClient apiClient) {
    this.apiClient = Objects.requireNonNull(apiClient, "apiClient");
    this.watchHttp = apiClient.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build();
  }

  public ApiClient apiClient() {
    return apiClient;
  }

  /** Where a kind is served: its plural and scope. */
  public static final class ResourceInfo {
    public final String apiVersion;
    public final String kind;
    public final String plural;
    public final boolean namespaced;

    ResourceInfo(String apiVersion, String kind, String plural, boolean namespaced) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.plural = plural;
      this.namespaced = namespaced;
    }

    /** The collection path, in {@code namespace} when namespaced. */
    public String collection(String namespace) {
      String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
      if (namespaced && namespace != null) {
        return base + "/namespaces/" + namespace + "/" + plural;
      }
      return base + "/" + plural;
    }

    public String item(String namespace, String name) {
      return collection(namespace) + "/" + name;
    }
  }

  /**
   * The resource serving {@code kind} at {@code apiVersion}, from discovery (cached).
   *
   * @throws NotFoundException if the version does not serve the kind
   */
  public ResourceInfo resource(String apiVersion, String kind) {
    String key = apiVersion + "|" + kind;
    ResourceInfo r = resources.get(key);
    if (r != null) {
      return r;
    }
    String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    JsonNode list = get(path);
    for (JsonNode n : list.path("resources")) {
      String name = n.path("name").asText();
      if (!name.contains("/") && kind.equals(n.path("kind").asText())) {
        r = new ResourceInfo(apiVersion, kind, name, n.path("namespaced").asBoolean());
        resources.put(key, r);
        return r;
      }
    }
    throw Errors.of(
        dev.gatewaysdk.core.ApiStatus.of(
            404, "NotFound", "the server does not serve " + kind + " at " + apiVersion),
        "discovery of " + kind,
        null);
  }

  /**
   * The resource of {@code group} and {@code kind} at the group's preferred version that serves it.
   */
  public Optional<ResourceInfo> preferredResource(String group, String kind) {
    JsonNode g;
    try {
      g = get("/apis/" + group);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    List<String> versions = new ArrayList<>();
    String preferred = g.path("preferredVersion").path("version").asText(null);
    if (preferred != null) {
      versions.add(preferred);
    }
    for (JsonNode v : g.path("versions")) {
      String version = v.path("version").asText();
      if (!versions.contains(version)) {
        versions.add(version);
      }
    }
    for (String v : versions) {
      try {
        return Optional.of(resource(group + "/" + v, kind));
      } catch (NotFoundException e) {
        // next version
      }
    }
    return Optional.empty();
  }

  public ObjectNode get(String path) {
    return (ObjectNode) parse(send("GET", path, List.of(), null, null), "GET " + path);
  }

  public Optional<ObjectNode> find(String path) {
    try {
      return Optional.of(get(path));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  public ObjectNode list(String path, String labelSelector) {
    List<Pair> q = new ArrayList<>();
    if (labelSelector != null) {
      q.add(new Pair("labelSelector", labelSelector));
    }
    return (ObjectNode) parse(send("GET", path, q, null, null), "GET " + path);
  }

  public ObjectNode create(String collectionPath, JsonNode body) {
    return (ObjectNode)
        parse(
            send("POST", collectionPath, List.of(), bytes(body), "application/json"),
            "POST " + collectionPath);
  }

  /**
   * PUT: the object (or its status, for a {@code /status} path); optimistic on
   * metadata.resourceVersion.
   */
  public ObjectNode replace(String path, JsonNode body) {
    return (ObjectNode)
        parse(send("PUT", path, List.of(), bytes(body), "application/json"), "PUT " + path);
  }

  public ObjectNode mergePatch(String path, JsonNode patch) {
    return (ObjectNode)
        parse(
            send("PATCH", path, List.of(), bytes(patch), "application/merge-patch+json"),
            "PATCH " + path);
  }

  /** Deletes; true if it existed. Background propagation so namespaces go without waiting. */
  public boolean delete(String path) {
    try {
      send("DELETE", path, List.of(new Pair("propagationPolicy", "Background")), null, null);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Opens a watch; the caller closes it (from any thread) to stop. */
  public WatchStream watch(String collectionPath, String resourceVersion) {
    List<Pair> q = new ArrayList<>();
    q.add(new Pair("watch", "true"));
    q.add(new Pair("allowWatchBookmarks", "true"));
    if (resourceVersion != null) {
      q.add(new Pair("resourceVersion", resourceVersion));
    }
    String what = "WATCH " + collectionPath;
    Call call = watchHttp.newCall(request("GET", collectionPath, q, null, null));
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw Errors.fromIo(e, what);
    }
    if (!response.isSuccessful()) {
      try (response) {
        ResponseBody b = response.body();
        throw Errors.fromResponse(response.code(), b == null ? new byte[0] : b.bytes(), null, what);
      } catch (IOException e) {
        throw Errors.fromIo(e, what);
      }
    }
    return new WatchStream(call, response);
  }

  private byte[] send(
      String method, String path, List<Pair> query, byte[] body, String contentType) {
    String what = method + " " + path;
    try (Response response =
        apiClient
            .getHttpClient()
            .newCall(request(method, path, query, body, contentType))
            .execute()) {
      ResponseBody rb = response.body();
      byte[] bytes = rb == null ? new byte[0] : rb.bytes();
      if (response.isSuccessful()) {
        return bytes;
      }
      throw Errors.fromResponse(response.code(), bytes, response.header("Retry-After"), what);
    } catch (IOException e) {
      throw Errors.fromIo(e, what);
    }
  }

  private Request request(
      String method, String path, List<Pair> query, byte[] body, String contentType) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    try {
      return apiClient.buildRequest(
          null,
          path,
          method,
          new ArrayList<>(query),
          new ArrayList<>(),
          body,
          headers,
          new HashMap<>(),
          new HashMap<>(),
          AUTH_NAMES,
          null);
    } catch (ApiException e) {
      throw Errors.fromApiException(e, method + " " + path);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(byte[] bytes, String what) {
    try {
      return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    } catch (IOException e) {
      throw new GatewayApiException(
          what + " returned malformed JSON: " + e.getMessage(),
          dev.gatewaysdk.core.ApiStatus.of(0, "MalformedResponse", String.valueOf(e.getMessage())),
          e);
    }
  }
}
