package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.Map;
import java.util.Optional;
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
public abstract class ListenerEntry implements WithListenerEntry {
  ListenerEntry() {}

  /** The listener name, unique within the Gateway; routes use it as {@code sectionName}. */
  public abstract String name();

  /** The hostname (or wildcard) the listener accepts; absent accepts all. */
  public abstract Optional<String> hostname();

  /** The network port. */
  public abstract int port();

  /** The accepted protocol. */
  public abstract ProtocolType protocol();

  /** TLS settings, for HTTPS and TLS listeners. */
  public abstract Optional<ListenerTLSConfig> tls();

  /** Which routes may attach; the server defaults it to routes of the same namespace. */
  public abstract Optional<AllowedRoutes> allowedRoutes();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

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

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ListenerEntry} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableListenerEntry.Builder {
    Builder() {}
  }
}
