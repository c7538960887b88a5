package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void requireCrds() {
    String reason = "CRD source setting names no directory with " + CrdSource.LATEST_RELEASE;
    assumeTrue(
        CrdRequirement.available(
            CrdSource.fromEnvironment()
                .directory()
                .map(d -> Files.isDirectory(d.resolve(CrdSource.LATEST_RELEASE)))
                .orElse(false),
            reason),
        reason);
  }

  private int run(String... args) {
    return GatewaySdkCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static final String ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: canary}
      spec:
        parentRefs: [{name: gw}]
        rules:
        - matches: [{path: {type: PathPrefix, value: /}}]
          backendRefs:
          - {name: stable, port: 80, weight: %d}
          - {name: canary, port: 80, weight: 10}
      """;

  @Test
  void validManifestPassesAndNamesEachDocument(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("route.yaml");
    Files.writeString(
        file, ROUTE.formatted(90) + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n");
    assertThat(run("validate", file.toString())).isZero();
    assertThat(out.toString())
        .contains("httproute.gateway.networking.k8s.io/canary valid")
        .contains("namespace/ns skipped");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void everyLineNamesFileAndLineOfItsDocument(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("route.yaml");
    Files.writeString(
        file, ROUTE.formatted(90) + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n");
    assertThat(run("validate", file.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            file
                + ":1: httproute.gateway.networking.k8s.io/canary valid\n"
                + file
                + ":12: namespace/ns skipped (v1 is not a custom resource)\n");
  }

  @Test
  void kindsOfOtherGroupsAreSkippedOnRequestWithoutOfflineNoise(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("guide.yaml");
    Files.writeString(
        file,
        "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\n---\n"
            + ROUTE.formatted(90));
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("no matches for kind \"Certificate\" in version \"cert-manager.io/v1\"")
        .contains("--skip-unknown-kinds")
        .doesNotContain("ensure CRDs");

    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run("validate", "--skip-unknown-kinds", file.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            file
                + ":1: certificate.cert-manager.io/c skipped (not a kind of the Gateway API release)\n"
                + file
                + ":5: httproute.gateway.networking.k8s.io/canary valid\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void violationIsPrintedLikeKubectlAndFails(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("route.yaml");
    Files.writeString(file, ROUTE.formatted(1000001));
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "Error from server (Invalid): error when creating \""
                + file
                + "\": The HTTPRoute \"canary\" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: "
                + "spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000");
  }

  @Test
  void unservedApiVersionIsReported(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tls.yaml");
    Files.writeString(
        file,
        """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: t}
        spec: {hostnames: [a.example.com], rules: [{backendRefs: [{name: s, port: 443}]}]}
        """);
    assertThat(
            run(
                "validate",
                "--release",
                CrdSource.LATEST_RELEASE,
                "--channel",
                "standard",
                file.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("resource mapping not found for name: \"t\"")
        .contains(
            "no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"");
  }

  @Test
  void aVersionNoReleaseServesGetsAHintNamingTheServedOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mirror.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: shadow}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: HTTPRoute
        metadata: {name: traffic-mirror}
        spec: {rules: [{backendRefs: [{name: app, port: 8080}]}]}
        """);
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "no matches for kind \"HTTPRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"")
        .contains(
            "hint: HTTPRoute gateway.networking.k8s.io/v1alpha2 is not served by any Gateway API release")
        .contains("use gateway.networking.k8s.io/v1");
  }

  @Test
  void unknownFieldFailsStrictAndWarnsUnderWarn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("route.yaml");
    Files.writeString(file, ROUTE.formatted(90).replace("spec:\n", "spec:\n  bogus: 1\n"));
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("strict decoding error: unknown field \"spec.bogus\"");
    StringWriter warnErr = new StringWriter();
    int code =
        GatewaySdkCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(warnErr),
            "validate",
            "--field-validation",
            "Warn",
            file.toString());
    assertThat(code).isZero();
    assertThat(warnErr.toString()).contains("Warning: unknown field \"spec.bogus\"");
  }

  @Test
  void crdsOptionReadsCrdsFromPath(@TempDir Path dir) throws IOException {
    Path crds =
        CrdSource.fromEnvironment()
            .directory()
            .orElseThrow()
            .resolve("v1.0.0/experimental-install.yaml");
    Path file = dir.resolve("tls.yaml");
    Files.writeString(
        file,
        """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: t}
        spec: {rules: [{backendRefs: [{name: s, port: 443}]}]}
        """);
    assertThat(run("validate", "--crds", crds.toString(), file.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("tlsroute.gateway.networking.k8s.io/t valid");
  }

  @Test
  void markdownIsCheckedBlockByBlockNamingEachBlocksLine(@TempDir Path dir) throws IOException {
    Path guide = dir.resolve("guide.md");
    String text =
        "# A guide\n\nInstall:\n\n```bash\nkubectl apply -f x.yaml\n```\n\n" // lines 1-8
            + "```yaml\n"
            + ROUTE.formatted(90)
            + "```\n\n" // block from line 10
            + "Old style:\n\n```yml\n"
            + ROUTE
                .formatted(90)
                .replace("/v1\n", "/v1alpha2\n")
                .replace("name: canary}", "name: old}")
            + "```\n" // block from line 25
            + "~~~yaml\n"
            + ROUTE
                .formatted(1000001)
                .replace("name: canary}", "name: heavy}"); // unclosed, from line 37
    Files.writeString(guide, text);
    assertThat(run("validate", guide.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("httproute.gateway.networking.k8s.io/canary valid")
        .doesNotContain("kubectl");
    assertThat(err.toString())
        .contains(
            "from \""
                + guide
                + ":25\": no matches for kind \"HTTPRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"")
        .contains(
            "hint: HTTPRoute gateway.networking.k8s.io/v1alpha2 is not served by any Gateway API release")
        .contains("error when creating \"" + guide + ":37\": The HTTPRoute \"heavy\" is invalid");
    assertThat(MarkdownBlocks.yaml(text))
        .extracting(MarkdownBlocks.Block::line)
        .containsExactly(10, 25, 37);
  }

  @Test
  void theSeedGuideIsValidButForItsOutdatedManifests() {
    Path seed =
        CrdSource.fromEnvironment()
            .directory()
            .map(
                d ->
                    d.toAbsolutePath()
                        .getParent()
                        .resolve("seed")
                        .resolve("gateway-api-guide.zh.md"))
            .orElse(null);
    assumeTrue(
        seed != null && Files.isRegularFile(seed),
        "the seed guide is not beside the CRD directory");
    assertThat(run("validate", seed.toString())).isEqualTo(1);
    // every Gateway API manifest of the guide in a served version is valid as written
    assertThat(
            out.toString()
                .lines()
                .filter(l -> l.endsWith(" valid"))
                .map(l -> l.replaceFirst("^\\S+:\\d+: ", "")))
        .contains(
            "httproute.gateway.networking.k8s.io/canary-route valid",
            "gateway.gateway.networking.k8s.io/my-gateway valid",
            "gatewayclass.gateway.networking.k8s.io/envoy-gateway valid",
            "gateway.gateway.networking.k8s.io/tls-gateway valid")
        .hasSizeGreaterThanOrEqualTo(10);
    assertThat(out.toString()).contains("secret/example-com-tls skipped");
    // the rest: the two v1alpha2 manifests, each with the version to use, and cert-manager's kind
    assertThat(err.toString().lines().filter(l -> l.startsWith("error:"))).hasSize(3);
    assertThat(err.toString())
        .contains(
            "no matches for kind \"TLSRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"")
        .contains(
            "no matches for kind \"HTTPRoute\" in version \"gateway.networking.k8s.io/v1alpha2\"")
        .contains("no matches for kind \"Certificate\" in version \"cert-manager.io/v1\"");
    assertThat(err.toString().lines().filter(l -> l.startsWith("hint:")))
        .hasSize(2)
        .allMatch(l -> l.contains("use gateway.networking.k8s.io/v1"));
  }
}
