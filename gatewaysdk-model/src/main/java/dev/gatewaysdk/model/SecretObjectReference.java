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
 * A reference to a Secret (or another certificate source) holding a certificate and key.
 *
 * <pre>{@code
 * SecretObjectReference cert = SecretObjectReference.secret("wildcard-cert");
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
public abstract class SecretObjectReference implements WithSecretObjectReference {
  SecretObjectReference() {}

  /** The API group; absent or empty means the core group. */
  public abstract Optional<String> group();

  /** The kind; the server defaults it to {@code Secret}. */
  public abstract Optional<String> kind();

  /** The object's name. */
  public abstract String name();

  /** The namespace; another namespace needs a {@link ReferenceGrant}. */
  public abstract Optional<String> namespace();

  /** Fields this SDK does not model, kept so that writing the object back loses nothing. */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /** A reference to the Secret {@code name} in the referrer's namespace. */
  public static SecretObjectReference secret(String name) {
    return builder().name(name).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialized with this object's values. */
  public Builder newBuilder() {
    return builder().from(this);
  }

  /** Builds {@link SecretObjectReference} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableSecretObjectReference.Builder {
    Builder() {}
  }
}
