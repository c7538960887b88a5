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
 * A reference from a {@link ListenerSet} to the Gateway it extends.
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
public abstract class ParentGatewayReference implements WithParentGatewayReference {
  ParentGatewayReference() {}

  /** The API group; defaults to {@code gateway.networking.k8s.io}. */
  public abstract Optional<String> group();

  /** The kind; defaults to {@code Gateway}. */
  public abstract Optional<String> kind();

  /** The Gateway's name. */
  public abstract String name();

  /** The Gateway's namespace; absent means the listener set's namespace. */
  public abstract Optional<String> namespace();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** A reference to the Gateway {@code name} in the listener set's namespace. */
  public static ParentGatewayReference of(String name) {
    return builder().name(name).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ParentGatewayReference} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableParentGatewayReference.Builder {
    Builder() {}
  }
}
