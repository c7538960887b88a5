package dev.gatewaysdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.FieldValidation;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import org.junit.jupiter.api.Test;

class CompiledCrdTest {
  private static final String WIDGET_CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  x-kubernetes-validations:
                  - rule: "!has(self.min) || !has(self.max) || self.min <= self.max"
                    messageExpression: "'min ' + string(self.min) + ' exceeds max ' + string(self.max)"
                  - rule: "!has(self.mode) || self.mode != 'Disabled' || !has(self.level)"
                    message: level must not be set when mode is Disabled
                    reason: FieldValueForbidden
                    fieldPath: .level
                  - rule: "!oldSelf.hasValue() || !has(oldSelf.value().mode) || has(self.mode)"
                    optionalOldSelf: true
                    message: mode cannot be unset
                  properties:
                    min: {type: integer}
                    max: {type: integer}
                    level: {type: integer}
                    ratio: {type: number, minimum: 0, maximum: 1, exclusiveMaximum: true}
                    mode: {type: string, enum: [Enabled, Disabled], default: Enabled}
                    name:
                      type: string
                      x-kubernetes-validations:
                      - rule: self == oldSelf
                        message: name is immutable
                    items:
                      type: array
                      items: {type: string}
                      x-kubernetes-validations:
                      - rule: self.all(a, self.all(b, a == b || a != b))
                    labels:
                      type: object
                      maxProperties: 2
                      additionalProperties: {type: string, maxLength: 3}
                    port:
                      x-kubernetes-int-or-string: true
                    extra:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                    tags:
                      type: array
                      x-kubernetes-list-type: set
                      items: {type: string}
                    nullable:
                      type: string
                      nullable: true
        - name: v0
          served: false
          storage: false
          schema:
            openAPIV3Schema: {type: object}
      """;

  private static CompiledCrd widgets() {
    return CompiledCrd.compile(OfficialData.yaml(WIDGET_CRD));
  }

  private static JsonNode widget(String spec) {
    return OfficialData.yaml(
        """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, namespace: default}
        spec: %s
        """
            .formatted(spec));
  }

  @Test
  void compiledCrdDescribesTheCrd() {
    CompiledCrd crd = widgets();
    assertThat(crd.group()).isEqualTo("example.com");
    assertThat(crd.kind()).isEqualTo("Widget");
    assertThat(crd.plural()).isEqualTo("widgets");
    assertThat(crd.namespaced()).isTrue();
    assertThat(crd.servedVersions()).containsExactly("v1");
    assertThat(crd.storageVersion()).isEqualTo("v1");
    assertThat(crd.ruleCount()).isEqualTo(5);
    assertThat(CompiledCrd.compile(OfficialData.yaml(WIDGET_CRD))).isSameAs(crd);
  }

  @Test
  void matchesFindsThePatternAnywhereAsTheApiServerDoes() {
    CompiledCrd crd =
        CompiledCrd.compile(
            OfficialData.yaml(
                WIDGET_CRD
                    .replace("name: widgets.example.com", "name: gadgets.example.com")
                    .replace("kind: Widget, plural: widgets", "kind: Gadget, plural: gadgets")
                    .replace(
                        "rule: self == oldSelf",
                        "rule: self.matches('b') && self.matches('^[a-z]+$')")
                    .replace("name is immutable", "bad name")));
    java.util.function.Function<String, ValidationResult> validate =
        name ->
            crd.validate(
                "v1",
                OfficialData.yaml(
                    """
        apiVersion: example.com/v1
        kind: Gadget
        metadata: {name: g, namespace: default}
        spec: {name: %s}
        """
                        .formatted(name)),
                null,
                FieldValidation.STRICT);

    assertThat(validate.apply("abc").causes()).isEmpty();
    assertThat(validate.apply("abc").causes()).isEmpty(); // the cached pattern answers the same
    assertThat(validate.apply("acd").causes())
        .singleElement()
        .satisfies(c -> assertThat(c.message()).isEqualTo("Invalid value: \"acd\": bad name"));
    assertThat(validate.apply("ABC").causes())
        .singleElement()
        .satisfies(c -> assertThat(c.field()).isEqualTo("spec.name"));
  }

  @Test
  void validObjectHasNoCauses() {
    ValidationResult r =
        widgets()
            .validate(
                "v1",
                widget("{min: 1, max: 2, ratio: 0.5, port: http, tags: [a, b]}"),
                null,
                FieldValidation.STRICT);
    assertThat(r.causes()).isEmpty();
    assertThat(r.valid()).isTrue();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.kubectlMessage()).isEmpty();
  }

  @Test
  void messageExpressionBuildsTheMessage() {
    ValidationResult r =
        widgets().validate("v1", widget("{min: 5, max: 2}"), null, FieldValidation.STRICT);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec");
              assertThat(c.reason()).isEqualTo(Cause.FIELD_VALUE_INVALID);
              assertThat(c.message()).isEqualTo("Invalid value: \"object\": min 5 exceeds max 2");
            });
    assertThat(r.kubectlMessage())
        .isEqualTo(
            "The Widget \"w\" is invalid: spec: Invalid value: \"object\": min 5 exceeds max 2");
    assertThat(r.statusMessage())
        .isEqualTo(
            "Widget.example.com \"w\" is invalid: spec: Invalid value: \"object\": min 5 exceeds max 2");
  }

  @Test
  void reasonAndFieldPathShapeTheCause() {
    ValidationResult r =
        widgets()
            .validate("v1", widget("{mode: Disabled, level: 3}"), null, FieldValidation.STRICT);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec.level");
              assertThat(c.reason()).isEqualTo(Cause.FIELD_VALUE_FORBIDDEN);
              assertThat(c.message())
                  .isEqualTo("Forbidden: level must not be set when mode is Disabled");
            });
  }

  @Test
  void defaultsAreAppliedBeforeValidationAndByApplyDefaults() {
    ObjectNode defaulted = widgets().applyDefaults("v1", widget("{min: 1}"));
    assertThat(defaulted.at("/spec/mode").asText()).isEqualTo("Enabled");
    JsonNode original = widget("{min: 1}");
    widgets().applyDefaults("v1", original);
    assertThat(original.at("/spec/mode").isMissingNode()).as("input is not modified").isTrue();
  }

  @Test
  void transitionRuleRunsOnlyOnUpdate() {
    CompiledCrd crd = widgets();
    assertThat(crd.validate("v1", widget("{name: a}"), null, FieldValidation.STRICT).valid())
        .isTrue();
    ValidationResult r =
        crd.validate("v1", widget("{name: b}"), widget("{name: a}"), FieldValidation.STRICT);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec.name");
              assertThat(c.message()).isEqualTo("Invalid value: \"b\": name is immutable");
            });
    assertThat(
            crd.validate("v1", widget("{name: a}"), widget("{}"), FieldValidation.STRICT).valid())
        .as("no old value: transition rule skipped")
        .isTrue();
  }

  @Test
  void optionalOldSelfRuleSeesAbsentOldValueOnCreate() {
    CompiledCrd crd = widgets();
    // mode is defaulted to On, so unsetting is impossible through defaults; compare explicit
    // objects instead.
    ValidationResult r =
        crd.validate(
            "v1", widget("{min: 1}"), widget("{min: 1, mode: Disabled}"), FieldValidation.STRICT);
    assertThat(r.valid()).as(r.toString()).isTrue();
  }

  @Test
  void structuralErrorsAreWordedLikeTheApiServer() {
    ValidationResult r =
        widgets()
            .validate(
                "v1",
                widget(
                    "{min: abc, ratio: 1, mode: Maybe, labels: {a: abcd, b: x, c: y}, port: true, tags: [a, a], nullable: null}"),
                null,
                FieldValidation.STRICT);
    assertThat(r.causes())
        .extracting(Cause::toString)
        .contains(
            "spec.min: Invalid value: \"string\": spec.min in body must be of type integer: \"string\"",
            "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1",
            "spec.mode: Unsupported value: \"Maybe\": supported values: \"Enabled\", \"Disabled\"",
            "spec.labels: Too many: 3: must have at most 2 items",
            "spec.labels.a: Too long: may not be more than 3 bytes",
            "spec.tags[1]: Duplicate value: \"a\"");
    assertThat(r.causes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("spec.port"));
    assertThat(r.causes()).noneSatisfy(c -> assertThat(c.field()).isEqualTo("spec.nullable"));
    assertThat(r.causes())
        .last()
        .satisfies(
            c ->
                assertThat(c.message())
                    .contains(
                        "some validation rules were not checked because the object was invalid"));
    assertThat(r.kubectlMessage()).startsWith("The Widget \"w\" is invalid: \n* spec.min: ");
  }

  @Test
  void unknownFieldsFollowTheFieldValidationMode() {
    JsonNode obj = widget("{min: 1, foo: 1, extra: {anything: [1]}}");
    ((ObjectNode) obj.get("metadata")).put("bogus", "x");
    CompiledCrd crd = widgets();
    ValidationResult strict = crd.validate("v1", obj, null, FieldValidation.STRICT);
    assertThat(strict.causes())
        .extracting(Cause::message)
        .containsExactlyInAnyOrder(
            "unknown field \"spec.foo\"", "unknown field \"metadata.bogus\"");
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.kubectlMessage()).contains("strict decoding error: unknown field");
    ValidationResult warn = crd.validate("v1", obj, null, FieldValidation.WARN);
    assertThat(warn.valid()).isTrue();
    assertThat(warn.warnings())
        .containsExactlyInAnyOrder(
            "unknown field \"spec.foo\"", "unknown field \"metadata.bogus\"");
    ValidationResult ignore = crd.validate("v1", obj, null, FieldValidation.IGNORE);
    assertThat(ignore.valid()).isTrue();
    assertThat(ignore.warnings()).isEmpty();
    assertThat(crd.prune("v1", obj).at("/spec/foo").isMissingNode()).isTrue();
    assertThat(crd.prune("v1", obj).at("/spec/extra/anything/0").asInt()).isEqualTo(1);
  }

  @Test
  void metadataNameIsRequiredAndMustBeADnsSubdomain() {
    JsonNode noName =
        OfficialData.yaml("{apiVersion: example.com/v1, kind: Widget, metadata: {}, spec: {}}");
    assertThat(widgets().validate("v1", noName, null, FieldValidation.STRICT).causes())
        .extracting(Cause::toString)
        .first()
        .isEqualTo("metadata.name: Required value: name or generateName is required");
    JsonNode badName =
        OfficialData.yaml(
            "{apiVersion: example.com/v1, kind: Widget, metadata: {name: Bad_Name}, spec: {}}");
    assertThat(widgets().validate("v1", badName, null, FieldValidation.STRICT).causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("metadata.name");
              assertThat(c.message())
                  .startsWith(
                      "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of");
            });
  }

  @Test
  void unservedVersionIsReported() {
    ValidationResult r = widgets().validate("v0", widget("{}"), null, FieldValidation.STRICT);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo(Cause.KIND_NOT_SERVED);
              assertThat(c.message())
                  .contains("no matches for kind \"Widget\" in version \"example.com/v0\"");
            });
    assertThatThrownBy(() -> widgets().applyDefaults("v9", widget("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uncompilableRuleFailsNamingCrdAndRule() {
    String broken =
        WIDGET_CRD
            .replace("rule: self == oldSelf", "rule: self.nope(")
            .replace("widgets.example.com", "brokens.example.com");
    assertThatThrownBy(() -> CompiledCrd.compile(OfficialData.yaml(broken)))
        .isInstanceOf(CrdCompileException.class)
        .hasMessageContaining("brokens.example.com")
        .hasMessageContaining("self.nope(")
        .satisfies(e -> assertThat(((CrdCompileException) e).rule()).isEqualTo("self.nope("));
  }

  @Test
  void pathologicalListFinishesWithinTheCostBudget() {
    ObjectNode obj = (ObjectNode) widget("{}");
    ArrayNode items = ((ObjectNode) obj.get("spec")).putArray("items");
    for (int i = 0; i < 5000; i++) {
      items.add("item-" + i);
    }
    ValidationResult r = widgets().validate("v1", obj, null, FieldValidation.STRICT);
    assertThat(r.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec.items");
              assertThat(c.message()).contains("cost");
            });
  }

  @Test
  void hugeGatewayListenerListIsRejectedWithoutRunningRules() {
    GatewayApiValidator v = OfficialData.validator(CrdSource.LATEST_RELEASE, Channel.STANDARD);
    ObjectNode gw =
        (ObjectNode)
            OfficialData.yaml(
                """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: big}
        spec: {gatewayClassName: example}
        """);
    ArrayNode listeners = ((ObjectNode) gw.get("spec")).putArray("listeners");
    for (int i = 0; i < 20000; i++) {
      listeners.addObject().put("name", "l" + i).put("protocol", "HTTP").put("port", 1 + i % 60000);
    }
    ValidationResult r = v.validate(gw);
    assertThat(r.causes())
        .extracting(Cause::toString)
        .contains("spec.listeners: Too many: 20000: must have at most 64 items");
  }
}
