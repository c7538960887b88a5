package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Built-in kinds are validated from their OpenAPI schemas and the metadata rules, as the real
 * server does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerBuiltinValidationTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static final String SERVICES = "/api/v1/namespaces/default/services";
  static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

  static HttpResponse<String> post(String path, String body) throws Exception {
    return server.http("POST", path, "application/json", body);
  }

  @Test
  void wrongTypesAreRejected() throws Exception {
    HttpResponse<String> port =
        post(SERVICES, "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"ports\":[{\"port\":\"abc\"}]}}");
    assertThat(port.statusCode()).as(port.body()).isIn(400, 422);
    assertThat(port.body()).contains("spec.ports").contains("port");
    HttpResponse<String> labels =
        post(CONFIGMAPS, "{\"metadata\":{\"name\":\"l\",\"labels\":\"a=b\"}}");
    assertThat(labels.statusCode()).as(labels.body()).isIn(400, 422);
    assertThat(server.http("GET", SERVICES + "/p", null, null).statusCode()).isEqualTo(404);
    assertThat(server.http("GET", CONFIGMAPS + "/l", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void wrongTypesGetTheDecodingErrorOfTheGoStructAsKubeApiserverWritesIt() throws Exception {
    String[][] cases = {
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"ports\":[{\"port\":\"abc\"}]}}",
        "Service in version \\\"v1\\\" cannot be handled as a Service: json: cannot unmarshal string into Go struct field"
            + " ServicePort.spec.ports.port of type int32"
      },
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"q\"},\"spec\":{\"ports\":[{\"port\":1.5}]}}",
        "json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32"
      },
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"selector\":[\"a\"]}}",
        "json: cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string"
      },
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"t\"},\"spec\":\"x\"}",
        "json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec"
      },
      {
        CONFIGMAPS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"x\":2}}",
        "json: cannot unmarshal number into Go struct field ConfigMap.data of type string"
      },
      {
        CONFIGMAPS,
        "{\"metadata\":{\"name\":\"d\"},\"immutable\":\"yes\"}",
        "json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool"
      },
      // the first error in document order is the one reported
      {
        SERVICES,
        "{\"spec\":{\"ports\":[{\"port\":80,\"name\":7}],\"type\":1},\"metadata\":{\"name\":\"u\"}}",
        "json: cannot unmarshal number into Go struct field ServicePort.spec.ports.name of type string"
      },
      // string aliases keep their Go type name
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"v\"},\"spec\":{\"ports\":[{\"port\":80,\"protocol\":6}]}}",
        "json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol"
      },
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"w\"},\"spec\":{\"type\":1}}",
        "json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType"
      },
      {
        SERVICES,
        "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"ipFamilies\":[4]}}",
        "json: cannot unmarshal number into Go struct field ServiceSpec.spec.ipFamilies of type v1.IPFamily"
      },
      {
        "/api/v1/namespaces/default/secrets",
        "{\"metadata\":{\"name\":\"y\"},\"type\":true}",
        "json: cannot unmarshal bool into Go struct field Secret.type of type v1.SecretType"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> r = post(c[0], c[1]);
      assertThat(r.statusCode()).as(c[1] + " -> " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(c[1]).contains("\"reason\":\"BadRequest\"").contains(c[2]);
    }
  }

  @Test
  void unknownFieldsFailUnderStrictAndWarnOtherwise() throws Exception {
    HttpResponse<String> strict =
        post(CONFIGMAPS + "?fieldValidation=Strict", "{\"metadata\":{\"name\":\"s\"},\"bogus\":1}");
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.body()).contains("strict decoding error: unknown field \\\"bogus\\\"");
    HttpResponse<String> warn = post(CONFIGMAPS, "{\"metadata\":{\"name\":\"w\"},\"bogus\":1}");
    assertThat(warn.statusCode()).isEqualTo(201);
    assertThat(warn.headers().allValues("Warning"))
        .as(warn.headers().map() + warn.body())
        .anyMatch(w -> w.contains("unknown field \\\"bogus\\\""));
    assertThat(warn.body()).doesNotContain("bogus");
  }

  @Test
  void metadataRulesApply() throws Exception {
    HttpResponse<String> key =
        post(CONFIGMAPS, "{\"metadata\":{\"name\":\"k\",\"labels\":{\"bad key!\":\"v\"}}}");
    assertThat(key.statusCode()).isEqualTo(422);
    assertThat(key.body())
        .contains("metadata.labels")
        .contains("name part must consist of alphanumeric characters");
    HttpResponse<String> value =
        post(
            CONFIGMAPS,
            "{\"metadata\":{\"name\":\"v\",\"labels\":{\"a\":\"" + "x".repeat(64) + "\"}}}");
    assertThat(value.statusCode()).isEqualTo(422);
    assertThat(value.body()).contains("must be no more than 63 characters");
  }

  @Test
  void kindRulesApply() throws Exception {
    HttpResponse<String> type =
        post(
            SERVICES,
            "{\"metadata\":{\"name\":\"bogus\"},\"spec\":{\"type\":\"Bogus\",\"ports\":[{\"port\":80}]}}");
    assertThat(type.statusCode()).isEqualTo(422);
    assertThat(type.body()).contains("spec.type").contains("Unsupported value: \\\"Bogus\\\"");
    HttpResponse<String> range =
        post(
            SERVICES,
            "{\"metadata\":{\"name\":\"range\"},\"spec\":{\"ports\":[{\"port\":70000}]}}");
    assertThat(range.statusCode()).isEqualTo(422);
    assertThat(range.body())
        .contains("spec.ports[0].port")
        .contains("must be between 1 and 65535, inclusive");
    HttpResponse<String> cmKey =
        post(CONFIGMAPS, "{\"metadata\":{\"name\":\"badkey\"},\"data\":{\"bad key!\":\"x\"}}");
    assertThat(cmKey.statusCode()).isEqualTo(422);
    assertThat(cmKey.body()).contains("a valid config key must consist of alphanumeric characters");
  }

  @Test
  void oversizedObjectsAreRejected() throws Exception {
    HttpResponse<String> big =
        post(
            CONFIGMAPS,
            "{\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\""
                + "x".repeat(1024 * 1024 + 10)
                + "\"}}");
    assertThat(big.statusCode()).isEqualTo(422);
    assertThat(big.body()).contains("Too long: must have at most 1048576 bytes");
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
    }
    HttpResponse<String> many =
        post(CONFIGMAPS, "{\"metadata\":{\"name\":\"many\",\"labels\":{" + labels + "}}}");
    assertThat(many.statusCode()).isEqualTo(413);
    assertThat(server.http("GET", CONFIGMAPS + "/many", null, null).statusCode()).isEqualTo(404);
  }
}
