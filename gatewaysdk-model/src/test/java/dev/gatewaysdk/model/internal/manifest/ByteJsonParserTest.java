package dev.gatewaysdk.model.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.ManifestReader;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.OfficialExamples;
import dev.gatewaysdk.model.internal.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteJsonParser} against Jackson's own parser (with duplicate detection and the same
 * nesting limit): on every input both give the same tokens and values, or both fail.
 */
class ByteJsonParserTest {
  private static final JsonFactory JACKSON =
      new JsonFactoryBuilder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
          .build();

  /** Each token as text: its type, then the name, string, or number with its Java type. */
  private static List<String> tokens(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    try (p) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        String value;
        switch (t) {
          case FIELD_NAME:
            value = p.currentName();
            break;
          case VALUE_STRING:
            value = p.getText();
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            Number n = p.getNumberValue();
            value =
                n.getClass().getSimpleName() + ":" + n + ":" + p.getNumberType() + ":" + decimal(p);
            break;
          default:
            value = "";
        }
        out.add(t + " " + value);
      }
    }
    return out;
  }

  private static String decimal(JsonParser p) throws IOException {
    try {
      return p.getDecimalValue().toString();
    } catch (NumberFormatException e) {
      return "out of range"; // an exponent past what BigDecimal holds
    }
  }

  /** The outcome of parsing {@code json} with {@code own} or Jackson: the tokens, or "fails". */
  private static Object outcome(String json, boolean own) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      return tokens(own ? new ByteJsonParser(bytes, 20) : JACKSON.createParser(bytes));
    } catch (IOException e) {
      return "fails";
    }
  }

  private static void assertSameAsJackson(String json) {
    assertThat(outcome(json, true)).as(json).isEqualTo(outcome(json, false));
  }

  @Test
  void numbersReadAsByJackson() {
    for (String n :
        List.of(
            "0",
            "-0",
            "7",
            "-7",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "123456789012345678",
            "999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "12345678901234567890123",
            "0.5",
            "-0.0",
            "1.25e3",
            "1E-2",
            "2e+10",
            "1.7976931348623157e308",
            "4.9e-324",
            "01",
            "-01",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e+",
            "-",
            "--1",
            "1.2.3",
            "0x10",
            "1x",
            "NaN",
            "Infinity",
            "-Infinity")) {
      assertSameAsJackson("[" + n + "]");
      assertSameAsJackson("{\"n\": " + n + "}");
      assertSameAsJackson("{\"n\":" + n + ",\"m\":1}");
    }
    assertThat(outcome("[9223372036854775808]", true)).asString().contains("BigInteger");
  }

  @Test
  void stringsReadAsByJackson() {
    for (String s :
        List.of(
            "",
            "plain",
            "a long plain ASCII string past a few words",
            "t\\u00e9st",
            "\\\"q\\\"",
            "back\\\\slash",
            "\\/",
            "\\b\\f\\n\\r\\t",
            "\\u0000",
            "\\ud83d\\ude00",
            "\\ud800",
            "caf\u00e9",
            "\u20ac uro",
            "\ud83d\ude00 emoji",
            "\u4e2d\u6587",
            "\u007f",
            "tab\there",
            "nl\nhere",
            "\\x",
            "\\u12",
            "\\u12g4",
            "end\\",
            "quote\"inside",
            "what?",
            "?",
            "a?b?c\\n?",
            "twelve bytes?")) {
      assertSameAsJackson("[\"" + s + "\"]");
      assertSameAsJackson("{\"" + s + "\": \"" + s + "\"}");
    }
  }

  @Test
  void everySpecialCharacterIsFoundAtEveryPlaceOfAWord() {
    // the parser looks for the end of a string eight bytes at a time: a special character in each
    // lane, and
    // after each kind of byte, in strings and names of every length to 24
    String plain = "abcdefghijklmnopqrstuvwx";
    for (String special :
        List.of("\\\"", "\\\\", "?", "\u00e9", "\u20ac", "\t", "\u0001", "\u007f", " ", "~")) {
      for (int length = 0; length <= plain.length(); length++) {
        for (int at = 0; at <= length; at++) {
          String s = plain.substring(0, at) + special + plain.substring(at, length);
          assertSameAsJackson("{\"" + s + "\": \"" + s + "\", \"n\": [\"" + s + "\"]}");
        }
      }
    }
  }

  @Test
  void namesReadAsByJacksonAndComeBackCanonical() throws IOException {
    String longName =
        "a-field-name-of-more-than-sixty-four-bytes-which-the-table-does-not-keep-at-all";
    for (String name :
        List.of(
            "a",
            "kind",
            "hostname",
            "protocol",
            "certificateRefs",
            "exactly16bytes!!",
            "seventeen-bytes!!",
            "backendRefs",
            "backendRefz",
            longName,
            "k\\u0041",
            "sch\u00f6n")) {
      assertSameAsJackson("{\"" + name + "\": 1, \"other\": {\"" + name + "\": 2}}");
    }
    // two names that share their first and last eight bytes and their length differ in the middle
    assertSameAsJackson("{\"abcdefgh-1-12345678\": 1, \"abcdefgh-2-12345678\": 2}");
    for (int i = 0; i < 2; i++) {
      try (JsonParser p =
          new ByteJsonParser("{\"certificateRefs\": 1}".getBytes(StandardCharsets.UTF_8), 20)) {
        p.nextToken();
        p.nextToken();
        assertThat(p.currentName()).isSameAs("certificateRefs");
      }
    }
  }

  @Test
  void namesStayRightWhileThreadsAddThemConcurrently() throws Exception {
    int threads = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int i = 0; i < 300; i++) {
                    // names new to the table (per thread and document) beside names every thread
                    // shares
                    String own =
                        "field-"
                            + thread
                            + "-"
                            + i
                            + (i % 2 == 0 ? "-long-enough-for-a-full-compare" : "");
                    String json =
                        "{\"shared\": 1, \""
                            + own
                            + "\": {\"shared\": 2, \"n"
                            + (i % 50)
                            + "\": 3}}";
                    List<String> tokens =
                        tokens(new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8), 20));
                    assertThat(tokens)
                        .containsExactly(
                            "START_OBJECT ",
                            "FIELD_NAME shared",
                            "VALUE_NUMBER_INT Integer:1:INT:1",
                            "FIELD_NAME " + own,
                            "START_OBJECT ",
                            "FIELD_NAME shared",
                            "VALUE_NUMBER_INT Integer:2:INT:2",
                            "FIELD_NAME n" + (i % 50),
                            "VALUE_NUMBER_INT Integer:3:INT:3",
                            "END_OBJECT ",
                            "END_OBJECT ");
                    checked++;
                  }
                  return checked;
                }));
      }
      for (java.util.concurrent.Future<Integer> r : results) {
        assertThat(r.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(300);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void documentsWithThousandsOfNewNamesReadEveryName() throws IOException {
    // more names than the shared table keeps, long and short, over more documents than it takes to
    // fill it
    // (each adds a few): past what is kept they are plain strings, and the table starts over when
    // full
    int perDocument = 2 * ByteJsonParser.MAX_NEW_NAMES;
    for (int d = 0; d < 2 * Names.MAX_NAMES / ByteJsonParser.MAX_NEW_NAMES; d++) {
      StringBuilder json = new StringBuilder("{");
      for (int i = 0; i < perDocument; i++) {
        json.append(i == 0 ? "" : ",")
            .append("\"")
            .append(i % 2 == 0 ? "k" : "a-rather-long-label-key-")
            .append(d)
            .append('-')
            .append(i)
            .append("\":")
            .append(i);
      }
      List<String> tokens =
          tokens(
              new ByteJsonParser(json.append('}').toString().getBytes(StandardCharsets.UTF_8), 20));
      assertThat(tokens)
          .hasSize(2 + 2 * perDocument)
          .contains(
              "FIELD_NAME k" + d + "-" + (perDocument - 2),
              "FIELD_NAME a-rather-long-label-key-" + d + "-" + (perDocument - 1));
      assertThat(tokens.get(1)).isEqualTo("FIELD_NAME k" + d + "-0");
    }
    // a name first seen now is kept all the same (the table started over): the second time it is
    // the interned one
    for (int i = 0; i < 2; i++) {
      try (JsonParser p =
          new ByteJsonParser("{\"seenAfterTheFill\": 1}".getBytes(StandardCharsets.UTF_8), 20)) {
        p.nextToken();
        p.nextToken();
        assertThat(p.currentName()).isEqualTo("seenAfterTheFill");
        if (i == 1) {
          assertThat(p.currentName()).isSameAs("seenAfterTheFill");
        }
      }
    }
  }

  @Test
  void structureErrorsFailAsWithJackson() {
    for (String json :
        List.of(
            "",
            " ",
            "{",
            "}",
            "[",
            "]",
            "{}",
            "[]",
            "{} {}",
            "{}]",
            "[}",
            "{]",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "{a:1}",
            "{'a':1}",
            "[tru]",
            "[nul]",
            "[falsey]",
            "[true false]",
            "[null]",
            "\t[\r\n true ]\n",
            "[\u000b]",
            "{\"a\":1}x",
            "[1]/*c*/",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1},\"b\":{\"b\":2}}",
            "[{\"a\":1},{\"a\":1}]")) {
      assertSameAsJackson(json);
    }
  }

  @Test
  void nestingStopsAtTheLimitAsWithJackson() {
    for (int depth = 18; depth <= 22; depth++) {
      assertSameAsJackson("[".repeat(depth) + "]".repeat(depth));
      assertSameAsJackson("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }
  }

  @Test
  void objectsWithManyFieldsFindDuplicatesAsJackson() {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 200; i++) {
      many.append(i == 0 ? "" : ",")
          .append("\"f")
          .append(i)
          .append("\":{\"f")
          .append(i)
          .append("\":1}");
    }
    assertSameAsJackson(many + "}");
    assertSameAsJackson(many + ",\"f3\":1}");
    assertSameAsJackson(many + ",\"g\":{\"a\":1,\"a\":1}}");
  }

  @Test
  void mutatedManifestsParseAsWithJacksonOrFailWithIt() {
    String seed =
        "{\n  \"apiVersion\": \"gateway.networking.k8s.io/v1\",\n  \"kind\": \"HTTPRoute\",\n"
            + "  \"metadata\": {\"name\": \"r\", \"labels\": {\"app\": \"sh\u00f6p\"}},\n"
            + "  \"spec\": {\"rules\": [{\"backendRefs\": [{\"name\": \"a\\\"b\", \"port\": 8080, \"weight\": -1.5e2}],"
            + " \"x\": [true, false, null, 12345678901234567890]}]}\n}\n";
    String alphabet = "{}[]:,\"\\ \n\t0123456789-+.eEtrufalsn\u00e9";
    Random random = new Random(42);
    int parsed = 0;
    for (int i = 0; i < 5000; i++) {
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
      Object own = outcome(json, true);
      assertThat(own).as(json).isEqualTo(outcome(json, false));
      parsed += own instanceof List ? 1 : 0;
    }
    // the mutations reach both outcomes, so the comparison covers accepting and rejecting
    assertThat(parsed).isBetween(100, 4900);
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
            assertSameAsJackson(json);
            Object fast =
                FastJson.read(json, kind.type(), ManifestReader.DEFAULT_MAX_DOCUMENT_SIZE, 100);
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
  void malformedUtf8IsRejected() {
    byte[][] inputs = {
      {'[', '"', (byte) 0xC3, '"', ']'}, // a lead byte without its continuation
      {'[', '"', (byte) 0x80, '"', ']'}, // a continuation byte alone
      {'[', '"', (byte) 0xC0, (byte) 0x80, '"', ']'}, // an overlong encoding of NUL
      {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'}, // an encoded surrogate
      {'[', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', ']'}, // past U+10FFFF
    };
    for (byte[] input : inputs) {
      assertThat(catchThrowable(() -> tokens(new ByteJsonParser(input, 20))))
          .isInstanceOf(IOException.class);
    }
    // a stray continuation byte or a lead byte cut short in every lane of a longer string or name
    for (int b : new int[] {0x80, 0x9F, 0xBF, 0xC3, 0xE2, 0xF0}) {
      for (int at = 0; at < 20; at++) {
        byte[] text =
            "{\"abcdefghijklmnopqrstu\": \"abcdefghijklmnopqrstu\"}"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] inName = text.clone();
        inName[2 + at] = (byte) b;
        byte[] inValue = text.clone();
        inValue[28 + at] = (byte) b;
        for (byte[] input : List.of(inName, inValue)) {
          assertThat(catchThrowable(() -> tokens(new ByteJsonParser(input, 20))))
              .as("byte %x at %d", b, at)
              .isInstanceOf(IOException.class);
        }
      }
    }
  }
}
