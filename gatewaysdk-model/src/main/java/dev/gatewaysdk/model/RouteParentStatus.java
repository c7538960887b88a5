package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * The status of a route with respect to one parent, written by that parent's controller.
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
public abstract class RouteParentStatus extends RouteParentStatusBase
    implements WithRouteParentStatus {
  RouteParentStatus() {}

  /** The condition of {@code type}, if present. */
  public java.util.Optional<Condition> condition(String type) {
    for (Condition c : conditions()) {
      if (c.type().equals(type)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  /** Builds {@link RouteParentStatus} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableRouteParentStatus.Builder {
    Builder() {}
  }
}
