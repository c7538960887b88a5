package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatewaysdk.model.CrdSourceException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads CustomResourceDefinitions out of multi-document YAML or JSON files and directories. */
public final class CrdFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CrdFiles() {}

  /**
   * All CRD documents in {@code path} (a file, or a directory searched recursively for
   * .yaml/.yml/.json).
   *
   * @throws CrdSourceException naming the file when it cannot be read or parsed
   */
  public static List<JsonNode> read(Path path) {
    List<JsonNode> out = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        for (Path f :
            files.filter(Files::isRegularFile).filter(CrdFiles::isManifest).sorted().toList()) {
          out.addAll(read(f));
        }
      } catch (IOException e) {
        throw new CrdSourceException(
            "cannot list CRD directory " + path + ": " + e.getMessage(), e);
      }
      return out;
    }
    try {
      return crds(Files.readString(path), path.toString());
    } catch (IOException e) {
      throw new CrdSourceException("cannot read CRDs from " + path + ": " + e.getMessage(), e);
    }
  }

  /** The CRD documents in YAML or JSON {@code text}; {@code origin} names it in errors. */
  public static List<JsonNode> crds(String text, String origin) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode doc : documents(text, origin)) {
      if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
        out.add(doc);
      }
    }
    return out;
  }

  /**
   * All non-empty documents of multi-document YAML (or JSON) {@code text}.
   *
   * @throws CrdSourceException naming {@code origin} and the line of a syntax error
   */
  public static List<JsonNode> documents(String text, String origin) {
    List<JsonNode> out = new ArrayList<>();
    try (Reader r = new StringReader(text);
        MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(r)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null
            && !doc.isNull()
            && !doc.isMissingNode()
            && !(doc.isObject() && doc.isEmpty())) {
          out.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new CrdSourceException("cannot parse " + origin + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static boolean isManifest(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }
}
