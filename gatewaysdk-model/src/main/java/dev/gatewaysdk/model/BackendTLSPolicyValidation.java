package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * How a Gateway validates a backend's certificate: trusted CAs and expected names.
 *
 * <pre>{@code
 * BackendTLSPolicyValidation v = BackendTLSPolicyValidation.systemTrust("auth.example.com");
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
public abstract class BackendTLSPolicyValidation extends BackendTLSPolicyValidationBase
    implements WithBackendTLSPolicyValidation {
  BackendTLSPolicyValidation() {}

  /** Validation of {@code hostname} against the system trust store. */
  public static BackendTLSPolicyValidation systemTrust(String hostname) {
    return builder()
        .hostname(hostname)
        .wellKnownCACertificates(WellKnownCACertificatesType.SYSTEM)
        .build();
  }

  /**
   * Validation of {@code hostname} against the CA certificates of the ConfigMaps {@code
   * configMaps}.
   */
  public static BackendTLSPolicyValidation caConfigMaps(String hostname, String... configMaps) {
    Builder b = builder().hostname(hostname);
    for (String name : configMaps) {
      b.addCaCertificateRef(LocalObjectReference.of("", "ConfigMap", name));
    }
    return b.build();
  }

  /** Builds {@link BackendTLSPolicyValidation} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableBackendTLSPolicyValidation.Builder {
    Builder() {}
  }
}
