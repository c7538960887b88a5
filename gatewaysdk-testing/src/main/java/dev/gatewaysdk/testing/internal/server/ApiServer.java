package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: an HTTP listener on loopback over the registry, store and REST semantics.
 * Public only so the public {@code EmbeddedApiServer} can start it; not API.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Map<String, List<JsonNode>> MANIFESTS = new ConcurrentHashMap<>();
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final HttpTransport http;
  private final Journal journal;
  private final ServingCa ca;
  private final ApiHandler handler;
  private final Resources resources;
  private final Path stateFile;
  private final String url;

  private ApiServer(
      int port, List<Path> manifests, Path stateFile, int history, long bookmarkMillis, boolean tls)
      throws IOException {
    Registry registry = new Registry();
    Store store = new Store(history, 0);
    this.resources = new Resources(registry, store, SchemaEngines.detect());
    this.stateFile = stateFile;
    Journal.State restored = null;
    if (stateFile != null) {
      journal = new Journal(stateFile);
      restored = journal.open();
    } else {
      journal = null;
    }
    if (restored != null && !restored.objects.isEmpty()) {
      restore(restored);
    } else {
      for (String ns : new String[] {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        ObjectNode o = Json.object();
        o.put("apiVersion", "v1");
        o.put("kind", "Namespace");
        o.putObject("metadata").put("name", ns);
        create(registry.get("", "namespaces"), o);
      }
      ResourceType crdType = registry.get("apiextensions.k8s.io", "customresourcedefinitions");
      long t0 = System.nanoTime();
      for (Path p : manifests) {
        for (JsonNode doc : load(p)) {
          if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
            create(crdType, ((ObjectNode) doc).deepCopy());
          }
        }
      }
      LOG.debug("installed CRDs in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
    if (journal != null) {
      store.lock.lock();
      try {
        store.journal(journal);
      } finally {
        store.lock.unlock();
      }
      store.compact();
    }
    int n = SERVERS.incrementAndGet();
    ApiHandler[] entry = new ApiHandler[1];
    try {
      io.netty.handler.ssl.SslContext ssl = null;
      if (tls) {
        ca = ServingCa.generate();
        ssl =
            io.netty.handler.ssl.SslContextBuilder.forServer(ca.servingKey, ca.serving, ca.ca)
                .applicationProtocolConfig(
                    new io.netty.handler.ssl.ApplicationProtocolConfig(
                        io.netty.handler.ssl.ApplicationProtocolConfig.Protocol.ALPN,
                        io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior
                            .NO_ADVERTISE,
                        io.netty.handler.ssl.ApplicationProtocolConfig
                            .SelectedListenerFailureBehavior.ACCEPT,
                        "http/1.1"))
                .build();
      } else {
        ca = null;
      }
      this.http =
          new HttpTransport(port, ssl, ex -> entry[0].handle(ex), "gatewaysdk-apiserver-" + n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding", e);
    }
    int bound = http.port();
    this.url = (tls ? "https" : "http") + "://127.0.0.1:" + bound;
    this.handler = new ApiHandler(resources, "127.0.0.1:" + bound, bookmarkMillis);
    entry[0] = handler;
    LOG.info("Embedded API server listening on {} ({} resource types)", url, registry.all().size());
  }

  /**
   * Starts a server on loopback.
   *
   * @param port 0 for a free port
   * @param manifests YAML files whose CustomResourceDefinitions are installed at start
   * @param stateFile where objects persist across restarts, or null
   * @param history how many events watches can resume from
   * @param bookmarkMillis how often idle watches that allow bookmarks get one
   */
  public static ApiServer start(
      int port, List<Path> manifests, Path stateFile, int history, long bookmarkMillis) {
    return start(port, manifests, stateFile, history, bookmarkMillis, false);
  }

  /**
   * As {@link #start(int, List, Path, int, long)}; with {@code tls} it serves HTTPS with a
   * certificate from a CA generated for this run ({@link #caPem()}).
   */
  public static ApiServer start(
      int port,
      List<Path> manifests,
      Path stateFile,
      int history,
      long bookmarkMillis,
      boolean tls) {
    try {
      return new ApiServer(port, manifests, stateFile, history, bookmarkMillis, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded API server: " + e.getMessage(), e);
    }
  }

  /** Parses (once per JVM and file version) the YAML documents of a manifest. */
  public static List<JsonNode> load(Path manifest) {
    String key;
    try {
      key =
          manifest.toAbsolutePath()
              + "@"
              + Files.getLastModifiedTime(manifest).toMillis()
              + "#"
              + Files.size(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    return MANIFESTS.computeIfAbsent(key, k -> parseAll(manifest));
  }

  /**
   * Parses a manifest's YAML documents. YAML parsing dominates a cold start, so the result is also
   * kept as JSON in the temp directory, keyed by path, size and modification time, for later JVMs.
   */
  private static List<JsonNode> parseAll(Path manifest) {
    Path cache = null;
    try {
      String id =
          manifest.toAbsolutePath()
              + "|"
              + Files.size(manifest)
              + "|"
              + Files.getLastModifiedTime(manifest).toMillis();
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      cache =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "gatewaysdk-manifest-cache",
              java.util.HexFormat.of().formatHex(digest, 0, 16) + ".json");
      if (Files.isRegularFile(cache)) {
        JsonNode arr = Json.parse(Files.readAllBytes(cache));
        if (arr.isArray()) {
          List<JsonNode> docs = new ArrayList<>();
          arr.forEach(docs::add);
          return List.copyOf(docs);
        }
      }
    } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
      LOG.debug("manifest cache unavailable for {}: {}", manifest, e.toString());
    }
    List<JsonNode> docs = new ArrayList<>();
    try (JsonParser parser = Json.YAML.getFactory().createParser(manifest.toFile());
        MappingIterator<JsonNode> it = Json.YAML.readValues(parser, JsonNode.class)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && n.isObject()) {
          docs.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + manifest + ": " + e.getMessage(), e);
    }
    if (cache != null) {
      try {
        Files.createDirectories(cache.getParent());
        ArrayNode arr = Json.array();
        docs.forEach(arr::add);
        Path tmp = Files.createTempFile(cache.getParent(), "manifest", ".tmp");
        Files.write(tmp, Json.bytes(arr));
        Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        LOG.debug("cannot write manifest cache {}: {}", cache, e.toString());
      }
    }
    return List.copyOf(docs);
  }

  private void create(ResourceType type, ObjectNode obj) {
    Call c =
        new Call(
            type,
            type.storageVersion,
            type.namespaced ? Json.text(obj, "metadata", "namespace") : null,
            null,
            null,
            Map.of("fieldManager", "gatewaysdk"));
    try {
      resources.create(c, obj);
    } catch (ApiError e) {
      throw new IllegalStateException(
          "cannot install "
              + type.kind
              + " "
              + Json.text(obj, "metadata", "name")
              + ": "
              + e.status.path("message").asText(),
          e);
    }
  }

  public String url() {
    return url;
  }

  public int port() {
    return http.port();
  }

  /** The generated CA's certificate (PEM) when serving TLS, else null. */
  /**
   * Turns on authentication by bearer token and RBAC authorization: {@code users} maps each token
   * to its user name followed by its groups; requests with another token get 401.
   */
  public void authorization(java.util.Map<String, List<String>> users) {
    java.util.Map<String, Rbac.User> tokens = new java.util.HashMap<>();
    users.forEach((token, u) -> tokens.put(token, new Rbac.User(u.get(0), u.subList(1, u.size()))));
    handler.rbac(new Rbac(tokens, resources.registry, resources.store));
  }

  public String caPem() {
    return ca == null ? null : ca.caPem();
  }

  /** How many watches are open. */
  int openWatches() {
    return resources.store.watchCount();
  }

  /** The current cluster-wide resourceVersion. */
  public long resourceVersion() {
    return resources.store.resourceVersion();
  }

  @Override
  public void close() {
    handler.closing();
    resources.store.closeAllWatches();
    http.close();
    if (journal != null) {
      resources.store.compact();
      try {
        journal.close();
      } catch (IOException e) {
        LOG.debug("closing the state log: {}", e.toString());
      }
    }
  }

  // ---- state file

  private void restore(Journal.State state) {
    long rv = state.resourceVersion;
    List<JsonNode> crds = new ArrayList<>();
    List<JsonNode> rest = new ArrayList<>();
    for (JsonNode o : state.objects) {
      (o.path("kind").asText().equals("CustomResourceDefinition") ? crds : rest).add(o);
    }
    Store fresh = resources.store;
    fresh.lock.lock();
    try {
      ResourceType crdType =
          resources.registry.get("apiextensions.k8s.io", "customresourcedefinitions");
      for (JsonNode crd : crds) {
        fresh.restore(crdType, (ObjectNode) crd);
        Builtins.afterWrite(resources, crdType, null, (ObjectNode) crd);
      }
      for (JsonNode o : rest) {
        String apiVersion = o.path("apiVersion").asText();
        String group =
            apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        ResourceType t = resources.registry.byKind(group, o.path("kind").asText());
        if (t == null) {
          LOG.warn(
              "state file {}: no type for {} {}, skipped",
              stateFile,
              apiVersion,
              o.path("kind").asText());
          continue;
        }
        fresh.restore(t, (ObjectNode) o);
      }
      fresh.restoreResourceVersion(rv);
    } finally {
      fresh.lock.unlock();
    }
    LOG.info("Restored {} objects from {}", crds.size() + rest.size(), stateFile);
  }
}
