package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A reference from a route (or policy status) to its parent, usually a Gateway, optionally narrowed
 * to one listener ({@code sectionName}) or port.
 *
 * <pre>{@code
 * ParentReference ref = ParentReference.gateway("infra", "shared-gw").withSectionName("https");
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
public abstract class ParentReference extends ParentReferenceBase implements WithParentReference {
  ParentReference() {}

  @Value.Check
  void check() {
    Checks.port("port", port());
  }

  /** A reference to the Gateway {@code name} in the route's own namespace. */
  public static ParentReference gateway(String name) {
    return builder().name(name).build();
  }

  /** A reference to the Gateway {@code name} in {@code namespace}. */
  public static ParentReference gateway(String namespace, String name) {
    return builder().namespace(namespace).name(name).build();
  }

  /** Builds {@link ParentReference} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableParentReference.Builder {
    Builder() {}
  }
}
