package dev.gatewaysdk.testing;

import dev.gatewaysdk.testing.internal.kube.Kubeconfigs;
import dev.gatewaysdk.testing.internal.server.ApiServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes API server in this JVM, speaking the REST API on loopback HTTP for the Gateway API
 * kinds (every served version of the loaded CRDs), Namespaces, Services, Secrets, ConfigMaps,
 * Events, Leases and CustomResourceDefinitions. The official Java client, its informers and {@code
 * kubectl} work against it: discovery, CRUD, optimistic concurrency, watch with bookmarks and 410
 * Gone, all patch types and server-side apply, the status subresource, finalizers, dry run, field
 * validation, printer-column tables. Objects live in memory as JSON trees (optionally persisted to
 * a state file).
 *
 * <p>Instances are thread-safe; close them to stop the listener (try-with-resources). The server
 * runs on the JDK's HTTP server and sets {@code sun.net.httpserver.nodelay=true} (unless set) when
 * this class loads; a JDK HTTP server created earlier in the same JVM without it makes every
 * response wait ~40 ms for delayed ACKs, so start this server first or pass {@code
 * -Dsun.net.httpserver.nodelay=true}.
 *
 * <pre>{@code
 * try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
 *   CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
 *   api.createNamespacedCustomObject("gateway.networking.k8s.io", "v1", "default", "httproutes", route).execute();
 *   Files.writeString(Path.of("kubeconfig"), server.kubeconfig());   // kubectl --kubeconfig kubeconfig get httproutes
 * }
 * }</pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {
  private final ApiServer server;
  private final EmbeddedApiServerOptions options;
  private ApiClient client;
  private Path kubeconfigFile;

  /** The administrator's token when users are configured, else null. */
  private final String adminToken;

  private EmbeddedApiServer(ApiServer server, EmbeddedApiServerOptions options, String adminToken) {
    this.server = server;
    this.options = options;
    this.adminToken = adminToken;
  }

  /** Starts a server with {@link EmbeddedApiServerOptions#defaults()}. */
  public static EmbeddedApiServer start() {
    return start(EmbeddedApiServerOptions.defaults());
  }

  /**
   * Starts a server; the Gateway API CRDs of the configured release and channel are installed
   * (parsed once per JVM, so later starts are fast).
   *
   * @throws dev.gatewaysdk.model.CrdSourceException if the CRDs cannot be found
   * @throws UncheckedIOException if the port cannot be bound or a manifest cannot be read
   */
  public static EmbeddedApiServer start(EmbeddedApiServerOptions options) {
    Objects.requireNonNull(options, "options");
    List<Path> manifests = new ArrayList<>();
    if (options.gatewayApi()) {
      manifests.add(options.crdSource().installManifest(options.release(), options.channel()));
    }
    manifests.addAll(options.extraCrds());
    ApiServer server =
        ApiServer.start(
            options.port(),
            manifests,
            options.stateFile().orElse(null),
            options.watchHistory(),
            options.bookmarkIntervalMillis(),
            options.tls());
    String admin = null;
    if (options.authorization()) {
      admin = "gatewaysdk-admin-" + java.util.UUID.randomUUID();
      java.util.Map<String, List<String>> users = new java.util.HashMap<>();
      options
          .users()
          .forEach(
              (token, u) -> {
                List<String> l = new ArrayList<>();
                l.add(u.name());
                l.addAll(u.groups());
                users.put(token, l);
              });
      users.put(admin, List.of("gatewaysdk-admin", "system:masters"));
      server.authorization(users);
    }
    return new EmbeddedApiServer(server, options, admin);
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}. */
  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  public EmbeddedApiServerOptions options() {
    return options;
  }

  /**
   * A kubeconfig (YAML) whose current context, {@code gatewaysdk}, points at this server; with
   * {@linkplain EmbeddedApiServerOptions#users() users} it carries an administrator's token.
   */
  public String kubeconfig() {
    return kubeconfig(adminToken);
  }

  /**
   * A kubeconfig as {@link #kubeconfig()} whose user sends {@code token}: act as one of the
   * configured {@linkplain EmbeddedApiServerOptions#users() users}.
   */
  public String kubeconfig(String token) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: gatewaysdk\n"
        + "  cluster:\n"
        + "    server: "
        + url()
        + "\n"
        + (server.caPem() == null
            ? ""
            : "    certificate-authority-data: "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        server.caPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "\n")
        + "contexts:\n"
        + "- name: gatewaysdk\n"
        + "  context:\n"
        + "    cluster: gatewaysdk\n"
        + "    user: gatewaysdk\n"
        + "    namespace: default\n"
        + "current-context: gatewaysdk\n"
        + "users:\n"
        + "- name: gatewaysdk\n"
        // Over HTTPS kubectl prompts for a user name when the user has no credentials at all; the
        // open
        // server ignores this token.
        + (token != null
            ? "  user:\n    token: " + token + "\n"
            : server.caPem() == null ? "  user: {}\n" : "  user:\n    token: gatewaysdk-open\n");
  }

  /** {@link #kubeconfig()} written to a temporary file (once), deleted by {@link #close()}. */
  public synchronized Path kubeconfigFile() {
    if (kubeconfigFile == null) {
      kubeconfigFile = Kubeconfigs.writeTemporary(kubeconfig());
    }
    return kubeconfigFile;
  }

  /**
   * An official Java client for this server (no read timeout, so watches and informers stay open).
   */
  public synchronized ApiClient apiClient() {
    // Built on first use: the client's JSON setup costs more than starting the server.
    if (client == null) {
      client = apiClient(adminToken);
    }
    return client;
  }

  /**
   * A new official Java client as {@link #apiClient()} that sends {@code token}: act as a
   * configured user.
   */
  public ApiClient apiClient(String token) {
    {
      ClientBuilder b = new ClientBuilder().setBasePath(server.url());
      if (server.caPem() != null) {
        b.setCertificateAuthority(
            server.caPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
      ApiClient c = b.build();
      // Watches and informers hold requests open for minutes; a read timeout would cut them.
      c.setHttpClient(c.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
      if (token != null) {
        c.setApiKeyPrefix("Bearer");
        c.setApiKey(token);
      }
      return c;
    }
  }

  /**
   * An SSL context that trusts this server's generated CA, for clients other than {@link
   * #apiClient()} (such as the JDK's {@code HttpClient}).
   *
   * @throws IllegalStateException unless the server speaks {@linkplain
   *     EmbeddedApiServerOptions#tls() TLS}
   */
  public javax.net.ssl.SSLContext sslContext() {
    if (server.caPem() == null) {
      throw new IllegalStateException(
          "the server speaks plain HTTP; start it with tls(true) or users");
    }
    try {
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca",
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new java.io.ByteArrayInputStream(
                      server.caPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (java.security.GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot trust the generated CA: " + e.getMessage(), e);
    }
  }

  /** The current cluster-wide resourceVersion. */
  public long resourceVersion() {
    return server.resourceVersion();
  }

  /** Stops the listener, ends open watches, writes the state file if configured. */
  @Override
  public synchronized void close() {
    server.close();
    if (kubeconfigFile != null) {
      try {
        Files.deleteIfExists(kubeconfigFile);
      } catch (IOException ignored) {
        // a temp file; best effort
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedApiServer{" + url() + "}";
  }
}
