package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
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
public abstract class Condition extends ConditionBase implements WithCondition {
  Condition() {}

  /** Whether this condition's status is {@code True}. */
  public boolean isTrue() {
    return ConditionStatus.TRUE.equals(status());
  }

  /** Builds {@link Condition} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }
}
