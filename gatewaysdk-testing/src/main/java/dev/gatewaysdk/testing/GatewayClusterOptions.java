package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.Releases;
import dev.gatewaysdk.testing.GatewayCluster.Backend;
import dev.gatewaysdk.testing.GatewayCluster.Controller;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link GatewayCluster}. Immutable and thread-safe, with value equality (clusters
 * of equal options are shared by {@link GatewayApiTest}); build with {@link #builder()}.
 *
 * <p>Defaults: {@link Backend#EMBEDDED}, Gateway API {@value CrdSource#LATEST_RELEASE}, standard
 * channel, {@link Controller#SIMULATED}, k3s image from {@value #K3S_IMAGE_PROPERTY} else {@value
 * #DEFAULT_K3S_IMAGE}, kubeconfig from {@value #KUBECONFIG_PROPERTY} / {@value #KUBECONFIG_ENV} and
 * context from {@value #CONTEXT_PROPERTY}.
 *
 * <pre>{@code
 * GatewayClusterOptions k3s = GatewayClusterOptions.builder()
 *     .backend(Backend.K3S).channel(Channel.EXPERIMENTAL).controller(Controller.TRAEFIK).build();
 * }</pre>
 */
public final class GatewayClusterOptions {
  /** The pinned k3s image. */
  public static final String DEFAULT_K3S_IMAGE = "rancher/k3s:v1.33.5-k3s1";

  /** System property naming another k3s image (same repository, another tag). */
  public static final String K3S_IMAGE_PROPERTY = "gatewaysdk.k3s.image";

  public static final String KUBECONFIG_PROPERTY = "gatewaysdk.kubeconfig";
  public static final String KUBECONFIG_ENV = "GATEWAYSDK_KUBECONFIG";
  public static final String CONTEXT_PROPERTY = "gatewaysdk.context";

  private final Backend backend;
  private final String release;
  private final Channel channel;
  private final Controller controller;
  private final String k3sImage;
  private final Path kubeconfig;
  private final String context;
  private final boolean authorization;

  private GatewayClusterOptions(Builder b) {
    this.backend = b.backend;
    this.release = b.release;
    this.channel = b.channel;
    this.controller = b.controller;
    this.k3sImage = b.k3sImage;
    this.kubeconfig = b.kubeconfig;
    this.context = b.context;
    this.authorization = b.authorization;
  }

  public static GatewayClusterOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.backend = backend;
    b.release = release;
    b.channel = channel;
    b.controller = controller;
    b.k3sImage = k3sImage;
    b.kubeconfig = kubeconfig;
    b.context = context;
    b.authorization = authorization;
    return b;
  }

  /**
   * Whether the embedded backend authenticates requests and authorizes them by RBAC (default false:
   * it allows everything), so that {@link Tenant}s see only what their roles grant. A k3s or
   * existing cluster always does.
   */
  public boolean authorization() {
    return authorization;
  }

  public Backend backend() {
    return backend;
  }

  /** The Gateway API release whose CRDs are installed (from the CRD source setting). */
  public String release() {
    return release;
  }

  public Channel channel() {
    return channel;
  }

  public Controller controller() {
    return controller;
  }

  /** The k3s image: as set, else {@value #K3S_IMAGE_PROPERTY}, else {@value #DEFAULT_K3S_IMAGE}. */
  public String k3sImage() {
    if (k3sImage != null) {
      return k3sImage;
    }
    String p = System.getProperty(K3S_IMAGE_PROPERTY);
    return p == null || p.isBlank() ? DEFAULT_K3S_IMAGE : p;
  }

  /**
   * The kubeconfig of an existing cluster: as set, else {@value #KUBECONFIG_PROPERTY}, else {@value
   * #KUBECONFIG_ENV}.
   */
  public Optional<Path> kubeconfig() {
    if (kubeconfig != null) {
      return Optional.of(kubeconfig);
    }
    String p = System.getProperty(KUBECONFIG_PROPERTY);
    if (p == null || p.isBlank()) {
      p = System.getenv(KUBECONFIG_ENV);
    }
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(Paths.get(p));
  }

  /**
   * The kubeconfig context: as set, else {@value #CONTEXT_PROPERTY}, else the file's current
   * context.
   */
  public Optional<String> context() {
    if (context != null) {
      return Optional.of(context);
    }
    String p = System.getProperty(CONTEXT_PROPERTY);
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(p);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GatewayClusterOptions)) {
      return false;
    }
    GatewayClusterOptions x = (GatewayClusterOptions) o;
    return backend == x.backend
        && release.equals(x.release)
        && channel == x.channel
        && controller == x.controller
        && k3sImage().equals(x.k3sImage())
        && kubeconfig().equals(x.kubeconfig())
        && context().equals(x.context())
        && authorization == x.authorization;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        backend, release, channel, controller, k3sImage(), kubeconfig(), context(), authorization);
  }

  @Override
  public String toString() {
    return "GatewayClusterOptions{backend="
        + backend
        + ", release="
        + release
        + ", channel="
        + channel.id()
        + ", controller="
        + controller
        + (authorization ? ", authorization=true" : "")
        + (backend == Backend.K3S ? ", image=" + k3sImage() : "")
        + (backend == Backend.KUBECONFIG
            ? ", kubeconfig=" + kubeconfig().orElse(null) + ", context=" + context().orElse(null)
            : "")
        + "}";
  }

  /** Builds {@link GatewayClusterOptions}; not thread-safe. */
  public static final class Builder {
    private Backend backend = Backend.EMBEDDED;
    private String release = CrdSource.LATEST_RELEASE;
    private Channel channel = Channel.STANDARD;
    private Controller controller = Controller.SIMULATED;
    private String k3sImage;
    private Path kubeconfig;
    private String context;
    private boolean authorization;

    private Builder() {}

    /** See {@link GatewayClusterOptions#authorization()}. */
    public Builder authorization(boolean authorization) {
      this.authorization = authorization;
      return this;
    }

    public Builder backend(Backend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
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

    public Builder controller(Controller controller) {
      this.controller = Objects.requireNonNull(controller, "controller");
      return this;
    }

    /**
     * @throws IllegalArgumentException unless a {@code rancher/k3s} image
     */
    public Builder k3sImage(String image) {
      if (image == null
          || !image.matches("(.*/)?rancher/k3s(:[\\w.+-]+)?(@sha256:[0-9a-f]{64})?")) {
        throw new IllegalArgumentException("k3sImage must be a rancher/k3s image: " + image);
      }
      this.k3sImage = image;
      return this;
    }

    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
      return this;
    }

    public Builder context(String context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the Traefik controller is asked for on a backend other
     *     than k3s
     */
    public GatewayClusterOptions build() {
      if (controller == Controller.TRAEFIK && backend != Backend.K3S) {
        throw new IllegalArgumentException("controller TRAEFIK needs backend K3S, not " + backend);
      }
      return new GatewayClusterOptions(this);
    }
  }
}
