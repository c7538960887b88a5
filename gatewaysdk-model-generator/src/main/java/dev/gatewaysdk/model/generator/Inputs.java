package dev.gatewaysdk.model.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's hand-written input, beside the CRDs: the release list ({@code releases.txt}) and
 * the map of schema paths to Go type names ({@code type-names.txt}). Both are resources of this
 * module.
 */
final class Inputs {
  /**
   * A supported release: generated from its CRDs, or (older minors) from rows recorded in
   * releases.txt.
   */
  record Release(String name, boolean fromCrds, List<String> recordedRows) {}

  /**
   * An open enum: the Go type name, the schema paths typed with it, values the schemas do not
   * enumerate.
   */
  record OpenEnum(String typeName, List<String> paths, List<String> extraValues) {}

  /**
   * A top-level kind the model has a class for; {@code typeName} is the Go type name (= kind).
   * {@code specShortcuts} are the spec builder methods its builder repeats ({@code
   * gatewayClassName}, {@code addListener}), editing the spec set so far.
   */
  record Kind(String typeName, List<String> specShortcuts) {}

  /**
   * A type the codecs start from: its schema path ({@code HTTPRoute.spec}), or {@code null} for a
   * Kubernetes type the CRDs do not describe (metadata). Nested types follow the model's accessors.
   */
  record CodecRoot(String path, String typeName) {}

  final List<Release> releases;
  final List<Kind> kinds;
  final List<OpenEnum> openEnums;
  final List<CodecRoot> codecRoots;

  /**
   * The {@code [value-types]} lines: per Go type name, its fields by JSON name in Go declaration
   * order.
   */
  final Map<String, Map<String, ValueTypes.Declared>> valueTypes;

  private Inputs(
      List<Release> releases,
      List<Kind> kinds,
      List<OpenEnum> openEnums,
      List<CodecRoot> codecRoots,
      Map<String, Map<String, ValueTypes.Declared>> valueTypes) {
    this.valueTypes = valueTypes;
    this.releases = releases;
    this.kinds = kinds;
    this.openEnums = openEnums;
    this.codecRoots = codecRoots;
  }

  /** The inputs shipped with the generator. */
  static Inputs load() {
    return parse(lines("releases.txt"), lines("type-names.txt"));
  }

  static Inputs parse(List<String> releaseLines, List<String> typeLines) {
    List<Release> releases = new ArrayList<>();
    Map<String, List<String>> recorded = new LinkedHashMap<>();
    for (String line : releaseLines) {
      String[] f = line.split("\\s+");
      if (f.length == 2 && f[1].equals("crds")) {
        releases.add(new Release(f[0], true, List.of()));
      } else if (f.length == 2 && f[1].equals("recorded")) {
        recorded.put(f[0], new ArrayList<>());
        releases.add(new Release(f[0], false, recorded.get(f[0])));
      } else if (f.length >= 5 && recorded.containsKey(f[0])) {
        recorded.get(f[0]).add(String.join(" ", f));
      } else {
        throw new IllegalArgumentException("releases.txt: cannot read line: " + line);
      }
    }
    List<Kind> kinds = new ArrayList<>();
    Map<String, OpenEnum> enums = new LinkedHashMap<>();
    List<CodecRoot> codecRoots = new ArrayList<>();
    Map<String, Map<String, ValueTypes.Declared>> valueTypes = new LinkedHashMap<>();
    String section = "";
    for (String line : typeLines) {
      if (line.startsWith("[")) {
        section = line;
        continue;
      }
      String[] f = line.split("\\s+");
      switch (section) {
        case "[kinds]" -> kinds.add(new Kind(f[0], List.of(f).subList(1, f.length)));
        case "[open-enums]" -> {
          if (f.length < 2) {
            throw new IllegalArgumentException("type-names.txt: a path needs a type name: " + line);
          }
          OpenEnum e =
              enums.computeIfAbsent(
                  f[1], t -> new OpenEnum(t, new ArrayList<>(), new ArrayList<>()));
          e.paths().add(f[0]);
          for (int i = 2; i < f.length; i++) {
            e.extraValues().add(f[i]);
          }
        }
        case "[codecs]" -> {
          if (f.length != 2) {
            throw new IllegalArgumentException(
                "type-names.txt: a codec root is a path (or -) and a type name: " + line);
          }
          codecRoots.add(new CodecRoot(f[0].equals("-") ? null : f[0], f[1]));
        }
        case "[value-types]" -> {
          Map<String, ValueTypes.Declared> fields = new LinkedHashMap<>();
          for (int i = 1; i < f.length; i++) {
            ValueTypes.Declared d = declared(f[i]);
            fields.put(d.json(), d);
          }
          if (valueTypes.put(f[0], fields) != null) {
            throw new IllegalArgumentException("type-names.txt: two lines for " + f[0]);
          }
        }
        default ->
            throw new IllegalArgumentException("type-names.txt: line outside a section: " + line);
      }
    }
    return new Inputs(
        List.copyOf(releases),
        List.copyOf(kinds),
        List.copyOf(enums.values()),
        List.copyOf(codecRoots),
        valueTypes);
  }

  /** {@code json[?|!][:TypeName][=JavaType][@accessor]}. */
  private static ValueTypes.Declared declared(String field) {
    String rest = field;
    String accessor = null;
    String javaType = null;
    String typeName = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      accessor = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    int eq = rest.indexOf('=');
    if (eq >= 0) {
      javaType = rest.substring(eq + 1);
      rest = rest.substring(0, eq);
    }
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      typeName = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    Boolean omitEmpty = null;
    if (rest.endsWith("?") || rest.endsWith("!")) {
      omitEmpty = rest.endsWith("?");
      rest = rest.substring(0, rest.length() - 1);
    }
    return new ValueTypes.Declared(rest, typeName, javaType, accessor, omitEmpty);
  }

  /** The non-blank lines of a resource, without {@code #} comments. */
  private static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Inputs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("generator resource missing: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        int hash = line.indexOf('#');
        String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
        if (!text.isEmpty()) {
          out.add(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
