package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl against the embedded server: the official examples, printer columns, watch, patch,
 * invalid examples.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EmbeddedApiServerKubectlTest {
  /**
   * Per official invalid example: the field path and a fragment of the message the server answers.
   */
  static final Map<String, String[]> INVALID =
      Map.ofEntries(
          Map.entry(
              "standard/gateway/duplicate-listeners.yaml",
              new String[] {"spec.listeners[1]", "Duplicate value"}),
          Map.entry(
              "standard/gateway/hostname-tcp.yaml",
              new String[] {
                "spec.listeners", "hostname must not be specified for protocols ['TCP', 'UDP']"
              }),
          Map.entry(
              "standard/gateway/hostname-udp.yaml",
              new String[] {
                "spec.listeners", "hostname must not be specified for protocols ['TCP', 'UDP']"
              }),
          Map.entry(
              "standard/gateway/invalid-addresses.yaml",
              new String[] {"spec.addresses[5].value", "must be of type ipv4"}),
          Map.entry(
              "standard/gateway/invalid-listener-name.yaml",
              new String[] {"spec.listeners[0].name", "should match"}),
          Map.entry(
              "standard/gateway/invalid-listener-port.yaml",
              new String[] {"spec.listeners[0].port", "should be less than or equal to 65535"}),
          Map.entry(
              "standard/gateway/invalid-tls-mode.yaml",
              new String[] {"spec.listeners", "tls mode must be Terminate for protocol HTTPS"}),
          Map.entry(
              "standard/gateway/tlsconfig-tcp.yaml",
              new String[] {"spec.listeners", "tls must not be specified for protocols"}),
          Map.entry(
              "standard/gatewayclass/invalid-controller.yaml",
              new String[] {"spec.controllerName", "should match"}),
          Map.entry(
              "standard/httproute/duplicate-header-match.yaml",
              new String[] {"spec.rules[0].matches[0].headers[1]", "Duplicate value"}),
          Map.entry(
              "standard/httproute/duplicate-query-match.yaml",
              new String[] {"spec.rules[0].matches[0].queryParams[1]", "Duplicate value"}),
          Map.entry(
              "standard/httproute/httproute-portless-backend.yaml",
              new String[] {
                "spec.rules[0].backendRefs[0]", "Must have port for Service reference"
              }),
          Map.entry(
              "standard/httproute/httproute-portless-service.yaml",
              new String[] {
                "spec.rules[0].backendRefs[0]", "Must have port for Service reference"
              }),
          Map.entry(
              "standard/httproute/invalid-backend-group.yaml",
              new String[] {"spec.rules[0].backendRefs[0].group", "should match"}),
          Map.entry(
              "standard/httproute/invalid-backend-kind.yaml",
              new String[] {"spec.rules[0].backendRefs[0].kind", "should match"}),
          Map.entry(
              "standard/httproute/invalid-backend-port.yaml",
              new String[] {"spec.rules[0].backendRefs[0].port", "less than or equal to 65535"}),
          Map.entry(
              "standard/httproute/invalid-filter-duplicate-header.yaml",
              new String[] {
                "spec.rules[0].filters[0].requestHeaderModifier.remove[1]", "Duplicate value"
              }),
          Map.entry(
              "standard/httproute/invalid-filter-duplicate.yaml",
              new String[] {
                "spec.rules[0].filters", "RequestHeaderModifier filter cannot be repeated"
              }),
          Map.entry(
              "standard/httproute/invalid-filter-empty.yaml",
              new String[] {
                "spec.rules[0].filters[0]", "filter.requestHeaderModifier must be specified"
              }),
          Map.entry(
              "standard/httproute/invalid-filter-wrong-field.yaml",
              new String[] {"spec.rules[0].filters[0]", "filter.requestRedirect must be nil"}),
          Map.entry(
              "standard/httproute/invalid-header-name.yaml",
              new String[] {"spec.rules[0].matches[0].headers[0].name", "should match"}),
          Map.entry(
              "standard/httproute/invalid-hostname.yaml",
              new String[] {"spec.hostnames[0]", "should match"}),
          Map.entry(
              "standard/httproute/invalid-httpredirect-hostname.yaml",
              new String[] {"spec.rules[0].filters[0].requestRedirect.hostname", "should match"}),
          Map.entry(
              "standard/httproute/invalid-method.yaml",
              new String[] {"spec.rules[0].matches[0].method", "Unsupported value: \"NOTREAL\""}),
          Map.entry(
              "standard/httproute/invalid-path-alphanum-specialchars-mix.yaml",
              new String[] {"spec.rules[0].matches[0].path", "must only contain valid characters"}),
          Map.entry(
              "standard/httproute/invalid-path-specialchars.yaml",
              new String[] {"spec.rules[0].matches[0].path", "must only contain valid characters"}),
          Map.entry(
              "standard/httproute/invalid-request-redirect-with-backendref.yaml",
              new String[] {
                "spec.rules[0]", "RequestRedirect filter must not be used together with backendRefs"
              }),
          Map.entry(
              "standard/referencegrant/missing-from.yaml",
              new String[] {"spec.from", "Required value"}),
          Map.entry(
              "standard/referencegrant/missing-ns.yaml",
              new String[] {"spec.from[0].namespace", "Required value"}),
          Map.entry(
              "standard/referencegrant/missing-to.yaml",
              new String[] {"spec.to", "Required value"}),
          Map.entry(
              "standard/tlsroute/invalid-hostname.yaml",
              new String[] {"spec.hostnames[0]", "should match"}),
          Map.entry(
              "standard/tlsroute/no-hostname.yaml",
              new String[] {"spec.hostnames", "Required value"}));

  static Path kubectl;
  static Path examples;
  static EmbeddedApiServer server;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(kubectl != null, "kubectl is not on PATH");
    Path crds = CrdSource.fromEnvironment().directory().orElse(null);
    String reason =
        "the official examples are not available: set "
            + CrdSource.ENV
            + " to a directory with "
            + CrdSource.LATEST_RELEASE
            + "/examples";
    assumeTrue(
        CrdRequirement.available(
            crds != null && Files.isDirectory(crds.resolve(CrdSource.LATEST_RELEASE + "/examples")),
            reason),
        reason);
    examples = crds.resolve(CrdSource.LATEST_RELEASE);
    server =
        EmbeddedApiServer.start(
            EmbeddedApiServerOptions.builder().channel(Channel.EXPERIMENTAL).build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result kubectl(String... args) throws IOException, InterruptedException {
    return run(
        List.of(
            kubectl.toString(),
            "--kubeconfig",
            server.kubeconfigFile().toString(),
            "--cache-dir",
            tmp.resolve("cache").toString()),
        args);
  }

  static List<Path> yamls(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyOfficialExampleAppliesClientSideAndServerSide() throws Exception {
    for (String channel : List.of("standard", "experimental")) {
      Path dir = examples.resolve("examples").resolve(channel);
      List<Path> files = yamls(dir);
      List<String> namespaces = new ArrayList<>(List.of("apply"));
      files.stream()
          .filter(f -> f.getFileName().toString().startsWith("0-"))
          .forEach(f -> namespaces.addAll(List.of("-f", f.toString())));
      if (namespaces.size() > 1) {
        Result ns = kubectl(namespaces.toArray(String[]::new));
        assertThat(ns.exit()).as(ns.all()).isZero();
      }
      Result client = kubectl("apply", "-R", "-f", dir.toString());
      assertThat(client.exit()).as("kubectl apply -R -f " + dir + ": " + client.all()).isZero();
      Result ssa =
          kubectl("apply", "--server-side", "--force-conflicts", "-R", "-f", dir.toString());
      assertThat(ssa.exit())
          .as("kubectl apply --server-side -R -f " + dir + ": " + ssa.all())
          .isZero();
      for (Path f : files) {
        for (String doc : Files.readString(f).split("(?m)^---")) {
          java.util.regex.Matcher kind =
              java.util.regex.Pattern.compile("(?m)^kind: (\\w+)").matcher(doc);
          java.util.regex.Matcher name =
              java.util.regex.Pattern.compile("(?m)^  name: (\\S+)").matcher(doc);
          if (kind.find() && name.find()) {
            String ref =
                "(?m)^"
                    + kind.group(1).toLowerCase(java.util.Locale.ROOT)
                    + "(\\.[a-z0-9.]+)?/"
                    + java.util.regex.Pattern.quote(name.group(1))
                    + " ";
            assertThat(client.out())
                .as(f + " client-side; stderr: " + client.err())
                .containsPattern(ref + "(created|configured|unchanged)");
            assertThat(ssa.out())
                .as(f + " server-side")
                .containsPattern(ref + "serverside-applied");
          }
        }
      }
    }
    Result again =
        kubectl(
            "apply",
            "-f",
            examples.resolve("examples/standard/simple-gateway/gateway.yaml").toString());
    assertThat(again.out()).contains("unchanged");
  }

  @Test
  void applyingAnUnchangedGatewayAgainKeepsGenerationAndResourceVersion() throws Exception {
    Path file = tmp.resolve("reapplied-gateway.yaml");
    String gateway =
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: reapplied\n  namespace: default\n"
            + "spec:\n  gatewayClassName: example\n  listeners:\n  - name: http\n    protocol: HTTP\n    port: 80\n";
    Files.writeString(file, gateway);
    String[] get = {
      "get",
      "gateway",
      "reapplied",
      "-o",
      "jsonpath={.metadata.generation} {.metadata.resourceVersion}"
    };
    for (String[] apply :
        List.of(
            new String[] {"apply", "-f", file.toString()},
            new String[] {"apply", "--server-side", "-f", file.toString()})) {
      Result first = kubectl(apply);
      assertThat(first.exit()).as(first.all()).isZero();
      String before = kubectl(get).out();
      Result second = kubectl(apply);
      assertThat(second.exit()).as(second.all()).isZero();
      String after = kubectl(get).out();
      assertThat(after).as(String.join(" ", apply) + " twice").isEqualTo(before).startsWith("1 ");
    }
    Files.writeString(
        file,
        gateway.replace(
            "  namespace: default\n", "  namespace: default\n  labels:\n    team: a\n"));
    String before = kubectl(get).out();
    assertThat(kubectl("apply", "--server-side", "-f", file.toString()).exit()).isZero();
    String labelled = kubectl(get).out();
    assertThat(labelled)
        .as("a label changes resourceVersion, not generation")
        .startsWith("1 ")
        .isNotEqualTo(before);
    Files.writeString(file, gateway.replace("port: 80", "port: 8080"));
    assertThat(kubectl("apply", "--server-side", "-f", file.toString()).exit()).isZero();
    assertThat(kubectl(get).out()).startsWith("2 ");
  }

  @Test
  void getPrintsTheCrdPrinterColumns() throws Exception {
    kubectl("apply", "-f", examples.resolve("examples/standard/http-routing").toString());
    Result gateways = kubectl("get", "gateways");
    assertThat(gateways.exit()).as(gateways.all()).isZero();
    assertThat(gateways.out().lines().findFirst().orElse(""))
        .matches("NAME\\s+CLASS\\s+ADDRESS\\s+PROGRAMMED\\s+AGE");
    assertThat(gateways.out()).containsPattern("example-gateway\\s+example-gateway-class\\s+");
    Result routes = kubectl("get", "httproutes");
    assertThat(routes.out().lines().findFirst().orElse("")).matches("NAME\\s+HOSTNAMES\\s+AGE");
    assertThat(routes.out()).containsPattern("foo-route\\s+\\[\"foo.example.com\"\\]\\s+\\d+s");
    Result crds = kubectl("get", "crds");
    assertThat(crds.out()).contains("httproutes.gateway.networking.k8s.io");
  }

  @Test
  void getWatchSeesChangesAndPatchesApply() throws Exception {
    kubectl(
        "apply",
        "-f",
        examples.resolve("examples/standard/simple-gateway/httproute.yaml").toString());
    Path out = tmp.resolve("watch.txt");
    ProcessBuilder pb =
        new ProcessBuilder(
            kubectl.toString(),
            "--kubeconfig",
            server.kubeconfigFile().toString(),
            "--cache-dir",
            tmp.resolve("cache").toString(),
            "get",
            "httproutes",
            "-w",
            "--output-watch-events");
    pb.environment().put("HOME", tmp.toString());
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process watch = pb.start();
    try {
      waitFor(out, "foo");
      Result merge =
          kubectl(
              "patch",
              "httproute",
              "foo",
              "--type=merge",
              "-p",
              "{\"spec\":{\"hostnames\":[\"merged.example.com\"]}}");
      assertThat(merge.exit()).as(merge.all()).isZero();
      Result json =
          kubectl(
              "patch",
              "httproute",
              "foo",
              "--type=json",
              "-p",
              "[{\"op\":\"replace\",\"path\":\"/spec/hostnames/0\",\"value\":\"json.example.com\"}]");
      assertThat(json.exit()).as(json.all()).isZero();
      waitFor(out, "json.example.com");
      Result delete = kubectl("delete", "httproute", "foo");
      assertThat(delete.out()).contains("deleted");
      waitFor(out, "DELETED");
      assertThat(Files.readString(out))
          .contains("ADDED", "MODIFIED", "merged.example.com", "json.example.com");
      assertThat(kubectl("get", "httproute", "foo").err())
          .contains("httproutes.gateway.networking.k8s.io \"foo\" not found");
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theReleaseInstallManifestAppliesAndItsKindsAreServedLive() throws Exception {
    try (EmbeddedApiServer empty =
        EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().gatewayApi(false).build())) {
      List<String> base =
          List.of(
              kubectl.toString(),
              "--kubeconfig",
              empty.kubeconfigFile().toString(),
              "--cache-dir",
              tmp.resolve("cache-empty").toString());
      Result before = run(base, "get", "httproutes");
      assertThat(before.exit()).isNotZero();
      assertThat(before.err()).contains("the server doesn't have a resource type \"httproutes\"");
      Result install =
          run(
              base,
              "apply",
              "--server-side",
              "-f",
              examples.resolve("standard-install.yaml").toString());
      assertThat(install.exit()).as(install.all()).isZero();
      assertThat(install.out())
          .contains(
              "customresourcedefinition.apiextensions.k8s.io/httproutes.gateway.networking.k8s.io serverside-applied",
              "validatingadmissionpolicy.admissionregistration.k8s.io/safe-upgrades.gateway.networking.k8s.io serverside-applied");
      Result crd =
          run(
              base,
              "get",
              "crd",
              "gateways.gateway.networking.k8s.io",
              "-o",
              "jsonpath={.status.conditions[?(@.type==\"Established\")].status}");
      assertThat(crd.out()).isEqualTo("True");
      Result apply =
          run(base, "apply", "-f", examples.resolve("examples/standard/simple-gateway").toString());
      assertThat(apply.exit()).as(apply.all()).isZero();
      assertThat(run(base, "get", "httproutes").out()).contains("foo");
    }
  }

  /**
   * Runs {@code base} (kubectl and its flags) with {@code args}, HOME in the temporary directory.
   */
  static Result run(List<String> base, String... args) throws IOException, InterruptedException {
    return run(tmp, base, args);
  }

  /** Runs {@code base} plus {@code args} with {@code home} as HOME and for its output files. */
  static Result run(Path home, List<String> base, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(base);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS))
        .as("kubectl " + String.join(" ", args) + " finished")
        .isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void typedCreateCommandsSendingProtobufWork() throws Exception {
    assertThat(kubectl("create", "namespace", "typed").exit()).isZero();
    assertThat(
            kubectl("create", "configmap", "settings", "-n", "typed", "--from-literal=a=b").exit())
        .isZero();
    Result secret =
        kubectl(
            "create",
            "secret",
            "generic",
            "creds",
            "-n",
            "typed",
            "--from-literal=password=s3cret");
    assertThat(secret.exit()).as(secret.all()).isZero();
    assertThat(
            kubectl("create", "service", "clusterip", "web", "-n", "typed", "--tcp=80:8080").exit())
        .isZero();
    assertThat(
            kubectl("get", "configmap", "settings", "-n", "typed", "-o", "jsonpath={.data.a}")
                .out())
        .isEqualTo("b");
    assertThat(
            kubectl(
                    "get",
                    "secret",
                    "creds",
                    "-n",
                    "typed",
                    "-o",
                    "jsonpath={.type} {.data.password}")
                .out())
        .isEqualTo("Opaque czNjcmV0");
    assertThat(
            kubectl(
                    "get",
                    "service",
                    "web",
                    "-n",
                    "typed",
                    "-o",
                    "jsonpath={.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.type}")
                .out())
        .isEqualTo("80 8080 ClusterIP");
    Result ns = kubectl("get", "namespaces");
    assertThat(ns.out()).containsPattern("typed\\s+Active");
    assertThat(kubectl("delete", "namespace", "typed").out()).contains("deleted");
    assertThat(kubectl("get", "configmap", "settings", "-n", "typed").err()).contains("not found");
  }

  static void waitFor(Path out, String text) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(Files.readString(out)).as("kubectl get -w output").contains(text);
  }

  @Test
  void explainDescribesCoreKindsAndOpenApiV2IsServed() throws Exception {
    Result explain = kubectl("explain", "svc.spec.ports.port");
    assertThat(explain.exit()).as(explain.all()).isZero();
    assertThat(explain.out())
        .contains("FIELD: port <integer>")
        .contains("The port that will be exposed by this service.");
    // OpenAPI v2 in JSON too (kubectl itself asks for protobuf: see
    // applyOfAListAppliesEachItemValidatedAgainstOpenApiV2)
    HttpResponse<String> v2 =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "/openapi/v2"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2.body())
        .contains("\"swagger\":\"2.0\"")
        .contains("\"io.k8s.api.core.v1.Service\"")
        .contains("\"$ref\":\"#/definitions/io.k8s.api.core.v1.Service\"");
  }

  @Test
  void applyOfAListAppliesEachItemValidatedAgainstOpenApiV2() throws Exception {
    // kubectl validates the items of a kind: List with the protobuf OpenAPI v2 document, as on a
    // real cluster
    Path list = tmp.resolve("list.yaml");
    Files.writeString(
        list,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: listed, namespace: default}",
            "  data: {a: b}",
            "- apiVersion: gateway.networking.k8s.io/v1",
            "  kind: HTTPRoute",
            "  metadata: {name: listed, namespace: default}",
            "  spec:",
            "    parentRefs: [{name: gw}]",
            "    rules: [{backendRefs: [{name: web, port: 80}]}]",
            ""));
    Result applied = kubectl("apply", "-f", list.toString());
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(applied.out())
        .contains("configmap/listed created")
        .contains("httproute.gateway.networking.k8s.io/listed created");
    assertThat(
            kubectl(
                    "get",
                    "httproute",
                    "listed",
                    "-o",
                    "jsonpath={.spec.rules[0].backendRefs[0].name}")
                .out())
        .isEqualTo("web");

    Files.writeString(
        list,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: listed-bad, namespace: default}",
            "  bogus: 1",
            ""));
    Result rejected = kubectl("apply", "-f", list.toString());
    assertThat(rejected.exit()).isNotZero();
    assertThat(rejected.err()).contains("unknown field \"bogus\" in io.k8s.api.core.v1.ConfigMap");
    assertThat(kubectl("get", "configmap", "listed-bad", "-n", "default").all())
        .contains("NotFound");
  }

  @Test
  void applyPruneWithTheDefaultAllowlistRemovesWhatLeftTheFile() throws Exception {
    String a =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, namespace: default, labels: {app: pruned}}\n";
    String b =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dropped, namespace: default, labels: {app: pruned}}\n";
    Path both = tmp.resolve("prune-both.yaml");
    Path one = tmp.resolve("prune-one.yaml");
    Files.writeString(both, a + "---\n" + b);
    Files.writeString(one, a);
    assertThat(kubectl("apply", "-f", both.toString()).exit()).isZero();
    Result pruned = kubectl("apply", "--prune", "-l", "app=pruned", "-f", one.toString());
    assertThat(pruned.exit()).as(pruned.all()).isZero();
    assertThat(pruned.out()).contains("configmap/dropped pruned");
    assertThat(kubectl("get", "configmap", "dropped", "-n", "default").all()).contains("NotFound");
    assertThat(kubectl("get", "configmap", "kept", "-n", "default").exit()).isZero();
  }

  @Test
  void everyOfficialInvalidExampleIsRejectedWithItsCause() throws Exception {
    Path root = examples.resolve("invalid-examples");
    assumeTrue(Files.isDirectory(root), "no invalid examples at " + root);
    List<Path> files = yamls(root);
    List<String> args = new ArrayList<>();
    files.forEach(f -> args.addAll(List.of("-f", f.toString())));
    for (boolean serverSide : new boolean[] {false, true}) {
      List<String> cmd = new ArrayList<>(List.of("apply"));
      if (serverSide) {
        cmd.add("--server-side");
      }
      cmd.addAll(args);
      Result r = kubectl(cmd.toArray(String[]::new));
      assertThat(r.exit()).isNotZero();
      assertThat(r.out())
          .as("nothing invalid is accepted")
          .doesNotContainPattern("(created|configured|serverside-applied)");
      String[] blocks = r.err().split("(?m)^(?=Error from server)");
      List<String> errors = new ArrayList<>();
      for (String b : blocks) {
        if (b.startsWith("Error from server")) {
          errors.add(b);
        }
      }
      assertThat(errors).as("one error per invalid example:\n" + r.err()).hasSize(files.size());
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        String name = root.relativize(f).toString();
        String doc = Files.readString(f);
        java.util.regex.Matcher kind =
            java.util.regex.Pattern.compile("(?m)^kind: (\\w+)").matcher(doc);
        java.util.regex.Matcher objName =
            java.util.regex.Pattern.compile("(?m)^  name: (\\S+)").matcher(doc);
        assertThat(kind.find() && objName.find()).as(name).isTrue();
        String block = errors.get(i);
        assertThat(block)
            .as((serverSide ? "server-side " : "client-side ") + name)
            .contains(
                kind.group(1)
                    + ".gateway.networking.k8s.io \""
                    + objName.group(1)
                    + "\" is invalid: ");
        if (!serverSide) {
          assertThat(block).contains("\"" + f + "\"");
        }
        String[] expected = INVALID.get(name);
        if (name.startsWith("standard/")) {
          assertThat(expected).as("an expectation for " + name).isNotNull();
          assertThat(block).as(name).contains(expected[0] + ": ", expected[1]);
        }
      }
    }
  }
}
