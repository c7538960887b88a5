package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A weighted backend of a {@link GRPCRouteRule}, with filters applied only to traffic sent to it.
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
public abstract class GRPCBackendRef implements WithGRPCBackendRef {
  GRPCBackendRef() {}

  /** The backend's API group; absent or empty means the core group. */
  public abstract Optional<String> group();

  /** The backend's kind; the server defaults it to {@code Service}. */
  public abstract Optional<String> kind();

  /** The backend's name. */
  public abstract String name();

  /** The backend's namespace; another namespace needs a {@link ReferenceGrant}. */
  public abstract Optional<String> namespace();

  /** The destination port; required when the backend is a Service. */
  public abstract Optional<Integer> port();

  /**
   * The share of traffic relative to the other backends of the rule; the server defaults it to 1.
   */
  public abstract Optional<Integer> weight();

  /** Filters applied to requests sent to this backend. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<GRPCRouteFilter> filters();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  @Value.Check
  void check() {
    Checks.port("port", port());
    Checks.weight(weight());
  }

  /** Port {@code port} of the Service {@code service}, with the server's default weight. */
  public static GRPCBackendRef of(String service, int port) {
    return builder().name(service).port(Checks.port("port", port)).build();
  }

  /**
   * Port {@code port} of the Service {@code service} with {@code weight}.
   *
   * @throws IllegalArgumentException if the port is not 1..65535 or the weight not 0..1000000
   */
  public static GRPCBackendRef of(String service, int port, int weight) {
    return builder()
        .name(service)
        .port(Checks.port("port", port))
        .weight(Checks.weight(weight))
        .build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link GRPCBackendRef} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableGRPCBackendRef.Builder {
    Builder() {}
  }
}
