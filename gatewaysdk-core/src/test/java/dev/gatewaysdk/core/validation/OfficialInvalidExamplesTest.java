package dev.gatewaysdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official invalid example of the targeted release is rejected for the reason its name
 * states: the expected field, cause type and message are written down here per file, not taken from
 * the engine.
 */
class OfficialInvalidExamplesTest {
  record Expected(String field, String reason, String message) {}

  private static final String RFC1123 =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  static final Map<String, Expected> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "experimental/httproute/invalid-filter-externalauth-bad-http-path.yaml",
              new Expected(
                  "spec.rules[0].filters[0].externalAuth.http.path",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"/[]\": spec.rules[0].filters[0].externalAuth.http.path in body should match")),
          Map.entry(
              "experimental/httproute/invalid-filter-externalauth-empty.yaml",
              new Expected(
                  "spec.rules[0].filters[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"object\": filter.externalAuth must be specified for ExternalAuth filter.type")),
          Map.entry(
              "experimental/httproute/invalid-filter-externalauth-no-protocol.yaml",
              new Expected(
                  "spec.rules[0].filters[0].externalAuth.protocol",
                  Cause.FIELD_VALUE_REQUIRED,
                  "Required value")),
          Map.entry(
              "experimental/httproute/invalid-header-value.yaml",
              new Expected(
                  "spec.rules[0].filters[0].responseHeaderModifier.add[0].value",
                  Cause.FIELD_VALUE_INVALID,
                  "in body should match '^[!-~]+([\\t ]?[!-~]+)*$'")),
          Map.entry(
              "standard/gateway/duplicate-listeners.yaml",
              new Expected(
                  "spec.listeners[1]",
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: map[string]interface {}{\"name\":\"same\"}")),
          Map.entry(
              "standard/gateway/hostname-tcp.yaml",
              new Expected(
                  "spec.listeners",
                  Cause.FIELD_VALUE_INVALID,
                  "hostname must not be specified for protocols ['TCP', 'UDP']")),
          Map.entry(
              "standard/gateway/hostname-udp.yaml",
              new Expected(
                  "spec.listeners",
                  Cause.FIELD_VALUE_INVALID,
                  "hostname must not be specified for protocols ['TCP', 'UDP']")),
          Map.entry(
              "standard/gateway/invalid-addresses.yaml",
              new Expected(
                  "spec.addresses[5].value",
                  Cause.FIELD_VALUE_TYPE_INVALID,
                  "Invalid value: \"1.1.1\": spec.addresses[5].value in body must be of type ipv4")),
          Map.entry(
              "standard/gateway/invalid-listener-name.yaml",
              new Expected(
                  "spec.listeners[0].name",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"bad>\": spec.listeners[0].name in body should match '^"
                      + RFC1123
                      + "$'")),
          Map.entry(
              "standard/gateway/invalid-listener-port.yaml",
              new Expected(
                  "spec.listeners[0].port",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: 123456789: spec.listeners[0].port in body should be less than or equal to 65535")),
          Map.entry(
              "standard/gateway/invalid-tls-mode.yaml",
              new Expected(
                  "spec.listeners",
                  Cause.FIELD_VALUE_INVALID,
                  "tls mode must be Terminate for protocol HTTPS")),
          Map.entry(
              "standard/gateway/tlsconfig-tcp.yaml",
              new Expected(
                  "spec.listeners",
                  Cause.FIELD_VALUE_INVALID,
                  "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']")),
          Map.entry(
              "standard/gatewayclass/invalid-controller.yaml",
              new Expected(
                  "spec.controllerName",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"example\": spec.controllerName in body should match")),
          Map.entry(
              "standard/httproute/duplicate-header-match.yaml",
              new Expected(
                  "spec.rules[0].matches[0].headers[1]",
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: map[string]interface {}{\"name\":\"foo\"}")),
          Map.entry(
              "standard/httproute/duplicate-query-match.yaml",
              new Expected(
                  "spec.rules[0].matches[0].queryParams[1]",
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: map[string]interface {}{\"name\":\"foo\"}")),
          Map.entry(
              "standard/httproute/httproute-portless-backend.yaml",
              new Expected(
                  "spec.rules[0].backendRefs[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"object\": Must have port for Service reference")),
          Map.entry(
              "standard/httproute/httproute-portless-service.yaml",
              new Expected(
                  "spec.rules[0].backendRefs[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"object\": Must have port for Service reference")),
          Map.entry(
              "standard/httproute/invalid-backend-group.yaml",
              new Expected(
                  "spec.rules[0].backendRefs[0].group",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"*\": spec.rules[0].backendRefs[0].group in body should match '^$|^"
                      + RFC1123
                      + "$'")),
          Map.entry(
              "standard/httproute/invalid-backend-kind.yaml",
              new Expected(
                  "spec.rules[0].backendRefs[0].kind",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"*\": spec.rules[0].backendRefs[0].kind in body should match '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$'")),
          Map.entry(
              "standard/httproute/invalid-backend-port.yaml",
              new Expected(
                  "spec.rules[0].backendRefs[0].port",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: 800080: spec.rules[0].backendRefs[0].port in body should be less than or equal to 65535")),
          Map.entry(
              "standard/httproute/invalid-filter-duplicate-header.yaml",
              new Expected(
                  "spec.rules[0].filters[0].requestHeaderModifier.remove[1]",
                  Cause.FIELD_VALUE_DUPLICATE,
                  "Duplicate value: \"foo\"")),
          Map.entry(
              "standard/httproute/invalid-filter-duplicate.yaml",
              new Expected(
                  "spec.rules[0].filters",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"array\": RequestHeaderModifier filter cannot be repeated")),
          Map.entry(
              "standard/httproute/invalid-filter-empty.yaml",
              new Expected(
                  "spec.rules[0].filters[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type")),
          Map.entry(
              "standard/httproute/invalid-filter-wrong-field.yaml",
              new Expected(
                  "spec.rules[0].filters[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "filter.requestRedirect must be nil if the filter.type is not RequestRedirect")),
          Map.entry(
              "standard/httproute/invalid-header-name.yaml",
              new Expected(
                  "spec.rules[0].matches[0].headers[0].name",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"magic/\": spec.rules[0].matches[0].headers[0].name in body should match")),
          Map.entry(
              "standard/httproute/invalid-hostname.yaml",
              new Expected(
                  "spec.hostnames[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"http://a<\": spec.hostnames[0] in body should match '^(\\*\\.)?"
                      + RFC1123
                      + "$'")),
          Map.entry(
              "standard/httproute/invalid-httpredirect-hostname.yaml",
              new Expected(
                  "spec.rules[0].filters[0].requestRedirect.hostname",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"*.gateway.networking.k8s.io\": spec.rules[0].filters[0].requestRedirect.hostname in body should match '^"
                      + RFC1123
                      + "$'")),
          Map.entry(
              "standard/httproute/invalid-method.yaml",
              new Expected(
                  "spec.rules[0].matches[0].method",
                  Cause.FIELD_VALUE_NOT_SUPPORTED,
                  "Unsupported value: \"NOTREAL\": supported values: \"GET\", \"HEAD\"")),
          Map.entry(
              "standard/httproute/invalid-path-alphanum-specialchars-mix.yaml",
              new Expected(
                  "spec.rules[0].matches[0].path",
                  Cause.FIELD_VALUE_INVALID,
                  "must only contain valid characters")),
          Map.entry(
              "standard/httproute/invalid-path-specialchars.yaml",
              new Expected(
                  "spec.rules[0].matches[0].path",
                  Cause.FIELD_VALUE_INVALID,
                  "must only contain valid characters")),
          Map.entry(
              "standard/httproute/invalid-request-redirect-with-backendref.yaml",
              new Expected(
                  "spec.rules[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "RequestRedirect filter must not be used together with backendRefs")),
          Map.entry(
              "standard/referencegrant/missing-from.yaml",
              new Expected("spec.from", Cause.FIELD_VALUE_REQUIRED, "Required value")),
          Map.entry(
              "standard/referencegrant/missing-ns.yaml",
              new Expected("spec.from[0].namespace", Cause.FIELD_VALUE_REQUIRED, "Required value")),
          Map.entry(
              "standard/referencegrant/missing-to.yaml",
              new Expected("spec.to", Cause.FIELD_VALUE_REQUIRED, "Required value")),
          Map.entry(
              "standard/tlsroute/invalid-hostname.yaml",
              new Expected(
                  "spec.hostnames[0]",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: \"http://a<\": spec.hostnames[0] in body should match")),
          Map.entry(
              "standard/tlsroute/no-hostname.yaml",
              new Expected("spec.hostnames", Cause.FIELD_VALUE_REQUIRED, "Required value")));

  static Stream<Arguments> invalidExamples() {
    Path root = OfficialData.require(CrdSource.LATEST_RELEASE + "/invalid-examples");
    return OfficialData.yamlFiles(root).stream()
        .map(f -> Arguments.of(root.relativize(f).toString(), f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void officialInvalidExampleIsRejectedForItsReason(String name, Path file) {
    Expected expected = EXPECTED.get(name);
    assertThat(expected).as("an expectation is written down for " + name).isNotNull();
    Channel channel = name.startsWith("experimental") ? Channel.EXPERIMENTAL : Channel.STANDARD;
    List<JsonNode> docs = OfficialData.documents(file);
    assertThat(docs).hasSize(1);
    ValidationResult result =
        OfficialData.validator(CrdSource.LATEST_RELEASE, channel).validate(docs.get(0));
    assertThat(result.valid()).as(name).isFalse();
    assertThat(result.statusCode()).isEqualTo(422);
    assertThat(result.causes())
        .as(name + ": " + result.kubectlMessage())
        .anySatisfy(
            c -> {
              assertThat(c.field()).isEqualTo(expected.field());
              assertThat(c.reason()).isEqualTo(expected.reason());
              assertThat(c.message()).contains(expected.message());
            });
    assertThat(result.kubectlMessage())
        .startsWith(
            "The "
                + docs.get(0).path("kind").asText()
                + " \""
                + docs.get(0).path("metadata").path("name").asText()
                + "\" is invalid: ");
  }

  @Test
  void everyExpectationNamesAnExistingFile() {
    Path root = OfficialData.require(CrdSource.LATEST_RELEASE + "/invalid-examples");
    TreeSet<String> missing = new TreeSet<>();
    EXPECTED
        .keySet()
        .forEach(
            k -> {
              if (!Files.exists(root.resolve(k))) {
                missing.add(k);
              }
            });
    assertThat(missing).isEmpty();
  }
}
