package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

  @Test
  void malformedYamlNamesDocumentLineAndColumn() {
    String yaml = HEAD + "---\n" + HEAD + "data:\n  a: [1, 2\n  b: 3\n";
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> Manifests.readAll(yaml));
    assertThat(e.documentNumber()).hasValue(2);
    assertThat(e.line()).hasValue(12);
    assertThat(e.getMessage()).startsWith("document 2 (line 12, column");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    String json = "{\"apiVersion\": \"v1\",\n \"kind\": \"ConfigMap\",\n \"data\": {\"a\": tru}}";
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> Manifests.readAll(json));
    assertThat(e.documentNumber()).hasValue(1);
    assertThat(e.line()).hasValue(3);
    assertThat(e.reason()).contains("tru");
  }

  @Test
  void readingAFileNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, HEAD + "---\nkind: [\n");
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> Manifests.readAll(file));
    assertThat(e.source()).hasValue(file.toString());
    assertThat(e.getMessage()).startsWith(file + " document 2 (line 7");
  }

  @Test
  void jsonFilesReadAsTheirText(@TempDir Path dir) throws IOException {
    String json =
        "{\"apiVersion\": \"gateway.networking.k8s.io/v1\", \"kind\": \"HTTPRoute\",\n"
            + " \"metadata\": {\"name\": \"r\", \"annotations\": {\"note\": \"caf\u00e9 \u4e2d\u6587\"}},\n"
            + " \"spec\": {\"parentRefs\": [{\"name\": \"gw\"}]}, \"future\": [1.5, null]}\n";
    Path file = dir.resolve("route.json");
    Files.writeString(file, json);
    HTTPRoute route = Manifests.read(file, HTTPRoute.class);
    assertThat(route).isEqualTo(Manifests.read(json, HTTPRoute.class));
    assertThat(route.metadata().annotations()).containsEntry("note", "caf\u00e9 \u4e2d\u6587");
    assertThat(route.unknownFields()).containsKey("future");

    // bad input still gets the located error naming the file: a duplicate, a bad type, invalid
    // UTF-8
    Files.writeString(file, json.replace("\"name\": \"r\",", "\"name\": \"r\", \"name\": \"s\","));
    assertThat(
            catchThrowableOfType(
                ManifestException.class, () -> Manifests.read(file, HTTPRoute.class)))
        .hasMessageStartingWith(file + " document 1 (line 2")
        .hasMessageContaining("uplicate");
    Files.writeString(file, json.replace("\"gw\"", "7"));
    assertThat(
            catchThrowableOfType(
                ManifestException.class, () -> Manifests.read(file, HTTPRoute.class)))
        .hasMessageStartingWith(file + " document 1 (line 3")
        .hasMessageContaining("spec.parentRefs[0].name");
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = json.indexOf("caf") + 3;
    bytes[at] = (byte) 0xC3;
    bytes[at + 1] = (byte) 0x28; // a lead byte followed by no continuation byte
    Files.write(file, bytes);
    assertThat(
            catchThrowableOfType(
                    ManifestException.class, () -> Manifests.read(file, HTTPRoute.class))
                .source())
        .hasValue(file.toString());
  }

  @Test
  void missingFileIsAManifestException(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");
    assertThatThrownBy(() -> Manifests.readAll(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("absent.yaml: cannot read");
  }

  @Test
  void floatsOutOfRangeAreRejectedNotTurnedIntoStrings() {
    for (String text :
        List.of(
            HEAD + "data:\n  a: 1\nx: [0.5, 1e400]\n",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"x\": [0.5, -2e999]}")) {
      ManifestException e =
          catchThrowableOfType(ManifestException.class, () -> Manifests.readAll(text));
      assertThat(e.reason()).contains("out of the range of a 64-bit float");
      assertThat(e.fieldPath()).hasValue("x[1]");
      assertThat(e.line()).hasValue(text.startsWith("{") ? 2 : 7);
    }
    assertThat(
            Manifests.toJson(Manifests.readAll(HEAD + "x: [0.5, 1.7976931348623157e308]\n").get(0)))
        .contains("1.7976931348623157E308");
  }

  @Test
  void duplicateFieldsAreRejected() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class, () -> Manifests.readAll(HEAD + "data:\n  a: 1\n  a: 2\n"));
    assertThat(e.line()).hasValue(7);
    assertThat(e.reason()).containsIgnoringCase("duplicate field").contains("a");
  }

  @Test
  void billionLaughsIsStoppedBeforeExpanding() {
    StringBuilder bomb =
        new StringBuilder(
            HEAD + "data:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      String prev = "*l" + (i - 1);
      bomb.append("  l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, prev)))
          .append("]\n");
    }
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> Manifests.readAll(bomb.toString()));
    assertThat(e.reason()).contains("alias");
    assertThat(e.documentNumber()).hasValue(1);
    assertThat(e.fieldPath()).get().asString().startsWith("data.l");
  }

  @Test
  void aliasBombWithFewAliasesIsStoppedByTheExpansionBudget() {
    StringBuilder bomb =
        new StringBuilder(HEAD + "data:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 40; i++) {
      bomb.append("  l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    assertThatThrownBy(() -> Manifests.readAll(bomb.toString()))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("expand to more than");
  }

  @Test
  void aliasesAreCappedByCount() {
    ManifestReader reader = ManifestReader.builder().maxAliases(1).build();
    String yaml = HEAD + "data:\n  a: &v {x: 1}\n  b: *v\n  c: *v\n";
    assertThatThrownBy(() -> reader.readAll(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("more than 1 YAML aliases");
  }

  @Test
  void aliasOfAnUnknownAnchorIsAnError() {
    assertThatThrownBy(() -> Manifests.readAll(HEAD + "data:\n  b: *nowhere\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(
            "document 1 (line 6, column 6) at data.b: YAML alias *nowhere refers to no anchor");
  }

  @Test
  void modestAliasesAndMergeKeysAreExpanded() {
    String yaml = HEAD + "defaults: &d {port: 80, weight: 1}\nx:\n  <<: *d\n  weight: 5\ny: *d\n";
    GenericObject o = Manifests.read(yaml, GenericObject.class);
    assertThat(o.at("/x").toString()).isEqualTo("{\"weight\":5,\"port\":80}");
    assertThat(o.at("/y/port").asInt()).isEqualTo(80);
  }

  @Test
  void deepNestingIsRejectedInYamlAndJson() {
    String yaml = HEAD + "data: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> Manifests.readAll(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("nesting deeper than 100 levels");
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"X\",\"a\":" + "[".repeat(100_000);
    assertThatThrownBy(() -> Manifests.readAll(json))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("nesting deeper than 100 levels");
    assertThat(ManifestReader.builder().maxNestingDepth(2).build().readAll(HEAD)).hasSize(1);
    assertThatThrownBy(
            () ->
                ManifestReader.builder()
                    .maxNestingDepth(2)
                    .build()
                    .readAll(HEAD + "a: {b: {c: 1}}\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("at a.b");
  }

  @Test
  void oversizedDocumentIsRejectedWithoutBufferingIt() {
    ManifestReader reader = ManifestReader.builder().maxDocumentSize(100_000).build();
    // a 2 GB scalar streamed in: reading must stop near the limit instead of buffering it
    Reader endless = repeating(HEAD + "data:\n  big: ", 'x', 2_000_000_000L);
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> reader.readAll(endless));
    assertThat(e.reason()).contains("larger than the limit of 100000 characters");
    assertThat(e.documentNumber()).hasValue(1);
  }

  @Test
  void sizeLimitAppliesPerDocument() {
    String doc = HEAD + "data:\n  v: " + "x".repeat(60_000) + "\n";
    ManifestReader reader = ManifestReader.builder().maxDocumentSize(100_000).build();
    assertThat(reader.readAll(doc + "---\n" + doc + "---\n" + doc)).hasSize(3);
    String big = HEAD + "data:\n  v: " + "x".repeat(120_000) + "\n";
    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> reader.readAll(doc + "---\n" + big));
    assertThat(e.documentNumber()).hasValue(2);
    assertThat(e.reason()).contains("larger than the limit");
    assertThat(ManifestReader.defaults().maxDocumentSize()).isEqualTo(3 * 1024 * 1024);
  }

  @Test
  void oversizedJsonDocumentIsRejected() {
    ManifestReader reader = ManifestReader.builder().maxDocumentSize(10_000).build();
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"X\",\"data\":[" + "1,".repeat(20_000) + "1]}";
    assertThatThrownBy(() -> reader.readAll(json))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("larger than the limit of 10000 characters");
  }

  @Test
  void yamlTagsCannotChooseJavaTypes() {
    String yaml =
        HEAD
            + "data:\n  a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://x/\"]]]]\n  b: !!binary aGVsbG8=\n  c: !custom x\n";
    GenericObject o = Manifests.read(yaml, GenericObject.class);
    // tags are ignored: the values stay plain data, nothing is instantiated
    assertThat(o.at("/data/a").toString()).isEqualTo("[[[[\"http://x/\"]]]]");
    assertThat(o.at("/data/b").asText()).isEqualTo("aGVsbG8=");
    assertThat(o.at("/data/c").asText()).isEqualTo("x");
  }

  @Test
  void documentsMustBeObjectsWithApiVersionAndKind() {
    assertThatThrownBy(() -> Manifests.readAll("- a\n- b\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 1, column 1): expected an object (a Kubernetes resource), got array");
    assertThatThrownBy(() -> Manifests.readAll(HEAD + "---\nkind: Service\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("document 2 (line 6, column 1): missing apiVersion");
    assertThatThrownBy(() -> Manifests.readAll("apiVersion: v1\nkind: 3\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "document 1 (line 2, column 1) at kind: kind must be a non-empty string, got 3");
  }

  @Test
  void unknownGatewayApiKindsAndVersionsAreErrors() {
    ManifestException kind =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                Manifests.readAll(
                    HEAD + "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HttpRoute\n"));
    assertThat(kind.getMessage())
        .isEqualTo(
            "document 2 (line 7, column 1) at kind: unknown kind HttpRoute of API group gateway.networking.k8s.io");
    ManifestException version =
        catchThrowableOfType(
            ManifestException.class,
            () -> Manifests.readAll("apiVersion: gateway.networking.k8s.io/v2\nkind: HTTPRoute\n"));
    assertThat(version.fieldPath()).hasValue("apiVersion");
    assertThat(version.reason())
        .isEqualTo(
            "unknown API version gateway.networking.k8s.io/v2 of HTTPRoute; "
                + CrdSource.LATEST_RELEASE
                + " serves gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1");
    assertThatThrownBy(
            () ->
                Manifests.readAll("apiVersion: gateway.networking.x-k8s.io/v1\nkind: HTTPRoute\n"))
        .hasMessageContaining("(HTTPRoute belongs to gateway.networking.k8s.io)");
  }

  @Test
  void unservedVersionsAreReadWithANote() {
    String yaml =
        HEAD
            + "---\napiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata: {name: t}\n";
    List<ManifestDocument> docs = Manifests.readDocuments(yaml);
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).notes()).isEmpty();
    ManifestDocument tls = docs.get(1);
    assertThat(tls.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1alpha2");
    assertThat(Manifests.toTree(tls.object()).path("apiVersion").asText())
        .isEqualTo("gateway.networking.k8s.io/v1alpha2");
    assertThat(tls.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.documentNumber()).isEqualTo(2);
              assertThat(n.line()).isEqualTo(6);
              assertThat(n.message())
                  .startsWith(
                      "TLSRoute gateway.networking.k8s.io/v1alpha2 is served only by experimental");
              assertThat(n.toString()).startsWith("document 2 (line 6): TLSRoute");
            });
    assertThat(Manifests.check(yaml)).containsExactlyElementsOf(tls.notes());
  }

  @Test
  void strictReaderRejectsUnservedVersions() {
    ManifestReader strict = ManifestReader.builder().strict(true).build();
    String yaml =
        "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata: {name: r}\n";
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> strict.readAll(yaml));
    assertThat(e.getMessage())
        .isEqualTo(
            "document 1 (line 1, column 1) at apiVersion: HTTPRoute"
                + " gateway.networking.k8s.io/v1alpha2 is not served by any Gateway API release v1.0.0.."
                + CrdSource.LATEST_RELEASE
                + "; use"
                + " gateway.networking.k8s.io/v1 (served since v1.0.0)");
    assertThat(strict.newBuilder().strict(false).build().readAll(yaml)).hasSize(1);
  }

  @Test
  void builderRejectsNonsenseLimits() {
    assertThatThrownBy(() -> ManifestReader.builder().maxDocumentSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDocumentSize must be positive: 0");
    assertThatThrownBy(() -> ManifestReader.builder().maxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ManifestReader.builder().maxAliases(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** {@code head}, then {@code count} copies of {@code c}, produced lazily. */
  static Reader repeating(String head, char c, long count) {
    return new Reader() {
      private int inHead;
      private long left = count;

      @Override
      public int read(char[] buffer, int offset, int length) {
        int n = 0;
        while (n < length && inHead < head.length()) {
          buffer[offset + n++] = head.charAt(inHead++);
        }
        while (n < length && left > 0) {
          buffer[offset + n++] = c;
          left--;
        }
        return n == 0 ? -1 : n;
      }

      @Override
      public void close() {}
    };
  }
}
