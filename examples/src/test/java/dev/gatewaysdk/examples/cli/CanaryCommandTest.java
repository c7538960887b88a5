package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryCommandTest {
  static EmbeddedApiServer server;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void createRoute(String name) throws Exception {
    Map<String, Object> route =
        Map.of(
            "apiVersion",
            "gateway.networking.k8s.io/v1",
            "kind",
            "HTTPRoute",
            "metadata",
            Map.of("name", name, "namespace", "default"),
            "spec",
            Map.of(
                "parentRefs",
                List.of(Map.of("name", "gw")),
                "rules",
                List.of(
                    Map.of(
                        "backendRefs",
                        List.of(
                            Map.of("name", "web-v1", "port", 80, "weight", 100),
                            Map.of("name", "web-v2", "port", 80, "weight", 0))))));
    new CustomObjectsApi(server.apiClient())
        .createNamespacedCustomObject(
            "gateway.networking.k8s.io", "v1", "default", "httproutes", route)
        .execute();
  }

  @SuppressWarnings("unchecked")
  static long canaryWeight(String name) throws Exception {
    Map<String, Object> r =
        (Map<String, Object>)
            new CustomObjectsApi(server.apiClient())
                .getNamespacedCustomObject(
                    "gateway.networking.k8s.io", "v1", "default", "httproutes", name)
                .execute();
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) ((Map<String, Object>) r.get("spec")).get("rules");
    List<Map<String, Object>> refs = (List<Map<String, Object>>) rules.get(0).get("backendRefs");
    return ((Number) refs.get(1).get("weight")).longValue();
  }

  private int run(String... args) {
    return GatewaySdkCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void canaryPromotesAndExitsZeroWithProgressLines() throws Exception {
    createRoute("cli-ok");

    int code =
        run(
            "canary",
            "--kubeconfig",
            server.kubeconfigFile().toString(),
            "--route",
            "default/cli-ok",
            "--stable",
            "web-v1",
            "--canary",
            "web-v2",
            "--steps",
            "10,50,100",
            "--interval",
            "0s",
            "--no-verify",
            "--poll",
            "10ms");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("PROGRESSING step 1/5 (setWeight 10) canary 10%")
        .contains("PROGRESSING step 4/5 (pause 0s) canary 50%")
        .contains("promoted: web-v2 serves HTTPRoute default/cli-ok");
    assertThat(canaryWeight("cli-ok")).isEqualTo(100);
  }

  @Test
  void aNewReleaseRunsAgainAndTheSameReleaseDoesNot() throws Exception {
    createRoute("cli-release");
    String[] args = {
      "canary",
      "--kubeconfig",
      server.kubeconfigFile().toString(),
      "--route",
      "default/cli-release",
      "--stable",
      "web-v1",
      "--canary",
      "web-v2",
      "--steps",
      "10,100",
      "--interval",
      "0s",
      "--no-verify",
      "--poll",
      "10ms",
      "--release",
      "r1"
    };
    assertThat(run(args)).as(err.toString()).isZero();
    args[args.length - 1] = "r2";
    out.getBuffer().setLength(0);

    assertThat(run(args)).as(err.toString()).isZero();
    String second = out.toString();
    out.getBuffer().setLength(0);
    assertThat(run(args)).as(err.toString()).isZero();

    assertThat(second)
        .contains("PROGRESSING step 1/3 (setWeight 10) canary 10%")
        .contains("promoted: web-v2");
    assertThat(out.toString()).doesNotContain("PROGRESSING").contains("promoted: web-v2");
  }

  /**
   * A Prometheus query API on loopback whose every instant query returns the scalar {@code value};
   * started.
   */
  private static HttpServer prometheusAnswering(String value) throws java.io.IOException {
    return prometheusAnswering(value, new java.util.ArrayList<>());
  }

  /**
   * As {@link #prometheusAnswering(String)}, recording each query's Authorization header in {@code
   * authorizations}.
   */
  private static HttpServer prometheusAnswering(String value, List<String> authorizations)
      throws java.io.IOException {
    HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    prometheus.createContext(
        "/api/v1/query",
        ex -> {
          authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
          byte[] body =
              ("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\""
                      + value
                      + "\"]}}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    prometheus.start();
    return prometheus;
  }

  @Test
  void prometheusTokenFileIsSentWithEveryQueryAndNeverPrinted(@TempDir Path dir) throws Exception {
    createRoute("cli-token");
    Path token = dir.resolve("token");
    java.nio.file.Files.writeString(token, "cli-s3cret\n");
    List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer prometheus = prometheusAnswering("0.995", authorizations);
    try {
      int code =
          run(
              "canary",
              "--kubeconfig",
              server.kubeconfigFile().toString(),
              "--route",
              "default/cli-token",
              "--stable",
              "web-v1",
              "--canary",
              "web-v2",
              "--steps",
              "50,100",
              "--interval",
              "1ms",
              "--no-verify",
              "--poll",
              "10ms",
              "--prometheus",
              "http://127.0.0.1:" + prometheus.getAddress().getPort(),
              "--query",
              "success_rate{svc=\"{{canary}}\"}",
              "--min",
              "0.99",
              "--unit",
              "ratio",
              "--prometheus-token-file",
              token.toString());

      assertThat(code).as("%s", err).isZero();
      assertThat(authorizations).isNotEmpty().allMatch("Bearer cli-s3cret"::equals);
      assertThat(out.toString() + err).doesNotContain("cli-s3cret");
      assertThat(
              run(
                  "canary",
                  "--route",
                  "default/cli-token",
                  "--stable",
                  "a",
                  "--canary",
                  "b",
                  "--steps",
                  "100",
                  "--prometheus-token-env",
                  "X"))
          .isEqualTo(2);
      assertThat(err.toString())
          .contains("--prometheus-token-file and --prometheus-token-env need --prometheus");
    } finally {
      prometheus.stop(0);
    }
  }

  @Test
  void notifyPostsTheRolloutToAChatWebhook() throws Exception {
    createRoute("cli-notify");
    List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        ex -> {
          texts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hook.start();
    try {
      int code =
          run(
              "canary",
              "--kubeconfig",
              server.kubeconfigFile().toString(),
              "--route",
              "default/cli-notify",
              "--stable",
              "web-v1",
              "--canary",
              "web-v2",
              "--steps",
              "50,100",
              "--interval",
              "1ms",
              "--no-verify",
              "--poll",
              "10ms",
              "--notify",
              "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");

      assertThat(code).as("%s", err).isZero();
      assertThat(texts)
          .containsExactly(
              "{\"text\":\"canary HTTPRoute default/cli-notify: step 1/3 setWeight 50: canary at 50%\"}",
              "{\"text\":\"canary HTTPRoute default/cli-notify: step 2/3 pause 1ms: canary at 50%\"}",
              "{\"text\":\"canary HTTPRoute default/cli-notify: step 3/3 setWeight 100: canary at 100%\"}",
              "{\"text\":\"canary HTTPRoute default/cli-notify: promoted\"}");
      assertThat(
              run(
                  "canary",
                  "--route",
                  "default/x",
                  "--stable",
                  "a",
                  "--canary",
                  "b",
                  "--steps",
                  "100",
                  "--notify",
                  "http://127.0.0.1:1/",
                  "--notify-format",
                  "irc"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("--notify-format must be slack or teams: irc");
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void failingQueryRollsBackAndExitsThreeWithTheReason() throws Exception {
    createRoute("cli-bad");
    HttpServer prometheus = prometheusAnswering("0.42");
    try {
      int code =
          run(
              "canary",
              "--kubeconfig",
              server.kubeconfigFile().toString(),
              "--route",
              "default/cli-bad",
              "--stable",
              "web-v1",
              "--canary",
              "web-v2",
              "--steps",
              "10,50,100",
              "--interval",
              "1ms",
              "--no-verify",
              "--poll",
              "10ms",
              "--prometheus",
              "http://127.0.0.1:" + prometheus.getAddress().getPort(),
              "--query",
              "success_rate{svc=\"{{canary}}\"}",
              "--min",
              "0.99");

      assertThat(code).isEqualTo(3);
      assertThat(err.toString().trim())
          .isEqualTo("rolled back: analysis query failed 1 time, limit 0: 0.42 < min 0.99");
      assertThat(canaryWeight("cli-bad")).isZero();
    } finally {
      prometheus.stop(0);
    }
  }

  @Test
  void backgroundQueryFailingDuringTheFirstHoldRollsBackNamingIt() throws Exception {
    createRoute("cli-bg");
    HttpServer prometheus = prometheusAnswering("0.42");
    try {
      String[] args = {
        "canary",
        "--kubeconfig",
        server.kubeconfigFile().toString(),
        "--route",
        "default/cli-bg",
        "--stable",
        "web-v1",
        "--canary",
        "web-v2",
        "--steps",
        "10,50,100",
        "--interval",
        "20ms",
        "--no-verify",
        "--poll",
        "5ms",
        "--prometheus",
        "http://127.0.0.1:" + prometheus.getAddress().getPort(),
        "--query",
        "success_rate{svc=\"{{canary}}\"}",
        "--min",
        "0.99",
        "--background"
      };
      String[] dry = java.util.Arrays.copyOf(args, args.length + 1);
      dry[args.length] = "--dry-run";
      assertThat(run(dry)).isZero();
      assertThat(out.toString())
          .contains("steps[0] setWeight 10: ")
          .contains(
              "; background analysis from here until promotion: [check query (prometheus, 0.99 <= value")
          .contains("steps[1] pause 20ms: no route change");

      int code = run(args);

      assertThat(code).as(err.toString()).isEqualTo(3);
      assertThat(err.toString().trim())
          .isEqualTo(
              "rolled back: background analysis query failed 1 time, limit 0: 0.42 < min 0.99");
      assertThat(canaryWeight("cli-bg")).isZero();
    } finally {
      prometheus.stop(0);
    }
  }

  @Test
  void dryRunPrintsTheChangesAndBadPlansFailWithTheStep(@TempDir Path dir) throws Exception {
    createRoute("cli-dry");
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        "routes: [default/cli-dry]\nstable: web-v1\ncanary: web-v2\nsteps: [{setWeight: 30}, {pause: 1m}]\n");

    assertThat(
            run(
                "canary",
                "--kubeconfig",
                server.kubeconfigFile().toString(),
                "--plan",
                plan.toString(),
                "--dry-run"))
        .isZero();
    assertThat(out.toString())
        .contains(
            "steps[0] setWeight 30: HTTPRoute default/cli-dry rules[0] web-v2: 0 -> 30, rules[0] web-v1: 100 -> 70");
    assertThat(canaryWeight("cli-dry")).isZero();

    Files.writeString(
        plan,
        "routes: [default/cli-dry]\nstable: web-v1\ncanary: web-v2\nsteps: [{setWeight: 30}, {setWeight: 20}]\n");
    assertThat(
            run(
                "canary",
                "--kubeconfig",
                server.kubeconfigFile().toString(),
                "--plan",
                plan.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("steps[1] (setWeight 20): lowers the canary's share from 30 to 20");
  }

  /** Runs the canary CLI on another thread (its own output), holding each weight an hour. */
  private static java.util.concurrent.CompletableFuture<Integer> runInBackground(
      String route, StringWriter output) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () ->
            GatewaySdkCli.run(
                new PrintWriter(output),
                new PrintWriter(output),
                "canary",
                "--kubeconfig",
                server.kubeconfigFile().toString(),
                "--route",
                "default/" + route,
                "--stable",
                "web-v1",
                "--canary",
                "web-v2",
                "--steps",
                "10,50,100",
                "--interval",
                "1h",
                "--no-verify"));
  }

  private static void awaitWeight(String route, long weight) throws Exception {
    for (int i = 0; i < 500 && canaryWeight(route) != weight; i++) {
      Thread.sleep(20);
    }
    assertThat(canaryWeight(route)).isEqualTo(weight);
  }

  @Test
  void commandOptionPromotesFullySkippingTheRemainingStepsAndRetriesAnAbortedRollout()
      throws Exception {
    createRoute("cli-commands");
    String[] send = {
      "canary",
      "--kubeconfig",
      server.kubeconfigFile().toString(),
      "--route",
      "default/cli-commands",
      "--stable",
      "web-v1",
      "--canary",
      "web-v2",
      "--steps",
      "10,50,100",
      "--command",
      null
    };
    StringWriter first = new StringWriter();
    java.util.concurrent.CompletableFuture<Integer> aborted =
        runInBackground("cli-commands", first);
    awaitWeight("cli-commands", 10);

    send[send.length - 1] = "abort: bad build";
    assertThat(run(send)).as(err.toString()).isZero();
    assertThat(aborted.get(30, TimeUnit.SECONDS)).as(first.toString()).isEqualTo(4);
    assertThat(first.toString()).contains("aborted: aborted by command: bad build");
    assertThat(canaryWeight("cli-commands")).isZero();

    send[send.length - 1] = "retry";
    assertThat(run(send)).as(err.toString()).isZero();
    StringWriter second = new StringWriter();
    java.util.concurrent.CompletableFuture<Integer> promoted =
        runInBackground("cli-commands", second);
    awaitWeight("cli-commands", 10);
    send[send.length - 1] = "promote --full";
    assertThat(run(send)).as(err.toString()).isZero();

    assertThat(promoted.get(30, TimeUnit.SECONDS)).as(second.toString()).isZero();
    assertThat(second.toString()).contains("promoted fully by command, skipping steps[2..4]");
    assertThat(canaryWeight("cli-commands")).isEqualTo(100);
    assertThat(out.toString()).contains("sent retry to HTTPRoute default/cli-commands");
    send[send.length - 1] = "jump";
    assertThat(run(send)).isEqualTo(2);
  }
}
