package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * DefaultScope, when set, configures the Gateway as a default Gateway,
 * meaning it will dynamically and implicitly have Routes (e.g. HTTPRoute)
 * attached to it, according to the scope configured here.
 *
 * <p>If unset (the default) or set to None, the Gateway will not act as a
 * default Gateway; if set, the Gateway will claim any Route with a
 * matching scope set in its UseDefaultGateway field, subject to the usual
 * rules about which routes the Gateway can attach to.
 *
 * <p>Think carefully before using this functionality! While the normal rules
 * about which Route can apply are still enforced, it is simply easier for
 * the wrong Route to be accidentally attached to this Gateway in this
 * configuration. If the Gateway operator is not also the operator in
 * control of the scope (e.g. namespace) with tight controls and checks on
 * what kind of workloads and Routes get added in that scope, we strongly
 * recommend not using this just because it seems convenient, and instead
 * stick to direct Route attachment.
 *
 * <p>Schema: {@code Gateway.spec.defaultScope}.
 *
 * <p>An open set of string values: the constants are the values this SDK knows, and
 * {@link #of(String)} accepts and keeps any other value (newer Gateway API versions and
 * implementations add values). Equality is by value. Immutable and thread-safe.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class GatewayDefaultScope {
  /**
   * {@code All}.
   */
  public static final GatewayDefaultScope ALL = new GatewayDefaultScope("All");

  /**
   * {@code None}.
   */
  public static final GatewayDefaultScope NONE = new GatewayDefaultScope("None");

  private static final List<GatewayDefaultScope> KNOWN = List.of(ALL, NONE);

  private final String value;

  private GatewayDefaultScope(String value) {
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
  public static GatewayDefaultScope of(String value) {
    Objects.requireNonNull(value, "value");
    for (GatewayDefaultScope k : KNOWN) {
      if (k.value.equals(value)) {
        return k;
      }
    }
    return new GatewayDefaultScope(value);
  }

  /**
   * The constants this SDK knows.
   */
  public static List<GatewayDefaultScope> knownValues() {
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
    return o instanceof GatewayDefaultScope && ((GatewayDefaultScope) o).value.equals(value);
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
