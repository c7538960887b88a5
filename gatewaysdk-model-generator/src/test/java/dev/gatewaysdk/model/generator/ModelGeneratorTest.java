package dev.gatewaysdk.model.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGeneratorTest {
  /** The model module's sources, where the generated files are checked in. */
  private static final Path MODEL_SOURCES =
      Paths.get("..", "gatewaysdk-model", "src", "main", "java");

  @Test
  void checkedInSourcesAreWhatTheGeneratorWritesFromTheCrds(@TempDir Path out) throws IOException {
    Path crds = crdSource();
    for (var file : new ModelGenerator(Inputs.load(), crds, MODEL_SOURCES).generate()) {
      ModelGenerator.write(file, out);
    }
    List<Path> generated = relative(out, ModelGenerator.generatedFiles(out));
    List<Path> checkedIn = relative(MODEL_SOURCES, ModelGenerator.generatedFiles(MODEL_SOURCES));
    assertThat(generated)
        .as("regenerate: see CONTRIBUTING.md")
        .hasSizeGreaterThan(20)
        .containsExactlyElementsOf(checkedIn);
    for (Path file : generated) {
      assertThat(Files.readString(MODEL_SOURCES.resolve(file), StandardCharsets.UTF_8))
          .as(
              "%s is not what the generator writes; regenerate (see CONTRIBUTING.md) instead of editing it",
              file)
          .isEqualTo(Files.readString(out.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPropertyMissingFromEveryCrdIsAnErrorNotASilentlyEmptyClass() {
    Path crds = crdSource();
    Inputs inputs =
        Inputs.parse(
            List.of(CrdSource.LATEST_RELEASE + " crds"),
            List.of(
                "[kinds]",
                "HTTPRoute",
                "[open-enums]",
                "HTTPRoute.spec.rules[].noSuchField Nothing"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ModelGenerator(inputs, crds, MODEL_SOURCES).generate())
        .hasMessageContaining(
            "none of the paths of Nothing [HTTPRoute.spec.rules[].noSuchField] is in a CRD");
  }

  @Test
  void constantNamesFollowTheGoValues() {
    assertThat(Javadoc.constantName("RequestHeaderModifier")).isEqualTo("REQUEST_HEADER_MODIFIER");
    assertThat(Javadoc.constantName("URLRewrite")).isEqualTo("URL_REWRITE");
    assertThat(Javadoc.constantName("IPAddress")).isEqualTo("IP_ADDRESS");
    assertThat(Javadoc.constantName("HTTPS")).isEqualTo("HTTPS");
    assertThat(Javadoc.constantName("True")).isEqualTo("TRUE");
  }

  @Test
  void descriptionsAreEscapedForJavadoc() {
    assertThat(Javadoc.fromDescription("Use <b> & {@code x} */\n\nSecond."))
        .isEqualTo("Use &lt;b&gt; &amp; &#123;&#64;code x&#125; *&#47;\n\n<p>Second.\n");
  }

  private static Path crdSource() {
    String reason =
        "the CRD source setting (" + Crds.PROPERTY + "/" + Crds.ENV + ") names no directory";
    Assumptions.assumeTrue(
        CrdRequirement.available(Crds.sourceDirectory().isPresent(), reason), reason);
    return Crds.sourceDirectory().orElseThrow();
  }

  private static List<Path> relative(Path root, List<Path> files) {
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      out.add(root.relativize(f));
    }
    return out;
  }
}
