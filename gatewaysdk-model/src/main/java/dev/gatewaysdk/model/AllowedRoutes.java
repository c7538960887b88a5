package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
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
public abstract class AllowedRoutes extends AllowedRoutesBase implements WithAllowedRoutes {
  AllowedRoutes() {}

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

  /** Builds {@link AllowedRoutes} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableAllowedRoutes.Builder {
    Builder() {}
  }
}
