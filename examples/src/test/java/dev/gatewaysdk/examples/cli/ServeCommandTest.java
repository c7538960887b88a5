package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {
  @Test
  void servesUntilStoppedAndWritesAWorkingKubeconfig(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    ServeCommand command = new ServeCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "--kubeconfig", kubeconfig.toString(), "--channel", "experimental", "--state", dir.resolve("state.json").toString()));
    while (!Files.exists(kubeconfig) || !out.toString().contains("Press Ctrl+C")) {
      assertThat(exit).isNotDone();
      Thread.sleep(50);
    }
    ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig)))).build();
    Object listenerSets = new CustomObjectsApi(client)
        .listNamespacedCustomObject("gateway.networking.k8s.io", "v1", "default", "listenersets").execute();
    assertThat(((Map<?, ?>) listenerSets).get("kind")).isEqualTo("ListenerSetList");
    assertThat(out.toString()).contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath(), "experimental channel", "kubectl get");

    command.stop.countDown();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("stopped");
    assertThat(dir.resolve("state.json")).exists();
  }

  @Test
  void rejectsAnUnknownChannel() {
    StringWriter err = new StringWriter();
    int code = GatewaySdkCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "--channel", "beta");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("channel must be standard or experimental: beta");
  }
}
