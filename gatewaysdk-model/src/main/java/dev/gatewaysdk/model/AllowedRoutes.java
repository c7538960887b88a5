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
 * Which routes may attach to a listener: by namespace and by kind.
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
public abstract class AllowedRoutes implements WithAllowedRoutes {
  AllowedRoutes() {}

  /** Namespaces routes may come from. */
  public abstract Optional<RouteNamespaces> namespaces();

  /** Route kinds allowed; empty means those the protocol supports. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<RouteGroupKind> kinds();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** Routes from the namespaces {@code from} selects (use {@link FromNamespaces#ALL} for all). */
  public static AllowedRoutes fromNamespaces(FromNamespaces from) {
    return builder().namespaces(RouteNamespaces.builder().from(from).build()).build();
  }

  /** Routes from namespaces carrying all of {@code labels}. */
  public static AllowedRoutes fromNamespacesWithLabels(java.util.Map<String, String> labels) {
    return builder()
        .namespaces(
            RouteNamespaces.builder()
                .from(FromNamespaces.SELECTOR)
                .selector(LabelSelector.matchingLabels(labels))
                .build())
        .build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link AllowedRoutes} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableAllowedRoutes.Builder {
    Builder() {}
  }
}
