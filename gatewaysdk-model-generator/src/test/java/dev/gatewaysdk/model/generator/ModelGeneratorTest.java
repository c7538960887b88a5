package dev.gatewaysdk.model.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
    assertThatGeneratingFrom(
            List.of(
                "[kinds]",
                "HTTPRoute",
                "[open-enums]",
                "HTTPRoute.spec.rules[].noSuchField Nothing"))
        .hasMessageContaining(
            "none of the paths of Nothing [HTTPRoute.spec.rules[].noSuchField] is in a CRD");
  }

  @Test
  void anObjectPropertyWithoutAGoTypeNameStopsTheGeneratorNamingIt() {
    assertThatGeneratingFrom(
            List.of(
                "[kinds]",
                "HTTPRoute",
                "[codecs]",
                "HTTPRoute.spec.rules[] HTTPRouteRule",
                "[value-types]",
                "HTTPRouteRule name"))
        .hasMessageContaining("HTTPRouteRule.backendRefs is an object")
        .hasMessageContaining("HTTPRoute.spec.rules[].backendRefs[]");
  }

  @Test
  void aTypeWithoutAValueTypesLineStopsTheGeneratorNamingIt() {
    assertThatGeneratingFrom(
            List.of("[kinds]", "HTTPRoute", "[codecs]", "HTTPRoute.spec.rules[] HTTPRouteRule"))
        .hasMessageContaining("no line for HTTPRouteRule");
  }

  @Test
  void theSchemaGivesTheJavaTypesAndTheLineOnlyWhatItCannotSay() {
    Path crds = crdSource();
    Inputs inputs = Inputs.load();
    List<Crds> latest =
        List.of(
            Crds.read(crds, CrdSource.LATEST_RELEASE, "experimental"),
            Crds.read(crds, CrdSource.LATEST_RELEASE, "standard"));
    ValueTypes types = new ValueTypes(inputs, latest);
    ValueTypes.ValueType listener = types.get("Listener");
    assertThat(listener.paths()).containsExactly("Gateway.spec.listeners[]");
    assertThat(listener.fields())
        .extracting(ValueTypes.Field::json, ValueTypes.Field::javaType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("name", "String"),
            org.assertj.core.groups.Tuple.tuple("hostname", "Optional<String>"),
            org.assertj.core.groups.Tuple.tuple("port", "int"),
            org.assertj.core.groups.Tuple.tuple("protocol", "ProtocolType"),
            org.assertj.core.groups.Tuple.tuple("tls", "Optional<ListenerTLSConfig>"),
            org.assertj.core.groups.Tuple.tuple("allowedRoutes", "Optional<AllowedRoutes>"));
    assertThat(listener.fields().get(2).description()).contains("Port is the network port");
    ValueTypes.Field perPort = types.get("FrontendTLSConfig").fields().get(1);
    assertThat(types.get("FrontendTLSConfig").fields().get(0).accessor())
        .isEqualTo("defaultConfig");
    assertThat(perPort.javaType()).isEqualTo("List<TLSPortConfig>");
    assertThat(perPort.omitEmpty()).isTrue();
  }

  /**
   * The scratch check of a release bump: a property upstream drops from HTTPRouteRule changes only
   * generated files: the rule's accessors ({@code HTTPRouteRule} loses {@code timeouts()}), its
   * codec and the codec table; the value type only it held ({@code HTTPRouteTimeouts}) and its
   * codec are deleted. (The hand-written builder shortcuts that call {@code timeouts(...)} then no
   * longer compile: the review of such a bump starts there.)
   */
  @Test
  void aPropertyDroppedUpstreamChangesOnlyGeneratedFiles(@TempDir Path tmp) throws IOException {
    Path crds = crdSource();
    Inputs inputs = Inputs.load();
    YAMLMapper yaml = new YAMLMapper();
    for (Inputs.Release release : inputs.releases) {
      if (!release.fromCrds()) {
        continue;
      }
      for (String channel : List.of("standard", "experimental")) {
        Path from = crds.resolve(release.name()).resolve(channel + "-install.yaml");
        Path to = tmp.resolve("crds").resolve(release.name()).resolve(channel + "-install.yaml");
        Files.createDirectories(to.getParent());
        StringBuilder out = new StringBuilder();
        try (MappingIterator<JsonNode> docs =
            yaml.readerFor(JsonNode.class).readValues(from.toFile())) {
          while (docs.hasNext()) {
            JsonNode doc = docs.next();
            if (release.name().equals(CrdSource.LATEST_RELEASE)
                && "HTTPRoute".equals(doc.path("spec").path("names").path("kind").asText())) {
              for (JsonNode version : doc.path("spec").path("versions")) {
                JsonNode rule =
                    version.at(
                        "/schema/openAPIV3Schema/properties/spec/properties/rules/items/properties");
                ((ObjectNode) rule).remove("timeouts");
              }
            }
            out.append(yaml.writeValueAsString(doc));
          }
        }
        Files.writeString(to, out.toString(), StandardCharsets.UTF_8);
      }
    }
    Path generated = tmp.resolve("src");
    for (var file : new ModelGenerator(inputs, tmp.resolve("crds"), MODEL_SOURCES).generate()) {
      ModelGenerator.write(file, generated);
    }
    List<Path> checkedIn = relative(MODEL_SOURCES, ModelGenerator.generatedFiles(MODEL_SOURCES));
    List<Path> changed = new ArrayList<>();
    List<Path> gone = new ArrayList<>();
    for (Path file : checkedIn) {
      if (!Files.exists(generated.resolve(file))) {
        gone.add(file);
      } else if (!Files.readString(generated.resolve(file), StandardCharsets.UTF_8)
          .equals(Files.readString(MODEL_SOURCES.resolve(file), StandardCharsets.UTF_8))) {
        changed.add(file);
      }
    }
    Path model = Paths.get("dev", "gatewaysdk", "model");
    Path internal = model.resolve("internal");
    assertThat(changed)
        .containsExactlyInAnyOrder(
            model.resolve("HTTPRouteRule.java"),
            internal.resolve("HTTPRouteRuleCodec.java"),
            internal.resolve("ValueCodecs.java"));
    assertThat(gone)
        .containsExactlyInAnyOrder(
            model.resolve("HTTPRouteTimeouts.java"),
            internal.resolve("HTTPRouteTimeoutsCodec.java"));
    assertThat(
            Files.readString(
                generated.resolve(model.resolve("HTTPRouteRule.java")), StandardCharsets.UTF_8))
        .doesNotContain("timeouts()")
        .contains("sessionPersistence()");
    assertThat(relative(generated, ModelGenerator.generatedFiles(generated)))
        .allMatch(checkedIn::contains);
    assertThat(
            Files.readString(
                generated.resolve(internal.resolve("HTTPRouteRuleCodec.java")),
                StandardCharsets.UTF_8))
        .doesNotContain("\"timeouts\"")
        .contains("\"sessionPersistence\"");
  }

  /**
   * A kind's class follows its CRD: the status accessor exists exactly where the CRD has a status
   * subresource, a kind with {@code parentRefs} is a route, and the class Javadoc is the CRD's
   * description with the companion's example, and the builder repeats the spec builder methods
   * listed after the kind in type-names.txt.
   */
  @Test
  void kindClassesFollowTheirCrds() {
    Path crds = crdSource();
    List<com.squareup.javapoet.JavaFile> files =
        new ModelGenerator(Inputs.load(), crds, MODEL_SOURCES).generate();
    String route = source(files, "HTTPRoute");
    assertThat(route)
        .contains("public abstract class HTTPRoute extends HTTPRouteShortcuts implements Route")
        .contains("public abstract Optional<RouteStatus> status();")
        .contains("HTTPRoute provides a way to route HTTP requests.")
        .contains(".rule(r -> r.pathPrefix(\"/app\")")
        .contains("extends ImmutableHTTPRoute.Builder implements RouteBuilder<Builder> {")
        .contains("public Builder rule(Consumer<HTTPRouteRule.Builder> edit) {");
    assertThat(source(files, "ListenerSet"))
        .contains("implements NamespacedObjectBuilder<Builder>, ListenerSetShortcuts.Builder {");
    assertThat(source(files, "ReferenceGrant"))
        .contains("implements GatewayApiObject")
        .doesNotContain("status()")
        .contains("@JsonPropertyOrder({\"apiVersion\", \"kind\", \"metadata\", \"spec\"})");
    assertThat(source(files, "GatewayClass"))
        .contains("extends ImmutableGatewayClass.Builder implements ObjectBuilder<Builder> {")
        .contains("public Builder controllerName(String controllerName) {")
        .contains("public abstract Optional<GatewayClassStatus> status();");
    assertThat(source(files, "Gateway"))
        .contains("public Builder listener(Listener listener) {")
        .contains("public Builder listener(Consumer<Listener.Builder> edit) {")
        .contains("specBuilder().addListener(b.build());");
    assertThat(source(files, "KindCodecs"))
        .contains("Map.entry(ReferenceGrant.class")
        .contains("RouteStatusCodec.WRITER");
  }

  @Test
  void aKindWithoutASpecRootStopsTheGeneratorNamingIt() {
    Path crds = crdSource();
    Inputs inputs =
        Inputs.parse(List.of(CrdSource.LATEST_RELEASE + " crds"), List.of("[kinds]", "HTTPRoute"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ModelGenerator(inputs, crds, MODEL_SOURCES).generate())
        .hasMessageContaining("[codecs] has no root HTTPRoute.spec");
  }

  /**
   * A union (a {@code type} open enum and one field per value) gets a factory per member, except
   * where the hand-written companion has one (it may validate: {@code HTTPPathModifier}); every
   * value type extends its companion where one exists.
   */
  @Test
  void unionsGetAFactoryPerMemberUnlessTheCompanionHasOne() {
    List<com.squareup.javapoet.JavaFile> files =
        new ModelGenerator(Inputs.load(), crdSource(), MODEL_SOURCES).generate();
    assertThat(source(files, "HTTPRouteFilter"))
        .contains("public abstract class HTTPRouteFilter extends HTTPRouteFilterShortcuts")
        .contains("public static HTTPRouteFilter urlRewrite(HTTPURLRewriteFilter urlRewrite) {")
        .contains(
            "return builder().type(HTTPRouteFilterType.URL_REWRITE).urlRewrite(urlRewrite).build();");
    assertThat(source(files, "HTTPPathModifier"))
        .contains("extends HTTPPathModifierShortcuts")
        .doesNotContain("public static HTTPPathModifier replaceFullPath(");
    assertThat(source(files, "HTTPRouteRule"))
        .contains("implements HTTPRouteRuleShortcuts.Builder")
        .contains("final HTTPRouteRuleShortcuts.BuilderState shortcuts")
        .contains("shortcuts.beforeBuild(this);");
  }

  private static String source(List<com.squareup.javapoet.JavaFile> files, String type) {
    return files.stream()
        .filter(f -> f.typeSpec.name.equals(type))
        .findFirst()
        .orElseThrow()
        .toString();
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

  /** Generating from the targeted release's CRDs and these {@code type-names.txt} lines fails. */
  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
      assertThatGeneratingFrom(List<String> typeNames) {
    Path crds = crdSource();
    Inputs inputs = Inputs.parse(List.of(CrdSource.LATEST_RELEASE + " crds"), typeNames);
    return org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ModelGenerator(inputs, crds, MODEL_SOURCES).generate());
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
