package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * ExternalAuthProtocol describes which protocol to use when communicating with an
 * ext_authz authorization server.
 *
 * <p>When this is set to GRPC, each backend must use the Envoy ext_authz protocol
 * on the port specified in `backendRefs`. Requests and responses are defined
 * in the protobufs explained at:
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/service/auth/v3/external_auth.proto
 *
 * <p>When this is set to HTTP, each backend must respond with a `200` status
 * code in on a successful authorization. Any other code is considered
 * an authorization failure.
 *
 * <p>Feature Names:
 * GRPC Support - HTTPRouteExternalAuthGRPC
 * HTTP Support - HTTPRouteExternalAuthHTTP
 *
 * <p>Schema: {@code HTTPRoute.spec.rules[].filters[].externalAuth.protocol}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class HTTPRouteExternalAuthProtocol {
  /**
   * {@code HTTP}.
   */
  public static final HTTPRouteExternalAuthProtocol HTTP = new HTTPRouteExternalAuthProtocol("HTTP");

  /**
   * {@code GRPC}.
   */
  public static final HTTPRouteExternalAuthProtocol GRPC = new HTTPRouteExternalAuthProtocol("GRPC");

  private static final List<HTTPRouteExternalAuthProtocol> KNOWN = List.of(HTTP, GRPC);

  private final String value;

  private HTTPRouteExternalAuthProtocol(String value) {
    this.value = value;
  }

  /**
   * The value {@code value}: a constant when known, otherwise a new instance that keeps it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator(
      mode = JsonCreator.Mode.DELEGATING
  )
  public static HTTPRouteExternalAuthProtocol of(String value) {
    Objects.requireNonNull(value, "value");
    for (HTTPRouteExternalAuthProtocol k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new HTTPRouteExternalAuthProtocol(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<HTTPRouteExternalAuthProtocol> knownValues() {
    return KNOWN;
  }

  /**
   * Whether this is one of the {@link #knownValues() known values}.
   */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /**
   * The value as written in manifests.
   */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HTTPRouteExternalAuthProtocol && ((HTTPRouteExternalAuthProtocol) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
