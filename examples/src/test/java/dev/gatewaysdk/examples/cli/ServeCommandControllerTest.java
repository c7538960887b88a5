package dev.gatewaysdk.examples.cli;

import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.Fixtures;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gatewaysdk serve} runs the simulated Gateway controller unless {@code --controller none}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandControllerTest {
  static final class Served {
    final ServeCommand command = new ServeCommand();
    final StringWriter out = new StringWriter();
    final CompletableFuture<Integer> exit;
    final ApiClient client;

    Served(Path kubeconfig, String... args) throws Exception {
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(out, true));
      String[] all = new String[args.length + 2];
      all[0] = "--kubeconfig";
      all[1] = kubeconfig.toString();
      System.arraycopy(args, 0, all, 2, args.length);
      exit = CompletableFuture.supplyAsync(() -> cli.execute(all));
      while (!Files.exists(kubeconfig) || !out.toString().contains("Press Ctrl+C")) {
        assertThat(exit).isNotDone();
        Thread.sleep(50);
      }
      client =
          ClientBuilder.kubeconfig(
                  KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig))))
              .build();
    }

    int stop() throws Exception {
      command.stop.countDown();
      return exit.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void simulatedControllerWritesStatusByDefault(@TempDir Path dir) throws Exception {
    Served served = new Served(dir.resolve("kubeconfig"));
    try {
      assertThat(served.out.toString())
          .contains(
              "simulated Gateway controller writes status for GatewayClasses with "
                  + "controllerName "
                  + SimulatedGatewayController.DEFAULT_CONTROLLER_NAME);
      CustomObjectsApi api = new CustomObjectsApi(served.client);
      api.createClusterCustomObject(
              "gateway.networking.k8s.io",
              "v1",
              "gatewayclasses",
              map(
                  Manifests.read(
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                          + "metadata: {name: sim}\nspec: {controllerName: gatewaysdk.dev/simulated}\n",
                      GatewayClass.class)))
          .execute();
      Gateway gw = Fixtures.httpGateway("default", "gw", "sim", 80);
      api.createNamespacedCustomObject(
              "gateway.networking.k8s.io", "v1", "default", "gateways", map(gw))
          .execute();
      awaitThat(GatewayApiClient.create(served.client), gw).isAccepted().isProgrammed();
    } finally {
      assertThat(served.stop()).isZero();
    }
  }

  static Map<?, ?> map(Object gatewayApiObject) {
    return new ObjectMapper().convertValue(Manifests.toTree(gatewayApiObject), Map.class);
  }

  @Test
  void controllerNoneRunsNoController(@TempDir Path dir) throws Exception {
    Served served = new Served(dir.resolve("kubeconfig"), "--controller", "none");
    assertThat(served.out.toString()).doesNotContain("simulated Gateway controller");
    assertThat(served.stop()).isZero();
  }

  @Test
  void unknownControllerIsRejected() {
    StringWriter err = new StringWriter();
    int code =
        GatewaySdkCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "serve",
            "--controller",
            "envoy");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--controller must be simulated or none: envoy");
  }
}
