package dev.gatewaysdk.model;

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
    return Listener.builder().name(name).port(port).protocol(ProtocolType.HTTP).build();
  }

  /**
   * A plain HTTP listener for {@code hostname} (may be a wildcard such as {@code *.example.com}).
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener http(String name, String hostname, int port) {
    return Listener.builder()
        .name(name)
        .hostname(hostname)
        .port(port)
        .protocol(ProtocolType.HTTP)
        .build();
  }

  /**
   * An HTTPS listener for {@code hostname} with TLS settings {@code tls}, for example {@code
   * ListenerTLSConfig.terminate("wildcard-cert")}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener https(String name, String hostname, int port, ListenerTLSConfig tls) {
    return Listener.builder()
        .name(name)
        .hostname(hostname)
        .port(port)
        .protocol(ProtocolType.HTTPS)
        .tls(tls)
        .build();
  }

  /**
   * A TLS listener for {@code hostname}, usually with {@link ListenerTLSConfig#passthrough()} for
   * {@link TLSRoute}s.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener tls(String name, String hostname, int port, ListenerTLSConfig tls) {
    return Listener.builder()
        .name(name)
        .hostname(hostname)
        .port(port)
        .protocol(ProtocolType.TLS)
        .tls(tls)
        .build();
  }

  /**
   * A TCP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener tcp(String name, int port) {
    return Listener.builder().name(name).port(port).protocol(ProtocolType.TCP).build();
  }

  /**
   * A UDP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static Listener udp(String name, int port) {
    return Listener.builder().name(name).port(port).protocol(ProtocolType.UDP).build();
  }

  /** This listener accepting routes from all namespaces. */
  public Listener allowingRoutesFromAllNamespaces() {
    return self().withAllowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL));
  }

  private Listener self() {
    return (Listener) this;
  }
}
