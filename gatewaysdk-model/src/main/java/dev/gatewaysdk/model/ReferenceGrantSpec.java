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
public abstract class ReferenceGrantSpec implements WithReferenceGrantSpec {
  ReferenceGrantSpec() {}

  /**
   * The referring group/kind/namespace combinations. Written even when empty, as the schema
   * requires the field.
   */
  public abstract List<ReferenceGrantFrom> from();

  /**
   * The group/kind(/name) combinations that may be referred to. Written even when empty, as the
   * schema requires the field.
   */
  public abstract List<ReferenceGrantTo> to();

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
