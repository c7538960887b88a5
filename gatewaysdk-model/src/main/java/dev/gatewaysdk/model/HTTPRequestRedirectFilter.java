package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A redirect answer. Unset parts keep the request's value.
 *
 * <pre>{@code
 * HTTPRequestRedirectFilter toHttps = HTTPRequestRedirectFilter.builder().https().statusCode(301).build();
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
public abstract class HTTPRequestRedirectFilter extends HTTPRequestRedirectFilterBase
    implements WithHTTPRequestRedirectFilter {
  HTTPRequestRedirectFilter() {}

  @Value.Check
  void check() {
    Checks.port("port", port());
  }

  /** Builds {@link HTTPRequestRedirectFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRequestRedirectFilter.Builder {
    Builder() {}

    /** Redirects to scheme {@code https}. */
    public Builder https() {
      return scheme("https");
    }

    /**
     * Replaces the whole path with {@code path}.
     *
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public Builder replaceFullPath(String path) {
      return path(HTTPPathModifier.replaceFullPath(path));
    }

    /**
     * Replaces the matched prefix with {@code prefix}.
     *
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    public Builder replacePrefixMatch(String prefix) {
      return path(HTTPPathModifier.replacePrefixMatch(prefix));
    }
  }
}
