package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.validation.GatewayApiValidator;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientValidationTest {
  @Test
  void invalidObjectIsRejectedBeforeAnyWriteWithTheValidatorsCauses() {
    try (EmbeddedApiServer server = Servers.start(CrdSource.LATEST_RELEASE, Channel.STANDARD)) {
      AtomicInteger writes = new AtomicInteger();
      var api = server.apiClient();
      api.setHttpClient(
          api.getHttpClient()
              .newBuilder()
              .addInterceptor(
                  chain -> {
                    if (!chain.request().method().equals("GET")) {
                      writes.incrementAndGet();
                    }
                    return chain.proceed(chain.request());
                  })
              .build());
      GatewayApiClient client =
          GatewayApiClient.builder(api).validator(GatewayApiValidator.fromCluster(api)).build();
      ObjectNode bad =
          (ObjectNode)
              new ObjectMapper()
                  .valueToTree(
                      HTTPRoute.builder()
                          .name("bad")
                          .namespace("default")
                          .parentRef("gw")
                          .rule(r -> r.backend("a", 8080, 1))
                          .build());
      ((ObjectNode) bad.at("/spec/rules/0/backendRefs/0"))
          .put("weight", 2_000_000); // the model would refuse it

      assertThatThrownBy(
              () ->
                  client
                      .namespaced("HTTPRoute", ObjectNode.class)
                      .inNamespace("default")
                      .create(bad))
          .isInstanceOf(InvalidException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidException) e).causes())
                      .extracting(ApiStatus.Cause::field)
                      .contains("spec.rules[0].backendRefs[0].weight"));
      assertThat(writes.get()).isZero();
    }
  }
}
