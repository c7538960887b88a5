package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * Header edits: set (replace), add (append) and remove.
 *
 * <pre>{@code
 * HTTPHeaderFilter f = HTTPHeaderFilter.builder().setHeader("x-env", "canary").removeHeader("x-debug").build();
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
public abstract class HTTPHeaderFilter extends HTTPHeaderFilterBase
    implements WithHTTPHeaderFilter {
  HTTPHeaderFilter() {}

  /** Builds {@link HTTPHeaderFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPHeaderFilter.Builder {
    Builder() {}

    /** Sets header {@code name} to {@code value}, replacing any existing value. */
    public Builder setHeader(String name, String value) {
      return addSet(HTTPHeader.of(name, value));
    }

    /** Adds {@code value} to header {@code name}. */
    public Builder addHeader(String name, String value) {
      return addAdd(HTTPHeader.of(name, value));
    }

    /** Removes header {@code name}. */
    public Builder removeHeader(String name) {
      return addRemove(name);
    }
  }
}
