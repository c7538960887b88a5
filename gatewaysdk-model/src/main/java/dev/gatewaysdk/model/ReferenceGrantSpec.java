package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * Which objects of other namespaces may refer to which objects of this namespace.
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
public abstract class ReferenceGrantSpec extends ReferenceGrantSpecBase
    implements WithReferenceGrantSpec {
  ReferenceGrantSpec() {}

  /** Builds {@link ReferenceGrantSpec} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableReferenceGrantSpec.Builder {
    Builder() {}

    /**
     * Replaces every field with those of {@code spec} (the usual Immutables copy method is named
     * after the {@code from} field here, so it is written by hand).
     */
    public Builder from(ReferenceGrantSpec spec) {
      return from(spec.from()).to(spec.to()).unknownFields(spec.unknownFields());
    }
  }
}
