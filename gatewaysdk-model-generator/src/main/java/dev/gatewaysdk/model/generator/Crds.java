package dev.gatewaysdk.model.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The official CRDs of one release and channel, read from the CRD source setting (system property
 * {@value #PROPERTY} or environment variable {@value #ENV}: a directory holding {@code
 * <release>/<channel>-install.yaml}, the layout of the model's {@code CrdSource}).
 */
final class Crds {
  static final String PROPERTY = "gatewaysdk.crds";
  static final String ENV = "GATEWAYSDK_CRDS";

  private final String release;
  private final String channel;
  private final List<JsonNode> definitions;

  private Crds(String release, String channel, List<JsonNode> definitions) {
    this.release = release;
    this.channel = channel;
    this.definitions = definitions;
  }

  /** The directory the CRD source setting names, if any. */
  static Optional<Path> sourceDirectory() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENV);
    }
    return configured == null || configured.isBlank()
        ? Optional.empty()
        : Optional.of(Paths.get(configured));
  }

  /**
   * Reads {@code <directory>/<release>/<channel>-install.yaml}, keeping only the
   * CustomResourceDefinitions.
   */
  static Crds read(Path directory, String release, String channel) {
    Path file = directory.resolve(release).resolve(channel + "-install.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "the CRD source "
              + directory
              + " has no "
              + release
              + "/"
              + channel
              + "-install.yaml; drop the release's CRDs there (see CONTRIBUTING.md)");
    }
    List<JsonNode> crds = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
          crds.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Crds(release, channel, List.copyOf(crds));
  }

  String release() {
    return release;
  }

  String channel() {
    return channel;
  }

  /** The CRDs in the order of the install file. */
  List<JsonNode> definitions() {
    return definitions;
  }

  /** The CRD of {@code kind}, if this release and channel define it. */
  Optional<JsonNode> definition(String kind) {
    return definitions.stream()
        .filter(d -> kind.equals(d.path("spec").path("names").path("kind").asText()))
        .findFirst();
  }

  /**
   * The schemas at {@code path} (such as {@code spec.rules[].matches[].method}) in every version of
   * the CRD of {@code kind}, in the CRD's version order; versions without the property are left
   * out.
   */
  List<JsonNode> schemasAt(String kind, String path) {
    List<JsonNode> out = new ArrayList<>();
    definition(kind)
        .ifPresent(
            crd -> {
              for (JsonNode version : crd.path("spec").path("versions")) {
                JsonNode schema = at(version.path("schema").path("openAPIV3Schema"), path);
                if (!schema.isMissingNode()) {
                  out.add(schema);
                }
              }
            });
    return out;
  }

  private static JsonNode at(JsonNode schema, String path) {
    JsonNode node = schema;
    for (String segment : path.split("\\.")) {
      boolean items = segment.endsWith("[]");
      String name = items ? segment.substring(0, segment.length() - 2) : segment;
      node = node.path("properties").path(name);
      if (items) {
        node = node.path("items");
      }
      if (node.isMissingNode()) {
        return node;
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return release + " " + channel;
  }
}
