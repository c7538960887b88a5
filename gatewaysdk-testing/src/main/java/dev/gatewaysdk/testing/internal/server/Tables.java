package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code as=Table} responses: the CRD's additionalPrinterColumns, or the built-in kinds' columns.
 */
final class Tables {
  private static final String NAME_DESC =
      "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
  private static final String AGE_DESC =
      "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

  private Tables() {}

  static ObjectNode table(
      ResourceType type,
      String version,
      List<ObjectNode> objects,
      String includeObject,
      JsonNode listMeta) {
    ObjectNode t = Json.object();
    t.put("kind", "Table");
    t.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = t.putObject("metadata");
    if (listMeta != null) {
      meta.setAll((ObjectNode) listMeta.deepCopy());
    }
    ArrayNode defs = t.putArray("columnDefinitions");
    ArrayNode columns = columns(type, version);
    for (JsonNode c : columns) {
      ObjectNode d = defs.addObject();
      d.put("name", c.path("name").asText());
      d.put("type", c.path("type").asText("string"));
      d.put("format", c.path("format").asText(""));
      d.put("description", c.path("description").asText(""));
      d.put("priority", c.path("priority").asInt(0));
    }
    ArrayNode rows = t.putArray("rows");
    for (ObjectNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (JsonNode c : columns) {
        cells.add(cell(o, c));
      }
      String mode = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
      if (mode.equals("Object")) {
        row.set("object", o);
      } else if (mode.equals("Metadata")) {
        ObjectNode p = row.putObject("object");
        p.put("kind", "PartialObjectMetadata");
        p.put("apiVersion", "meta.k8s.io/v1");
        p.set("metadata", o.path("metadata"));
      }
    }
    return t;
  }

  private static ArrayNode columns(ResourceType type, String version) {
    ArrayNode cols = Json.array();
    if (type.plural.equals("events") && type.group.isEmpty()) {
      col(cols, "Last Seen", "string", ".lastTimestamp|age", "");
      col(cols, "Type", "string", ".type", "");
      col(cols, "Reason", "string", ".reason", "");
      col(cols, "Object", "string", ".involvedObject|ref", "");
      col(cols, "Message", "string", ".message", "");
      return cols;
    }
    ObjectNode name = col(cols, "Name", "string", ".metadata.name", NAME_DESC);
    name.put("format", "name");
    if (!type.builtin) {
      JsonNode apc = type.printerColumns.get(version);
      if (apc == null || apc.isMissingNode() || apc.isEmpty()) {
        col(cols, "Age", "date", ".metadata.creationTimestamp", AGE_DESC);
      } else {
        apc.forEach(c -> cols.add(c.deepCopy()));
      }
      return cols;
    }
    switch (type.plural) {
      case "namespaces":
        col(cols, "Status", "string", ".status.phase", "");
        break;
      case "configmaps":
        col(cols, "Data", "integer", ".data|count", "");
        break;
      case "secrets":
        col(cols, "Type", "string", ".type", "");
        col(cols, "Data", "integer", ".data|count", "");
        break;
      case "services":
        col(cols, "Type", "string", ".spec.type", "");
        col(cols, "Cluster-IP", "string", ".spec.clusterIP", "");
        col(cols, "External-IP", "string", ".status.loadBalancer.ingress|external", "");
        col(cols, "Port(s)", "string", ".spec.ports|ports", "");
        break;
      case "leases":
        col(cols, "Holder", "string", ".spec.holderIdentity", "");
        break;
      case "customresourcedefinitions":
        col(cols, "Created At", "date", ".metadata.creationTimestamp|timestamp", "");
        return cols;
      default:
        break;
    }
    col(cols, "Age", "string", ".metadata.creationTimestamp|age", AGE_DESC);
    return cols;
  }

  private static ObjectNode col(
      ArrayNode cols, String name, String type, String path, String desc) {
    ObjectNode c = cols.addObject();
    c.put("name", name);
    c.put("type", type);
    c.put("jsonPath", path);
    c.put("description", desc);
    return c;
  }

  private static JsonNode cell(ObjectNode o, JsonNode column) {
    String path = column.path("jsonPath").asText();
    String type = column.path("type").asText("string");
    String special = null;
    int bar = path.indexOf('|');
    if (bar >= 0) {
      special = path.substring(bar + 1);
      path = path.substring(0, bar);
    }
    List<JsonNode> results = JsonPath.eval(o, path);
    JsonNode v = results.isEmpty() ? null : results.get(0);
    if (special != null) {
      return builtinCell(o, v, special);
    }
    if (v == null || v.isNull()) {
      return Json.F.nullNode();
    }
    switch (type) {
      case "integer":
        return v.isNumber() ? Json.F.numberNode(v.asLong()) : Json.F.nullNode();
      case "number":
        return v.isNumber() ? Json.F.numberNode(v.asDouble()) : Json.F.nullNode();
      case "boolean":
        return v.isBoolean() ? v : Json.F.nullNode();
      case "date":
        Instant t = v.isTextual() ? Json.parseTime(v.asText()) : null;
        return t == null ? Json.F.nullNode() : Json.F.textNode(age(t));
      default:
        return Json.F.textNode(v.isTextual() ? v.asText() : Json.string(v));
    }
  }

  private static JsonNode builtinCell(ObjectNode o, JsonNode v, String special) {
    switch (special) {
      case "age":
        {
          Instant t = v != null && v.isTextual() ? Json.parseTime(v.asText()) : null;
          if (t == null) {
            t = Json.parseTime(o.path("metadata").path("creationTimestamp").asText(""));
          }
          return Json.F.textNode(t == null ? "<unknown>" : age(t));
        }
      case "timestamp":
        return v == null ? Json.F.nullNode() : v;
      case "count":
        return Json.F.numberNode((v == null ? 0 : v.size()) + o.path("binaryData").size());
      case "external":
        {
          if (v != null && v.size() > 0) {
            StringBuilder sb = new StringBuilder();
            v.forEach(
                i ->
                    sb.append(sb.length() == 0 ? "" : ",")
                        .append(i.path("ip").asText(i.path("hostname").asText())));
            return Json.F.textNode(sb.toString());
          }
          String type = o.path("spec").path("type").asText();
          return Json.F.textNode(type.equals("LoadBalancer") ? "<pending>" : "<none>");
        }
      case "ports":
        {
          if (v == null || v.size() == 0) {
            return Json.F.textNode("<none>");
          }
          StringBuilder sb = new StringBuilder();
          for (JsonNode p : v) {
            sb.append(sb.length() == 0 ? "" : ",").append(p.path("port").asText());
            if (p.has("nodePort")) {
              sb.append(':').append(p.get("nodePort").asText());
            }
            sb.append('/').append(p.path("protocol").asText("TCP"));
          }
          return Json.F.textNode(sb.toString());
        }
      case "ref":
        return Json.F.textNode(
            v == null
                ? ""
                : v.path("kind").asText().toLowerCase(java.util.Locale.ROOT)
                    + "/"
                    + v.path("name").asText());
      default:
        return Json.F.nullNode();
    }
  }

  /** The real server's human duration ({@code 5s}, {@code 3m2s}, {@code 4h}, {@code 12d}). */
  static String age(Instant since) {
    Duration d = Duration.between(since, Instant.now());
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
