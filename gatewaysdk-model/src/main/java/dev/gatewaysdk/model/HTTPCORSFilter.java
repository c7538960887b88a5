package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.AllowNulls;
import dev.gatewaysdk.model.internal.ModelCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Cross-origin resource sharing: which origins, methods and headers browsers may use.
 *
 * <pre>{@code
 * HTTPCORSFilter cors = HTTPCORSFilter.builder().addAllowOrigin("https://app.example.com")
 *     .addAllowMethod("GET").maxAge(600).build();
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
public abstract class HTTPCORSFilter implements WithHTTPCORSFilter {
  HTTPCORSFilter() {}

  /** Allowed origins such as {@code https://example.com}, or {@code *}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> allowOrigins();

  /** Whether credentials may be sent. */
  public abstract Optional<Boolean> allowCredentials();

  /** Allowed methods, or {@code *}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> allowMethods();

  /** Allowed request headers, or {@code *}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> allowHeaders();

  /** Response headers exposed to scripts. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> exposeHeaders();

  /** Seconds a preflight answer may be cached; the server defaults it to 5. */
  public abstract Optional<Integer> maxAge();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link HTTPCORSFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPCORSFilter.Builder {
    Builder() {}
  }
}
