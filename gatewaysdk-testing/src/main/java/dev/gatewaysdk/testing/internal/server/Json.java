package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Shared JSON plumbing: one mapper, tree helpers, Kubernetes timestamps. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  static ObjectNode object() {
    return F.objectNode();
  }

  static ArrayNode array() {
    return F.arrayNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String string(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  /**
   * One YAML document as a tree, with aliases ({@code *name}) replaced by their anchor's value
   * (Jackson's parser reports an alias as its name). Plain scalars are typed as Jackson types them
   * (YAML 1.2 core).
   */
  static JsonNode parseYaml(byte[] body) throws IOException {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(Math.max(options.getCodePointLimit(), body.length + 1));
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root =
          new org.yaml.snakeyaml.Yaml(options)
              .compose(
                  new java.io.InputStreamReader(
                      new java.io.ByteArrayInputStream(body),
                      java.nio.charset.StandardCharsets.UTF_8));
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new com.fasterxml.jackson.core.JsonParseException(null, String.valueOf(e.getMessage()));
    }
    return root == null
        ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : yamlNode(root);
  }

  private static JsonNode yamlNode(org.yaml.snakeyaml.nodes.Node n) throws IOException {
    if (n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
      ObjectNode o = object();
      for (org.yaml.snakeyaml.nodes.NodeTuple t :
          ((org.yaml.snakeyaml.nodes.MappingNode) n).getValue()) {
        JsonNode k = yamlNode(t.getKeyNode());
        o.set(k.isValueNode() ? k.asText() : string(k), yamlNode(t.getValueNode()));
      }
      return o;
    }
    if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
      ArrayNode a = array();
      for (org.yaml.snakeyaml.nodes.Node item :
          ((org.yaml.snakeyaml.nodes.SequenceNode) n).getValue()) {
        a.add(yamlNode(item));
      }
      return a;
    }
    org.yaml.snakeyaml.nodes.ScalarNode s = (org.yaml.snakeyaml.nodes.ScalarNode) n;
    if (s.isPlain()) {
      // The scalar alone as a document: Jackson types it (numbers, true/false, null) exactly as
      // before.
      JsonNode typed = YAML.readTree(s.getValue().isEmpty() ? "~" : s.getValue());
      if (typed != null && typed.isValueNode()) {
        return typed;
      }
    }
    return F.textNode(s.getValue());
  }

  /** The text at a dotted path of object fields, or null. */
  static String text(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n == null || n.isNull() || n.isMissingNode() || !n.isValueNode() ? null : n.asText();
  }

  static JsonNode at(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(p);
    }
    return n;
  }

  /** The object at {@code name} inside {@code parent}, created if absent or not an object. */
  static ObjectNode with(ObjectNode parent, String name) {
    JsonNode n = parent.get(name);
    if (n instanceof ObjectNode) {
      return (ObjectNode) n;
    }
    return parent.putObject(name);
  }

  /** A parse error's message without Jackson's source excerpt. */
  static String message(IOException e) {
    if (e instanceof JsonProcessingException) {
      return ((JsonProcessingException) e).getOriginalMessage();
    }
    return String.valueOf(e.getMessage());
  }

  static ObjectNode metadata(JsonNode obj) {
    JsonNode m = obj.get("metadata");
    return m instanceof ObjectNode ? (ObjectNode) m : null;
  }

  static String now() {
    return RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  static String format(Instant instant) {
    return RFC3339.format(instant);
  }

  static Instant parseTime(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
