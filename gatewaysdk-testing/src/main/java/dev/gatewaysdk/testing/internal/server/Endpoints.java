package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of {@code discovery.k8s.io/v1} EndpointSlices and core {@code v1} Endpoints, the
 * checks of Kubernetes' {@code pkg/apis/discovery/validation} and {@code pkg/apis/core/validation}
 * that a test's hand-written slice can trip over: required fields, address syntax per address type,
 * port ranges and protocols, immutable {@code addressType}.
 */
final class Endpoints {
  private static final Set<String> ADDRESS_TYPES = Set.of("IPv4", "IPv6", "FQDN");
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Pattern FQDN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern PORT_NAME = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?)?");

  private Endpoints() {}

  static void validateSlice(ResourceType type, ObjectNode obj, ObjectNode old) {
    List<String[]> causes = new ArrayList<>();
    String addressType = obj.path("addressType").asText("");
    if (addressType.isEmpty()) {
      causes.add(new String[] {"addressType", "FieldValueRequired", "Required value"});
    } else if (!ADDRESS_TYPES.contains(addressType)) {
      causes.add(
          new String[] {
            "addressType",
            "FieldValueNotSupported",
            "Unsupported value: \""
                + addressType
                + "\": supported values: \"FQDN\", \"IPv4\", \"IPv6\""
          });
    } else if (old != null && !addressType.equals(old.path("addressType").asText())) {
      causes.add(
          new String[] {
            "addressType",
            "FieldValueInvalid",
            "Invalid value: \"" + addressType + "\": field is immutable"
          });
    }
    JsonNode endpoints = obj.path("endpoints");
    if (endpoints.size() > 1000) {
      causes.add(
          new String[] {
            "endpoints",
            "FieldValueTooMany",
            "Too many: " + endpoints.size() + ": must have at most 1000 items"
          });
    }
    int i = 0;
    for (JsonNode e : endpoints) {
      String path = "endpoints[" + i++ + "].addresses";
      JsonNode addresses = e.path("addresses");
      if (!addresses.isArray() || addresses.size() == 0) {
        causes.add(
            new String[] {
              path, "FieldValueRequired", "Required value: must contain at least 1 address"
            });
      } else if (addresses.size() > 100) {
        causes.add(
            new String[] {
              path,
              "FieldValueTooMany",
              "Too many: " + addresses.size() + ": must have at most 100 items"
            });
      }
      int j = 0;
      for (JsonNode a : addresses) {
        String value = a.asText("");
        Pattern p = "IPv4".equals(addressType) ? IPV4 : "IPv6".equals(addressType) ? IPV6 : FQDN;
        if (ADDRESS_TYPES.contains(addressType) && !p.matcher(value).matches()) {
          causes.add(
              new String[] {
                path + "[" + j + "]",
                "FieldValueInvalid",
                "Invalid value: \"" + value + "\": must be a valid " + addressType + " address"
              });
        }
        j++;
      }
    }
    ports(obj.path("ports"), "ports", true, causes);
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, Json.text(obj, "metadata", "name"), causes);
    }
  }

  static void validateEndpoints(ResourceType type, ObjectNode obj) {
    List<String[]> causes = new ArrayList<>();
    int i = 0;
    for (JsonNode subset : obj.path("subsets")) {
      String path = "subsets[" + i++ + "]";
      int j = 0;
      for (JsonNode a : subset.path("addresses")) {
        String ip = a.path("ip").asText("");
        if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
          causes.add(
              new String[] {
                path + ".addresses[" + j + "].ip",
                "FieldValueInvalid",
                "Invalid value: \"" + ip + "\": must be a valid IP address"
              });
        }
        j++;
      }
      ports(subset.path("ports"), path + ".ports", false, causes);
    }
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, Json.text(obj, "metadata", "name"), causes);
    }
  }

  private static void ports(JsonNode ports, String base, boolean slice, List<String[]> causes) {
    int k = 0;
    for (JsonNode p : ports) {
      String path = base + "[" + k++ + "]";
      JsonNode port = p.get("port");
      if (port == null || port.isNull()) {
        if (!slice) {
          causes.add(new String[] {path + ".port", "FieldValueRequired", "Required value"});
        }
      } else if (!port.canConvertToInt()
          || port.asInt() < (slice ? 0 : 1)
          || port.asInt() > 65535) {
        causes.add(
            new String[] {
              path + ".port",
              "FieldValueInvalid",
              "Invalid value: "
                  + port
                  + ": must be between "
                  + (slice ? 0 : 1)
                  + " and 65535, inclusive"
            });
      }
      String protocol = p.path("protocol").asText("TCP");
      if (!PROTOCOLS.contains(protocol)) {
        causes.add(
            new String[] {
              path + ".protocol",
              "FieldValueNotSupported",
              "Unsupported value: \""
                  + protocol
                  + "\": supported values: \"SCTP\", \"TCP\", \"UDP\""
            });
      }
      String name = p.path("name").asText("");
      if (name.length() > 63 || !PORT_NAME.matcher(name).matches()) {
        causes.add(
            new String[] {
              path + ".name",
              "FieldValueInvalid",
              "Invalid value: \"" + name + "\": must be a lowercase RFC 1123 label"
            });
      }
    }
  }
}
