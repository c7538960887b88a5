package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A weighted backend of an {@link HTTPRouteRule}, with filters applied only to traffic sent to it.
 *
 * <pre>{@code
 * HTTPBackendRef canary = HTTPBackendRef.of("app-canary", 8080, 10);
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
public abstract class HTTPBackendRef extends HTTPBackendRefBase implements WithHTTPBackendRef {
  HTTPBackendRef() {}

  @Value.Check
  void check() {
    Checks.port("port", port());
    Checks.weight(weight());
  }

  /** Port {@code port} of the Service {@code service}, with the server's default weight. */
  public static HTTPBackendRef of(String service, int port) {
    return builder().name(service).port(Checks.port("port", port)).build();
  }

  /**
   * Port {@code port} of the Service {@code service} with {@code weight}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
   */
  public static HTTPBackendRef of(String service, int port, int weight) {
    return builder()
        .name(service)
        .port(Checks.port("port", port))
        .weight(Checks.weight(weight))
        .build();
  }

  /** Builds {@link HTTPBackendRef} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPBackendRef.Builder {
    Builder() {}
  }
}
