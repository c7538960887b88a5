package dev.gatewaysdk.testing;

import dev.gatewaysdk.testing.internal.gateway.DataPlane;
import java.net.URI;
import java.util.Map;

/**
 * A Gateway as served by the {@link SimulatedGatewayController}'s data plane: the loopback address
 * written to its {@code status.addresses} and ready URLs per listener. Reads the data plane's
 * current state on each call; immutable and thread-safe.
 *
 * <pre>{@code
 * awaitThat(cluster, gw).isProgrammed();
 * EmbeddedGateway gateway = cluster.gateway(ns, "gw");
 * HttpResponse<String> r = http.send(HttpRequest.newBuilder(gateway.url("http").resolve("/api")).build(), ofString());
 * }</pre>
 */
public final class EmbeddedGateway {
  private final DataPlane dataPlane;
  private final String namespace;
  private final String name;

  EmbeddedGateway(DataPlane dataPlane, String namespace, String name) {
    this.dataPlane = dataPlane;
    this.namespace = namespace;
    this.name = name;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /**
   * The Gateway's loopback address ({@code 127.x.y.z}), as in its {@code status.addresses}.
   *
   * @throws IllegalStateException if the data plane does not serve the Gateway (not ours, not
   *     programmed yet)
   */
  public String address() {
    String a = dataPlane.address(namespace, name);
    if (a == null) {
      throw new IllegalStateException(
          "Gateway "
              + namespace
              + "/"
              + name
              + " has no address: not (yet) programmed by the data plane");
    }
    return a;
  }

  /**
   * The port listener {@code listener} is bound on: its spec port plus the controller's {@link
   * SimulatedGatewayController.Builder#portOffset port offset}.
   *
   * @throws IllegalArgumentException if the Gateway has no such listener served by the data plane
   */
  public int port(String listener) {
    Integer p = dataPlane.listenerPorts(namespace, name).get(listener);
    if (p == null) {
      throw new IllegalArgumentException(
          "Gateway "
              + namespace
              + "/"
              + name
              + " has no served listener "
              + listener
              + "; served: "
              + dataPlane.listenerPorts(namespace, name).keySet());
    }
    return dataPlane.boundPort(p);
  }

  /**
   * {@code http://<address>:<port>/} of listener {@code listener}, {@code https://} for an HTTPS
   * listener (its certificate names the listener's hostname, so a client sends that name as SNI and
   * Host).
   *
   * @throws IllegalArgumentException if the Gateway has no such listener served by the data plane
   * @throws IllegalStateException if the Gateway is not programmed
   */
  public URI url(String listener) {
    int port = port(listener);
    return URI.create(
        dataPlane.scheme(namespace, name, listener) + "://" + address() + ":" + port + "/");
  }

  /** Listener names of the served listeners, with their spec ports. */
  public Map<String, Integer> listeners() {
    return dataPlane.listenerPorts(namespace, name);
  }

  @Override
  public String toString() {
    return "EmbeddedGateway{" + namespace + "/" + name + "}";
  }
}
