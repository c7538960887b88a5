package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.gatewaysdk.model.internal.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every official example (targeted release) of a modelled kind reads into the model and writes back
 * as the same JSON tree.
 */
class ExamplesRoundTripTest {

  @Test
  void everyOfficialExampleRoundTripsUnchanged() throws IOException {
    Path examples = OfficialExamples.directory();
    List<Path> files = OfficialExamples.yamlFiles();
    Set<GatewayApiKind> seen = EnumSet.noneOf(GatewayApiKind.class);
    Set<String> versions = new java.util.TreeSet<>();
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (Path file : files) {
      try (MappingIterator<JsonNode> docs =
          Json.yaml().readerFor(JsonNode.class).readValues(file.toFile())) {
        int index = 0;
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          index++;
          if (doc == null
              || !doc.path("apiVersion").asText().startsWith(GatewayApiKind.GROUP + "/")) {
            continue;
          }
          GatewayApiKind kind = GatewayApiKind.ofKind(doc.path("kind").asText()).orElse(null);
          if (kind == null) {
            continue;
          }
          String where = examples.relativize(file) + "#" + index;
          try {
            GatewayApiObject obj = Json.mapper().treeToValue(doc, kind.type());
            JsonNode back = HTTPRouteTest.tree(obj);
            if (!back.equals(doc)) {
              failures.add(where + ": wrote " + back + " but read " + doc);
            }
            GatewayApiObject again =
                Json.yaml().readValue(Json.yaml().writeValueAsString(obj), kind.type());
            if (!again.equals(obj)) {
              failures.add(where + ": YAML round trip changed the object");
            }
            assertThat(obj.apiVersion()).isEqualTo(doc.path("apiVersion").asText());
            seen.add(kind);
            versions.add(obj.apiVersion());
            count++;
          } catch (IOException | RuntimeException e) {
            failures.add(where + ": " + e);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(count).isGreaterThan(50);
    assertThat(seen)
        .contains(
            GatewayApiKind.GATEWAY,
            GatewayApiKind.HTTP_ROUTE,
            GatewayApiKind.GRPC_ROUTE,
            GatewayApiKind.TLS_ROUTE,
            GatewayApiKind.TCP_ROUTE,
            GatewayApiKind.REFERENCE_GRANT,
            GatewayApiKind.GATEWAY_CLASS);
    assertThat(versions)
        .contains("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2");
  }
}
