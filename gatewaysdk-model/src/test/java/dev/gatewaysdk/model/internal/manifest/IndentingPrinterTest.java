package dev.gatewaysdk.model.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The indenting printer writes exactly what Jackson's configurable default printer writes, only
 * faster.
 */
class IndentingPrinterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The printer this SDK used before: kubectl-like spacing through Jackson's own printer. */
  private static String reference(JsonNode tree) throws Exception {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
  }

  @Test
  void writesWhatTheConfiguredDefaultPrinterWrites() throws Exception {
    JsonNode tree =
        MAPPER.readTree(
            "{\"a\": 1, \"empty\": {}, \"none\": [], \"s\": \"x \\\"y\\\" \\u00e9 \\n\","
                + " \"list\": [[], [1, [2, {}]], {\"k\": null, \"t\": true, \"f\": 1.5}], \"o\": {\"p\": {\"q\": [\"r\"]}}}");
    assertThat(ManifestWriters.json(tree)).isEqualTo(reference(tree)).contains("\"empty\": {},\n");
  }

  @Test
  void eachWriteHasItsOwnIndentationState() throws Exception {
    JsonNode tree =
        MAPPER.readTree("{\"a\": [{\"b\": {\"c\": [1, 2]}}, {}], \"d\": {\"e\": \"f\"}}");
    String expected = reference(tree);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    if (!ManifestWriters.json(tree).equals(expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void indentsBeyondThePrecomputedLevels() throws Exception {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode node = root;
    for (int i = 0; i < 80; i++) {
      ArrayNode list = node.putArray("l" + i);
      list.add(i);
      node = list.addObject();
    }
    assertThat(ManifestWriters.json(root))
        .isEqualTo(reference(root))
        .contains("\n" + "  ".repeat(151) + "\"l75\"");
  }
}
