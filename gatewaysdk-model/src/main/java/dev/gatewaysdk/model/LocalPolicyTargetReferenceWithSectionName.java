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
 * A policy target in the policy's namespace, optionally narrowed to a section such as a port name.
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
public abstract class LocalPolicyTargetReferenceWithSectionName
    implements WithLocalPolicyTargetReferenceWithSectionName {
  LocalPolicyTargetReferenceWithSectionName() {}

  /** The API group; empty for the core group. */
  public abstract String group();

  /** The kind, such as {@code Service}. */
  public abstract String kind();

  /** The object name. */
  public abstract String name();

  /** A section of the target, such as a Service port name. */
  public abstract Optional<String> sectionName();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** The Service {@code name}. */
  public static LocalPolicyTargetReferenceWithSectionName service(String name) {
    return builder().group("").kind("Service").name(name).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link LocalPolicyTargetReferenceWithSectionName} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder
      extends ImmutableLocalPolicyTargetReferenceWithSectionName.Builder {
    Builder() {}
  }
}
