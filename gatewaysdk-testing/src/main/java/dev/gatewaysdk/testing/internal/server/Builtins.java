package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the built-in kinds' registry strategies do: defaults of Namespaces, Services and Secrets;
 * CRD lifecycle.
 */
final class Builtins {
  private Builtins() {}

  static boolean isCrd(ResourceType t) {
    return t.group.equals("apiextensions.k8s.io") && t.plural.equals("customresourcedefinitions");
  }

  static void prepareCreate(Resources r, ResourceType type, ObjectNode obj) {
    if (!type.builtin) {
      return;
    }
    ObjectNode meta = Json.with(obj, "metadata");
    String name = Json.text(meta, "name");
    if (Resources.isNamespace(type)) {
      Json.with(meta, "labels").put("kubernetes.io/metadata.name", name);
      ObjectNode spec = Json.with(obj, "spec");
      if (!spec.has("finalizers")) {
        spec.putArray("finalizers").add("kubernetes");
      }
      obj.putObject("status").put("phase", "Active");
    } else if (type.group.isEmpty() && type.plural.equals("services")) {
      ObjectNode spec = Json.with(obj, "spec");
      if (!spec.hasNonNull("type")) {
        spec.put("type", "ClusterIP");
      }
      if (!spec.path("type").asText().equals("ExternalName")) {
        if (!spec.hasNonNull("clusterIP") || spec.get("clusterIP").asText().isEmpty()) {
          spec.put("clusterIP", r.nextServiceIp());
        }
        if (!spec.has("clusterIPs")) {
          spec.putArray("clusterIPs").add(spec.get("clusterIP").asText());
        }
        if (!spec.has("ipFamilies")) {
          spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("ipFamilyPolicy")) {
          spec.put("ipFamilyPolicy", "SingleStack");
        }
        if (!spec.has("internalTrafficPolicy")) {
          spec.put("internalTrafficPolicy", "Cluster");
        }
      }
      if (!spec.has("sessionAffinity")) {
        spec.put("sessionAffinity", "None");
      }
      for (JsonNode p : spec.path("ports")) {
        if (p instanceof ObjectNode) {
          ObjectNode port = (ObjectNode) p;
          if (!port.has("protocol")) {
            port.put("protocol", "TCP");
          }
          if (!port.has("targetPort") && port.has("port")) {
            port.set("targetPort", port.get("port"));
          }
        }
      }
      ObjectNode status = obj.putObject("status");
      status.putObject("loadBalancer");
    } else if (type.group.isEmpty() && type.plural.equals("secrets")) {
      if (!obj.hasNonNull("type")) {
        obj.put("type", "Opaque");
      }
    } else if (isCrd(type)) {
      obj.set("status", crdStatus(obj));
    }
  }

