package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ManifestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MIXED =
      String.join(
          "\n",
          "# a secret, a gateway and a certificate",
          "apiVersion: v1",
          "kind: Secret",
          "metadata:",
          "  name: example-com-tls",
          "type: kubernetes.io/tls",
          "data:",
          "  tls.crt: Zm9v",
          "---",
          "apiVersion: gateway.networking.k8s.io/v1",
          "kind: Gateway",
          "metadata:",
          "  name: tls-gateway",
          "spec:",
          "  gatewayClassName: envoy",
          "  listeners:",
          "  - name: https",
          "    protocol: HTTPS",
          "    port: 443",
          "    hostname: \"*.example.com\"",
          "    futureField: {kept: true}",
          "---",
          "# nothing here",
          "---",
          "apiVersion: cert-manager.io/v1",
          "kind: Certificate",
          "metadata: {name: c}",
          "spec: {dnsNames: [example.com, \"*.example.com\"], duration: 2160h}",
          "");

  @Test
  void readsEveryDocumentKeepingOtherKinds() {
    List<ManifestDocument> docs = Manifests.readDocuments(MIXED);
    assertThat(docs)
        .extracting(ManifestDocument::kind)
        .containsExactly("Secret", "Gateway", "Certificate");
    assertThat(docs).extracting(ManifestDocument::documentNumber).containsExactly(1, 2, 4);
    assertThat(docs).extracting(ManifestDocument::line).containsExactly(2, 10, 25);
    assertThat(docs.get(0).object()).isInstanceOf(GenericObject.class);
    assertThat(docs.get(1).object()).isInstanceOf(Gateway.class);
    assertThat(docs.get(2).object()).isInstanceOf(GenericObject.class);
    assertThat(((GenericObject) docs.get(2).object()).name()).contains("c");
  }

  @Test
  void yamlRoundTripKeepsEveryField() throws IOException {
    List<Object> objects = Manifests.readAll(MIXED);
    String yaml = Manifests.toYaml(objects);
    assertThat(yaml.split("(?m)^---$")).hasSize(3);
    assertThat(yaml).contains("futureField:").contains("'*.example.com'").doesNotStartWith("---");
    assertThat(trees(Manifests.readAll(yaml))).isEqualTo(trees(objects));
    assertThat(trees(objects).get(1).at("/spec/listeners/0/futureField/kept").asBoolean()).isTrue();
  }

  @Test
  void jsonRoundTripUsesAListForSeveralObjects() {
    List<Object> objects = Manifests.readAll(MIXED);
    String json = Manifests.toJson(objects);
    assertThat(json)
        .startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [");
    assertThat(trees(Manifests.readAll(json))).isEqualTo(trees(objects));
    String one = Manifests.toJson(objects.get(0));
    assertThat(one).contains("\"kind\": \"Secret\"").endsWith("}\n");
    assertThat(Manifests.read(one, GenericObject.class)).isEqualTo(objects.get(0));
  }

  @Test
  void compactJsonIsOneLineWithTheSameContentAsIndented() throws IOException {
    for (Object o : Manifests.readAll(MIXED)) {
      String compact = Manifests.toCompactJson(o);
      String indented = Manifests.toJson(o);
      assertThat(compact)
          .doesNotContain("\n")
          .doesNotContain(": ")
          .startsWith("{\"apiVersion\":")
          .isEqualTo(JSON.writeValueAsString(JSON.readTree(indented)))
          .isEqualTo(Manifests.toCompactJson(Manifests.toTree(o)));
      assertThat(Manifests.read(compact, Object.class)).isEqualTo(o);
    }
    assertThat(Manifests.toCompactJson(Manifests.readAll(MIXED).get(1)))
        .contains("\"futureField\":{\"kept\":true}")
        .endsWith("}");
    assertThatThrownBy(() -> Manifests.toCompactJson("text"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsConcatenatedJsonValuesAsDocuments() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"}\n{\"apiVersion\":\"v1\",\"kind\":\"Service\"}\n";
    assertThat(Manifests.readDocuments(json))
        .extracting(ManifestDocument::kind)
        .containsExactly("Secret", "Service");
    assertThat(Manifests.readAll(new StringReader(json))).hasSize(2);
  }

  @Test
  void listItemsAreLocatedByItemPath() {
    String list =
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n- apiVersion: v1\n  kind: 7\n";
    assertThatThrownBy(() -> Manifests.readAll(list))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 7, column 3) at items[1].kind: kind must be a non-empty string, got 7");
  }

  @Test
  void stringsThatLookLikeOtherTypesStayStrings() {
    ObjectNode tree = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode data = tree.putObject("data");
    String[] tricky = {
      "2.0",
      "080",
      "1e3",
      "0x10",
      "0o17",
      "1_000",
      ".inf",
      "1:30",
      "yes",
      "no",
      "on",
      "off",
      "y",
      "n",
      "true",
      "False",
      "null",
      "~",
      "",
      "<<",
      "=",
      "*.example.com",
      "&a",
      "!tag",
      "- x",
      "? x",
      ": x",
      "#c",
      "a #b",
      "a: b",
      "[x]",
      "{x}",
      " lead",
      "trail ",
      "multi\nline\n",
      "tab\there",
      "@at",
      "`tick",
      "'single'",
      "\"double\"",
      "%pct",
      "|pipe",
      ">gt",
      "ünï©ødé",
      "emoji 🚀"
    };
    for (int i = 0; i < tricky.length; i++) {
      data.put("k" + i, tricky[i]);
      data.put(tricky[i].isEmpty() ? "empty" : tricky[i], i);
    }
    GenericObject object = GenericObject.of(tree);
    assertThat(Manifests.read(Manifests.toYaml(object), GenericObject.class)).isEqualTo(object);
    assertThat(Manifests.read(Manifests.toJson(object), GenericObject.class)).isEqualTo(object);
  }

  private static final String ROUTE =
      String.join(
          "\n",
          "apiVersion: gateway.networking.k8s.io/v1",
          "kind: HTTPRoute",
          "metadata:",
          "  name: canary",
          "spec:",
          "  rules:",
          "  - backendRefs:",
          "    - name: stable",
          "      port: 8080",
          "      weight: 90",
          "    - name: canary",
          "      port: 8080",
          "      weight: %s",
          "");

  @Test
  void gatewayApiKindsAreReadTyped() {
    HTTPRoute route = Manifests.read(String.format(ROUTE, "10"), HTTPRoute.class);
    assertThat(route.metadata().name()).contains("canary");
    assertThat(route.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(Manifests.readAll(String.format(ROUTE, "10")).get(0)).isInstanceOf(HTTPRoute.class);
    assertThat(Manifests.read(String.format(ROUTE, "10"), GenericObject.class).kind())
        .isEqualTo("HTTPRoute");
    assertThat(Manifests.read(String.format(ROUTE, "10"), GatewayApiObject.class)).isEqualTo(route);
    assertThat(Manifests.fromTree(Manifests.toTree(route))).isEqualTo(route);
    assertThat(Manifests.read(Manifests.toYaml(route), HTTPRoute.class)).isEqualTo(route);
    assertThat(Manifests.read(Manifests.toJson(route), HTTPRoute.class)).isEqualTo(route);
  }

  @Test
  void wrongFieldTypeNamesPathLineAndColumn() {
    ManifestException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ManifestException.class,
            () ->
                Manifests.readAll(
                    "apiVersion: v1\nkind: Secret\n---\n" + String.format(ROUTE, "ten")));
    assertThat(e.getMessage())
        .isEqualTo(
            "document 2 (line 16, column 7) at spec.rules[0].backendRefs[1].weight:"
                + " expected an integer, got the string \"ten\"");
    assertThat(e.fieldPath()).hasValue("spec.rules[0].backendRefs[1].weight");
    assertThat(e.documentNumber()).hasValue(2);
    assertThat(e.line()).hasValue(16);
    assertThat(e.column()).hasValue(7);
  }

  @Test
  void scalarsAreNotCoercedAcrossTypes() {
    assertThatThrownBy(() -> Manifests.readAll(String.format(ROUTE, "\"10\"")))
        .hasMessageEndingWith(
            "at spec.rules[0].backendRefs[1].weight: expected an integer, got the string \"10\"");
    assertThatThrownBy(() -> Manifests.readAll(String.format(ROUTE, "1.5")))
        .hasMessageEndingWith(
            "at spec.rules[0].backendRefs[1].weight: expected an integer, got the number 1.5");
  }

  @Test
  void modelInvariantsAreReportedWithTheirPath() {
    assertThatThrownBy(() -> Manifests.readAll(String.format(ROUTE, "-1")))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 11, column 7) at spec.rules[0].backendRefs[1]: weight must be 0..1000000: -1");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    String grant =
        "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g}\n"
            + "spec:\n  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n  to:\n  - group: \"\"\n    kind: Service\n";
    assertThatThrownBy(() -> Manifests.readAll(grant))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 6, column 5) at spec.from[0]: missing required field namespace");
  }

  @Test
  void readingAsAnotherKindFails() {
    assertThatThrownBy(() -> Manifests.read(String.format(ROUTE, "10"), Gateway.class))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 1): expected Gateway, found HTTPRoute gateway.networking.k8s.io/v1");
  }

  @Test
  void readOneRejectsSeveralOrNoDocuments() {
    assertThatThrownBy(() -> Manifests.read(MIXED, GenericObject.class))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 2 (line 10, column 1): expected exactly one document, found another one");
    assertThatThrownBy(() -> Manifests.read("# empty\n", GenericObject.class))
        .isInstanceOf(ManifestException.class)
        .hasMessage("expected one document, found none");
    assertThatThrownBy(() -> Manifests.read("apiVersion: v1\nkind: Secret\n", String.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void treesConvertBothWays() {
    GenericObject secret =
        Manifests.read("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n", GenericObject.class);
    ObjectNode tree = Manifests.toTree(secret);
    assertThat(tree.path("metadata").path("name").asText()).isEqualTo("s");
    assertThat(Manifests.fromTree(tree)).isEqualTo(secret);
    assertThat(Manifests.fromTree(tree, ObjectNode.class)).isEqualTo(tree);
    assertThatThrownBy(() -> Manifests.toTree("text")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Manifests.fromTree(JSON.createArrayNode()))
        .isInstanceOf(ManifestException.class);
  }

  @TestFactory
  Stream<DynamicTest> everyOfficialExampleRoundTrips() throws IOException {
    Path examples = officialExamples();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(examples)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(50);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    examples.relativize(file).toString(),
                    () -> {
                      List<Object> objects = Manifests.readAll(file);
                      assertThat(objects).isNotEmpty();
                      assertTyped(objects);
                      List<JsonNode> original = plainTrees(Files.readString(file));
                      assertThat(trees(objects)).as("read").isEqualTo(original);
                      assertThat(trees(Manifests.readAll(Manifests.toYaml(objects))))
                          .as("via YAML")
                          .isEqualTo(original);
                      assertThat(trees(Manifests.readAll(Manifests.toJson(objects))))
                          .as("via JSON")
                          .isEqualTo(original);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> seedGuideSnippetsRoundTrip() throws IOException {
    Path guide = seedGuide();
    Assumptions.assumeTrue(Files.isRegularFile(guide), "the seed guide is not at " + guide);
    Matcher m = Pattern.compile("(?ms)^```yaml\\n(.*?)^```").matcher(Files.readString(guide));
    List<String> snippets = new ArrayList<>();
    while (m.find()) {
      snippets.add(m.group(1));
    }
    assertThat(snippets).hasSizeGreaterThan(10);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      String snippet = snippets.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              "snippet " + (i + 1),
              () -> {
                List<Object> objects = Manifests.readAll(snippet);
                assertThat(objects).isNotEmpty();
                assertTyped(objects);
                List<JsonNode> original = plainTrees(snippet);
                assertThat(trees(objects)).isEqualTo(original);
                assertThat(trees(Manifests.readAll(Manifests.toYaml(objects)))).isEqualTo(original);
                assertThat(trees(Manifests.readAll(Manifests.toJson(objects)))).isEqualTo(original);
              }));
    }
    return tests.stream();
  }

  @Test
  void seedGuideV1alpha2RoutesCarryNotes() throws IOException {
    Path guide = seedGuide();
    Assumptions.assumeTrue(Files.isRegularFile(guide), "the seed guide is not at " + guide);
    Matcher m = Pattern.compile("(?ms)^```yaml\\n(.*?)^```").matcher(Files.readString(guide));
    List<String> notes = new ArrayList<>();
    while (m.find()) {
      Manifests.check(m.group(1)).forEach(n -> notes.add(n.message()));
    }
    assertThat(notes)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("TLSRoute gateway.networking.k8s.io/v1alpha2 is served only"));
    assertThat(notes)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("HTTPRoute gateway.networking.k8s.io/v1alpha2 is not served"));
  }

  /**
   * Modelled Gateway API kinds come back as their model class, everything else as a GenericObject.
   */
  static void assertTyped(List<Object> objects) {
    for (Object o : objects) {
      JsonNode tree = Manifests.toTree(o);
      boolean modelled =
          tree.path("apiVersion").asText().startsWith(GatewayApiKind.GROUP + "/")
              && GatewayApiKind.ofKind(tree.path("kind").asText()).isPresent();
      if (modelled) {
        assertThat(o).isInstanceOf(GatewayApiKind.ofKind(tree.path("kind").asText()).get().type());
      } else {
        assertThat(o).isInstanceOf(GenericObject.class);
      }
    }
  }

  /**
   * The documents as an independent plain YAML reading sees them (SnakeYAML through Jackson's
   * mapper).
   */
  static List<JsonNode> plainTrees(String text) throws IOException {
    com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    List<JsonNode> out = new ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        yaml.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && n.isObject()) {
          out.add(normalize(n));
        }
      }
    }
    return out;
  }

  static List<JsonNode> trees(List<Object> objects) {
    List<JsonNode> out = new ArrayList<>();
    for (Object o : objects) {
      out.add(normalize(Manifests.toTree(o)));
    }
    return out;
  }

  /** Numbers compared by value (an int and a long of the same value are the same JSON number). */
  static JsonNode normalize(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path officialExamples() {
    CrdSource source = CrdSource.fromEnvironment();
    String noDir =
        "the CRD source setting ("
            + CrdSource.PROPERTY
            + "/"
            + CrdSource.ENV
            + ") names no directory";
    Assumptions.assumeTrue(CrdRequirement.available(source.directory().isPresent(), noDir), noDir);
    Path examples = source.directory().get().resolve(CrdSource.LATEST_RELEASE).resolve("examples");
    Assumptions.assumeTrue(
        CrdRequirement.available(
            Files.isDirectory(examples), "no official examples at " + examples),
        "no official examples at " + examples);
    return examples;
  }

  /**
   * The seed guide: property {@code gatewaysdk.seedGuide}, else {@code seed/} beside the CRD
   * directory.
   */
  private static Path seedGuide() {
    String property = System.getProperty("gatewaysdk.seedGuide");
    if (property != null) {
      return Path.of(property);
    }
    return CrdSource.fromEnvironment()
        .directory()
        .map(d -> d.toAbsolutePath().getParent().resolve("seed").resolve("gateway-api-guide.zh.md"))
        .orElse(Path.of("seed", "gateway-api-guide.zh.md"));
  }
}
