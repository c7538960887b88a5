package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * Copies requests (all, a percentage, or a fraction) to another backend; responses of the copy are
 * ignored.
 *
 * <pre>{@code
 * HTTPRequestMirrorFilter tenPercent = HTTPRequestMirrorFilter.builder()
 *     .backendRef(BackendObjectReference.service("shadow", 8080)).percent(10).build();
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
public abstract class HTTPRequestMirrorFilter extends HTTPRequestMirrorFilterBase
    implements WithHTTPRequestMirrorFilter {
  HTTPRequestMirrorFilter() {}

  @Value.Check
  void check() {
    if (percent().isPresent()) {
      Checks.percent(percent().get());
    }
  }

  /** Mirrors all requests to {@code backend}. */
  public static HTTPRequestMirrorFilter of(BackendObjectReference backend) {
    return builder().backendRef(backend).build();
  }

  /** Builds {@link HTTPRequestMirrorFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRequestMirrorFilter.Builder {
    Builder() {}
  }
}
