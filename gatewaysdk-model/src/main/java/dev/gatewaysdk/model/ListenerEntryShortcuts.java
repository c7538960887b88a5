package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link ListenerEntry}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * ListenerEntry's Javadoc by the generator.
 *
 * <pre>{@code
 * ListenerEntry team = ListenerEntry.https("team-a", "a.example.com", 443, ListenerTLSConfig.terminate("a-cert"));
 * }</pre>
 */
abstract class ListenerEntryShortcuts {
  ListenerEntryShortcuts() {}

  @Value.Check
  void check() {
    Checks.port("port", self().port());
  }

  /**
   * A plain HTTP listener for all hostnames.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry http(String name, int port) {
    return ListenerEntry.builder().name(name).port(port).protocol(ProtocolType.HTTP).build();
  }

  /**
   * A plain HTTP listener for {@code hostname} (may be a wildcard such as {@code *.example.com}).
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry http(String name, String hostname, int port) {
    return ListenerEntry.builder()
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
  public static ListenerEntry https(String name, String hostname, int port, ListenerTLSConfig tls) {
    return ListenerEntry.builder()
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
  public static ListenerEntry tls(String name, String hostname, int port, ListenerTLSConfig tls) {
    return ListenerEntry.builder()
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
  public static ListenerEntry tcp(String name, int port) {
    return ListenerEntry.builder().name(name).port(port).protocol(ProtocolType.TCP).build();
  }

  /**
   * A UDP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry udp(String name, int port) {
    return ListenerEntry.builder().name(name).port(port).protocol(ProtocolType.UDP).build();
  }

  /** This listener accepting routes from all namespaces. */
  public ListenerEntry allowingRoutesFromAllNamespaces() {
    return self().withAllowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL));
  }

  private ListenerEntry self() {
    return (ListenerEntry) this;
  }
}
