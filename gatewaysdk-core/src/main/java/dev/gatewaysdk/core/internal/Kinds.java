package dev.gatewaysdk.core.internal;

import dev.gatewaysdk.model.GatewayApiKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this client knows of each Gateway API kind: plural and scope (from the model's {@link
 * GatewayApiKind}, generated from the CRDs), and the release that made it standard.
 */
public final class Kinds {
  public static final String GROUP = GatewayApiKind.GROUP;

  /** One kind. */
  public static final class Info {
    public final String kind;
    public final String plural;
    public final boolean namespaced;

    /** The first release whose standard channel serves the kind. */
    public final String standardSince;

    Info(String kind, String plural, boolean namespaced, String standardSince) {
      this.kind = kind;
      this.plural = plural;
      this.namespaced = namespaced;
      this.standardSince = standardSince;
    }
  }

  private static final Map<String, Info> BY_KIND = new LinkedHashMap<>();

  static {
    // the standard-channel history reaches back before v1.0.0, where the served-version table
    // starts
    add(GatewayApiKind.GATEWAY_CLASS, "v0.5.0");
    add(GatewayApiKind.GATEWAY, "v0.5.0");
    add(GatewayApiKind.HTTP_ROUTE, "v0.5.0");
    add(GatewayApiKind.REFERENCE_GRANT, "v0.6.0");
    add(GatewayApiKind.GRPC_ROUTE, "v1.1.0");
    add(GatewayApiKind.BACKEND_TLS_POLICY, "v1.4.0");
    add(GatewayApiKind.TLS_ROUTE, "v1.5.0");
    add(GatewayApiKind.LISTENER_SET, "v1.5.0");
    add(GatewayApiKind.TCP_ROUTE, "v1.6.0");
    add(GatewayApiKind.UDP_ROUTE, "v1.6.0");
  }

  private Kinds() {}

  private static void add(GatewayApiKind kind, String since) {
    BY_KIND.put(kind.kind(), new Info(kind.kind(), kind.plural(), kind.namespaced(), since));
  }

  public static Optional<Info> of(String kind) {
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  public static Info require(String kind) {
    Info i = BY_KIND.get(kind);
    if (i == null) {
      throw new IllegalArgumentException(
          "not a Gateway API kind: " + kind + " (known: " + BY_KIND.keySet() + ")");
    }
    return i;
  }

  public static Iterable<Info> all() {
    return BY_KIND.values();
  }
}
