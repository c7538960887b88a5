package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
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
    extends LocalPolicyTargetReferenceWithSectionNameBase
    implements WithLocalPolicyTargetReferenceWithSectionName {
  LocalPolicyTargetReferenceWithSectionName() {}

  /** The Service {@code name}. */
  public static LocalPolicyTargetReferenceWithSectionName service(String name) {
    return builder().group("").kind("Service").name(name).build();
  }

  /** Builds {@link LocalPolicyTargetReferenceWithSectionName} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder
      extends ImmutableLocalPolicyTargetReferenceWithSectionName.Builder {
    Builder() {}
  }
}
