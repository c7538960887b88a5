package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.GenericObject;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySdkCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GatewaySdkCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  /**
   * Every registered subcommand's name, from the registry itself, so a new command is covered too.
   */
  private static java.util.stream.Stream<String> subcommands() {
    return GatewaySdkCli.SUBCOMMANDS.stream()
        .map(s -> s.get().getClass().getAnnotation(picocli.CommandLine.Command.class).name());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("subcommands")
  void everySubcommandPrintsItsUsageForHelpAndExitsZero(String command) {
    for (String[] args :
        List.of(
            new String[] {command, "--help"},
            new String[] {command, "-h"},
            new String[] {"help", command})) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertThat(run(args)).as(String.join(" ", args) + "; stderr: " + err).isZero();
      assertThat(out.toString())
          .as(String.join(" ", args))
          .startsWith("Usage: gatewaysdk " + command)
          .contains("-h, --help");
      assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void versionNamesSdkAndGatewayApiRelease() {
    assertThat(run("version")).isZero();
    assertThat(out.toString())
        .startsWith("gatewaysdk 0.")
        .contains("Gateway API " + CrdSource.LATEST_RELEASE)
        .contains("v1.0.0.." + CrdSource.LATEST_RELEASE);
    assertThat(VersionCommand.sdkVersion()).doesNotContain("${").isNotEqualTo("unknown");
  }

  @Test
  void convertWritesNormalizedYaml(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("in.yaml");
    Files.writeString(
        file, "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"s\"}}\n");
    assertThat(run("convert", file.toString())).isZero();
    assertThat(out.toString()).isEqualTo("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void convertJoinsFilesAndWritesJson(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, "apiVersion: v1\nkind: Secret\n---\napiVersion: v1\nkind: Service\n");
    Files.writeString(b, "apiVersion: cert-manager.io/v1\nkind: Certificate\n");
    assertThat(run("convert", "--to", "json", a.toString(), b.toString())).isZero();
    List<Object> back = Manifests.readAll(out.toString());
    assertThat(back)
        .extracting(o -> ((GenericObject) o).kind())
        .containsExactly("Secret", "Service", "Certificate");
  }

  @Test
  void badInputNamesFileDocumentAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file, "apiVersion: v1\nkind: Secret\n---\napiVersion: v1\nkind: Secret\ndata: [\n");
    assertThat(run("convert", file.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: " + file + " document 2 (line 7");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unservedVersionIsConvertedWithANoteOrRejectedWhenStrict(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("route.yaml");
    Files.writeString(
        file,
        "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata: {name: r}\n");
    assertThat(run("convert", file.toString())).isZero();
    assertThat(out.toString()).contains("apiVersion: gateway.networking.k8s.io/v1alpha2");
    assertThat(err.toString())
        .contains("note: " + file + " document 1 (line 1): HTTPRoute")
        .contains("use gateway.networking.k8s.io/v1 (served since v1.0.0)");
    assertThat(run("convert", "--strict", file.toString())).isEqualTo(1);
  }

  @Test
  void missingFileIsAnError() {
    assertThat(run("convert", "/nonexistent/x.yaml")).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: /nonexistent/x.yaml: cannot read");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("convert")).isEqualTo(2);
    assertThat(err.toString()).contains("FILE");
    assertThat(run("convert", "--to", "xml", "x")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(run("nosuch")).isEqualTo(2);
  }

  @Test
  void helpListsEveryRegisteredSubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("help").contains(subcommands().toList());
    assertThat(
            GatewaySdkCli.commandLine(new PrintWriter(out), new PrintWriter(err)).getSubcommands())
        .hasSize(GatewaySdkCli.SUBCOMMANDS.size() + 1); // and `help`
  }

  private static String route(String version, String name) {
    return "apiVersion: gateway.networking.k8s.io/"
        + version
        + "\nkind: HTTPRoute\nmetadata: {name: "
        + name
        + "}\n"
        + "spec:\n  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: s, port: 80}]\n";
  }

  @Test
  void convertUpgradeRetargetsVersionsTheReleaseDoesNotServeOrDeprecates(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("old.yaml");
    Files.writeString(
        file,
        route("v1alpha2", "old")
            + "---\n"
            + route("v1", "current")
            + "---\n"
            + "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata: {name: tls}\n"
            + "spec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 443}]}]}\n---\n"
            + "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: tcp}\n"
            + "spec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 5432}]}]}\n"
            + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
    assertThat(run("convert", "--upgrade", file.toString())).isZero();
    List<Object> converted = Manifests.readAll(out.toString());
    assertThat(converted)
        .extracting(
            o -> o instanceof GatewayApiObject ? ((GatewayApiObject) o).apiVersion() : "core")
        .containsExactly(
            "gateway.networking.k8s.io/v1",
            "gateway.networking.k8s.io/v1",
            "gateway.networking.k8s.io/v1",
            "gateway.networking.k8s.io/v1",
            "core");
    assertThat(err.toString())
        .contains(
            "upgraded: HTTPRoute old from gateway.networking.k8s.io/v1alpha2 to gateway.networking.k8s.io/v1")
        .contains(
            "upgraded: TLSRoute tls from gateway.networking.k8s.io/v1alpha2 to gateway.networking.k8s.io/v1")
        .contains(
            "upgraded: TCPRoute tcp from gateway.networking.k8s.io/v1alpha2 to gateway.networking.k8s.io/v1")
        .doesNotContain("upgraded: HTTPRoute current");
    // v1.0.0 has TLSRoute and TCPRoute only in the experimental channel, at v1alpha2: they stay
    out.getBuffer().setLength(0);
    assertThat(run("convert", "--upgrade", "--release", "v1.0.0", file.toString())).isZero();
    assertThat(Manifests.readAll(out.toString()))
        .extracting(
            o -> o instanceof GatewayApiObject ? ((GatewayApiObject) o).apiVersion() : "core")
        .containsExactly(
            "gateway.networking.k8s.io/v1",
            "gateway.networking.k8s.io/v1",
            "gateway.networking.k8s.io/v1alpha2",
            "gateway.networking.k8s.io/v1alpha2",
            "core");
    // everything but the version is kept
    assertThat(((HTTPRoute) converted.get(0)).withApiVersion("gateway.networking.k8s.io/v1alpha2"))
        .isEqualTo(Manifests.readAll(route("v1alpha2", "old")).get(0));
  }

  @Test
  void convertReadsTheYamlBlocksOfMarkdownWithTheFilesLines(@TempDir Path dir) throws IOException {
    Path guide = dir.resolve("guide.md");
    Files.writeString(
        guide,
        "# Guide\n\n```bash\nkubectl get routes\n```\n\n```yaml\n" + route("v1", "a") + "```\n");
    assertThat(run("convert", guide.toString())).isZero();
    assertThat(Manifests.readAll(out.toString())).hasSize(1);
    Files.writeString(
        guide,
        "# Guide\n\n```yaml\n" + route("v1", "a").replace("port: 80", "port: \"80\"") + "```\n");
    assertThat(run("convert", guide.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("error: " + guide + ":4 document 1 (line 10, column")
        .contains("spec.rules[0].backendRefs[0].port");
  }

  @Test
  void convertKeepsCommentsAtTheirFieldsListItemsAndLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("gw.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# the shop's gateway",
            "kind: Gateway",
            "apiVersion: gateway.networking.k8s.io/v1",
            "metadata:",
            "  name: shop   # one per cluster",
            "spec:",
            "  gatewayClassName: demo",
            "  listeners:",
            "  # HTTP listener",
            "  - port: 80",
            "    name: http",
            "    protocol: HTTP",
            "",
            "  # HTTPS listener",
            "  - name: https",
            "    protocol: HTTPS",
            "    port: 443",
            "    tls:",
            "      # rotated by cert-manager",
            "      certificateRefs:",
            "      - name: cert",
            "# end of the gateway",
            "---",
            "apiVersion: v1",
            "kind: Secret",
            "metadata: {name: s}  # no comment before",
            ""));
    assertThat(run("convert", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .isEqualTo(
            String.join(
                "\n",
                "# the shop's gateway",
                "apiVersion: gateway.networking.k8s.io/v1",
                "kind: Gateway",
                "metadata:",
                "  name: shop # one per cluster",
                "spec:",
                "  gatewayClassName: demo",
                "  listeners:",
                "  # HTTP listener",
                "  - name: http",
                "    port: 80",
                "    protocol: HTTP",
                "  # HTTPS listener",
                "  - name: https",
                "    port: 443",
                "    protocol: HTTPS",
                "    tls:",
                "      # rotated by cert-manager",
                "      certificateRefs:",
                "      - name: cert",
                "# end of the gateway",
                "---",
                "apiVersion: v1",
                "kind: Secret",
                "metadata: # no comment before",
                "  name: s",
                ""));
    // the comments are comments: the output reads back as the same objects
    assertThat(Manifests.readAll(out.toString()))
        .isEqualTo(Manifests.readAll(Files.readString(file)));
    out.getBuffer().setLength(0);
    assertThat(run("convert", "--drop-comments", file.toString())).isZero();
    assertThat(out.toString()).doesNotContain("#");
  }

  @Test
  void convertKeepsEveryCommentOfTheGuide() throws IOException {
    Path guide =
        dev.gatewaysdk.model.CrdSource.fromEnvironment()
            .directory()
            .map(
                d ->
                    d.toAbsolutePath()
                        .getParent()
                        .resolve("seed")
                        .resolve("gateway-api-guide.zh.md"))
            .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        guide != null && Files.isRegularFile(guide),
        "the seed guide is not beside the CRD directory");
    assertThat(run("convert", guide.toString())).as(err.toString()).isZero();
    List<String> expected = new java.util.ArrayList<>();
    for (MarkdownBlocks.Block block : MarkdownBlocks.yaml(Files.readString(guide))) {
      expected.addAll(commentsWithTheirField(block.text()));
    }
    assertThat(expected).as("the guide's YAML has comments").hasSizeGreaterThan(10);
    // every comment is in the output, before the same field (or at the end of a document, as in the
    // guide)
    assertThat(commentsWithTheirField(out.toString()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Each comment line of {@code yaml} with the key of the first field line after it ("<end>" at a
   * document's end).
   */
  private static List<String> commentsWithTheirField(String yaml) {
    List<String> lines = yaml.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#")) {
        String next =
            lines.subList(i, lines.size()).stream()
                .filter(l -> !l.startsWith("#"))
                .findFirst()
                .filter(l -> !l.equals("---"))
                .map(l -> l.replaceFirst("^- ", "").replaceFirst(":.*", ""))
                .orElse("<end>");
        out.add(lines.get(i) + " -> " + next);
      }
    }
    return out;
  }
}
