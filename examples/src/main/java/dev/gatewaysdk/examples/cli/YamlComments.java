package dev.gatewaysdk.examples.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The comments of a YAML document, by the field path they stand at, so that {@code convert} can put
 * them back into its normalized output: a comment line before a key stays before that key, a
 * comment before a list item stays before the item, a comment at the end of a line stays at the end
 * of that field's line, and comments after the last field stay at the end. A comment whose field is
 * not in the output goes before the nearest field above it that is.
 */
final class YamlComments {
  /** Path of the document itself: comments before its first field and after its last. */
  private static final String ROOT = "";

  private final Map<String, List<String>> before = new LinkedHashMap<>();
  private final Map<String, String> inline = new LinkedHashMap<>();
  private final List<String> after = new ArrayList<>();

  /**
   * Documents of nothing but comments that followed this object's document, each written as its
   * own.
   */
  private final List<List<String>> commentDocuments = new ArrayList<>();

  private YamlComments() {}

  /**
   * The comments of every object in {@code text} (the items of a {@code kind: List} each count as
   * an object), by the 1-based line where the object's first field is, or an empty map when the
   * text is not YAML this can read (the manifest reader reports that).
   */
  static Map<Integer, YamlComments> byLine(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    Map<Integer, YamlComments> out = new LinkedHashMap<>();
    YamlComments previous = null;
    List<String> leading = new ArrayList<>();
    try {
      for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
        if (!(document instanceof MappingNode)) {
          // a document of comments only: kept as such after the object before it, or before the
          // next one
          List<String> comments = new ArrayList<>();
          addAll(comments, document.getBlockComments());
          addAll(comments, document.getEndComments());
          if (previous != null && !comments.isEmpty()) {
            previous.commentDocuments.add(comments);
          } else {
            leading.addAll(comments);
          }
          continue;
        }
        Node items = isList((MappingNode) document) ? value((MappingNode) document, "items") : null;
        for (Node object :
            items instanceof SequenceNode ? ((SequenceNode) items).getValue() : List.of(document)) {
          YamlComments comments = new YamlComments();
          if (!leading.isEmpty()) {
            comments.before.put(ROOT, new ArrayList<>(leading));
            leading.clear();
          }
          comments.collect(object, ROOT, true);
          out.put(firstLine(object), comments);
          previous = comments;
        }
      }
    } catch (YAMLException e) {
      return Map.of();
    }
    out.values().removeIf(YamlComments::isEmpty);
    return out;
  }

  private static void addAll(List<String> to, List<CommentLine> comments) {
    if (comments != null) {
      for (CommentLine c : comments) {
        if (c.getCommentType() != CommentType.BLANK_LINE) {
          to.add(c.getValue());
        }
      }
    }
  }

  /** The 1-based line of the first field of {@code object} (comments before it do not move it). */
  private static int firstLine(Node object) {
    if (object instanceof MappingNode && !((MappingNode) object).getValue().isEmpty()) {
      return ((MappingNode) object).getValue().get(0).getKeyNode().getStartMark().getLine() + 1;
    }
    return object.getStartMark().getLine() + 1;
  }

  boolean isEmpty() {
    return before.isEmpty() && inline.isEmpty() && after.isEmpty() && commentDocuments.isEmpty();
  }

  /**
   * {@code yaml}, one object written by the SDK, with these comments put back; {@code yaml}
   * unchanged when it cannot be read back.
   */
  String applyTo(String yaml) {
    LoaderOptions options = new LoaderOptions();
    Node written;
    try {
      written = new Yaml(options).compose(new StringReader(yaml));
    } catch (YAMLException e) {
      return yaml;
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    if (written != null) {
      index(written, ROOT, lines);
    }
    String[] out = yaml.split("\n", -1);
    Map<Integer, List<String>> insert = new LinkedHashMap<>();
    Map<Integer, String> suffix = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : before.entrySet()) {
      int line = lineOf(e.getKey(), lines);
      String indent = indentOf(out[line]);
      List<String> at = insert.computeIfAbsent(line, l -> new ArrayList<>());
      for (String comment : e.getValue()) {
        at.add(indent + "#" + comment);
      }
    }
    for (Map.Entry<String, String> e : inline.entrySet()) {
      Integer line = lines.get(e.getKey());
      if (line != null) {
        suffix.merge(line, " #" + e.getValue(), String::concat);
      } else {
        insert
            .computeIfAbsent(lineOf(e.getKey(), lines), l -> new ArrayList<>())
            .add(indentOf(out[lineOf(e.getKey(), lines)]) + "#" + e.getValue());
      }
    }
    StringBuilder text = new StringBuilder(yaml.length() + 256);
    for (int i = 0; i < out.length; i++) {
      boolean last = i == out.length - 1;
      if (last && out[i].isEmpty()) {
        break;
      }
      for (String comment : insert.getOrDefault(i, List.of())) {
        text.append(comment).append('\n');
      }
      text.append(out[i]).append(suffix.getOrDefault(i, "")).append('\n');
    }
    for (String comment : after) {
      text.append('#').append(comment).append('\n');
    }
    for (List<String> document : commentDocuments) {
      text.append("---\n");
      for (String comment : document) {
        text.append('#').append(comment).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * The 0-based output line for comments at {@code path}: its own, or the nearest enclosing
   * field's.
   */
  private static int lineOf(String path, Map<String, Integer> lines) {
    for (String p = path; ; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? ROOT : path.substring(0, cut);
  }

  private static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return line.substring(0, i);
  }

  /**
   * Records the comments under {@code node} at {@code path}. {@code item} says the node is the
   * document or a list item, whose first key's comments belong to the item (keys may be reordered
   * on output).
   */
  private void collect(Node node, String path, boolean item) {
    addBefore(path, node.getBlockComments());
    if (node instanceof MappingNode) {
      List<NodeTuple> tuples = ((MappingNode) node).getValue();
      for (int i = 0; i < tuples.size(); i++) {
        NodeTuple t = tuples.get(i);
        if (!(t.getKeyNode() instanceof ScalarNode)) {
          continue;
        }
        String field = join(path, ((ScalarNode) t.getKeyNode()).getValue());
        addBefore(item && i == 0 ? path : field, t.getKeyNode().getBlockComments());
        addInline(field, t.getKeyNode().getInLineComments());
        addInline(field, t.getValueNode().getInLineComments());
        collect(t.getValueNode(), field, false);
      }
    } else if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).getValue();
      for (int i = 0; i < items.size(); i++) {
        collect(items.get(i), path + "[" + i + "]", true);
      }
    }
    addAll(after, node.getEndComments());
  }

  private void addBefore(String path, List<CommentLine> comments) {
    List<String> lines = new ArrayList<>();
    addAll(lines, comments);
    if (!lines.isEmpty()) {
      before.computeIfAbsent(path, p -> new ArrayList<>()).addAll(lines);
    }
  }

  private void addInline(String path, List<CommentLine> comments) {
    if (comments == null) {
      return;
    }
    for (CommentLine c : comments) {
      inline.merge(path, c.getValue(), (a, b) -> a + " #" + b);
    }
  }

  /** Indexes the 0-based line of every field and list item of a written object by path. */
  private static void index(Node node, String path, Map<String, Integer> lines) {
    if (node instanceof MappingNode) {
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode) {
          String field = join(path, ((ScalarNode) t.getKeyNode()).getValue());
          lines.put(field, t.getKeyNode().getStartMark().getLine());
          index(t.getValueNode(), field, lines);
        }
      }
    } else if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).getValue();
      for (int i = 0; i < items.size(); i++) {
        lines.put(path + "[" + i + "]", items.get(i).getStartMark().getLine());
        index(items.get(i), path + "[" + i + "]", lines);
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean isList(MappingNode node) {
    Node kind = value(node, "kind");
    return kind instanceof ScalarNode
        && "List".equals(((ScalarNode) kind).getValue())
        && value(node, "items") != null;
  }

  private static Node value(MappingNode node, String key) {
    for (NodeTuple t : node.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode
          && key.equals(((ScalarNode) t.getKeyNode()).getValue())) {
        return t.getValueNode();
      }
    }
    return null;
  }
}
