package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A listener contributed to a Gateway by a {@link ListenerSet}; same shape as {@link Listener}.
 *
 * <pre>{@code
 * ListenerEntry team = ListenerEntry.https("team-a", "a.example.com", 443, ListenerTLSConfig.terminate("a-cert"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Fields unknown to this SDK are kept in {@link #unknownFields()}.
 */
@Value.Immutable
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class ListenerEntry extends ListenerEntryBase implements WithListenerEntry {
  ListenerEntry() {}

  @Value.Check
  void check() {
    Checks.port("port", port());
  }

  /**
   * A plain HTTP listener for all hostnames.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry http(String name, int port) {
    return builder().name(name).port(port).protocol(ProtocolType.HTTP).build();
  }

  /**
   * A plain HTTP listener for {@code hostname} (may be a wildcard such as {@code *.example.com}).
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry http(String name, String hostname, int port) {
    return builder().name(name).hostname(hostname).port(port).protocol(ProtocolType.HTTP).build();
  }

  /**
   * An HTTPS listener for {@code hostname} with TLS settings {@code tls}, for example {@code
   * ListenerTLSConfig.terminate("wildcard-cert")}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry https(String name, String hostname, int port, ListenerTLSConfig tls) {
    return builder()
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
    return builder()
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
    return builder().name(name).port(port).protocol(ProtocolType.TCP).build();
  }

  /**
   * A UDP listener.
   *
   * @throws IllegalArgumentException if the port is not 1..65535
   */
  public static ListenerEntry udp(String name, int port) {
    return builder().name(name).port(port).protocol(ProtocolType.UDP).build();
  }

  /** This listener accepting routes from all namespaces. */
  public ListenerEntry allowingRoutesFromAllNamespaces() {
    return withAllowedRoutes(AllowedRoutes.fromNamespaces(FromNamespaces.ALL));
  }

  /** Builds {@link ListenerEntry} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableListenerEntry.Builder {
    Builder() {}
  }
}