  /**
   * What decoding a built-in does before validation: a Secret's {@code data} must be base64 (else
   * 400, as the JSON decoder answers) and its write-only {@code stringData} is merged into {@code
   * data} and dropped.
   */
  static void normalize(ResourceType type, ObjectNode obj) {
    if (!type.builtin || !type.group.isEmpty() || !type.plural.equals("secrets")) {
      return;
    }
    JsonNode data = obj.get("data");
    if (data != null && data.isObject()) {
      data.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isTextual()) {
                  int bad = base64Error(e.getValue().asText());
                  if (bad >= 0) {
                    throw ApiError.badRequest(
                        "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte "
                            + bad);
                  }
                }
              });
    }
    JsonNode stringData = obj.remove("stringData");
    if (stringData != null && stringData.isObject() && stringData.size() > 0) {
      ObjectNode d = data != null && data.isObject() ? (ObjectNode) data : obj.putObject("data");
      stringData
          .fields()
          .forEachRemaining(
              e ->
                  d.put(
                      e.getKey(),
                      java.util.Base64.getEncoder()
                          .encodeToString(
                              e.getValue()
                                  .asText()
                                  .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
  }

  /** The offset Go's standard base64 decoder reports for {@code s}, or -1 when it decodes. */
  static int base64Error(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char ch = s.charAt(i);
      boolean alphabet =
          (ch >= 'A' && ch <= 'Z')
              || (ch >= 'a' && ch <= 'z')
              || (ch >= '0' && ch <= '9')
              || ch == '+'
              || ch == '/';
      if (ch == '\r' || ch == '\n') {
        i++;
        continue;
      }
      if (!alphabet) {
        if (ch == '=' && i % 4 >= 2) {
          int j = i;
          while (j < n && s.charAt(j) == '=') {
            j++;
          }
          return j == n && j % 4 == 0 ? -1 : Math.min(j, n - 1);
        }
        return i;
      }
      i++;
    }
    return n % 4 == 0 ? -1 : n - n % 4;
  }

  static ObjectNode crdStatus(JsonNode crd) {
    ObjectNode status = Json.object();
    ArrayNode conds = status.putArray("conditions");
    String now = Json.now();
    for (String[] c :
        new String[][] {
          {"NamesAccepted", "NoConflicts", "no conflicts found"},
          {"Established", "InitialNamesAccepted", "the initial names have been accepted"}
        }) {
      ObjectNode cond = conds.addObject();
      cond.put("type", c[0]);
      cond.put("status", "True");
      cond.put("lastTransitionTime", now);
      cond.put("reason", c[1]);
      cond.put("message", c[2]);
    }
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("storage").asBoolean()) {
        stored.add(v.path("name").asText());
      }
    }
    return status;
  }

  static void validate(Resources r, ResourceType type, ObjectNode obj, ObjectNode old) {
    if (type.group.equals("discovery.k8s.io") && type.plural.equals("endpointslices")) {
      Endpoints.validateSlice(type, obj, old);
    }
    if (type.group.isEmpty() && type.plural.equals("endpoints")) {
      Endpoints.validateEndpoints(type, obj);
    }
    if (!isCrd(type)) {
      validateKind(type, obj);
      return;
    }
    List<String[]> causes = new ArrayList<>();
    JsonNode spec = obj.path("spec");
    String group = spec.path("group").asText("");
    String plural = spec.path("names").path("plural").asText("");
    String name = Json.text(obj, "metadata", "name");
    if (!(plural + "." + group).equals(name)) {
      causes.add(
          new String[] {
            "metadata.name",
            "FieldValueInvalid",
            "Invalid value: \"" + name + "\": must be spec.names.plural+\".\"+spec.group"
          });
    }
    if (spec.path("names").path("kind").asText("").isEmpty()) {
      causes.add(new String[] {"spec.names.kind", "FieldValueRequired", "Required value"});
    }
    int storage = 0;
    for (JsonNode v : spec.path("versions")) {
      if (v.path("storage").asBoolean()) {
        storage++;
      }
    }
    if (storage != 1) {
      causes.add(
          new String[] {
            "spec.versions",
            "FieldValueInvalid",
            "Invalid value: []apiextensions.CustomResourceDefinitionVersion(nil): must have exactly one version marked as storage version"
          });
    }
    String scope = spec.path("scope").asText("");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      causes.add(
          new String[] {
            "spec.scope",
            "FieldValueNotSupported",
            "Unsupported value: \"" + scope + "\": supported values: \"Cluster\", \"Namespaced\""
          });
    }
    if (old != null && !group.equals(old.path("spec").path("group").asText())) {
      causes.add(
          new String[] {
            "spec.group",
            "FieldValueInvalid",
            "Invalid value: \"" + group + "\": field is immutable"
          });
    }
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, name, causes);
    }
  }

  private static final java.util.regex.Pattern CONFIG_KEY =
      java.util.regex.Pattern.compile("[-._a-zA-Z0-9]+");
  private static final int MAX_DATA_BYTES = 1024 * 1024;

  /**
   * The rules of the built-in kinds' validation that a schema cannot say (enums, ranges, keys,
   * sizes).
   */
  private static void validateKind(ResourceType type, ObjectNode obj) {
    if (!type.builtin || !type.group.isEmpty()) {
      return;
    }
    List<String[]> causes = new ArrayList<>();
    String name = Json.text(obj, "metadata", "name");
    if (type.plural.equals("configmaps") || type.plural.equals("secrets")) {
      long total = 0;
      for (String field :
          type.plural.equals("configmaps")
              ? new String[] {"data", "binaryData"}
              : new String[] {"data"}) {
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it =
                obj.path(field).fields();
            it.hasNext(); ) {
          java.util.Map.Entry<String, JsonNode> e = it.next();
          String k = e.getKey();
          if (k.length() > 253
              || !CONFIG_KEY.matcher(k).matches()
              || k.equals(".")
              || k.equals("..")
              || k.startsWith("..")) {
            causes.add(
                new String[] {
                  field + "[" + k + "]",
                  "FieldValueInvalid",
                  "Invalid value: \""
                      + k
                      + "\": a valid config key must "
                      + "consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used "
                      + "for validation is '[-._a-zA-Z0-9]+')"
                });
          }
          String v = e.getValue().asText("");
          total +=
              type.plural.equals("secrets") || field.equals("binaryData")
                  ? v.length() * 3L / 4
                  : v.length();
        }
      }
      if (total > MAX_DATA_BYTES) {
        causes.add(
            new String[] {
              "data",
              "FieldValueTooLong",
              "Too long: must have at most " + MAX_DATA_BYTES + " bytes"
            });
      }
    } else if (type.plural.equals("services")) {
      JsonNode spec = obj.path("spec");
      String t = spec.path("type").asText("ClusterIP");
      List<String> types = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
      if (!types.contains(t)) {
        causes.add(
            new String[] {
              "spec.type",
              "FieldValueNotSupported",
              "Unsupported value: \""
                  + t
                  + "\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""
            });
      }
      int i = 0;
      for (JsonNode p : spec.path("ports")) {
        JsonNode port = p.path("port");
        if (port.isMissingNode() || port.asInt(0) == 0) {
          causes.add(
              new String[] {"spec.ports[" + i + "].port", "FieldValueRequired", "Required value"});
        } else if (port.asLong() < 1 || port.asLong() > 65535) {
          causes.add(
              new String[] {
                "spec.ports[" + i + "].port",
                "FieldValueInvalid",
                "Invalid value: " + port.asLong() + ": must be between 1 and 65535, inclusive"
              });
        }
        String protocol = p.path("protocol").asText("TCP");
        if (!List.of("TCP", "UDP", "SCTP").contains(protocol)) {
          causes.add(
              new String[] {
                "spec.ports[" + i + "].protocol",
                "FieldValueNotSupported",
                "Unsupported value: \""
                    + protocol
                    + "\": supported values: \"SCTP\", \"TCP\", \"UDP\""
              });
        }
        i++;
      }
    }
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, name, causes);
    }
  }

  static void afterWrite(Resources r, ResourceType type, ObjectNode old, ObjectNode obj) {
    if (!isCrd(type)) {
      return;
    }
    ResourceType t = ResourceType.fromCrd(obj);
    if (old != null) {
      ResourceType before = ResourceType.fromCrd(old);
      if (!before.key().equals(t.key())) {
        r.registry.remove(before.group, before.plural);
      }
    }
    if (obj.path("metadata").has("deletionTimestamp")) {
      return;
    }
    t.compiled = r.engine.prepare(obj);
    if (t.versions.isEmpty()) {
      r.registry.remove(t.group, t.plural);
    } else {
      r.registry.add(t);
    }
  }

  static void afterDelete(Resources r, ResourceType type, ObjectNode last) {
    if (!isCrd(type)) {
      return;
    }
    ResourceType t =
        r.registry.get(
            last.path("spec").path("group").asText(),
            last.path("spec").path("names").path("plural").asText());
    if (t == null || t.builtin) {
      return;
    }
    for (ObjectNode o : r.store.list(t, null, null)) {
      ObjectNode gone = o.deepCopy();
      Json.metadata(gone).put("resourceVersion", Long.toString(r.store.nextResourceVersion()));
      r.store.remove(t, gone);
    }
    r.store.dropType(t);
    r.registry.remove(t.group, t.plural);
  }
}
