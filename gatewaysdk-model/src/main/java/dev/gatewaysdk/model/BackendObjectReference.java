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
 * A reference to a backend, usually a Service port, without a weight (mirrors, external auth).
 *
 * <pre>{@code
 * BackendObjectReference shadow = BackendObjectReference.service("shadow", 8080);
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
public abstract class BackendObjectReference implements WithBackendObjectReference {
  BackendObjectReference() {}

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

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  @Value.Check
  void check() {
    Checks.port("port", port());
  }

  /** A reference to port {@code port} of the Service {@code name}. */
  public static BackendObjectReference service(String name, int port) {
    return builder().name(name).port(Checks.port("port", port)).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link BackendObjectReference} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableBackendObjectReference.Builder {
    Builder() {}
  }
}
