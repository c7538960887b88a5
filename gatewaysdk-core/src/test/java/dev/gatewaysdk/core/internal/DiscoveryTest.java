package dev.gatewaysdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.core.Capabilities;
import dev.gatewaysdk.core.RetryPolicy;
import dev.gatewaysdk.core.UnsupportedByClusterException;
import dev.gatewaysdk.model.Channel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private final FakeHttp http = new FakeHttp();

  private Capabilities discover() {
    return new Discovery(new Transport(http.apiClient(), RetryPolicy.none())).discover();
  }

  @Test
  void servedKindsVersionsReleaseAndChannelAreRead() {
    http.otherwise(
        r -> {
          String p = r.url().encodedPath();
          switch (p) {
            case "/apis/gateway.networking.k8s.io":
              return FakeHttp.response(
                  200,
                  "{'kind':'APIGroup','versions':[{'groupVersion':'gateway.networking.k8s.io/v1','version':'v1'},"
                      + "{'groupVersion':'gateway.networking.k8s.io/v1beta1','version':'v1beta1'},{'groupVersion':'gateway.networking.k8s.io/v1alpha2','version':'v1alpha2'}]}");
            case "/apis/gateway.networking.k8s.io/v1":
              return FakeHttp.response(
                  200,
                  "{'resources':[{'name':'httproutes','kind':'HTTPRoute','namespaced':true},{'name':'httproutes/status','kind':'HTTPRoute'},"
                      + "{'name':'gateways','kind':'Gateway','namespaced':true},{'name':'gatewayclasses','kind':'GatewayClass','namespaced':false}]}");
            case "/apis/gateway.networking.k8s.io/v1beta1":
              return FakeHttp.response(
                  200,
                  "{'resources':[{'name':'httproutes','kind':'HTTPRoute'},{'name':'referencegrants','kind':'ReferenceGrant'}]}");
            case "/apis/gateway.networking.k8s.io/v1alpha2":
              return FakeHttp.response(
                  200,
                  "{'resources':[{'name':'tlsroutes','kind':'TLSRoute'},{'name':'grpcroutes','kind':'GRPCRoute'},{'name':'referencegrants','kind':'ReferenceGrant'}]}");
            case "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/httproutes.gateway.networking.k8s.io":
              return FakeHttp.response(
                  200,
                  "{'metadata':{'annotations':{'gateway.networking.k8s.io/bundle-version':'v1.0.0','gateway.networking.k8s.io/channel':'experimental'}}}");
            default:
              return FakeHttp.response(404, "{'kind':'Status','code':404,'reason':'NotFound'}");
          }
        });

    Capabilities c = discover();

    assertThat(c.release()).contains("v1.0.0");
    assertThat(c.channel()).contains(Channel.EXPERIMENTAL);
    assertThat(c.versions("HTTPRoute")).containsExactly("v1", "v1beta1");
    assertThat(c.preferredVersion("ReferenceGrant")).contains("v1beta1");
    assertThat(c.preferredVersion("TLSRoute")).contains("v1alpha2");
    assertThat(c.serves("ListenerSet")).isFalse();
    assertThat(c.describe()).isEqualTo("Gateway API v1.0.0, experimental channel");
  }

  @Test
  void clusterWithoutGatewayApiServesNothing() {
    http.otherwise(r -> FakeHttp.response(404, "{'kind':'Status','code':404,'reason':'NotFound'}"));
    Capabilities c = discover();
    assertThat(c.servedKinds()).isEmpty();
    assertThatThrownBy(() -> c.require("HTTPRoute"))
        .isInstanceOf(UnsupportedByClusterException.class)
        .hasMessage(
            "HTTPRoute is not served by this cluster (Gateway API not installed); install the Gateway API CRDs (v0.5.0+)");
  }

  @Test
  void forbiddenCrdReadLeavesReleaseUnknown() {
    http.otherwise(
        r -> {
          String p = r.url().encodedPath();
          if (p.equals("/apis/gateway.networking.k8s.io")) {
            return FakeHttp.response(200, "{'versions':[{'version':'v1'}]}");
          }
          if (p.equals("/apis/gateway.networking.k8s.io/v1")) {
            return FakeHttp.response(
                200, "{'resources':[{'name':'httproutes','kind':'HTTPRoute'}]}");
          }
          return FakeHttp.response(403, "{'kind':'Status','code':403,'reason':'Forbidden'}");
        });
    Capabilities c = discover();
    assertThat(c.release()).isEmpty();
    assertThat(c.describe()).isEqualTo("Gateway API release unknown, channel unknown");
    assertThat(c.require("HTTPRoute")).isEqualTo("v1");
  }

  @Test
  void missingKindMessageNamesReleaseChannelAndRemedy() {
    Capabilities standard100 =
        Capabilities.of(
            Optional.of("v1.0.0"),
            Optional.of(Channel.STANDARD),
            java.util.Map.of("HTTPRoute", java.util.List.of("v1", "v1beta1")));
    assertThatThrownBy(() -> standard100.require("TLSRoute"))
        .hasMessage(
            "TLSRoute is not served by this cluster (Gateway API v1.0.0, standard channel); install the experimental channel or v1.5.0+");
    Capabilities experimental100 =
        Capabilities.of(
            Optional.of("v1.0.0"),
            Optional.of(Channel.EXPERIMENTAL),
            java.util.Map.of("HTTPRoute", java.util.List.of("v1")));
    assertThatThrownBy(() -> experimental100.require("ListenerSet"))
        .hasMessage(
            "ListenerSet is not served by this cluster (Gateway API v1.0.0, experimental channel); install v1.5.0+");
  }

  @Test
  void versionsAreOrderedGaBetaAlpha() {
    java.util.List<String> v =
        new java.util.ArrayList<>(
            java.util.List.of("v1alpha2", "v1beta1", "v1alpha3", "v1", "v2beta1"));
    v.sort(Versions.PRIORITY);
    assertThat(v).containsExactly("v1", "v2beta1", "v1beta1", "v1alpha3", "v1alpha2");
    assertThat(Versions.compareReleases("v1.10.0", "v1.5.0")).isPositive();
    assertThat(Versions.compareReleases("v1.5.0-rc.1", "v1.5.0")).isNegative();
  }
}
