package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A path condition.
 *
 * <pre>{@code
 * HTTPPathMatch api = HTTPPathMatch.prefix("/api");
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
public abstract class HTTPPathMatch extends HTTPPathMatchBase implements WithHTTPPathMatch {
  HTTPPathMatch() {}

  @Value.Check
  void check() {
    if (value().isPresent()
        && !PathMatchType.REGULAR_EXPRESSION.equals(type().orElse(PathMatchType.PATH_PREFIX))) {
      Checks.path("path", value().get());
    }
  }

  /**
   * Paths starting with {@code prefix}, element by element.
   *
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  public static HTTPPathMatch prefix(String prefix) {
    return builder().type(PathMatchType.PATH_PREFIX).value(prefix).build();
  }

  /**
   * Exactly the path {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  public static HTTPPathMatch exact(String path) {
    return builder().type(PathMatchType.EXACT).value(path).build();
  }

  /** Paths matching the regular expression {@code regex}. */
  public static HTTPPathMatch regex(String regex) {
    return builder().type(PathMatchType.REGULAR_EXPRESSION).value(regex).build();
  }

  /** Builds {@link HTTPPathMatch} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPPathMatch.Builder {
    Builder() {}
  }
}
