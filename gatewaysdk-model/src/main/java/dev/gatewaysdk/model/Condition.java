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
 * One observation of an object's state, as written by a controller into status.
 *
 * <pre>{@code
 * Condition accepted = Condition.builder().type("Accepted").status(ConditionStatus.TRUE)
 *     .reason("Accepted").message("").lastTransitionTime("2024-01-01T00:00:00Z").build();
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
public abstract class Condition implements WithCondition {
  Condition() {}

  /** The condition type, such as {@code Accepted} or {@code Programmed}. */
  public abstract String type();

  /** Whether the condition holds. */
  public abstract ConditionStatus status();

  /** The object generation the condition was computed from. */
  public abstract Optional<Long> observedGeneration();

  /** When the status last changed (RFC 3339). */
  public abstract String lastTransitionTime();

  /** A CamelCase machine-readable reason. */
  public abstract String reason();

  /** A human-readable explanation; may be empty. */
  public abstract String message();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** Whether this condition's status is {@code True}. */
  public boolean isTrue() {
    return ConditionStatus.TRUE.equals(status());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Condition} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }
}
