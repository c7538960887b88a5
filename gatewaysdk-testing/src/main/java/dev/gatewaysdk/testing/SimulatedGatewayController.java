package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.Route;
import dev.gatewaysdk.testing.internal.controller.ControllerLoop;
import dev.gatewaysdk.testing.internal.controller.Reconciler;
import dev.gatewaysdk.testing.internal.gateway.DataPlane;
import dev.gatewaysdk.testing.internal.kube.Kube;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gateway API controller with an embedded data plane: it writes the status a conformant
 * implementation would, so code that waits for {@code Accepted}, {@code Programmed} or {@code
 * ResolvedRefs} can be tested against any cluster (the {@link EmbeddedApiServer}, k3s, a real
 * cluster), and its Gateways listen on loopback and route real HTTP traffic through their
 * HTTPRoutes to the Services' EndpointSlices (see {@link #gateway}, {@link Builder#dataPlane} and
 * {@code docs/testing.md}).
 *
 * <p>It owns the GatewayClasses whose {@code spec.controllerName} is its {@link #controllerName()}
 * (default {@value #DEFAULT_CONTROLLER_NAME}) and, through them, their Gateways, the ListenerSets
 * attached to those, and the {@code status.parents[]}/{@code status.ancestors[]} entries of routes
 * and BackendTLSPolicies that refer to them. Entries of other controllers are kept. It watches the
 * cluster (informers, no polling) and writes through the {@code /status} subresource, every
 * condition at the object's current generation (Gateway API {@value
 * dev.gatewaysdk.model.CrdSource#LATEST_RELEASE}):
 *
 * <ul>
 *   <li>GatewayClass: {@code Accepted}, {@code SupportedVersion}.
 *   <li>Gateway: {@code Accepted} ({@code ListenersNotValid} when a listener is invalid), {@code
 *       Programmed} ({@code Pending} under {@link Builder#neverProgram}), {@code ResolvedRefs}
 *       ({@code InvalidClientCertificateRef}, {@code RefNotPermitted}, {@code
 *       ListenersNotResolved}), {@code InsecureFrontendValidationMode}, addresses (its own loopback
 *       address from the data plane; without it the requested ones, else one from 192.0.2.0/24; a
 *       requested address without a value is assigned one), {@code attachedListenerSets}.
 *   <li>Listeners of Gateways and ListenerSets: {@code supportedKinds}, {@code attachedRoutes},
 *       {@code Accepted} ({@code UnsupportedProtocol}, {@code NoValidCACertificate}, conflicts),
 *       {@code ResolvedRefs} ({@code InvalidCertificateRef}, {@code RefNotPermitted}, {@code
 *       InvalidRouteKinds}, {@code InvalidCACertificateRef}, {@code InvalidCACertificateKind}),
 *       {@code Conflicted} ({@code HostnameConflict}, {@code ProtocolConflict}) and {@code
 *       Programmed}; a Gateway's HTTP listener the data plane cannot bind gets {@code
 *       Accepted=False} reason {@code PortUnavailable}.
 *   <li>ListenerSet: {@code Accepted} and {@code Programmed} ({@code NotAllowed}, {@code
 *       ParentNotAccepted}, {@code ListenersNotValid}).
 *   <li>HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute: per parent (Gateway or ListenerSet)
 *       {@code Accepted} ({@code NoMatchingParent}, {@code NotAllowedByListeners}, {@code
 *       NoMatchingListenerHostname}, {@code UnsupportedValue} under {@link Builder#rejectRoutes})
 *       and {@code ResolvedRefs} ({@code BackendNotFound}, {@code RefNotPermitted}, {@code
 *       InvalidKind}).
 *   <li>BackendTLSPolicy: per ancestor Gateway {@code Accepted} ({@code Conflicted}, {@code
 *       Invalid}, {@code NoValidCACertificate}) and {@code ResolvedRefs} ({@code
 *       InvalidCACertificateRef}, {@code InvalidKind}).
 * </ul>
 *
 * Each new refusal is also a core/v1 Warning Event on the refused object.
 *
 * <p>Thread-safe; close it to stop its threads.
 *
 * <pre>{@code
 * try (SimulatedGatewayController controller = SimulatedGatewayController.start(server.apiClient())) {
 *   // create a GatewayClass with controllerName gatewaysdk.dev/simulated, a Gateway, routes ...
 * }
 * SimulatedGatewayController slow = SimulatedGatewayController.builder()
 *     .statusDelay(Duration.ofSeconds(2))
 *     .rejectRoutes(route -> route.metadata().name().startsWith("bad-"))
 *     .start(apiClient);
 * }</pre>
 */
public final class SimulatedGatewayController implements AutoCloseable {
  /** The controller name it answers to unless configured: {@value}. */
  public static final String DEFAULT_CONTROLLER_NAME = "gatewaysdk.dev/simulated";

  /** The loopback range Gateways get their addresses from unless configured: {@value}. */
  public static final String DEFAULT_ADDRESS_RANGE = "127.128.0.0/9";

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedGatewayController.class);

  private final String controllerName;
  private final ControllerLoop loop;
  private final DataPlane dataPlane;

  private SimulatedGatewayController(
      String controllerName, ControllerLoop loop, DataPlane dataPlane) {
    this.controllerName = controllerName;
    this.loop = loop;
    this.dataPlane = dataPlane;
  }

  /**
   * Starts a controller with default options against {@code apiClient}.
   *
   * @throws dev.gatewaysdk.core.GatewayApiException if the cluster does not serve the Gateway API
   */
  public static SimulatedGatewayController start(ApiClient apiClient) {
    return builder().start(apiClient);
  }

  /** A builder for a controller with options other than the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code spec.controllerName} of the GatewayClasses this controller owns. */
  public String controllerName() {
    return controllerName;
  }

  /**
   * The data plane's handle of Gateway {@code namespace/name}: its address and listener URLs.
   *
   * @throws IllegalStateException if the controller runs without a data plane
   */
  public EmbeddedGateway gateway(String namespace, String name) {
    if (dataPlane == null) {
      throw new IllegalStateException(
          "this controller runs without a data plane (Builder.dataPlane(false))");
    }
    return new EmbeddedGateway(dataPlane, namespace, name);
  }

  /**
   * Where the data plane's metrics are served in the Prometheus text format ({@code
   * http://127.0.0.1:<port>/metrics}), empty without a data plane.
   */
  public java.util.Optional<java.net.URI> metricsUrl() {
    return dataPlane == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(java.net.URI.create(dataPlane.metricsUrl()));
  }

  /** Stops watching and writing. */
  @Override
  public void close() {
    loop.close();
  }

  @Override
  public String toString() {
    return "SimulatedGatewayController{" + controllerName + "}";
  }

  /** Configures a {@link SimulatedGatewayController}; not thread-safe. */
  public static final class Builder {
    private String controllerName = DEFAULT_CONTROLLER_NAME;
    private Duration statusDelay = Duration.ZERO;
    private Predicate<Gateway> neverProgram = g -> false;
    private Predicate<Route> rejectRoutes = r -> false;
    private Duration syncTimeout = Duration.ofSeconds(30);
    private boolean dataPlane = true;
    private String addressRange = DEFAULT_ADDRESS_RANGE;
    private int portOffset;
    private int metricsPort;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration clientReadTimeout = Duration.ofSeconds(30);
    private java.util.function.Consumer<EmbeddedGateway> onProgrammed = g -> {};

    private Builder() {}

    /**
     * Called (on the controller's thread; keep it short) when a Gateway starts listening on its
     * address, for example to print {@link EmbeddedGateway#url} of its listeners.
     */
    public Builder onGatewayProgrammed(java.util.function.Consumer<EmbeddedGateway> listener) {
      this.onProgrammed = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether Gateways get a real data plane on loopback (default true): an address of their own
     * from {@link #addressRange}, a socket per HTTP listener port, HTTPRoutes routed as the spec
     * says. Without it, the controller only writes status (addresses from 192.0.2.0/24, which route
     * nowhere).
     */
    public Builder dataPlane(boolean enabled) {
      this.dataPlane = enabled;
      return this;
    }

    /**
     * The IPv4 CIDR inside 127.0.0.0/8 that Gateways get their addresses from (default {@value
     * SimulatedGatewayController#DEFAULT_ADDRESS_RANGE}); a Gateway's {@code spec.addresses} may
     * request one of 127.0.0.0/8 instead.
     *
     * @throws IllegalArgumentException if it is not a CIDR inside 127.0.0.0/8
     */
    public Builder addressRange(String cidr) {
      new DataPlane.Options(
          Objects.requireNonNull(cidr, "cidr"), 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
      this.addressRange = cidr;
      return this;
    }

    /**
     * Binds each listener on its port plus {@code offset} (default 0), for ports that cannot be
     * bound as they are (below 1024 without the privilege). The bound port is in the listener's
     * {@code Programmed} condition message ({@code listening on 127.x.y.z:8080}) and {@link
     * EmbeddedGateway#port}.
     *
     * @throws IllegalArgumentException unless -65535 &lt;= offset &lt;= 65535
     */
    public Builder portOffset(int offset) {
      if (offset < -65535 || offset > 65535) {
        throw new IllegalArgumentException("portOffset must be -65535..65535: " + offset);
      }
      this.portOffset = offset;
      return this;
    }

    /**
     * The port of the metrics endpoint on 127.0.0.1 (default 0: any free port, see {@link
     * SimulatedGatewayController#metricsUrl}).
     *
     * @throws IllegalArgumentException unless 0 &lt;= port &lt;= 65535
     */
    public Builder metricsPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("metricsPort must be 0..65535: " + port);
      }
      this.metricsPort = port;
      return this;
    }

    /**
     * How long a request may take when its route rule sets no {@code timeouts.request} (default 30
     * s); then the client gets 504.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must not be negative: " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * How long an HTTP/1.1 client may take to send a request's header once its first byte arrived,
     * and how long it may pause between two reads of the request's body (default 30 s; the role of
     * nginx's {@code client_header_timeout} and {@code client_body_timeout}); then it gets {@code
     * 408 Request Timeout} and the connection closes. A keep-alive connection idle between requests
     * is closed after 5 minutes without a response.
     *
     * <p>HTTP/2 gets the same timeout: a connection must complete the h2c preface and open its
     * first stream within it of its first byte, else it is closed without an answer; a stream whose
     * body pauses longer gets {@code 408} on that stream and is reset ({@code RST_STREAM} with
     * {@code NO_ERROR}, or {@code CANCEL} where its response had started), while the connection's
     * other streams go on.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder clientReadTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("clientReadTimeout must be positive: " + timeout);
      }
      this.clientReadTimeout = timeout;
      return this;
    }

    /**
     * The controller name to own GatewayClasses of.
     *
     * @throws IllegalArgumentException unless it looks like {@code example.net/name}
     *     (domain-prefixed path)
     */
    public Builder controllerName(String controllerName) {
      if (controllerName == null
          || !controllerName.matches(
              "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")) {
        throw new IllegalArgumentException(
            "controllerName must be a domain-prefixed path such as example.net/gateway: "
                + controllerName);
      }
      this.controllerName = controllerName;
      return this;
    }

    /**
     * How long to wait after a change before writing status, to test code that waits (default
     * none). Status only: the data plane routes traffic by each change at once.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder statusDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("statusDelay must not be negative: " + delay);
      }
      this.statusDelay = delay;
      return this;
    }

    /**
     * Gateways matching {@code predicate} are accepted but never {@code Programmed} (reason {@code
     * Pending}).
     */
    public Builder neverProgram(Predicate<Gateway> predicate) {
      this.neverProgram = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /**
     * Routes matching {@code predicate} get {@code Accepted=False} with reason {@code
     * UnsupportedValue} from every parent that would otherwise accept them.
     */
    public Builder rejectRoutes(Predicate<Route> predicate) {
      this.rejectRoutes = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /** How long {@link #start} waits for the first listing of every watched kind (default 30 s). */
    public Builder syncTimeout(Duration timeout) {
      this.syncTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts the controller; returns once it has listed the cluster.
     *
     * @throws dev.gatewaysdk.core.GatewayApiException if the cluster does not serve the Gateway API
     *     or cannot be listed
     */
    public SimulatedGatewayController start(ApiClient apiClient) {
      Objects.requireNonNull(apiClient, "apiClient");
      Predicate<Gateway> np = neverProgram;
      Predicate<Route> rr = rejectRoutes;
      Reconciler reconciler =
          new Reconciler(
              controllerName,
              tree -> test(np, tree, Gateway.class),
              tree -> test(rr, tree, Route.class));
      java.util.function.Consumer<EmbeddedGateway> announce = onProgrammed;
      DataPlane[] holder = new DataPlane[1];
      DataPlane plane =
          dataPlane
              ? new DataPlane(
                  controllerName,
                  tree -> test(np, tree, Gateway.class),
                  new DataPlane.Options(
                      addressRange,
                      portOffset,
                      metricsPort,
                      requestTimeout,
                      Duration.ofMinutes(5),
                      clientReadTimeout),
                  (ns, name) -> announce.accept(new EmbeddedGateway(holder[0], ns, name)))
              : null;
      holder[0] = plane;
      ControllerLoop loop;
      try {
        loop =
            new ControllerLoop(new Kube(apiClient), reconciler, statusDelay, plane)
                .start(syncTimeout);
      } catch (RuntimeException e) {
        if (plane != null) {
          plane.close();
        }
        throw e;
      }
      LOG.debug("simulated Gateway controller {} started", controllerName);
      return new SimulatedGatewayController(controllerName, loop, plane);
    }

    private static <T> boolean test(Predicate<T> predicate, ObjectNode tree, Class<T> type) {
      Object typed;
      try {
        typed = Manifests.fromTree(tree);
      } catch (RuntimeException e) {
        LOG.debug(
            "cannot read {} as {}: {}",
            tree.path("metadata").path("name"),
            type.getSimpleName(),
            e.getMessage());
        return false;
      }
      return type.isInstance(typed) && predicate.test(type.cast(typed));
    }
  }
}
