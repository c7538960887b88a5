package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Gateway-level refusals: {@code spec.addresses} ({@code UnsupportedAddress}, {@code
 * AddressNotUsable}) and {@code spec.infrastructure.parametersRef} ({@code InvalidParameters}).
 *
 * <p>The simulated implementation supports the address types {@code IPAddress} and {@code
 * Hostname}. An address it cannot use is one no Gateway can listen on: an IPAddress that is not an
 * IP literal, or is the unspecified, a multicast or the broadcast address, and a Hostname that is
 * not a valid DNS name. An address without a value asks for one of its type (GEP-3129, {@code
 * GatewayAddressEmpty}): the implementation assigns it. The only parameters it knows are a core
 * ConfigMap in the Gateway's namespace.
 */
final class GatewayAddresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern DNS =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  private GatewayAddresses() {}

  /** {reason, message} for a Gateway that cannot be accepted at all, or null. */
  static String[] refusal(Reconciler.Snapshot s, ObjectNode gw) {
    for (JsonNode a : gw.path("spec").path("addresses")) {
      String type = a.path("type").asText("IPAddress");
      if (!"IPAddress".equals(type) && !"Hostname".equals(type)) {
        return new String[] {
          "UnsupportedAddress",
          "address type " + type + " is not supported (IPAddress and Hostname are)"
        };
      }
    }
    JsonNode ref = gw.path("spec").path("infrastructure").path("parametersRef");
    if (ref.isObject()) {
      String group = ref.path("group").asText("");
      String kind = ref.path("kind").asText();
      String name = ref.path("name").asText();
      if (!group.isEmpty() || !"ConfigMap".equals(kind)) {
        return new String[] {
          "InvalidParameters",
          "parametersRef kind "
              + (group.isEmpty() ? "" : group + "/")
              + kind
              + " is not supported (only a core ConfigMap is)"
        };
      }
      if (s.get("ConfigMap", Reconciler.namespace(gw), name) == null) {
        return new String[] {
          "InvalidParameters",
          "parametersRef ConfigMap " + Reconciler.namespace(gw) + "/" + name + " does not exist"
        };
      }
    }
    return null;
  }

  /** {reason, message} for the first requested address that cannot be used, or null. */
  static String[] unusable(ObjectNode gw) {
    for (JsonNode a : gw.path("spec").path("addresses")) {
      String type = a.path("type").asText("IPAddress");
      String value = a.path("value").asText();
      if (value.isEmpty()) {
        continue; // to be assigned
      }
      String why =
          "IPAddress".equals(type)
              ? ipProblem(value)
              : DNS.matcher(value).matches() ? null : "is not a valid hostname";
      if (why != null) {
        return new String[] {
          "AddressNotUsable",
          type + " " + value + " " + why + "; use a unicast IP address or a hostname"
        };
      }
    }
    return null;
  }

  /**
   * The status address for a requested one: its value, or one assigned for an empty value (an
   * IPAddress from TEST-NET-1, RFC 5737, which routes nowhere; a Hostname under {@code .test}).
   */
  static String assigned(ObjectNode gw, String type, String value) {
    if (!value.isEmpty()) {
      return value;
    }
    String ns = Reconciler.namespace(gw);
    String name = Reconciler.name(gw);
    return "Hostname".equals(type) ? name + "." + ns + ".gateway.test" : testNetAddress(gw);
  }

  /** A documentation address (TEST-NET-1, RFC 5737) derived from the Gateway's namespace/name. */
  static String testNetAddress(ObjectNode gw) {
    int h = (Reconciler.namespace(gw) + "/" + Reconciler.name(gw)).hashCode() & 0x7fffffff;
    return "192.0.2." + (1 + h % 254);
  }

  private static String ipProblem(String value) {
    boolean v4 = IPV4.matcher(value).matches();
    if (!v4 && !(value.contains(":") && value.matches("[0-9a-fA-F:.]+"))) {
      return "is not an IP address";
    }
    if (v4) {
      for (String octet : value.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return "is not an IP address";
        }
      }
    }
    try {
      InetAddress ip = InetAddress.getByName(value); // a literal: no lookup
      if (ip.isAnyLocalAddress()) {
        return "is the unspecified address";
      }
      if (ip.isMulticastAddress()) {
        return "is a multicast address";
      }
      if ("255.255.255.255".equals(value)) {
        return "is the broadcast address";
      }
      return null;
    } catch (UnknownHostException e) {
      return "is not an IP address";
    }
  }
}
