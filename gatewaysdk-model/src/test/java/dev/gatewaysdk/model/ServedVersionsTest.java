package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.internal.CrdRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServedVersionsTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "v1.0.0, STANDARD",
    "v1.0.0, EXPERIMENTAL",
    CrdSource.LATEST_RELEASE + ", STANDARD",
    CrdSource.LATEST_RELEASE + ", EXPERIMENTAL"
  })
  void tableMatchesTheOfficialCrds(String release, Channel channel) {
    Path install = officialInstall(release, channel);
    ServedVersions table = ServedVersions.of(release);
    Set<String> kindsInCrds = new LinkedHashSet<>();
    int crds = 0;
    for (Object o : Manifests.readAll(install)) {
      GenericObject object = (GenericObject) o;
      if (!object.kind().equals("CustomResourceDefinition")) {
        continue;
      }
      crds++;
      JsonNode spec = object.at("/spec");
      String kind = spec.path("names").path("kind").asText();
      kindsInCrds.add(kind);
      assertThat(ServedVersions.groupOf(kind)).as(kind).contains(spec.path("group").asText());
      List<String> served = new ArrayList<>();
      List<String> deprecated = new ArrayList<>();
      String storage = null;
      for (JsonNode v : spec.path("versions")) {
        if (v.path("served").asBoolean()) {
          served.add(v.path("name").asText());
          if (v.path("deprecated").asBoolean()) {
            deprecated.add(v.path("name").asText());
          }
        }
        if (v.path("storage").asBoolean()) {
          storage = v.path("name").asText();
        }
      }
      assertThat(table.served(channel, kind))
          .as("%s %s %s served", release, channel, kind)
          .containsExactlyElementsOf(served);
      assertThat(table.storage(channel, kind))
          .as("%s %s %s storage", release, channel, kind)
          .contains(storage);
      for (String v : served) {
        assertThat(table.isDeprecated(channel, kind, v))
            .as("%s %s %s deprecated", release, channel, v)
            .isEqualTo(deprecated.contains(v));
      }
    }
    assertThat(crds).isGreaterThanOrEqualTo(4);
    assertThat(table.kinds(channel)).containsExactlyInAnyOrderElementsOf(kindsInCrds);
  }

  @Test
  void everyModelledKindIsInTheLatestRelease() {
    for (GatewayApiKind kind : GatewayApiKind.values()) {
      assertThat(ServedVersions.latest().storage(Channel.EXPERIMENTAL, kind))
          .as(kind.kind())
          .isPresent();
      assertThat(ServedVersions.latest().served(Channel.STANDARD, kind))
          .as(kind.kind())
          .contains("v1");
      assertThat(ServedVersions.groupOf(kind.kind())).contains(GatewayApiKind.GROUP);
    }
  }

  @Test
  void patchReleasesResolveToTheirMinor() {
    // a patch release resolves to the row of its minor: vX.Y.0 to the targeted vX.Y.Z
    String minorZero = CrdSource.LATEST_RELEASE.replaceAll("\\.\\d+$", ".0");
    assertThat(ServedVersions.of(minorZero).release()).isEqualTo(CrdSource.LATEST_RELEASE);
    assertThat(ServedVersions.of("v1.2.1").release()).isEqualTo("v1.2.0");
    assertThat(ServedVersions.of("v1.5.1").served(Channel.STANDARD, "TLSRoute"))
        .containsExactly("v1");
    assertThat(ServedVersions.releases())
        .containsExactly(
            "v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0", "v1.4.0", "v1.5.0", CrdSource.LATEST_RELEASE);
  }

  @Test
  void unknownReleasesAreRejectedWithTheRange() {
    assertThatThrownBy(() -> ServedVersions.of("v0.8.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v1.0.0.." + CrdSource.LATEST_RELEASE)
        .hasMessageEndingWith(": v0.8.0");
    assertThatThrownBy(() -> ServedVersions.of("latest"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void releasesBetweenTheCheckedOnesFollowTheUpstreamHistory() {
    // GRPCRoute went GA in v1.1.0; v1alpha2 stayed served (deprecated) only in experimental v1.1
    assertThat(ServedVersions.of("v1.1.0").served(Channel.STANDARD, "GRPCRoute"))
        .containsExactly("v1");
    assertThat(
            ServedVersions.of("v1.1.0").isDeprecated(Channel.EXPERIMENTAL, "GRPCRoute", "v1alpha2"))
        .isTrue();
    assertThat(ServedVersions.of("v1.2.0").served(Channel.EXPERIMENTAL, "GRPCRoute"))
        .containsExactly("v1");
    // BackendTLSPolicy reached the standard channel at v1 in v1.4.0
    assertThat(ServedVersions.of("v1.3.0").kinds(Channel.STANDARD))
        .doesNotContain("BackendTLSPolicy");
    assertThat(ServedVersions.of("v1.4.0").storage(Channel.STANDARD, "BackendTLSPolicy"))
        .contains("v1");
    // TLSRoute and ListenerSet became standard in v1.5.0, TCPRoute and UDPRoute in v1.6
    assertThat(ServedVersions.of("v1.4.0").served(Channel.EXPERIMENTAL, "TLSRoute"))
        .containsExactly("v1alpha2", "v1alpha3");
    assertThat(ServedVersions.of("v1.5.0").kinds(Channel.STANDARD))
        .contains("TLSRoute", "ListenerSet")
        .doesNotContain("TCPRoute");
    assertThat(ServedVersions.of("v1.3.0").kinds(Channel.EXPERIMENTAL)).contains("XListenerSet");
    assertThat(ServedVersions.of("v1.5.0").storage(Channel.STANDARD, "ReferenceGrant"))
        .contains("v1beta1");
  }

  @Test
  void httpRouteV1alpha2IsExplainedWithItsReplacement() {
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", "HTTPRoute"))
        .contains(
            "HTTPRoute gateway.networking.k8s.io/v1alpha2 is not served by any Gateway API release v1.0.0.."
                + CrdSource.LATEST_RELEASE
                + ";"
                + " use gateway.networking.k8s.io/v1 (served since v1.0.0)");
  }

  @Test
  void tlsRouteV1alpha2IsExplainedAsExperimentalOnly() {
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", "TLSRoute"))
        .contains(
            "TLSRoute gateway.networking.k8s.io/v1alpha2 is served only by experimental-channel installs of"
                + " v1.0.0.."
                + CrdSource.LATEST_RELEASE
                + " (deprecated since v1.5.0); use gateway.networking.k8s.io/v1 (standard channel"
                + " since v1.5.0)");
  }

  @Test
  void servedVersionsNeedNoExplanation() {
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1", "HTTPRoute")).isEmpty();
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1beta1", "HTTPRoute")).isEmpty();
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1", "TLSRoute")).isEmpty();
    assertThat(ServedVersions.explain("v1", "Secret")).isEmpty();
  }

  @Test
  void otherHistoricVersionsAreExplainedPrecisely() {
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", "GRPCRoute"))
        .contains(
            "GRPCRoute gateway.networking.k8s.io/v1alpha2 is served only by experimental-channel installs of"
                + " v1.0.0..v1.1.0 (deprecated since v1.1.0); use gateway.networking.k8s.io/v1 (standard channel"
                + " since v1.1.0)");
    assertThat(ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", "ReferenceGrant"))
        .contains(
            "ReferenceGrant gateway.networking.k8s.io/v1alpha2 is served by all installs of v1.0.0 and by"
                + " experimental-channel installs of v1.1.0 (deprecated since v1.0.0); use"
                + " gateway.networking.k8s.io/v1 (standard channel since v1.5.0)");
    assertThat(ServedVersions.explain("gateway.networking.x-k8s.io/v1alpha1", "XListenerSet"))
        .contains(
            "XListenerSet gateway.networking.x-k8s.io/v1alpha1 is served only by experimental-channel installs of"
                + " v1.3.0..v1.4.0; XListenerSet is not part of "
                + CrdSource.LATEST_RELEASE);
    assertThat(ServedVersions.explain("gateway.networking.x-k8s.io/v1alpha1", "XMesh"))
        .contains(
            "XMesh gateway.networking.x-k8s.io/v1alpha1 is served only by experimental-channel installs of"
                + " v1.4.0.."
                + CrdSource.LATEST_RELEASE
                + "; XMesh is not part of the standard channel");
  }

  static Path officialInstall(String release, Channel channel) {
    CrdSource source = CrdSource.fromEnvironment();
    String noDir =
        "the CRD source setting ("
            + CrdSource.PROPERTY
            + "/"
            + CrdSource.ENV
            + ") names no directory";
    Assumptions.assumeTrue(CrdRequirement.available(source.directory().isPresent(), noDir), noDir);
    try {
      return source.installManifest(release, channel);
    } catch (CrdSourceException e) {
      CrdRequirement.available(false, e.getMessage());
      Assumptions.abort("official CRDs not available: " + e.getMessage());
      throw e;
    }
  }

  @Test
  void preferredIsTheMostStableServedVersionThatIsNotDeprecated() {
    // v1.0.0 stores HTTPRoute as v1beta1 but serves v1 too; v1.6.1 deprecates TLSRoute v1alpha2 and
    // v1alpha3
    assertThat(ServedVersions.of("v1.0.0").preferred(Channel.STANDARD, "HTTPRoute")).hasValue("v1");
    assertThat(ServedVersions.of("v1.0.0").preferred(Channel.EXPERIMENTAL, "TLSRoute"))
        .hasValue("v1alpha2");
    assertThat(ServedVersions.of("v1.0.0").preferred(Channel.STANDARD, "TLSRoute")).isEmpty();
    assertThat(ServedVersions.of("v1.6.1").preferred(Channel.EXPERIMENTAL, "TLSRoute"))
        .hasValue("v1");
    assertThat(ServedVersions.of("v1.0.0").preferred(Channel.STANDARD, "ReferenceGrant"))
        .hasValue("v1beta1");
  }
}
