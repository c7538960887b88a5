package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * The conditions of one match: all set conditions must hold for a request to be selected.
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
public abstract class HTTPRouteMatch extends HTTPRouteMatchBase implements WithHTTPRouteMatch {
  HTTPRouteMatch() {}

  /** Builds {@link HTTPRouteMatch} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRouteMatch.Builder {
    Builder() {}

    /**
     * Requires the path to start with {@code prefix}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    public Builder pathPrefix(String prefix) {
      return path(HTTPPathMatch.prefix(prefix));
    }

    /**
     * Requires the path to equal {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public Builder pathExact(String path) {
      return path(HTTPPathMatch.exact(path));
    }

    /** Requires header {@code name} to equal {@code value}. */
    public Builder header(String name, String value) {
      return addHeader(HTTPHeaderMatch.of(name, value));
    }

    /** Requires query parameter {@code name} to equal {@code value}. */
    public Builder queryParam(String name, String value) {
      return addQueryParam(HTTPQueryParamMatch.of(name, value));
    }
  }
}
