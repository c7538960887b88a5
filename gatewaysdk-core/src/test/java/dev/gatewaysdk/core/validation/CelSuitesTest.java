package dev.gatewaysdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gateway API CEL test suites (tests/cel at v1.6.1, and a handful against v1.0.0) re-expressed
 * as data: each case in {@code src/test/resources/cel/*.yaml} builds an object from a base and JSON
 * merge patches, optionally updates it, and lists the error substrings the API server's message
 * must contain (none: the object must be accepted).
 *
 * <p>Case keys: {@code spec}/{@code status}/{@code patch} (merge patches applied to the base; the
 * object is created), or {@code create} then {@code update} (both merge patches; the create must
 * succeed, the update is validated with the created object as old object), and {@code wantErrors}.
 */
class CelSuitesTest {
  static final List<String> SUITES =
      List.of(
          "gateway",
          "gateway_experimental",
          "gatewayclass",
          "listenerset",
          "httproute",
          "httproute_standard",
          "httproute_experimental",
          "grpcroute",
          "grpcroute_experimental",
          "backendtlspolicy",
          "backendtrafficpolicy",
          "v1.0.0");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String suite : SUITES) {
      JsonNode doc = load(suite);
      for (JsonNode s : doc) {
        for (JsonNode c : s.path("cases")) {
          out.add(
              Arguments.of(
                  suite + " / " + s.path("suite").asText() + " / " + c.path("desc").asText(),
                  s,
                  c));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseBehavesAsOnTheApiServer(String name, JsonNode suite, JsonNode c) {
    String release = suite.path("release").asText(CrdSource.LATEST_RELEASE);
    Channel channel =
        Channel.parse(c.path("channel").asText(suite.path("channel").asText("standard")));
    GatewayApiValidator validator = OfficialData.validator(release, channel);
    JsonNode base = c.has("base") ? c.get("base") : suite.get("base");
    ValidationResult result;
    if (c.has("update")) {
      JsonNode created = mergePatch(base.deepCopy(), c.path("create"));
      ValidationResult create = validator.validate(created);
      assertThat(create.causes()).as("create must succeed: " + create.statusMessage()).isEmpty();
      JsonNode updated = mergePatch(created.deepCopy(), c.get("update"));
      result = validator.validateUpdate(updated, created);
    } else {
      JsonNode obj = base.deepCopy();
      obj = mergePatch(obj, c.path("patch"));
      if (c.has("spec")) {
        obj = mergePatch(obj, OfficialData.YAML.createObjectNode().set("spec", c.get("spec")));
      }
      if (c.has("status")) {
        // As the upstream suites: create, then write status through the /status subresource.
        ValidationResult create = validator.validate(obj);
        assertThat(create.causes()).as("create must succeed: " + create.statusMessage()).isEmpty();
        JsonNode withStatus =
            mergePatch(
                obj.deepCopy(),
                OfficialData.YAML.createObjectNode().set("status", c.get("status")));
        result = validator.validateStatus(withStatus, obj);
      } else {
        result = validator.validate(obj);
      }
    }
    List<String> want = new ArrayList<>();
    c.path("wantErrors").forEach(w -> want.add(w.asText()));
    if (want.isEmpty()) {
      assertThat(result.causes()).as(result.statusMessage()).isEmpty();
      return;
    }
    assertThat(result.valid()).as("expected rejection with " + want).isFalse();
    String message = result.statusMessage();
    for (String w : want) {
      // As the upstream suite: k8s v1.32 says "more" where older servers said "longer".
      assertThat(message.contains(w) || message.contains(w.replace("more", "longer")))
          .as("message %s%n  should contain %s", message, w)
          .isTrue();
    }
  }

  @Test
  void everySuiteFileHasCases() {
    for (String suite : SUITES) {
      int n = 0;
      for (JsonNode s : load(suite)) {
        n += s.path("cases").size();
        assertThat(s.path("cases").size()).as(suite + " " + s.path("suite")).isPositive();
      }
      assertThat(n).as(suite).isPositive();
    }
  }

  /** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (patch == null || patch.isMissingNode()) {
      return target;
    }
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode t =
        target != null && target.isObject()
            ? (ObjectNode) target
            : OfficialData.YAML.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        t.remove(e.getKey());
      } else {
        t.set(e.getKey(), mergePatch(t.get(e.getKey()), e.getValue()));
      }
    }
    return t;
  }

  private static JsonNode load(String suite) {
    try (InputStream in = CelSuitesTest.class.getResourceAsStream("/cel/" + suite + ".yaml")) {
      assertThat(in).as("suite file cel/" + suite + ".yaml").isNotNull();
      return OfficialData.YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
