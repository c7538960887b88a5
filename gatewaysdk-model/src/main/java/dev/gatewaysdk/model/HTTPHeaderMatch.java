package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A header condition: header {@code name} must equal (or match) {@code value}.
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
public abstract class HTTPHeaderMatch extends HTTPHeaderMatchBase implements WithHTTPHeaderMatch {
  HTTPHeaderMatch() {}

  /** Header {@code name} equal to {@code value}. */
  public static HTTPHeaderMatch of(String name, String value) {
    return builder().name(name).value(value).build();
  }

  /** Builds {@link HTTPHeaderMatch} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPHeaderMatch.Builder {
    Builder() {}
  }
}
