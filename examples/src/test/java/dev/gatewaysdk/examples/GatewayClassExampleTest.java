package dev.gatewaysdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Condition;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.ParametersReference;
import dev.gatewaysdk.testing.GatewayApiTest;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import dev.gatewaysdk.testing.TestNamespace;
import java.util.List;
import org.junit.jupiter.api.Test;

@GatewayApiTest
class GatewayClassExampleTest {
  @Test
  void parametersRefIsStoredAsWrittenAndTheClassIsAccepted(
      GatewayApiClient client, TestNamespace ns) throws Exception {
    String name = "envoy-gateway-" + ns.name();
    GatewayClass created =
        GatewayClassExample.run(client, name, SimulatedGatewayController.DEFAULT_CONTROLLER_NAME);
    try {
      ParametersReference ref = created.spec().parametersRef().orElseThrow();
      assertThat(ref.group()).isEqualTo("gateway.envoyproxy.io");
      assertThat(ref.kind()).isEqualTo("EnvoyProxy");
      assertThat(ref.name()).isEqualTo("custom-proxy-config");
      assertThat(ref.namespace()).contains("envoy-gateway-system");

      GatewayClass stored = created;
      for (int i = 0; i < 300 && !accepted(stored); i++) {
        Thread.sleep(20);
        stored = client.gatewayClasses().get(name);
      }
      assertThat(accepted(stored)).as("Accepted condition of %s", stored).isTrue();
    } finally {
      client.gatewayClasses().delete(name);
    }
  }

  @Test
  void classOfAnotherControllerGetsNoStatus(GatewayApiClient client, TestNamespace ns)
      throws Exception {
    String name = "other-" + ns.name();
    GatewayClass created =
        GatewayClassExample.run(client, name, "gateway.envoyproxy.io/gatewayclass-controller");
    try {
      assertThat(created.spec().controllerName())
          .isEqualTo("gateway.envoyproxy.io/gatewayclass-controller");
      // The server's default status says "Waiting for controller"; nobody here answers for this
      // controller.
      List<Condition> conditions = created.status().map(s -> s.conditions()).orElse(List.of());
      assertThat(conditions).noneMatch(Condition::isTrue);
    } finally {
      client.gatewayClasses().delete(name);
    }
  }

  private static boolean accepted(GatewayClass gc) {
    return gc.status().map(s -> s.conditions()).orElse(List.of()).stream()
        .anyMatch(c -> c.type().equals("Accepted") && c.isTrue());
  }
}
