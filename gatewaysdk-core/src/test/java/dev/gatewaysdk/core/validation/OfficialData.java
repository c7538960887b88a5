package dev.gatewaysdk.core.validation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatewaysdk.core.validation.internal.CrdFiles;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locates the official Gateway API data through the CRD source setting; tests skip when it is
 * absent.
 */
final class OfficialData {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OfficialData() {}

  static Optional<Path> crdDir() {
    return CrdSource.fromEnvironment().directory().filter(Files::isDirectory);
  }

  /** The directory {@code <crd dir>/<sub>}; skips the test with a reason when it is absent. */
  static Path require(String sub) {
    Optional<Path> dir = crdDir();
    String noDir =
        "CRD source setting (" + CrdSource.PROPERTY + "/" + CrdSource.ENV + ") names no directory";
    assumeTrue(CrdRequirement.available(dir.isPresent(), noDir), noDir);
    Path p = dir.get().resolve(sub);
    assumeTrue(CrdRequirement.available(Files.exists(p), p + " is absent"), p + " is absent");
    return p;
  }

  static GatewayApiValidator validator(String release, Channel channel) {
    require(release + "/" + channel.id() + "-install.yaml");
    return GatewayApiValidator.forRelease(release, channel);
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> documents(Path file) {
    try {
      return CrdFiles.documents(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isGatewayApi(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    return apiVersion.startsWith("gateway.networking.k8s.io/")
        || apiVersion.startsWith("gateway.networking.x-k8s.io/");
  }
}
