package dev.gatewaysdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official example of the targeted release validates clean against the CRDs of its channel.
 */
class OfficialExamplesTest {
  static Stream<Arguments> examples() {
    Path root = OfficialData.require(CrdSource.LATEST_RELEASE + "/examples");
    List<Arguments> out = new ArrayList<>();
    for (Path f : OfficialData.yamlFiles(root)) {
      if (OfficialData.documents(f).stream().noneMatch(OfficialData::isGatewayApi)) {
        continue; // e.g. 0-namespaces.yaml: core objects only
      }
      Channel channel =
          root.relativize(f).startsWith("experimental") ? Channel.EXPERIMENTAL : Channel.STANDARD;
      out.add(Arguments.of(root.relativize(f).toString(), f, channel));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void officialExampleIsValid(String name, Path file, Channel channel) {
    GatewayApiValidator validator = OfficialData.validator(CrdSource.LATEST_RELEASE, channel);
    int checked = 0;
    for (JsonNode doc : OfficialData.documents(file)) {
      if (!OfficialData.isGatewayApi(doc)) {
        continue;
      }
      ValidationResult result = validator.validate(doc);
      assertThat(result.causes()).as(name + ": " + result.kubectlMessage()).isEmpty();
      assertThat(result.warnings()).as(name).isEmpty();
      checked++;
    }
    assertThat(checked).as("Gateway API documents in " + name).isPositive();
  }

  @Test
  void everyCrdOfBothReleasesCompiles() {
    for (String release : List.of(CrdSource.LATEST_RELEASE, "v1.0.0")) {
      for (Channel channel : Channel.values()) {
        GatewayApiValidator v = OfficialData.validator(release, channel);
        assertThat(v.crds()).as(release + " " + channel).isNotEmpty();
        assertThat(v.crd("gateway.networking.k8s.io", "HTTPRoute")).isPresent();
        assertThat(v.crds().stream().mapToInt(CompiledCrd::ruleCount).sum())
            .as("rules")
            .isGreaterThan(20);
      }
    }
  }
}
