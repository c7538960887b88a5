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
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--channel",
                    "experimental",
                    "--state",
                    dir.resolve("state.json").toString()));
    while (!Files.exists(kubeconfig) || !out.toString().contains("Press Ctrl+C")) {
      assertThat(exit).isNotDone();
      Thread.sleep(50);
    }
    ApiClient client =
        ClientBuilder.kubeconfig(
                KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig))))
            .build();
    Object listenerSets =
        new CustomObjectsApi(client)
            .listNamespacedCustomObject(
                "gateway.networking.k8s.io", "v1", "default", "listenersets")
            .execute();
    assertThat(((Map<?, ?>) listenerSets).get("kind")).isEqualTo("ListenerSetList");
    assertThat(out.toString())
        .contains(
            "export KUBECONFIG=" + kubeconfig.toAbsolutePath(),
            "experimental channel",
            "kubectl get",
            "open: no authentication");

    command.stop.countDown();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("stopped");
    assertThat(dir.resolve("state.json")).exists();
  }

  @Test
  void usersFileTurnsOnTokensAndRbacWhileTheKubeconfigStaysAdministrator(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Path users =
        Files.writeString(
            dir.resolve("users.csv"), "# token,user,uid,groups\ntoken-a,alice,1,\"tenants,dev\"\n");
    ServeCommand command = new ServeCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--users",
                    users.toString(),
                    "--controller",
                    "none"));
    while (!Files.exists(kubeconfig) || !out.toString().contains("Press Ctrl+C")) {
      assertThat(exit).isNotDone();
      Thread.sleep(50);
    }
    assertThat(out.toString())
        .contains("authentication: 1 user from " + users, "listening on https://");
    KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig)));
    ApiClient admin = ClientBuilder.kubeconfig(config).build();
    assertThat(
            new io.kubernetes.client.openapi.apis.CoreV1Api(admin)
                .listNamespace()
                .execute()
                .getItems())
        .isNotEmpty();
    ApiClient alice =
        ClientBuilder.kubeconfig(
                KubeConfig.loadKubeConfig(new StringReader(Files.readString(kubeconfig))))
            .build();
    alice.setApiKeyPrefix("Bearer");
    alice.setApiKey("token-a");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new io.kubernetes.client.openapi.apis.CoreV1Api(alice).listNamespace().execute())
        .isInstanceOfSatisfying(
            io.kubernetes.client.openapi.ApiException.class,
            e -> assertThat(e.getCode()).isEqualTo(403));
    command.stop.countDown();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void rejectsAMalformedUsersFileNamingTheLine(@TempDir Path dir) throws Exception {
    Path users = Files.writeString(dir.resolve("users.csv"), "\ntoken-only\n");
    StringWriter err = new StringWriter();
    int code =
        GatewaySdkCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "serve",
            "--users",
            users.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--users: " + users + ":2: expected token,user,uid");
  }

  @Test
  void rejectsAnUnknownChannel() {
    StringWriter err = new StringWriter();
    int code =
        GatewaySdkCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "serve",
            "--channel",
            "beta");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("channel must be standard or experimental: beta");
  }
}
