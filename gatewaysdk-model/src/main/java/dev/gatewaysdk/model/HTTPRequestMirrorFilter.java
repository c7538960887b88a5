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
public abstract class HTTPRequestMirrorFilter implements WithHTTPRequestMirrorFilter {
  HTTPRequestMirrorFilter() {}

  /** The backend receiving copies. */
  public abstract BackendObjectReference backendRef();

  /** The percentage (0..100) of requests to mirror. */
  public abstract Optional<Integer> percent();

  /** The fraction of requests to mirror. */
  public abstract Optional<Fraction> fraction();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

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

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link HTTPRequestMirrorFilter} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPRequestMirrorFilter.Builder {
    Builder() {}
  }
}
