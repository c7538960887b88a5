package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A group, kind and optional name that may be referred to.
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
public abstract class ReferenceGrantTo extends ReferenceGrantToBase
    implements WithReferenceGrantTo {
  ReferenceGrantTo() {}

  /** All objects of {@code group}/{@code kind}. */
  public static ReferenceGrantTo of(String group, String kind) {
    return builder().group(group).kind(kind).build();
  }

  /** The object {@code name} of {@code group}/{@code kind}. */
  public static ReferenceGrantTo of(String group, String kind, String name) {
    return builder().group(group).kind(kind).name(name).build();
  }

  /** Builds {@link ReferenceGrantTo} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableReferenceGrantTo.Builder {
    Builder() {}
  }
}
