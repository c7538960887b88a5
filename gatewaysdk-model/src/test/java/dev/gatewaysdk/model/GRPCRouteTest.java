package dev.gatewaysdk.model;

import static dev.gatewaysdk.model.HTTPRouteTest.json;
import static dev.gatewaysdk.model.HTTPRouteTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GRPCRouteTest {

  @Test
  void methodAndServiceMatchesBuildTheExpectedManifest() throws Exception {
    GRPCRoute route =
        GRPCRoute.builder()
            .name("users")
            .namespace("default")
            .parentRef("gw")
            .hostname("grpc.example.com")
            .rule(r -> r.method("com.example.User", "Login").backend("auth", 50051))
            .rule(
                r ->
                    r.service("com.example.Admin")
                        .match(m -> m.header("x-admin", "1"))
                        .backend("admin", 50051, 5))
            .build();

    assertThat(tree(route))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'GRPCRoute',"
                    + "'metadata':{'name':'users','namespace':'default'},'spec':{'parentRefs':[{'name':'gw'}],"
                    + "'hostnames':['grpc.example.com'],'rules':["
                    + "{'matches':[{'method':{'service':'com.example.User','method':'Login'}}],'backendRefs':[{'name':'auth','port':50051}]},"
                    + "{'matches':[{'method':{'service':'com.example.Admin'}},{'headers':[{'name':'x-admin','value':'1'}]}],"
                    + "'backendRefs':[{'name':'admin','port':50051,'weight':5}]}]}}"));
    assertThat(route.spec().parentRefs()).extracting(ParentReference::name).containsExactly("gw");
  }

  @Test
  void grpcBackendWeightIsChecked() {
    assertThatThrownBy(() -> GRPCRouteRule.builder().backend("a", 80, 2_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be 0..1000000: 2000000");
  }

  @Test
  void filtersUseTheGrpcFilterTypes() throws Exception {
    GRPCRouteFilter f =
        GRPCRouteFilter.requestMirror(
            HTTPRequestMirrorFilter.of(BackendObjectReference.service("m", 9)));

    assertThat(f.type()).isEqualTo(GRPCRouteFilterType.REQUEST_MIRROR);
    assertThat(tree(f))
        .isEqualTo(
            json("{'type':'RequestMirror','requestMirror':{'backendRef':{'name':'m','port':9}}}"));
  }
}
