package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.Route;
import dev.gatewaysdk.testing.internal.controller.ControllerLoop;
import dev.gatewaysdk.testing.internal.controller.Reconciler;
import dev.gatewaysdk.testing.internal.kube.Kube;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gateway API controller without a data plane: it writes the status a conformant implementation would, so
 * code that waits for {@code Accepted}, {@code Programmed} or {@code ResolvedRefs} can be tested against any
 * cluster (the {@link EmbeddedApiServer}, k3s, a real cluster).
 *
 * <p>It owns the GatewayClasses whose {@code spec.controllerName} is its {@link #controllerName()} (default
 * {@value #DEFAULT_CONTROLLER_NAME}) and, through them, their Gateways, the ListenerSets attached to those,
 * and the {@code status.parents[]}/{@code status.ancestors[]} entries of routes and BackendTLSPolicies that
 * refer to them. Entries of other controllers are kept. It watches the cluster (informers, no polling) and
 * writes through the {@code /status} subresource, every condition at the object's current generation
 * (Gateway API v1.6.1):
 * <ul>
 *   <li>GatewayClass: {@code Accepted}, {@code SupportedVersion}.
 *   <li>Gateway: {@code Accepted} ({@code ListenersNotValid} when a listener is invalid), {@code Programmed}
 *       ({@code Pending} under {@link Builder#neverProgram}), {@code ResolvedRefs}
 *       ({@code InvalidClientCertificateRef}, {@code RefNotPermitted}, {@code ListenersNotResolved}),
 *       {@code InsecureFrontendValidationMode}, addresses (the requested ones, else one from 192.0.2.0/24),
 *       {@code attachedListenerSets}.
 *   <li>Listeners of Gateways and ListenerSets: {@code supportedKinds}, {@code attachedRoutes},
 *       {@code Accepted} ({@code UnsupportedProtocol}, {@code NoValidCACertificate}, conflicts),
 *       {@code ResolvedRefs} ({@code InvalidCertificateRef}, {@code RefNotPermitted},
 *       {@code InvalidRouteKinds}, {@code InvalidCACertificateRef}, {@code InvalidCACertificateKind}),
 *       {@code Conflicted} ({@code HostnameConflict}, {@code ProtocolConflict}) and {@code Programmed}.
 *   <li>ListenerSet: {@code Accepted} and {@code Programmed} ({@code NotAllowed}, {@code ParentNotAccepted},
 *       {@code ListenersNotValid}).
 *   <li>HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute: per parent (Gateway or ListenerSet)
 *       {@code Accepted} ({@code NoMatchingParent}, {@code NotAllowedByListeners},
 *       {@code NoMatchingListenerHostname}, {@code UnsupportedValue} under {@link Builder#rejectRoutes}) and
 *       {@code ResolvedRefs} ({@code BackendNotFound}, {@code RefNotPermitted}, {@code InvalidKind}).
 *   <li>BackendTLSPolicy: per ancestor Gateway {@code Accepted} ({@code Conflicted}, {@code Invalid},
 *       {@code NoValidCACertificate}) and {@code ResolvedRefs} ({@code InvalidCACertificateRef},
 *       {@code InvalidKind}).
 * </ul>
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

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedGatewayController.class);

  private final String controllerName;
  private final ControllerLoop loop;

  private SimulatedGatewayController(String controllerName, ControllerLoop loop) {
    this.controllerName = controllerName;
    this.loop = loop;
  }

  /**
   * Starts a controller with default options against {@code apiClient}.
   *
   * @throws dev.gatewaysdk.core.GatewayApiException if the cluster does not serve the Gateway API
   */
  public static SimulatedGatewayController start(ApiClient apiClient) {
    return builder().start(apiClient);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code spec.controllerName} of the GatewayClasses this controller owns. */
  public String controllerName() {
    return controllerName;
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

    private Builder() {}

    /**
     * The controller name to own GatewayClasses of.
     *
     * @throws IllegalArgumentException unless it looks like {@code example.net/name} (domain-prefixed path)
     */
    public Builder controllerName(String controllerName) {
      if (controllerName == null || !controllerName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")) {
        throw new IllegalArgumentException("controllerName must be a domain-prefixed path such as example.net/gateway: " + controllerName);
      }
      this.controllerName = controllerName;
      return this;
    }

    /**
     * How long to wait after a change before writing status, to test code that waits (default none).
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

    /** Gateways matching {@code predicate} are accepted but never {@code Programmed} (reason {@code Pending}). */
    public Builder neverProgram(Predicate<Gateway> predicate) {
      this.neverProgram = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /**
     * Routes matching {@code predicate} get {@code Accepted=False} with reason {@code UnsupportedValue} from
     * every parent that would otherwise accept them.
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
     * @throws dev.gatewaysdk.core.GatewayApiException if the cluster does not serve the Gateway API or cannot
     *     be listed
     */
    public SimulatedGatewayController start(ApiClient apiClient) {
      Objects.requireNonNull(apiClient, "apiClient");
      Predicate<Gateway> np = neverProgram;
      Predicate<Route> rr = rejectRoutes;
      Reconciler reconciler = new Reconciler(controllerName,
          tree -> test(np, tree, Gateway.class), tree -> test(rr, tree, Route.class));
      ControllerLoop loop = new ControllerLoop(new Kube(apiClient), reconciler, statusDelay).start(syncTimeout);
      LOG.debug("simulated Gateway controller {} started", controllerName);
      return new SimulatedGatewayController(controllerName, loop);
    }

    private static <T> boolean test(Predicate<T> predicate, ObjectNode tree, Class<T> type) {
      Object typed;
      try {
        typed = Manifests.fromTree(tree);
      } catch (RuntimeException e) {
        LOG.debug("cannot read {} as {}: {}", tree.path("metadata").path("name"), type.getSimpleName(), e.getMessage());
        return false;
      }
      return type.isInstance(typed) && predicate.test(type.cast(typed));
    }
  }
}
