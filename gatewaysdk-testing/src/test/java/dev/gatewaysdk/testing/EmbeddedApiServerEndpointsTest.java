package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EndpointSlices and Endpoints: served, and validated as the real API server validates them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedApiServerEndpointsTest {
  @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
  static final String SLICES = "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices";

  static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Kube.JSON.readTree(text);
  }

  @Test
  void validEndpointSliceIsStoredAndListedByServiceLabel() throws Exception {
    Kube kube = new Kube(server.apiClient());
    kube.create(
        SLICES,
        json(
            "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\","
                + "\"metadata\":{\"name\":\"app-1\",\"labels\":{\"kubernetes.io/service-name\":\"app\"}},\"addressType\":\"IPv4\","
                + "\"endpoints\":[{\"addresses\":[\"127.0.0.1\"]}],\"ports\":[{\"name\":\"http\",\"port\":8080}]}"));
    ObjectNode list = kube.list(SLICES, "kubernetes.io/service-name=app");
    assertThat(list.path("items")).hasSize(1);
    assertThat(list.path("items").get(0).path("endpoints").get(0).path("addresses").get(0).asText())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void invalidEndpointSliceIsRejectedWithFieldCauses() throws Exception {
    Kube kube = new Kube(server.apiClient());
    assertThatThrownBy(
            () ->
                kube.create(
                    SLICES,
                    json(
                        "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\","
                            + "\"metadata\":{\"name\":\"bad\"},\"addressType\":\"IPv4\","
                            + "\"endpoints\":[{\"addresses\":[\"not-an-ip\"]},{\"addresses\":[]}],\"ports\":[{\"name\":\"http\",\"port\":70000,\"protocol\":\"HTTP\"}]}")))
        .isInstanceOf(GatewayApiException.class)
        .satisfies(e -> assertThat(((GatewayApiException) e).statusCode()).isEqualTo(422))
        .hasMessageContaining("endpoints[0].addresses[0]")
        .hasMessageContaining("endpoints[1].addresses")
        .hasMessageContaining("ports[0].port")
        .hasMessageContaining("ports[0].protocol");
    assertThatThrownBy(
            () ->
                kube.create(
                    SLICES,
                    json(
                        "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\","
                            + "\"metadata\":{\"name\":\"no-type\"}}")))
        .isInstanceOf(GatewayApiException.class)
        .hasMessageContaining("addressType");
  }

  @Test
  void addressTypeIsImmutable() throws Exception {
    Kube kube = new Kube(server.apiClient());
    kube.create(
        SLICES,
        json(
            "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\","
                + "\"metadata\":{\"name\":\"fixed\"},\"addressType\":\"IPv4\",\"endpoints\":[]}"));
    assertThatThrownBy(() -> kube.mergePatch(SLICES + "/fixed", json("{\"addressType\":\"FQDN\"}")))
        .isInstanceOf(GatewayApiException.class)
        .hasMessageContaining("field is immutable");
  }

  @Test
  void endpointsAreValidated() throws Exception {
    Kube kube = new Kube(server.apiClient());
    String path = "/api/v1/namespaces/default/endpoints";
    kube.create(
        path,
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\",\"metadata\":{\"name\":\"ok\"},"
                + "\"subsets\":[{\"addresses\":[{\"ip\":\"127.0.0.1\"}],\"ports\":[{\"port\":80}]}]}"));
    assertThatThrownBy(
            () ->
                kube.create(
                    path,
                    json(
                        "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\",\"metadata\":{\"name\":\"bad\"},"
                            + "\"subsets\":[{\"addresses\":[{\"ip\":\"x\"}],\"ports\":[{\"port\":0}]}]}")))
        .isInstanceOf(GatewayApiException.class)
        .hasMessageContaining("subsets[0].addresses[0].ip")
        .hasMessageContaining("subsets[0].ports[0].port");
  }
}
