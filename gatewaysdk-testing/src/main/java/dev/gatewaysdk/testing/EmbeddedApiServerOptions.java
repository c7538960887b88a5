package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.Releases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start an {@link EmbeddedApiServer}. Immutable and thread-safe; build with {@link
 * #builder()}, copy-and-modify with {@link #newBuilder()}.
 *
 * <p>Defaults: a free port, Gateway API {@value CrdSource#LATEST_RELEASE} on the <b>standard</b>
 * channel (what most clusters run; choose {@link Channel#EXPERIMENTAL} for experimental kinds and
 * fields), CRDs from {@link CrdSource#fromEnvironment()}, no extra CRDs, no state file, and a watch
 * history of 10,000 events.
 *
 * <pre>{@code
 * EmbeddedApiServerOptions options = EmbeddedApiServerOptions.builder()
 *     .channel(Channel.EXPERIMENTAL)
 *     .stateFile(Path.of("cluster.json"))
 *     .build();
 * }</pre>
 */
public final class EmbeddedApiServerOptions {
  private final int port;
  private final String release;
  private final Channel channel;
  private final CrdSource crdSource;
  private final boolean gatewayApi;
  private final List<Path> extraCrds;
  private final Path stateFile;
  private final int watchHistory;
  private final long bookmarkIntervalMillis;
  private final boolean tls;
  private final boolean authorization;
  private final Map<String, User> users;

  private EmbeddedApiServerOptions(Builder b) {
    this.port = b.port;
    this.release = b.release;
    this.channel = b.channel;
    this.crdSource = b.crdSource;
    this.gatewayApi = b.gatewayApi;
    this.extraCrds = List.copyOf(b.extraCrds);
    this.stateFile = b.stateFile;
    this.watchHistory = b.watchHistory;
    this.bookmarkIntervalMillis = b.bookmarkIntervalMillis;
    this.tls = b.tls;
    this.authorization = b.authorization;
    this.users = Map.copyOf(b.users);
  }

  /** The defaults described above. */
  public static EmbeddedApiServerOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.release = release;
    b.channel = channel;
    b.crdSource = crdSource;
    b.gatewayApi = gatewayApi;
    b.extraCrds.addAll(extraCrds);
    b.stateFile = stateFile;
    b.watchHistory = watchHistory;
    b.bookmarkIntervalMillis = bookmarkIntervalMillis;
    b.tls = tls;
    b.authorization = authorization;
    b.users.putAll(users);
    return b;
  }

  /** The TCP port on loopback; 0 picks a free one. */
  public int port() {
    return port;
  }

  /**
   * The Gateway API release whose CRDs are installed, such as {@value
   * dev.gatewaysdk.model.CrdSource#LATEST_RELEASE}.
   */
  public String release() {
    return release;
  }

  public Channel channel() {
    return channel;
  }

  /** Where the Gateway API CRDs come from; the CRD source setting unless set. */
  public CrdSource crdSource() {
    return crdSource == null ? CrdSource.fromEnvironment() : crdSource;
  }

  /** Whether the Gateway API CRDs are installed at start (true unless disabled). */
  public boolean gatewayApi() {
    return gatewayApi;
  }

  /** YAML files whose CustomResourceDefinitions are installed too. */
  public List<Path> extraCrds() {
    return extraCrds;
  }

  /** The file objects are kept in across restarts, if any. */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(stateFile);
  }

  /** How many events the server retains; watches from an older resourceVersion get 410 Gone. */
  public int watchHistory() {
    return watchHistory;
  }

  /** How often an idle watch that allows bookmarks receives one. */
  public long bookmarkIntervalMillis() {
    return bookmarkIntervalMillis;
  }

  /**
   * Whether the server speaks HTTPS with a certificate from a CA generated per run (the kubeconfig
   * carries it); always with {@linkplain #authorization() authorization}, since kubectl sends no
   * credentials over plain HTTP.
   */
  public boolean tls() {
    return tls || authorization();
  }

  /**
   * Whether requests are authenticated by bearer token and authorized by RBAC as kube-apiserver
   * does it: when set or when there are {@linkplain #users() users}. The tokens are those of the
   * users and those the server issues for service accounts ({@code TokenRequest}, {@code kubectl
   * create token}); {@code kubeconfig()} and {@code apiClient()} act as an administrator (group
   * {@code system:masters}). Off by default: every request is allowed.
   */
  public boolean authorization() {
    return authorization || !users.isEmpty();
  }

  /** The bearer-token users, by token; any turns {@linkplain #authorization() authorization} on. */
  public Map<String, User> users() {
    return users;
  }

  /** A user a bearer token authenticates as: its name and groups. */
  public record User(String name, List<String> groups) {
    /**
     * @throws IllegalArgumentException if the name is empty
     */
    public User {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("user name must not be empty");
      }
      groups = List.copyOf(groups);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedApiServerOptions{port="
        + port
        + ", release="
        + release
        + ", channel="
        + channel.id()
        + ", gatewayApi="
        + gatewayApi
        + ", extraCrds="
        + extraCrds
        + ", stateFile="
        + stateFile
        + ", watchHistory="
        + watchHistory
        + ", tls="
        + tls
        + ", authorization="
        + authorization()
        + ", users="
        + users.size()
        + "}";
  }

  /** Builds {@link EmbeddedApiServerOptions}; not thread-safe. */
  public static final class Builder {
    private int port;
    private String release = CrdSource.LATEST_RELEASE;
    private Channel channel = Channel.STANDARD;
    private CrdSource crdSource;
    private boolean gatewayApi = true;
    private final List<Path> extraCrds = new ArrayList<>();
    private Path stateFile;
    private int watchHistory = 10_000;
    private long bookmarkIntervalMillis = 5_000;
    private boolean tls;
    private boolean authorization;
    private final Map<String, User> users = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @throws IllegalArgumentException unless 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * @throws IllegalArgumentException unless the release looks like {@code v1.2.3}
     */
    public Builder release(String release) {
      this.release = Releases.require(release);
      return this;
    }

    public Builder channel(Channel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    public Builder crdSource(CrdSource crdSource) {
      this.crdSource = Objects.requireNonNull(crdSource, "crdSource");
      return this;
    }

    /** Whether to install the Gateway API CRDs at start; false starts with built-in kinds only. */
    public Builder gatewayApi(boolean install) {
      this.gatewayApi = install;
      return this;
    }

    public Builder addExtraCrds(Path manifest) {
      extraCrds.add(Objects.requireNonNull(manifest, "manifest"));
      return this;
    }

    public Builder stateFile(Path file) {
      this.stateFile = file;
      return this;
    }

    /**
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder watchHistory(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("watchHistory must be at least 1: " + events);
      }
      this.watchHistory = events;
      return this;
    }

    /**
     * @throws IllegalArgumentException unless at least 10 ms
     */
    public Builder bookmarkIntervalMillis(long millis) {
      if (millis < 10) {
        throw new IllegalArgumentException("bookmarkIntervalMillis must be at least 10: " + millis);
      }
      this.bookmarkIntervalMillis = millis;
      return this;
    }

    /**
     * Serve HTTPS instead of plain HTTP (default false): a CA is generated per run and signs a
     * certificate for {@code localhost} and {@code 127.0.0.1}; {@code kubeconfig()} and {@code
     * apiClient()} trust it.
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Turns authentication and RBAC on without naming users (see {@link #authorization()}); default
     * false.
     */
    public Builder authorization(boolean authorization) {
      this.authorization = authorization;
      return this;
    }

    /**
     * Adds a bearer-token user, which turns authentication and RBAC on (see {@link
     * #authorization()}).
     *
     * @throws IllegalArgumentException if the token or name is empty
     */
    public Builder user(String token, String name, String... groups) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      users.put(token, new User(name, List.of(groups)));
      return this;
    }

    /**
     * Adds the users of a kube-apiserver static token file ({@code --token-auth-file}): one CSV
     * line {@code token,user,uid[,"group1,group2"]} each; blank lines and lines starting with
     * {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder usersFile(Path file) {
      List<String> lines;
      try {
        lines = java.nio.file.Files.readAllLines(file);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot read users file " + file + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        List<String> cols = csv(line);
        if (cols.size() < 3 || cols.get(0).isEmpty() || cols.get(1).isEmpty()) {
          throw new IllegalArgumentException(
              file + ":" + (i + 1) + ": expected token,user,uid[,\"groups\"]: " + line);
        }
        List<String> groups = new ArrayList<>();
        if (cols.size() > 3) {
          for (String g : cols.get(3).split(",")) {
            if (!g.trim().isEmpty()) {
              groups.add(g.trim());
            }
          }
        }
        users.put(cols.get(0), new User(cols.get(1), groups));
      }
      return this;
    }

    private static List<String> csv(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (char c : line.toCharArray()) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          out.add(cur.toString().trim());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      out.add(cur.toString().trim());
      return out;
    }

    public EmbeddedApiServerOptions build() {
      return new EmbeddedApiServerOptions(this);
    }
  }
}
