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
    return entry(Listener.http(name, port));
  }

  /**
   * A plain HTTP listener for {@code hostname} (may be a wildcard such as {@code *.example.com}).
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry http(String name, String hostname, int port) {
    return entry(Listener.http(name, hostname, port));
  }

  /**
   * An HTTPS listener for {@code hostname} with TLS settings {@code tls}, for example {@code
   * ListenerTLSConfig.terminate("wildcard-cert")}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry https(String name, String hostname, int port, ListenerTLSConfig tls) {
    return entry(Listener.https(name, hostname, port, tls));
  }

  /**
   * A TLS listener for {@code hostname}, usually with {@link ListenerTLSConfig#passthrough()} for
   * {@link TLSRoute}s.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry tls(String name, String hostname, int port, ListenerTLSConfig tls) {
    return entry(Listener.tls(name, hostname, port, tls));
  }

  /**
   * A TCP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry tcp(String name, int port) {
    return entry(Listener.tcp(name, port));
  }

  /**
   * A UDP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry udp(String name, int port) {
    return entry(Listener.udp(name, port));
  }

  /** This listener accepting routes from all namespaces. */
  public ListenerEntry allowingRoutesFromAllNamespaces() {
    return self().withAllowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL));
  }

  /** {@code listener} as an entry of a {@link ListenerSet}. */
  private static ListenerEntry entry(Listener listener) {
    return ListenerEntry.builder()
        .name(listener.name())
        .hostname(listener.hostname())
        .port(listener.port())
        .protocol(listener.protocol())
        .tls(listener.tls())
        .allowedRoutes(listener.allowedRoutes())
        .build();
  }

  private ListenerEntry self() {
    return (ListenerEntry) this;
  }
}
