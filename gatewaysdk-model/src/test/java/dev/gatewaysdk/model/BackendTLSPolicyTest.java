package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendTLSPolicyTest {

  @Test
  void policyBuildsTheExpectedManifest() throws Exception {
    BackendTLSPolicy p =
        BackendTLSPolicy.builder()
            .name("auth-tls")
            .namespace("default")
            .targetService("auth")
            .validation(BackendTLSPolicyValidation.caConfigMaps("auth.example.com", "auth-ca"))
            .build();

    assertThat(tree(p))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'BackendTLSPolicy',"
                    + "'metadata':{'name':'auth-tls','namespace':'default'},'spec':{"
                    + "'targetRefs':[{'group':'','kind':'Service','name':'auth'}],"
                    + "'validation':{'caCertificateRefs':[{'group':'','kind':'ConfigMap','name':'auth-ca'}],'hostname':'auth.example.com'}}}"));
    assertThat(BackendTLSPolicyValidation.systemTrust("x").wellKnownCACertificates())
        .contains(WellKnownCACertificatesType.SYSTEM);
  }

  @Test
  void policyStatusWritesRequiredAncestors() throws Exception {
    BackendTLSPolicy p =
        BackendTLSPolicy.builder()
            .name("p")
            .validation(BackendTLSPolicyValidation.systemTrust("x"))
            .status(PolicyStatus.builder().build())
            .build();

    assertThat(tree(p).path("status")).isEqualTo(json("{'ancestors':[]}"));
  }
}
