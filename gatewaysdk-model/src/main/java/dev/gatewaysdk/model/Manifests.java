package dev.gatewaysdk.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.internal.manifest.ManifestWriters;
import dev.gatewaysdk.model.internal.manifest.ObjectBinding;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Kubernetes manifests: single- and multi-document YAML, and JSON.
 *
 * <p>Reading turns each document into a typed Gateway API object when this SDK has a type for its
 * kind, and into a {@link GenericObject} otherwise, so a file mixing a {@code Secret}, a {@code
 * Gateway} and a cert-manager {@code Certificate} reads completely and writes back completely.
 * Unknown fields are kept. Reading uses {@link ManifestReader#defaults()}; build a {@link
 * ManifestReader} for other limits or for strict checking. Every failure is a {@link
 * ManifestException} naming the source, document number, line, column and field path. All methods
 * are thread-safe.
 *
 * <pre>{@code
 * List<Object> objects = Manifests.readAll(Path.of("app.yaml"));
 * HTTPRoute route = Manifests.read(yaml, HTTPRoute.class);
 * String out = Manifests.toYaml(objects);          // documents separated by ---
 * String json = Manifests.toJson(route);            // indented; toCompactJson for one line
 * Manifests.check(Path.of("app.yaml")).forEach(System.err::println);
 * }</pre>
 */
public final class Manifests {
  private Manifests() {}

  /**
   * The objects of every document of {@code text}, in order; empty documents are skipped and a
   * {@code v1 List} contributes its items.
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public static List<Object> readAll(String text) {
    return ManifestReader.defaults().readAll(text);
  }

  /**
   * The objects of every document from {@code reader}, which is not closed.
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public static List<Object> readAll(Reader reader) {
    return ManifestReader.defaults().readAll(reader);
  }

  /**
   * The objects of every document of the UTF-8 file {@code path}.
   *
   * @throws ManifestException naming the file, document, line, column and field path of the first
   *     problem
   */
  public static List<Object> readAll(Path path) {
    return ManifestReader.defaults().readAll(path);
  }

  /**
   * Reads the single document of {@code text} as {@code type}: a Gateway API type such as {@code
   * HTTPRoute.class}, {@link GenericObject}, {@link ObjectNode} or {@code Object}.
   *
   * @throws ManifestException if there is not exactly one document, it is of another kind, or it is
   *     invalid
   */
  public static <T> T read(String text, Class<T> type) {
    return ManifestReader.defaults().read(text, type);
  }

  /**
   * Reads the single document from {@code reader} (not closed) as {@code type}.
   *
   * @throws ManifestException as for {@link #read(String, Class)}
   */
  public static <T> T read(Reader reader, Class<T> type) {
    return ManifestReader.defaults().read(reader, type);
  }

  /**
   * Reads the single document of the UTF-8 file {@code path} as {@code type}.
   *
   * @throws ManifestException as for {@link #read(String, Class)}, naming the file
   */
  public static <T> T read(Path path, Class<T> type) {
    return ManifestReader.defaults().read(path, type);
  }

  /**
   * Every document of {@code text} with its number, line and notes.
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public static List<ManifestDocument> readDocuments(String text) {
    return ManifestReader.defaults().readDocuments(text);
  }

  /**
   * Every document of the UTF-8 file {@code path} with its number, line and notes.
   *
   * @throws ManifestException naming the file, document, line, column and field path of the first
   *     problem
   */
  public static List<ManifestDocument> readDocuments(Path path) {
    return ManifestReader.defaults().readDocuments(path);
  }

  /**
   * The notes about the documents of {@code text}, such as Gateway API versions no release serves;
   * empty when all is well.
   *
   * @throws ManifestException if the text cannot be read at all
   */
  public static List<ManifestNote> check(String text) {
    return notes(readDocuments(text));
  }

