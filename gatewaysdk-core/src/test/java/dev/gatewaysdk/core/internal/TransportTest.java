package dev.gatewaysdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.ConflictException;
import dev.gatewaysdk.core.InvalidException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.RetryPolicy;
import dev.gatewaysdk.core.TooManyRequestsException;
import dev.gatewaysdk.core.UnavailableException;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportTest {
  private final FakeHttp http = new FakeHttp();
  private final RetryPolicy fast = RetryPolicy.of(3, Duration.ZERO, Duration.ZERO);

  @Test
  void requestCarriesTheApiClientsAuthenticationAndTheBodyBytesUnchanged() {
    ApiClient api = http.apiClient();
    api.setApiKeyPrefix("Bearer");
    api.setApiKey("secret-token");
    http.then(200, "{}");
    byte[] body = "{\"b\":1,  \"a\":[]}".getBytes(StandardCharsets.UTF_8);

    new Transport(api, fast)
        .send(
            Transport.Req.of("PATCH", "/apis/x")
                .query("dryRun", "All")
                .body(body, "application/json-patch+json"));

    assertThat(http.requests.get(0).header("Authorization")).isEqualTo("Bearer secret-token");
    assertThat(http.requests.get(0).url().toString())
        .isEqualTo("https://cluster.test:6443/apis/x?dryRun=All");
    assertThat(http.requests.get(0).body().contentType().toString())
        .startsWith("application/json-patch+json");
    assertThat(http.bodies.get(0)).isEqualTo("{\"b\":1,  \"a\":[]}");
  }

  @Test
  void statusBodiesBecomeTypedExceptionsWithTheirCauses() {
    http.then(
        422,
        "{'kind':'Status','code':422,'reason':'Invalid','message':'HTTPRoute \\'x\\' is invalid',"
            + "'details':{'name':'x','kind':'HTTPRoute','causes':[{'reason':'FieldValueInvalid','field':'spec.rules[0].backendRefs[0].weight','message':'must be <= 1000000'}]}}");
    Transport t = new Transport(http.apiClient(), fast);

    assertThatThrownBy(() -> t.send(Transport.Req.of("PUT", "/apis/x")))
        .isInstanceOf(InvalidException.class)
        .hasMessageContaining("PUT /apis/x: HTTP 422 Invalid")
        .satisfies(
            e -> {
              InvalidException i = (InvalidException) e;
              assertThat(i.statusCode()).isEqualTo(422);
              assertThat(i.status().name()).isEqualTo("x");
              assertThat(i.causes())
                  .extracting(c -> c.field())
                  .containsExactly("spec.rules[0].backendRefs[0].weight");
            });
  }

  @Test
  void conflictAndNotFoundAreDistinguished() {
    http.then(
            409,
            "{'kind':'Status','code':409,'reason':'Conflict','message':'the object has been modified'}")
        .then(404, "{'kind':'Status','code':404,'reason':'NotFound','message':'not found'}");
    Transport t = new Transport(http.apiClient(), fast);
    assertThatThrownBy(() -> t.send(Transport.Req.of("PUT", "/a")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> t.send(Transport.Req.of("GET", "/a")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void throttledRequestsAreRetriedThenSucceed() {
    http.then(
            r ->
                FakeHttp.response(
                        429,
                        "{'kind':'Status','code':429,'reason':'TooManyRequests','details':{'retryAfterSeconds':0}}")
                    .header("Retry-After", "0"))
        .then(200, "{'ok':true}");
    Transport.Result r =
        new Transport(http.apiClient(), fast)
            .send(Transport.Req.of("POST", "/a").body(new byte[0], "application/json"));
    assertThat(new String(r.body, StandardCharsets.UTF_8)).contains("ok");
    assertThat(http.requests).hasSize(2);
  }

  @Test
  void throttlingBeyondTheAttemptsSurfacesWithRetryAfter() {
    http.otherwise(r -> FakeHttp.response(429, "{}").header("Retry-After", "0"));
    assertThatThrownBy(
            () -> new Transport(http.apiClient(), fast).send(Transport.Req.of("GET", "/a")))
        .isInstanceOf(TooManyRequestsException.class)
        .satisfies(
            e -> assertThat(((TooManyRequestsException) e).retryAfter()).contains(Duration.ZERO));
    assertThat(http.requests).hasSize(3);
  }

  @Test
  void unavailableWritesAreNotRetriedButReadsAre() {
    http.otherwise(r -> FakeHttp.response(503, "upstream down"));
    Transport t = new Transport(http.apiClient(), fast);
    assertThatThrownBy(
            () -> t.send(Transport.Req.of("POST", "/a").body(new byte[0], "application/json")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("upstream down");
    assertThat(http.requests).hasSize(1);
    assertThatThrownBy(() -> t.send(Transport.Req.of("GET", "/a")))
        .isInstanceOf(UnavailableException.class);
    assertThat(http.requests).hasSize(4);
  }

  @Test
  void connectionFailureIsUnavailableWithStatusCodeZero() {
    Transport t = new Transport(http.apiClient(), RetryPolicy.none());
    assertThatThrownBy(() -> t.send(Transport.Req.of("GET", "/a")))
        .isInstanceOf(UnavailableException.class)
        .satisfies(e -> assertThat(((UnavailableException) e).statusCode()).isZero());
  }
}
