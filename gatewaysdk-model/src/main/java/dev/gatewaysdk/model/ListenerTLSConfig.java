package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * TLS settings of a listener: mode and certificates.
 *
 * <pre>{@code
 * ListenerTLSConfig tls = ListenerTLSConfig.terminate("wildcard-cert");
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
public abstract class ListenerTLSConfig extends ListenerTLSConfigBase
    implements WithListenerTLSConfig {
  ListenerTLSConfig() {}

  /** Terminates TLS with the certificates of the Secrets {@code secretNames}. */
  public static ListenerTLSConfig terminate(String... secretNames) {
    Builder b = builder().mode(TLSModeType.TERMINATE);
    for (String name : secretNames) {
      b.addCertificateRef(SecretObjectReference.secret(name));
    }
    return b.build();
  }

  /** Passes TLS through to the backend unchanged. */
  public static ListenerTLSConfig passthrough() {
    return builder().mode(TLSModeType.PASSTHROUGH).build();
  }

  /** Builds {@link ListenerTLSConfig} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableListenerTLSConfig.Builder {
    Builder() {}
  }
}
