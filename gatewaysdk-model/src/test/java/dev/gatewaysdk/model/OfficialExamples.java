package dev.gatewaysdk.model;

import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The official example manifests of the targeted release, found through the CRD source setting;
 * tests skip when absent.
 */
public final class OfficialExamples {
  private OfficialExamples() {}

  /** The examples directory; skips the calling test with a reason when it is not configured. */
  public static Path directory() {
    Path examples =
        CrdSource.fromEnvironment()
            .directory()
            .map(d -> d.resolve(CrdSource.LATEST_RELEASE).resolve("examples"))
            .orElse(null);
    String reason =
        "official examples not found: set "
            + CrdSource.ENV
            + " to a directory with "
            + CrdSource.LATEST_RELEASE
            + "/examples";
    Assumptions.assumeTrue(
        CrdRequirement.available(examples != null && Files.isDirectory(examples), reason), reason);
    return examples;
  }

  /** Every YAML file of {@link #directory()}, sorted. */
  public static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> s = Files.walk(directory())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }
}
