package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.gatewaysdk.model.ManifestException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a stream of YAML documents, or of JSON values, into JSON trees, one document at a time,
 * within {@link ReadLimits}. Input whose first non-blank character is <code>{</code> or {@code [}
 * is JSON, anything else YAML. YAML aliases are expanded (with a budget), merge keys ({@code <<})
 * are applied, duplicate keys are rejected. Nothing in the input chooses a Java type. Not
 * thread-safe.
 */
public final class TreeReader implements Closeable {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One document: {@code tree} is null for an empty document. */
  public record Document(int number, int line, int column, JsonNode tree, Locations locations) {}

  private final String source;
  private final ReadLimits limits;
  private final CountingReader counter;
  private final JsonParser parser;
  private final boolean yaml;

  // per document
  private int number;
  private long documentStart;
  private int aliases;
  private long aliasNodes;
  private long nodes;
  private Locations locations;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Deque<Object> path = new ArrayDeque<>();

  private static final class Anchored {
    final JsonNode node;
    final long size;

    Anchored(JsonNode node, long size) {
      this.node = node;
      this.size = size;
    }
  }

  private TreeReader(
      String source, ReadLimits limits, CountingReader counter, JsonParser parser, boolean yaml) {
    this.source = source;
    this.limits = limits;
    this.counter = counter;
    this.parser = parser;
    this.yaml = yaml;
  }

  /**
   * Opens {@code in}, deciding between JSON and YAML from its first non-blank character.
   *
   * @throws ManifestException if the input cannot be read
   */
  public static TreeReader open(Reader in, ReadLimits limits, String source) {
    BufferedReader buffered =
        in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    try {
      boolean json = startsWithJson(buffered);
      // parser positions count code points, the reader counts chars (two for a surrogate pair):
      // allow both
      CountingReader counter =
          new CountingReader(buffered, 2L * limits.maxDocumentChars + ReadLimits.READ_AHEAD);
      JsonParser parser =
          json ? limits.json.createParser(counter) : limits.yaml.createParser(counter);
      return new TreeReader(source, limits, counter, parser, !json);
    } catch (IOException e) {
      throw new ManifestException(source, 0, 0, 0, null, "cannot read: " + e, e);
    }
  }

  private static boolean startsWithJson(BufferedReader in) throws IOException {
    in.mark(8 * 1024);
    try {
      for (int i = 0; i < 8 * 1024; i++) {
        int c = in.read();
        if (c < 0) {
          return false;
        }
        if (c == '\uFEFF' || Character.isWhitespace(c)) {
          continue;
        }
        return c == '{' || c == '[';
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /** Whether the input is YAML (else JSON). */
  public boolean isYaml() {
    return yaml;
  }

  /**
   * The next document, or null at the end of the stream.
   *
   * @throws ManifestException naming the document, line, column and field path of any problem
   */
  public Document next() {
    path.clear();
    anchors.clear();
    aliases = 0;
    aliasNodes = 0;
    nodes = 0;
    locations = new Locations();
    int documentNumber = number + 1;
    JsonToken token;
    try {
      token = parser.nextToken();
    } catch (CountingReader.BudgetExceeded e) {
      number = documentNumber;
      throw tooLarge(e.read);
    } catch (IOException | RuntimeException e) {
      throw failure(documentNumber, e);
    }
    if (token == null) {
      return null;
    }
    number = documentNumber;
    JsonLocation start = parser.currentTokenLocation();
    documentStart = Math.max(0, start.getCharOffset());
    counter.documentStartsAt(documentStart);
    JsonNode tree;
    try {
      tree = value(token, 0);
      long end = parser.currentLocation().getCharOffset();
      if (end - documentStart > limits.maxDocumentChars) {
        throw tooLarge(end - documentStart);
      }
      // whatever follows (comments, ---) counts toward the next document
      counter.documentStartsAt(end);
    } catch (ManifestException e) {
      throw e;
    } catch (CountingReader.BudgetExceeded e) {
      throw tooLarge(e.read);
    } catch (IOException | RuntimeException e) {
      throw failure(number, e);
    }
    if (tree != null && (tree.isNull() || yaml && tree.isTextual() && tree.asText().isEmpty())) {
      // an empty YAML document (only comments, or nothing between two ---) reads as an empty scalar
      tree = null;
    }
    return new Document(number, start.getLineNr(), start.getColumnNr(), tree, locations);
  }

  private JsonNode value(JsonToken token, int depth) throws IOException {
    nodes++;
    Object id = yaml ? parser.getObjectId() : null;
    String anchor = id == null ? null : id.toString();
    long before = nodes;
    JsonNode result;
    switch (token) {
      case START_OBJECT:
        result = object(depth + 1);
        break;
      case START_ARRAY:
        result = array(depth + 1);
        break;
      case VALUE_STRING:
        if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
          return alias(parser.getText());
        }
        result = NODES.textNode(parser.getText());
        break;
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            result = NODES.numberNode(parser.getIntValue());
            break;
          case LONG:
            result = NODES.numberNode(parser.getLongValue());
            break;
          default:
            result = NODES.numberNode(parser.getBigIntegerValue());
        }
        break;
      case VALUE_NUMBER_FLOAT:
        double d = parser.getDoubleValue();
        if (!Double.isFinite(d)) {
          // it would be written back as a string ("Infinity"); the API server rejects such a number
          // too
          throw problem(
              "the number " + parser.getText() + " is out of the range of a 64-bit float");
        }
        result = NODES.numberNode(d);
        break;
      case VALUE_TRUE:
        result = NODES.booleanNode(true);
        break;
      case VALUE_FALSE:
        result = NODES.booleanNode(false);
        break;
      case VALUE_NULL:
        result = NODES.nullNode();
        break;
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = parser.getEmbeddedObject();
        if (embedded instanceof byte[]) {
          // a YAML !!binary scalar: keep it as the base64 text Kubernetes would see
          result = NODES.textNode(java.util.Base64.getEncoder().encodeToString((byte[]) embedded));
          break;
        }
        throw problem("unsupported YAML value " + embedded);
      default:
        throw problem("unexpected " + token);
    }
    if (anchor != null) {
      anchors.put(anchor, new Anchored(result, nodes - before + 1));
    }
    return result;
  }

  private JsonNode alias(String anchor) {
    Anchored target = anchors.get(anchor);
    if (target == null) {
      throw problem(
          "YAML alias *"
              + anchor
              + " refers to no anchor &"
              + anchor
              + " on a mapping or sequence earlier"
              + " in the document (anchors on single values are not supported)");
    }
    if (++aliases > limits.maxAliases) {
      throw problem(
          "more than "
              + limits.maxAliases
              + " YAML aliases in one document; refusing to expand"
              + " (an alias bomb?)");
    }
    aliasNodes += target.size;
    if (aliasNodes > ReadLimits.MAX_ALIAS_NODES) {
      throw problem(
          "YAML aliases expand to more than "
              + ReadLimits.MAX_ALIAS_NODES
              + " nodes in one document; refusing to expand (an alias bomb such as \"billion laughs\"?)");
    }
    nodes += target.size;
    return target.node.deepCopy();
  }

  private ObjectNode object(int depth) throws IOException {
    checkDepth(depth);
    ObjectNode node = NODES.objectNode();
    locations.container(node, here());
    List<JsonNode> merges = null;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      long at = here();
      path.addLast(name);
      JsonNode child = value(parser.nextToken(), depth);
      if (yaml && "<<".equals(name) && isMergeable(child)) {
        if (merges == null) {
          merges = new ArrayList<>();
        }
        merges.add(child);
      } else {
        if (node.has(name)) {
          throw problem("duplicate field \"" + name + "\"");
        }
        node.set(name, child);
        locations.field(node, name, at);
      }
      path.removeLast();
    }
    if (token != JsonToken.END_OBJECT) {
      throw problem("unexpected " + token + " in an object");
    }
    if (merges != null) {
      // YAML merge keys: fields written in the mapping itself win over merged ones
      for (JsonNode merge : merges) {
        for (JsonNode source : merge.isArray() ? merge : List.of(merge)) {
          for (java.util.Map.Entry<String, JsonNode> e : source.properties()) {
            if (!node.has(e.getKey())) {
              node.set(e.getKey(), e.getValue().deepCopy());
            }
          }
        }
      }
    }
    return node;
  }

  /**
   * A {@code <<} key merges only a mapping or a list of mappings; any other value is an ordinary
   * field.
   */
  private static boolean isMergeable(JsonNode value) {
    if (value.isObject()) {
      return true;
    }
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode n : value) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private ArrayNode array(int depth) throws IOException {
    checkDepth(depth);
    ArrayNode node = NODES.arrayNode();
    locations.container(node, here());
    JsonToken token;
    int i = 0;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw problem("unexpected end of input in an array");
      }
      path.addLast(i++);
      long at = here();
      node.add(value(token, depth));
      locations.element(node, at);
      path.removeLast();
    }
    return node;
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxNestingDepth) {
      throw problem("nesting deeper than " + limits.maxNestingDepth + " levels");
    }
  }

  private ManifestException tooLarge(long seen) {
    return new ManifestException(
        source,
        number,
        0,
        0,
        null,
        "document is larger than the limit of "
            + limits.maxDocumentChars
            + " characters (stopped after "
            + seen
            + ")",
        null);
  }

  private long here() {
    JsonLocation l = parser.currentTokenLocation();
    return Locations.pack(l.getLineNr(), l.getColumnNr());
  }

  private ManifestException problem(String reason) {
    JsonLocation l = parser.currentTokenLocation();
    return new ManifestException(
        source, number, l.getLineNr(), l.getColumnNr(), FieldPaths.format(path), reason, null);
  }

  private ManifestException failure(int documentNumber, Exception e) {
    int line = 0;
    int column = 0;
    String reason = e.getMessage();
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      reason = j.getOriginalMessage();
      if (j.getLocation() != null) {
        line = j.getLocation().getLineNr();
        column = j.getLocation().getColumnNr();
      }
    }
    Throwable cause = e;
    while (cause != null && !(cause instanceof MarkedYAMLException)) {
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    if (cause != null) {
      MarkedYAMLException m = (MarkedYAMLException) cause;
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      reason = (m.getContext() != null ? m.getContext() + ": " : "") + m.getProblem();
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
    } else if (e.getCause() instanceof org.yaml.snakeyaml.error.YAMLException) {
      reason = e.getCause().getMessage();
    }
    if (reason != null && reason.startsWith("The incoming YAML document exceeds the limit")) {
      reason = "document is larger than the limit of " + limits.maxDocumentChars + " characters";
    }
    if (reason == null) {
      reason = e.toString();
    } else if (e instanceof IOException && !(e instanceof JsonProcessingException)) {
      reason = "cannot read: " + e;
    }
    String fieldPath = path.isEmpty() ? null : FieldPaths.format(path);
    return new ManifestException(source, documentNumber, line, column, fieldPath, reason.trim(), e);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // reading is over; a failure to release the source changes nothing
    }
  }
}
