package dev.gatewaysdk.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What this client knows of each Gateway API kind: plural, scope, and the release that made it standard. */
public final class Kinds {
  public static final String GROUP = "gateway.networking.k8s.io";

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
    add("GatewayClass", "gatewayclasses", false, "v0.5.0");
    add("Gateway", "gateways", true, "v0.5.0");
    add("HTTPRoute", "httproutes", true, "v0.5.0");
    add("ReferenceGrant", "referencegrants", true, "v0.6.0");
    add("GRPCRoute", "grpcroutes", true, "v1.1.0");
    add("BackendTLSPolicy", "backendtlspolicies", true, "v1.4.0");
    add("TLSRoute", "tlsroutes", true, "v1.5.0");
    add("ListenerSet", "listenersets", true, "v1.5.0");
    add("TCPRoute", "tcproutes", true, "v1.6.0");
    add("UDPRoute", "udproutes", true, "v1.6.0");
  }

  private Kinds() {}

  private static void add(String kind, String plural, boolean namespaced, String since) {
    BY_KIND.put(kind, new Info(kind, plural, namespaced, since));
  }

  public static Optional<Info> of(String kind) {
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  public static Info require(String kind) {
    Info i = BY_KIND.get(kind);
    if (i == null) {
      throw new IllegalArgumentException("not a Gateway API kind: " + kind + " (known: " + BY_KIND.keySet() + ")");
    }
    return i;
  }

  public static Iterable<Info> all() {
    return BY_KIND.values();
  }
}
