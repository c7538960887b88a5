package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Kubernetes object metadata as the SDK models it: identity, labels, annotations and bookkeeping
 * fields.
 *
 * <p>{@code managedFields} are kept as raw JSON data; fields this class does not name are kept in
 * {@link #unknownFields()}.
 *
 * <pre>{@code
 * ObjectMeta meta = ObjectMeta.builder().name("web").namespace("prod").putLabel("app", "web").build();
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
public abstract class ObjectMeta implements WithObjectMeta {
  ObjectMeta() {}

  /** The object name, unique per kind and namespace. */
  public abstract Optional<String> name();

  /** The prefix the API server uses to generate a name when none is given. */
  public abstract Optional<String> generateName();

  /** The namespace; absent for cluster-scoped kinds. */
  public abstract Optional<String> namespace();

  /** The server-assigned unique id. */
  public abstract Optional<String> uid();

  /** The opaque version used for optimistic concurrency. */
  public abstract Optional<String> resourceVersion();

  /** The spec generation, incremented by the server on spec changes. */
  public abstract Optional<Long> generation();

  /** When the object was created (RFC 3339). */
  public abstract Optional<String> creationTimestamp();

  /** When deletion was requested (RFC 3339). */
  public abstract Optional<String> deletionTimestamp();

  /** Seconds left for graceful deletion. */
  public abstract Optional<Long> deletionGracePeriodSeconds();

  /** Labels used for selection. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> labels();

  /** Annotations: non-identifying metadata. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> annotations();

  /** Finalizers that must be removed before deletion completes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> finalizers();

  /** Objects this object depends on. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<OwnerReference> ownerReferences();

  /** Server-side apply bookkeeping, kept as raw JSON. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> managedFields();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** Metadata with only a name. */
  public static ObjectMeta of(String name) {
    return builder().name(name).build();
  }

  /** Metadata with a namespace and a name. */
  public static ObjectMeta of(String namespace, String name) {
    return builder().namespace(namespace).name(name).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ObjectMeta} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableObjectMeta.Builder {
    Builder() {}
  }
}
