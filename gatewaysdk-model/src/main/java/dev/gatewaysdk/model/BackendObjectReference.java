package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
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
public abstract class BackendObjectReference extends BackendObjectReferenceBase
    implements WithBackendObjectReference {
  BackendObjectReference() {}

  @Value.Check
  void check() {
    Checks.port("port", port());
  }

  /** A reference to port {@code port} of the Service {@code name}. */
  public static BackendObjectReference service(String name, int port) {
    return builder().name(name).port(Checks.port("port", port)).build();
  }

  /** Builds {@link BackendObjectReference} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableBackendObjectReference.Builder {
    Builder() {}
  }
}