  /**
   * The notes about the documents of the UTF-8 file {@code path}.
   *
   * @throws ManifestException if the file cannot be read at all
   */
  public static List<ManifestNote> check(Path path) {
    return notes(readDocuments(path));
  }

  /**
   * One object as a YAML document (no leading {@code ---}).
   *
   * @throws IllegalArgumentException if {@code object} is not a Kubernetes object (typed, generic
   *     or tree)
   */
  public static String toYaml(Object object) {
    try {
      return ManifestWriters.yaml(toTree(object));
    } catch (JsonProcessingException e) {
      throw new ManifestException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Objects as a multi-document YAML stream, documents separated by {@code ---}.
   *
   * @throws IllegalArgumentException if an element is not a Kubernetes object
   */
  public static String toYaml(List<?> objects) {
    StringBuilder out = new StringBuilder();
    for (Object o : objects) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(toYaml(o));
    }
    return out.toString();
  }

  /**
   * One object as indented JSON.
   *
   * @throws IllegalArgumentException if {@code object} is not a Kubernetes object
   */
  public static String toJson(Object object) {
    return json(object, true);
  }

  /**
   * One object as compact JSON: one line without whitespace between tokens and without a trailing
   * newline, as API request bodies and logs want it. Same fields and order as {@link
   * #toJson(Object)}.
   *
   * <pre>{@code
   * String body = Manifests.toCompactJson(route);   // {"apiVersion":"gateway.networking.k8s.io/v1",...}
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code object} is not a Kubernetes object
   */
  public static String toCompactJson(Object object) {
    return json(object, false);
  }

  private static String json(Object object, boolean indent) {
    try {
      if (object instanceof GatewayApiObject
          && ObjectBinding.kindOf(object.getClass()).isPresent()) {
        return ManifestWriters.typedJson(object, indent);
      }
      ObjectNode tree = toTree(object);
      return indent ? ManifestWriters.json(tree) : ManifestWriters.compactJson(tree);
    } catch (JsonProcessingException e) {
      throw new ManifestException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Objects as one JSON {@code v1 List} (what {@code kubectl get -o json} prints for several
   * objects); {@link #readAll(String)} reads it back as the items.
   *
   * @throws IllegalArgumentException if an element is not a Kubernetes object
   */
  public static String toJson(List<?> objects) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (Object o : objects) {
      items.add(toTree(o));
    }
    try {
      return ManifestWriters.json(list);
    } catch (JsonProcessingException e) {
      throw new ManifestException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The JSON tree of a typed Gateway API object, a {@link GenericObject} or a tree; always a fresh
   * copy.
   *
   * @throws IllegalArgumentException if {@code object} is none of those
   */
  public static ObjectNode toTree(Object object) {
    if (object instanceof GenericObject) {
      return ((GenericObject) object).tree();
    }
    if (object instanceof ObjectNode) {
      return ((ObjectNode) object).deepCopy();
    }
    if (object != null && ObjectBinding.kindOf(object.getClass()).isPresent()) {
      return ObjectBinding.tree(object);
    }
    throw new IllegalArgumentException(
        "not a Kubernetes object (typed Gateway API object, GenericObject or "
            + "ObjectNode): "
            + (object == null ? "null" : object.getClass().getName()));
  }

  /**
   * The object a tree stands for: typed for Gateway API kinds, else a {@link GenericObject}.
   *
   * @throws ManifestException naming the field path of any problem
   */
  public static Object fromTree(JsonNode tree) {
    return ManifestReader.defaults().fromTree(tree);
  }

  /**
   * The tree as {@code type}, which is as for {@link #read(String, Class)}.
   *
   * @throws ManifestException naming the field path of any problem
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    return ManifestReader.defaults().fromTree(tree, type);
  }

  private static List<ManifestNote> notes(List<ManifestDocument> documents) {
    List<ManifestNote> out = new ArrayList<>();
    for (ManifestDocument d : documents) {
      out.addAll(d.notes());
    }
    return out;
  }
}
