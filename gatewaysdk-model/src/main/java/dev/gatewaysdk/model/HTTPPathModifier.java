package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A path replacement used by redirects and rewrites.
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
public abstract class HTTPPathModifier extends HTTPPathModifierBase
    implements WithHTTPPathModifier {
  HTTPPathModifier() {}

  /**
   * Replaces the whole path with {@code path}.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  public static HTTPPathModifier replaceFullPath(String path) {
    return builder()
        .type(HTTPPathModifierType.REPLACE_FULL_PATH)
        .replaceFullPath(Checks.path("replaceFullPath", path))
        .build();
  }

  /**
   * Replaces the matched prefix with {@code prefix}.
   *
   * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
   */
  public static HTTPPathModifier replacePrefixMatch(String prefix) {
    return builder()
        .type(HTTPPathModifierType.REPLACE_PREFIX_MATCH)
        .replacePrefixMatch(Checks.path("replacePrefixMatch", prefix))
        .build();
  }

  /** Builds {@link HTTPPathModifier} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableHTTPPathModifier.Builder {
    Builder() {}
  }
}
