package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.internal.manifest.FieldPaths;
import dev.gatewaysdk.model.internal.manifest.Locations;
import dev.gatewaysdk.model.internal.manifest.ObjectBinding;
import dev.gatewaysdk.model.internal.manifest.ReadLimits;
import dev.gatewaysdk.model.internal.manifest.TreeReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads YAML and JSON manifests with configurable safety limits; {@link Manifests} offers the same
 * reading with the default limits. Instances are immutable and thread-safe.
 *
 * <p>Each document becomes a typed Gateway API object when its kind has a type in this SDK, and a
 * {@link GenericObject} otherwise (a {@code Secret}, a cert-manager {@code Certificate}, an
 * experimental {@code X...} kind). A document of a Gateway API group must name a kind and an API
 * version some release used; an API version that no current release serves (such as {@code
 * HTTPRoute v1alpha2}) is read, keeps its {@code apiVersion}, and carries a {@link ManifestNote}
 * explaining what to use instead, unless the reader is {@linkplain Builder#strict(boolean) strict}.
 * A {@code v1 List} is read as its items.
 *
 * <p>Limits: each document at most {@link #maxDocumentSize()} characters (default 3 MiB, like the
 * API server's request limit), nesting at most {@link #maxNestingDepth()} levels, at most {@link
 * #maxAliases()} YAML aliases per document and at most {@value ReadLimits#MAX_ALIAS_NODES} nodes
 * added by alias expansion. Input whose first non-blank character is <code>{</code> or {@code [} is
 * read as JSON (one or more values), anything else as YAML (documents separated by {@code ---}).
 *
 * <pre>{@code
 * ManifestReader reader = ManifestReader.builder().maxDocumentSize(512 * 1024).strict(true).build();
 * List<Object> objects = reader.readAll(Path.of("gateway.yaml"));
 * }</pre>
 */
public final class ManifestReader {
  /** The default document size limit: 3 MiB, the Kubernetes API server's request body limit. */
  public static final int DEFAULT_MAX_DOCUMENT_SIZE = 3 * 1024 * 1024;

  /**
   * The default nesting limit; the official CRDs, the deepest manifests around, nest about 25
   * levels.
   */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

  /** The default number of YAML aliases allowed in one document. */
  public static final int DEFAULT_MAX_ALIASES = 100;

  private static final ManifestReader DEFAULTS = builder().build();

  private final int maxDocumentSize;
  private final int maxNestingDepth;
  private final int maxAliases;
  private final boolean strict;
  private final ReadLimits limits;

  private ManifestReader(Builder b) {
    this.maxDocumentSize = b.maxDocumentSize;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxAliases = b.maxAliases;
    this.strict = b.strict;
    this.limits = new ReadLimits(maxDocumentSize, maxNestingDepth, maxAliases);
  }

  /** The reader with the default limits, not strict. */
  public static ManifestReader defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this reader's settings. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.maxDocumentSize = maxDocumentSize;
    b.maxNestingDepth = maxNestingDepth;
    b.maxAliases = maxAliases;
    b.strict = strict;
    return b;
  }

  /** The largest document accepted, in characters. */
  public int maxDocumentSize() {
    return maxDocumentSize;
  }

  /** The deepest nesting of objects and arrays accepted. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The most YAML aliases ({@code *name}) accepted in one document. */
  public int maxAliases() {
    return maxAliases;
  }

  /** Whether a document that would carry a {@link ManifestNote} fails instead. */
  public boolean strict() {
    return strict;
  }

  /**
   * Reads every document of {@code text}, in order, skipping empty documents.
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public List<ManifestDocument> readDocuments(String text) {
    return readDocuments(new StringReader(text), null);
  }

  /**
   * Reads every document from {@code reader}; {@code sourceName} (such as a file name, may be null)
   * prefixes error messages and notes. The reader is not closed.
   *
   * @throws ManifestException naming the source, document, line, column and field path of the first
   *     problem
   */
  public List<ManifestDocument> readDocuments(Reader reader, String sourceName) {
    TreeReader trees = TreeReader.open(reader, limits(), sourceName);
    List<ManifestDocument> out = new ArrayList<>();
    for (TreeReader.Document doc = trees.next(); doc != null; doc = trees.next()) {
      if (doc.tree() != null) {
        convertDocument(doc, sourceName, out);
      }
    }
    return out;
  }

  /**
   * Reads every document of the UTF-8 file {@code path}; messages name the file.
   *
   * @throws ManifestException naming the file, document, line, column and field path of the first
   *     problem
   */
  public List<ManifestDocument> readDocuments(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return readDocuments(reader, path.toString());
    } catch (IOException e) {
      throw new ManifestException(path.toString(), 0, 0, 0, null, "cannot read: " + e, e);
    }
  }

  /**
   * The objects of every document of {@code text}: typed Gateway API objects and {@link
   * GenericObject}s.
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public List<Object> readAll(String text) {
    return objects(readDocuments(text));
  }

  /**
   * The objects of every document from {@code reader} (not closed).
   *
   * @throws ManifestException naming the document, line, column and field path of the first problem
   */
  public List<Object> readAll(Reader reader) {
    return objects(readDocuments(reader, null));
  }

  /**
   * The objects of every document of the UTF-8 file {@code path}.
   *
   * @throws ManifestException naming the file, document, line, column and field path of the first
   *     problem
   */
  public List<Object> readAll(Path path) {
    return objects(readDocuments(path));
  }

  /**
   * Reads the one document of {@code text} as {@code type}: a Gateway API type such as {@code
   * HTTPRoute.class}, {@link GenericObject} (any kind, untyped), {@link ObjectNode} or {@code
   * Object}.
   *
   * @throws ManifestException if the text holds no or several documents, another kind than {@code
   *     type}, or a problem as for {@link #readAll(String)}
   */
  public <T> T read(String text, Class<T> type) {
    T fast = readPlainJson(text, type);
    return fast != null ? fast : single(new StringReader(text), null, type);
  }

  /**
   * Binds a plain JSON object of a typed kind straight from the text; null for anything else, such
   * as YAML, an error or an API version that deserves a note, which the located tree path then
   * handles.
   */
  private <T> T readPlainJson(String text, Class<T> type) {
    Optional<String> kind = ObjectBinding.kindOf(type);
    return kind.isEmpty()
        ? null
        : plain(ObjectBinding.readPlain(text, type, limits), type, kind.get());
  }

  /**
   * As {@link #readPlainJson(String, Class)} for a file; null also when it cannot be read or is not
   * well-formed UTF-8.
   */
  private <T> T readPlainJson(Path path, Class<T> type) {
    if (ObjectBinding.kindOf(type).isEmpty()) {
      return null;
    }
    String text;
    try {
      // no more bytes than the limit allows characters: UTF-8 never has fewer bytes than characters
      if (Files.size(path) > maxDocumentSize) {
        return null;
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return readPlainJson(text, type);
  }

  /** {@code value} if it was read and its API version reads without a note; null otherwise. */
  private static <T> T plain(T value, Class<T> type, String kind) {
    if (value == null) {
      return null;
    }
    String apiVersion = ((GatewayApiObject) value).apiVersion();
    return PLAIN_VERSIONS.get(type).contains(apiVersion) || isPlainVersion(apiVersion, type, kind)
        ? value
        : null;
  }

  /**
   * The API versions found {@linkplain #isPlainVersion plain} so far, by type: only versions some
   * release serves get in, so each set stays as small as the list of served versions.
   */
  private static final ClassValue<java.util.Set<String>> PLAIN_VERSIONS =
      new ClassValue<>() {
        @Override
        protected java.util.Set<String> computeValue(Class<?> type) {
          return java.util.concurrent.ConcurrentHashMap.newKeySet();
        }
      };

  /**
   * Whether {@code apiVersion} of {@code kind} reads without a note, so the fast path may answer.
   */
  private static boolean isPlainVersion(String apiVersion, Class<?> type, String kind) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0
        || !GatewayApiKind.GROUP.equals(apiVersion.substring(0, slash))
        || !ServedVersions.isHistoricVersion(apiVersion.substring(slash + 1))
        || ServedVersions.explain(apiVersion, kind).isPresent()) {
      return false;
    }
    PLAIN_VERSIONS.get(type).add(apiVersion);
    return true;
  }

  /**
   * Reads the one document from {@code reader} (not closed) as {@code type}.
   *
   * @throws ManifestException as for {@link #read(String, Class)}
   */
  public <T> T read(Reader reader, Class<T> type) {
    return single(reader, null, type);
  }

  /**
   * Reads the one document of the UTF-8 file {@code path} as {@code type}.
   *
   * @throws ManifestException as for {@link #read(String, Class)}, naming the file
   */
  public <T> T read(Path path, Class<T> type) {
    T fast = readPlainJson(path, type);
    if (fast != null) {
      return fast;
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return single(reader, path.toString(), type);
    } catch (IOException e) {
      throw new ManifestException(path.toString(), 0, 0, 0, null, "cannot read: " + e, e);
    }
  }

  /**
   * Converts a tree (a whole object with {@code apiVersion} and {@code kind}) as if it were read.
   *
   * @throws ManifestException naming the field path of any problem
   */
  public Object fromTree(JsonNode tree) {
    return fromTree(tree, Object.class);
  }

  /**
   * Converts a tree to {@code type}, which is as for {@link #read(String, Class)}.
   *
   * @throws ManifestException naming the field path of any problem
   */
  public <T> T fromTree(JsonNode tree, Class<T> type) {
    if (tree == null || !tree.isObject()) {
      throw new ManifestException(
          null,
          0,
          0,
          0,
          null,
          "expected an object, got " + (tree == null ? "null" : tree.getNodeType()),
          null);
    }
    ManifestDocument doc =
        convert((ObjectNode) tree, new Place(null, 0, new Locations(), tree), 0, List.of(), type);
    return cast(doc, type, null);
  }

  private <T> T single(Reader reader, String source, Class<T> type) {
    checkReadable(type);
    TreeReader trees = TreeReader.open(reader, limits(), source);
    ManifestDocument found = null;
    for (TreeReader.Document doc = trees.next(); doc != null; doc = trees.next()) {
      if (doc.tree() == null) {
        continue;
      }
      if (found != null) {
        throw new ManifestException(
            source,
            doc.number(),
            doc.line(),
            doc.column(),
            null,
            "expected exactly one document, found another one",
            null);
      }
      if (!doc.tree().isObject()) {
        throw notAnObject(source, doc);
      }
      found = convert((ObjectNode) doc.tree(), Place.of(source, doc), doc.line(), List.of(), type);
    }
    if (found == null) {
      throw new ManifestException(source, 0, 0, 0, null, "expected one document, found none", null);
    }
    return cast(found, type, source);
  }

  private static void checkReadable(Class<?> type) {
    if (type != Object.class
        && type != GenericObject.class
        && !type.isAssignableFrom(ObjectNode.class)
        && !GatewayApiObject.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "type must be a Gateway API type, GenericObject, ObjectNode or Object: "
              + type.getName());
    }
  }

  private static <T> T cast(ManifestDocument doc, Class<T> type, String source) {
    if (!type.isInstance(doc.object())) {
      throw new ManifestException(
          source,
          doc.documentNumber(),
          doc.line(),
          0,
          null,
          "expected "
              + ObjectBinding.kindOf(type).orElse(type.getSimpleName())
              + ", found "
              + doc.kind()
              + " "
              + doc.apiVersion(),
          null);
    }
    return type.cast(doc.object());
  }

  private void convertDocument(TreeReader.Document doc, String source, List<ManifestDocument> out) {
    if (!doc.tree().isObject()) {
      throw notAnObject(source, doc);
    }
    ObjectNode tree = (ObjectNode) doc.tree();
    Place list = Place.of(source, doc);
    if ("v1".equals(text(tree, "apiVersion")) && "List".equals(text(tree, "kind"))) {
      JsonNode items = tree.path("items");
      if (!items.isArray()) {
        throw list.error(List.of("items"), "a v1 List needs an items array");
      }
      for (int i = 0; i < items.size(); i++) {
        List<Object> prefix = List.of("items", i);
        JsonNode item = items.get(i);
        if (!item.isObject()) {
          throw list.error(prefix, "expected an object, got " + item.getNodeType());
        }
        int line = Locations.line(doc.locations().find(tree, prefix));
        out.add(convert((ObjectNode) item, list, line, prefix, Object.class));
      }
      return;
    }
    out.add(convert(tree, list, doc.line(), List.of(), Object.class));
  }

  private static ManifestException notAnObject(String source, TreeReader.Document doc) {
    return new ManifestException(
        source,
        doc.number(),
        doc.line(),
        doc.column(),
        null,
        "expected an object (a Kubernetes resource), got "
            + doc.tree().getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
        null);
  }

  /**
   * Checks and converts one object; {@code root} and {@code prefix} locate it in its document (a
   * list item has the prefix {@code items[i]}).
   */
  private ManifestDocument convert(
      ObjectNode tree, Place place, int line, List<Object> prefix, Class<?> requested) {
    String source = place.source;
    int number = place.number;
    String apiVersion = requireText(tree, "apiVersion", place, prefix);
    String kind = requireText(tree, "kind", place, prefix);
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    List<ManifestNote> notes = new ArrayList<>();
    if (ServedVersions.isGatewayApiGroup(group)) {
      Optional<String> kindGroup = ServedVersions.groupOf(kind);
      if (kindGroup.isEmpty() || !kindGroup.get().equals(group)) {
        throw place.error(
            append(prefix, "kind"),
            "unknown kind "
                + kind
                + " of API group "
                + group
                + kindGroup.map(g -> " (" + kind + " belongs to " + g + ")").orElse(""));
      }
      if (!ServedVersions.isHistoricVersion(version)) {
        throw place.error(
            append(prefix, "apiVersion"),
            "unknown API version "
                + apiVersion
                + " of "
                + kind
                + "; "
                + ServedVersions.latest().release()
                + " serves "
                + served(kind, group));
      }
      Optional<String> explanation = ServedVersions.explain(apiVersion, kind);
      if (explanation.isPresent()) {
        if (strict) {
          throw place.error(append(prefix, "apiVersion"), explanation.get());
        }
        notes.add(new ManifestNote(source, number, line, apiVersion, kind, explanation.get()));
      }
    }
    Object object;
    if (requested == GenericObject.class) {
      object = GenericObject.of(tree);
    } else if (requested != Object.class && requested.isAssignableFrom(ObjectNode.class)) {
      object = tree.deepCopy();
    } else {
      Optional<Class<?>> type = ObjectBinding.typeFor(group, kind);
      if (type.isPresent()) {
        try {
          object = ObjectBinding.bind(tree, type.get());
        } catch (ObjectBinding.Failure f) {
          List<Object> path = new ArrayList<>(prefix);
          path.addAll(f.path());
          throw place.error(
              path,
              bindingReason(f.getCause(), tree.at(pointer(path, prefix.size()))),
              f.getCause());
        } catch (IllegalArgumentException | IllegalStateException e) {
          // invariants of the typed model (@Value.Check) report themselves this way
          throw place.error(prefix, e.getMessage(), e);
        }
      } else {
        object = GenericObject.of(tree);
      }
    }
    return new ManifestDocument(source, number, line, apiVersion, kind, object, notes);
  }

  private static String served(String kind, String group) {
    List<String> versions = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      for (String v : ServedVersions.latest().served(channel, kind)) {
        if (!versions.contains(group + "/" + v)) {
          versions.add(group + "/" + v);
        }
      }
    }
    return versions.isEmpty() ? "no version of it" : String.join(", ", versions);
  }

  /** How the generated builders report required attributes that are absent. */
  private static final java.util.regex.Pattern MISSING =
      java.util.regex.Pattern.compile("required attributes are not set \\[([^\\]]*)\\]");

  /** Says what a binding failure means in the manifest's terms, not in Java's. */
  private static String bindingReason(JsonMappingException e, JsonNode actual) {
    if (e instanceof ValueInstantiationException
        && e.getCause() != null
        && e.getCause().getMessage() != null) {
      String message = e.getCause().getMessage();
      java.util.regex.Matcher missing = MISSING.matcher(message);
      if (missing.find()) {
        return "missing required field"
            + (missing.group(1).contains(",") ? "s " : " ")
            + missing.group(1);
      }
      return message; // a model invariant, such as "weight must be 0..1000000: -1"
    }
    if (e instanceof MismatchedInputException
        && ((MismatchedInputException) e).getTargetType() != null) {
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      if (target.getSimpleName().equals("Builder") && target.getEnclosingClass() != null) {
        target = target.getEnclosingClass();
      }
      return "expected " + describe(target) + ", got " + describe(actual);
    }
    String message = e.getOriginalMessage();
    // Jackson appends the reference chain after a newline; the field path says it better
    int cut = message.indexOf("\n");
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == java.math.BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class || type.isEnum() || type.isAnnotationPresent(JsonCreator.class)) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String describe(JsonNode actual) {
    if (actual == null || actual.isMissingNode()) {
      return "nothing";
    }
    String shown =
        actual.isContainerNode()
            ? ""
            : " "
                + (actual.toString().length() > 40
                    ? actual.toString().substring(0, 40) + "..."
                    : actual.toString());
    switch (actual.getNodeType()) {
      case ARRAY:
        return "a list";
      case OBJECT:
        return "an object";
      case STRING:
        return "the string" + shown;
      case BOOLEAN:
        return "the boolean" + shown;
      case NUMBER:
        return "the number" + shown;
      case NULL:
        return "null";
      default:
        return actual.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + shown;
    }
  }

  /** A JSON Pointer to {@code path} without its first {@code skip} segments. */
  private static String pointer(List<Object> path, int skip) {
    StringBuilder out = new StringBuilder();
    for (Object segment : path.subList(skip, path.size())) {
      out.append('/').append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static String requireText(
      ObjectNode tree, String field, Place place, List<Object> prefix) {
    JsonNode value = tree.get(field);
    if (value == null || value.isNull()) {
      throw place.error(prefix.isEmpty() ? List.of() : prefix, "missing " + field);
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw place.error(append(prefix, field), field + " must be a non-empty string, got " + value);
    }
    return value.asText();
  }

  /** A document being converted: where errors about it point. */
  private record Place(String source, int number, Locations locations, JsonNode root) {
    static Place of(String source, TreeReader.Document doc) {
      return new Place(source, doc.number(), doc.locations(), doc.tree());
    }

    ManifestException error(List<Object> path, String reason) {
      return error(path, reason, null);
    }

    ManifestException error(List<Object> path, String reason, Throwable cause) {
      long at = locations.find(root, path);
      return new ManifestException(
          source,
          number,
          Locations.line(at),
          Locations.column(at),
          path.isEmpty() ? null : FieldPaths.format(path),
          reason,
          cause);
    }
  }

  private static List<Object> append(List<Object> prefix, Object segment) {
    List<Object> out = new ArrayList<>(prefix);
    out.add(segment);
    return out;
  }

  private static String text(JsonNode tree, String field) {
    JsonNode n = tree.get(field);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static List<Object> objects(List<ManifestDocument> documents) {
    List<Object> out = new ArrayList<>(documents.size());
    for (ManifestDocument d : documents) {
      out.add(d.object());
    }
    return out;
  }

  private ReadLimits limits() {
    return limits;
  }

  /** Builds a {@link ManifestReader}; not thread-safe. */
  public static final class Builder {
    private int maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxAliases = DEFAULT_MAX_ALIASES;
    private boolean strict;

    private Builder() {}

    /**
     * The largest document accepted, in characters.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDocumentSize(int characters) {
      if (characters <= 0) {
        throw new IllegalArgumentException("maxDocumentSize must be positive: " + characters);
      }
      this.maxDocumentSize = characters;
      return this;
    }

    /**
     * The deepest nesting of objects and arrays accepted.
     *
     * @throws IllegalArgumentException if not 1..10000
     */
    public Builder maxNestingDepth(int levels) {
      if (levels < 1 || levels > 10_000) {
        throw new IllegalArgumentException("maxNestingDepth must be 1..10000: " + levels);
      }
      this.maxNestingDepth = levels;
      return this;
    }

    /**
     * The most YAML aliases accepted in one document; 0 rejects every alias.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxAliases(int aliases) {
      if (aliases < 0) {
        throw new IllegalArgumentException("maxAliases must not be negative: " + aliases);
      }
      this.maxAliases = aliases;
      return this;
    }

    /**
     * Whether a document that would carry a {@link ManifestNote} fails with a {@link
     * ManifestException}.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public ManifestReader build() {
      return new ManifestReader(this);
    }
  }
}
