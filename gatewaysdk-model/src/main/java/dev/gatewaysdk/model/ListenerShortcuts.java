package dev.gatewaysdk.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The hand-written part of {@link Listener}, which extends this class; the rest is generated from
 * the CRD schema (gatewaysdk-model-generator). The example below is copied into Listener's Javadoc
 * by the generator.
 *
 * <pre>{@code
 * Listener http = Listener.http("http", 80);
 * Listener https = Listener.https("https", "*.example.com", 443, ListenerTLSConfig.terminate("wildcard-cert"));
 * }</pre>
 */
abstract class ListenerShortcuts {
  ListenerShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  /**
   * A plain HTTP listener for all hostnames.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener http(String name, int port) {
    return listener(name, null, port, ProtocolType.HTTP, null);
  }

  /**
   * A plain HTTP listener for {@code hostname} (may be a wildcard such as {@code *.example.com}).
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener http(String name, String hostname, int port) {
    return listener(name, hostname, port, ProtocolType.HTTP, null);
  }

  /**
   * An HTTPS listener for {@code hostname} with TLS settings {@code tls}, for example {@code
   * ListenerTLSConfig.terminate("wildcard-cert")}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener https(String name, String hostname, int port, ListenerTLSConfig tls) {
    return listener(name, hostname, port, ProtocolType.HTTPS, tls);
  }

  /**
   * A TLS listener for {@code hostname}, usually with {@link ListenerTLSConfig#passthrough()} for
   * {@link TLSRoute}s.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener tls(String name, String hostname, int port, ListenerTLSConfig tls) {
    return listener(name, hostname, port, ProtocolType.TLS, tls);
  }

  /**
   * A TCP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener tcp(String name, int port) {
    return listener(name, null, port, ProtocolType.TCP, null);
  }

  /**
   * A UDP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener udp(String name, int port) {
    return listener(name, null, port, ProtocolType.UDP, null);
  }

  private static Listener listener(
      String name, String hostname, int port, ProtocolType protocol, ListenerTLSConfig tls) {
    return Listener.builder()
        .name(name)
        .hostname(Optional.ofNullable(hostname))
        .port(port)
        .protocol(protocol)
        .tls(Optional.ofNullable(tls))
        .build();
  }

  /** This listener accepting routes from all namespaces. */
  public Listener allowingRoutesFromAllNamespaces() {
    return self().withAllowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL));
  }

  private Listener self() {
    return (Listener) this;
  }
}
