package dev.gatewaysdk.model.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ManifestException;
import dev.gatewaysdk.model.ManifestReader;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.OfficialExamples;
import dev.gatewaysdk.model.internal.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code read(String, type)} of JSON binds straight from the text ({@link
 * ObjectBinding#readPlain}); {@code read(Reader, type)} always goes through the located tree, so
 * the two must agree on every result and every error message.
 */
class PlainJsonReadTest {
  private static final int MAX = ManifestReader.DEFAULT_MAX_DOCUMENT_SIZE;
  private static final ReadLimits LIMITS = new ReadLimits(MAX, 100, 100);
  private static final String ROUTE =
      "{\n"
          + "  \"apiVersion\": \"gateway.networking.k8s.io/%s\",\n"
          + "  \"kind\": %s,\n"
          + "  \"metadata\": {\"name\": \"r\", \"namespace\": \"default\", \"labels\": {\"app\": \"shop\"}},\n"
          + "  \"spec\": {\n"
          + "    \"parentRefs\": [{\"name\": \"gw\"}],\n"
          + "    \"hostnames\": [\"shop.example.com\"],\n"
          + "    \"rules\": [{\n"
          + "      \"matches\": [{\"path\": {\"type\": \"PathPrefix\", \"value\": \"/\"}}],\n"
          + "      \"backendRefs\": [{\"name\": \"stable\", \"port\": 8080, \"weight\": 90},\n"
          + "                      {\"name\": \"canary\", \"port\": 8080, \"weight\": %s}],\n"
          + "      \"futureRuleField\": {\"n\": 1, \"big\": 12345678901234567890, \"f\": 1.25, \"list\": [true, null, \"x\"]}\n"
          + "    }]\n"
          + "  },\n"
          + "  \"status\": {\"parents\": [{\"parentRef\": {\"name\": \"gw\"}, \"controllerName\": \"example.com/c\","
          + " \"conditions\": []}]},\n"
          + "  \"futureTopLevel\": {\"deep\": {\"er\": [1, 2.5, -3]}}%s\n"
          + "}\n";

  private static String route(String version, String kind, String weight, String extra) {
    return String.format(ROUTE, version, kind, weight, extra);
  }

  @Test
  void plainJsonReadsAsThroughTheTree() {
    String json = route("v1", "\"HTTPRoute\"", "10", "");
    HTTPRoute fast = Manifests.read(json, HTTPRoute.class);
    assertThat(fast).isEqualTo(Manifests.read(new StringReader(json), HTTPRoute.class));
    assertThat(fast.unknownFields()).containsKey("futureTopLevel");
    assertThat(fast.spec().rules().get(0).backendRefs().get(1).weight()).hasValue(10);
    // the fast path itself answers for the plain case, and gives up where the codecs would accept
    // too much
    assertThat(ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS)).isEqualTo(fast);
    assertThat(
            ObjectBinding.readPlain(
                json.replace("\"kind\": \"HTTPRoute\",", ""), HTTPRoute.class, LIMITS))
        .isNull();
    assertThat(ObjectBinding.readPlain(route("v1", "null", "10", ""), HTTPRoute.class, LIMITS))
        .isNull();
    assertThat(ObjectBinding.readPlain(json + "{}", HTTPRoute.class, LIMITS)).isNull();
  }

  @Test
  void stringsWithEscapesAndNonAsciiReadAsThroughTheTree() {
    String json =
        route(
                "v1",
                "\"HTTPRoute\"",
                "10",
                ",\n  \"note\": [\"t\\u00e9st \\\"q\\\" \\\\ \\n\", \"sh\u00f6p \u20ac \ud83d\ude00\","
                    + " \"\", \"plain\", {\"k\\u0041\": \"v\\/w\"}]")
            .replace(
                "\"app\": \"shop\"",
                "\"app\": \"sh\u00f6p\", \"tier\": \"a\\tb\", \"empty\": \"\"");
    HTTPRoute fast = ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS);
    assertThat(fast).isNotNull().isEqualTo(Manifests.read(new StringReader(json), HTTPRoute.class));
    assertThat(fast.metadata().labels())
        .containsEntry("app", "sh\u00f6p")
        .containsEntry("tier", "a\tb")
        .containsEntry("empty", "");
    assertThat(fast.unknownFields().get("note"))
        .isEqualTo(
            List.of(
                "t\u00e9st \"q\" \\ \n",
                "sh\u00f6p \u20ac \ud83d\ude00",
                "",
                "plain",
                java.util.Map.of("kA", "v/w")));
    // a raw control character inside a string is invalid JSON: the tree path words the error
    assertSameOutcome(ManifestReader.defaults(), json.replace("plain", "pl\u0001ain"));
  }

  @Test
  void numbersOfUnknownFieldsReadAsThroughTheTree() {
    for (String n :
        List.of(
            "0",
            "-0",
            "0.1",
            "-0.0",
            "1E2",
            "1e-7",
            "2.5e+300",
            "4.9e-325",
            "123456789.123456789123456789",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "340282366920938463463374607431768211456")) {
      String json = route("v1", "\"HTTPRoute\"", "10", ",\n  \"number\": " + n);
      HTTPRoute fast = ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS);
      HTTPRoute viaTree = Manifests.read(new StringReader(json), HTTPRoute.class);
      assertThat(fast).as(n).isNotNull().isEqualTo(viaTree);
      assertThat(Manifests.toJson(fast)).as(n).isEqualTo(Manifests.toJson(viaTree));
    }
    // out of a double's range: rejected with the place, not written back as the string "Infinity"
    for (String n : List.of("1e400", "-1e400", "[1, {\"deep\": 2e999}]")) {
      String json = route("v1", "\"HTTPRoute\"", "10", ",\n  \"number\": " + n);
      assertThat(ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS)).as(n).isNull();
      assertThat(catchThrowable(() -> Manifests.read(json, HTTPRoute.class)))
          .as(n)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("(line 17, column")
          .hasMessageContaining("out of the range");
      assertSameOutcome(ManifestReader.defaults(), json);
    }
  }

  @Test
  void anUnpairedSurrogateIsKeptNotReplaced() {
    // UTF-8 has no encoding for it (String.getBytes would write '?'); the fast path parses the
    // text's chars, so it keeps it as the tree path does
    String json =
        route("v1", "\"HTTPRoute\"", "10", "")
            .replace("\"app\": \"shop\"", "\"app\": \"sh\ud800p\"");
    assertThat(ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS))
        .isEqualTo(Manifests.read(new StringReader(json), HTTPRoute.class));
    HTTPRoute route = Manifests.read(json, HTTPRoute.class);
    assertThat(route.metadata().labels()).containsEntry("app", "sh\ud800p");
    assertThat(route).isEqualTo(Manifests.read(new StringReader(json), HTTPRoute.class));
    // a well-formed pair takes the fast path, so do question marks of the text itself
    assertThat(
            ObjectBinding.readPlain(
                json.replace("\ud800", "\ud83d\ude00"), HTTPRoute.class, LIMITS))
        .isNotNull();
    String asked =
        json.replace("sh\ud800p", "sh?p")
            .replace("\"value\": \"/\"", "\"value\": \"/search?q=a?\"");
    assertThat(ObjectBinding.readPlain(asked, HTTPRoute.class, LIMITS))
        .isNotNull()
        .isEqualTo(Manifests.read(new StringReader(asked), HTTPRoute.class));
    String both = asked.replace("\"r\"", "\"r\ud800\"");
    assertThat(ObjectBinding.readPlain(both, HTTPRoute.class, LIMITS))
        .isEqualTo(Manifests.read(new StringReader(both), HTTPRoute.class));
    assertThat(Manifests.read(both, HTTPRoute.class).metadata().name()).hasValue("r\ud800");
  }

  @Test
  void oldApiVersionsReadAsThroughTheTree() {
    String json = route("v1beta1", "\"HTTPRoute\"", "10", "");
    assertThat(Manifests.read(json, HTTPRoute.class).apiVersion())
        .isEqualTo("gateway.networking.k8s.io/v1beta1");
    ManifestReader strict = ManifestReader.builder().strict(true).build();
    assertSameOutcome(strict, json);
  }

  @Test
  void errorsAreWordedAsByTheTree() {
    List<String> broken =
        List.of(
            route("v1", "\"HTTPRoute\"", "\"ten\"", ""),
            route("v1", "\"HTTPRoute\"", "1.5", ""),
            route("v1", "\"HTTPRoute\"", "-1", ""),
            route("v1", "null", "10", ""),
            route("v1", "7", "10", ""),
            route("v1", "\"Gateway\"", "10", ""),
            route("v9", "\"HTTPRoute\"", "10", ""),
            route("v1", "\"HTTPRoute\"", "10", ",\n  \"kind\": \"HTTPRoute\""),
            route("v1", "\"HTTPRoute\"", "10", "")
                + "{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}",
            route("v1", "\"HTTPRoute\"", "10", "")
                .replace("\"apiVersion\": \"gateway.networking.k8s.io/v1\",", ""),
            route("v1", "\"HTTPRoute\"", "10", "").replace("\"kind\": \"HTTPRoute\",", ""),
            route("v1", "\"HTTPRoute\"", "10", "")
                .replace("\"metadata\"", "\"metadata\": null, \"x\""),
            route("v1", "\"HTTPRoute\"", "10", "").replace("\"spec\": {", "\"spec\": {,"));
    for (String json : broken) {
      assertSameOutcome(ManifestReader.defaults(), json);
    }
  }

  @Test
  void duplicateFieldsAreRejectedAsByTheTree() {
    String json = route("v1", "\"HTTPRoute\"", "10", "");
    StringBuilder many = new StringBuilder(",\n  \"many\": {");
    for (int i = 0; i < 100; i++) {
      many.append(i == 0 ? "" : ", ")
          .append("\"f")
          .append(i)
          .append("\": {\"a\": ")
          .append(i)
          .append('}');
    }
    String large = route("v1", "\"HTTPRoute\"", "10", many + "}");
    List<String> duplicated =
        List.of(
            json.replace("\"name\": \"r\",", "\"name\": \"r\", \"name\": \"s\","),
            json.replace("\"n\": 1,", "\"n\": 1, \"n\": 2,"),
            json.replace("\"er\": [1, 2.5, -3]", "\"er\": [1], \"er\": 2"),
            json.replace("{\"name\": \"canary\",", "{\"name\": \"canary\", \"name\": \"c\","),
            large.replace("\"f99\": {\"a\": 99}", "\"f99\": {\"a\": 99}, \"f7\": 1"),
            large.replace("\"f99\": {\"a\": 99}", "\"f99\": {\"a\": 99, \"a\": 1}"));
    for (String d : duplicated) {
      assertThat(d).isNotEqualTo(json).isNotEqualTo(large);
      assertThat(ObjectBinding.readPlain(d, HTTPRoute.class, LIMITS)).as(d).isNull();
      assertThat(catchThrowable(() -> Manifests.read(d, HTTPRoute.class)))
          .as(d)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("uplicate");
      assertSameOutcome(ManifestReader.defaults(), d);
    }
    // the same names in sibling and nested objects are no duplicates, also past the hash-set switch
    assertThat(ObjectBinding.readPlain(large, HTTPRoute.class, LIMITS))
        .isNotNull()
        .isEqualTo(Manifests.read(new StringReader(large), HTTPRoute.class));
  }

  @Test
  void limitsApplyAsThroughTheTree() {
    String json = route("v1", "\"HTTPRoute\"", "10", "");
    assertSameOutcome(ManifestReader.builder().maxNestingDepth(5).build(), json);
    assertSameOutcome(ManifestReader.builder().maxNestingDepth(6).build(), json);
    assertSameOutcome(ManifestReader.builder().maxNestingDepth(7).build(), json);
    assertSameOutcome(ManifestReader.builder().maxDocumentSize(json.length() - 10).build(), json);
    assertThat(
            catchThrowable(
                () ->
                    ManifestReader.builder()
                        .maxNestingDepth(5)
                        .build()
                        .read(json, HTTPRoute.class)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("nesting deeper than 5 levels");
  }

  @Test
  void typedJsonIsTheTreeWrittenOut() {
    HTTPRoute route = Manifests.read(route("v1", "\"HTTPRoute\"", "10", ""), HTTPRoute.class);
    assertThat(Manifests.toJson(route)).isEqualTo(Manifests.toJson(Manifests.toTree(route)));
    Gateway gateway = Gateway.builder().name("g").gatewayClassName("envoy").build();
    assertThat(Manifests.toJson(gateway)).isEqualTo(Manifests.toJson(Manifests.toTree(gateway)));
  }

  @Test
  void everyOfficialExampleReadsFastAsThroughTheTree() throws IOException {
    int count = 0;
    for (Path file : OfficialExamples.yamlFiles()) {
      try (MappingIterator<JsonNode> docs =
          Json.yaml().readerFor(JsonNode.class).readValues(file.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          GatewayApiKind kind =
              doc == null || !doc.path("apiVersion").asText().startsWith(GatewayApiKind.GROUP + "/")
                  ? null
                  : GatewayApiKind.ofKind(doc.path("kind").asText()).orElse(null);
          if (kind == null) {
            continue;
          }
          for (String json : List.of(doc.toString(), doc.toPrettyString())) {
            Object fast = ObjectBinding.readPlain(json, kind.type(), LIMITS);
            assertThat(fast)
                .as(file + ": " + json)
                .isNotNull()
                .isEqualTo(ManifestReader.defaults().read(new StringReader(json), kind.type()));
            assertThat(Manifests.toJson(fast))
                .isEqualTo(Manifests.toJson(Manifests.read(json, kind.type())));
          }
          count++;
        }
      }
    }
    assertThat(count).isGreaterThan(50);
  }

  @Test
  void mutatedManifestsReadAsThroughTheTreeOrFailAsThere() {
    String seed =
        "{\n  \"apiVersion\": \"gateway.networking.k8s.io/v1\",\n  \"kind\": \"HTTPRoute\",\n"
            + "  \"metadata\": {\"name\": \"r\", \"labels\": {\"app\": \"sh\u00f6p\", \"b\": \"c\"}},\n"
            + "  \"spec\": {\"rules\": [{\"backendRefs\": [{\"name\": \"a\\\"b\", \"port\": 8080, \"weight\": 1}],"
            + " \"x\": [true, false, null, 12345678901234567890, -1.5e2, {\"k\": 1, \"l\": 2}]}]}\n}\n";
    String alphabet = "{}[]:,\"\\ \n\t0123456789-+.eEtrufalsnbck\u00e9";
    Random random = new Random(42);
    int read = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder(seed);
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0:
            b.deleteCharAt(at);
            break;
          case 1:
            b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            break;
          default:
            b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String json = b.toString();
      assertSameOutcome(ManifestReader.defaults(), json);
      read += ObjectBinding.readPlain(json, HTTPRoute.class, LIMITS) != null ? 1 : 0;
    }
    // the mutations reach both outcomes, so the comparison covers the fast path and the fallback
    assertThat(read).isBetween(100, 2900);
  }

  private static void assertSameOutcome(ManifestReader reader, String json) {
    Object viaTree;
    try {
      viaTree = reader.read(new StringReader(json), HTTPRoute.class);
    } catch (RuntimeException e) {
      viaTree = e;
    }
    if (viaTree instanceof RuntimeException) {
      Throwable fast = catchThrowable(() -> reader.read(json, HTTPRoute.class));
      assertThat(fast)
          .as(json)
          .isInstanceOf(viaTree.getClass())
          .hasMessage(((Throwable) viaTree).getMessage());
    } else {
      assertThat(reader.read(json, HTTPRoute.class)).as(json).isEqualTo(viaTree);
    }
  }
}
