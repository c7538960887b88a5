package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.internal.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HTTPRouteTest {

  static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text.replace('\'', '"'));
  }

  /** The JSON tree of {@code value} as written (through text, so numbers compare as written). */
  static JsonNode tree(Object value) {
    try {
      return Json.mapper().readTree(Json.mapper().writeValueAsString(value));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void canaryRouteBuildsTheSeedManifest() throws Exception {
    HTTPRoute route =
        HTTPRoute.builder()
            .name("canary-route")
            .namespace("default")
            .parentRef("my-gateway")
            .rule(
                r ->
                    r.pathPrefix("/app")
                        .backend("app-stable", 8080, 90)
                        .backend("app-canary", 8080, 10))
            .build();

    assertThat(tree(route))
        .isEqualTo(
            json(
                "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute',"
                    + "'metadata':{'name':'canary-route','namespace':'default'},"
                    + "'spec':{'parentRefs':[{'name':'my-gateway'}],'rules':[{"
                    + "'matches':[{'path':{'type':'PathPrefix','value':'/app'}}],"
                    + "'backendRefs':[{'name':'app-stable','port':8080,'weight':90},{'name':'app-canary','port':8080,'weight':10}]}]}}"));
    assertThat(route.metadata().name()).contains("canary-route");
    assertThat(route.spec().rules().get(0).backendRefs())
        .extracting(HTTPBackendRef::weight)
        .containsExactly(java.util.Optional.of(90), java.util.Optional.of(10));
  }

  @Test
  void matchShortcutsCombineIntoOneMatchAndMatchAddsAnother() throws Exception {
    HTTPRouteRule rule =
        HTTPRouteRule.builder()
            .pathExact("/login")
            .header("x-canary", "true")
            .queryParam("debug", "1")
            .method(HTTPMethod.POST)
            .match(m -> m.pathPrefix("/api"))
            .backend("web", 80)
            .build();

    assertThat(tree(rule))
        .isEqualTo(
            json(
                "{'matches':["
                    + "{'path':{'type':'Exact','value':'/login'},'headers':[{'name':'x-canary','value':'true'}],"
                    + "'queryParams':[{'name':'debug','value':'1'}],'method':'POST'},"
                    + "{'path':{'type':'PathPrefix','value':'/api'}}],"
                    + "'backendRefs':[{'name':'web','port':80}]}"));
  }

  @Test
  void filterShortcutsProduceTheirFilterTypes() throws Exception {
    HTTPRouteRule rule =
        HTTPRouteRule.builder()
            .redirectToHttps()
            .redirect(r -> r.hostname("new.example.com").replacePrefixMatch("/v2").statusCode(302))
            .rewrite(r -> r.replaceFullPath("/index.html"))
            .mirror("shadow", 8080, 25)
            .requestHeaders(
                h ->
                    h.setHeader("x-env", "canary")
                        .addHeader("x-trace", "1")
                        .removeHeader("x-debug"))
            .cors(
                c -> c.addAllowOrigin("https://app.example.com").addAllowMethod("GET").maxAge(600))
            .requestTimeout(Duration.ofSeconds(10))
            .backendRequestTimeout(Duration.ofMillis(1500))
            .retry(3, Duration.ofMillis(100), 502, 503)
            .build();

    assertThat(tree(rule))
        .isEqualTo(
            json(
                "{'filters':["
                    + "{'type':'RequestRedirect','requestRedirect':{'scheme':'https','statusCode':301}},"
                    + "{'type':'RequestRedirect','requestRedirect':{'hostname':'new.example.com',"
                    + "'path':{'type':'ReplacePrefixMatch','replacePrefixMatch':'/v2'},'statusCode':302}},"
                    + "{'type':'URLRewrite','urlRewrite':{'path':{'type':'ReplaceFullPath','replaceFullPath':'/index.html'}}},"
                    + "{'type':'RequestMirror','requestMirror':{'backendRef':{'name':'shadow','port':8080},'percent':25}},"
                    + "{'type':'RequestHeaderModifier','requestHeaderModifier':{'set':[{'name':'x-env','value':'canary'}],"
                    + "'add':[{'name':'x-trace','value':'1'}],'remove':['x-debug']}},"
                    + "{'type':'CORS','cors':{'allowOrigins':['https://app.example.com'],'allowMethods':['GET'],'maxAge':600}}],"
                    + "'timeouts':{'request':'10s','backendRequest':'1s500ms'},"
                    + "'retry':{'codes':[502,503],'attempts':3,'backoff':'100ms'}}"));
  }

  @Test
  void mirrorWithFractionAndExternalAuth() throws Exception {
    HTTPRouteFilter mirror =
        HTTPRouteFilter.requestMirror(
            HTTPRequestMirrorFilter.builder()
                .backendRef(BackendObjectReference.service("shadow", 9000))
                .fraction(Fraction.of(1, 1000))
                .build());
    HTTPRouteFilter auth =
        HTTPRouteFilter.externalAuth(
            HTTPExternalAuthFilter.builder()
                .protocol(HTTPRouteExternalAuthProtocol.HTTP)
                .backendRef(BackendObjectReference.service("authz", 8080))
                .http(
                    HTTPAuthConfig.builder()
                        .path("/check")
                        .addAllowedHeader("authorization")
                        .build())
                .forwardBody(ForwardBodyConfig.builder().maxSize(1024).build())
                .build());

    assertThat(tree(mirror))
        .isEqualTo(
            json(
                "{'type':'RequestMirror','requestMirror':{'backendRef':"
                    + "{'name':'shadow','port':9000},'fraction':{'numerator':1,'denominator':1000}}}"));
    assertThat(tree(auth))
        .isEqualTo(
            json(
                "{'type':'ExternalAuth','externalAuth':{'protocol':'HTTP',"
                    + "'backendRef':{'name':'authz','port':8080},'http':{'path':'/check','allowedHeaders':['authorization']},"
                    + "'forwardBody':{'maxSize':1024}}}"));
  }

  @Test
  void weightOutsideRangeIsRejected() {
    assertThatThrownBy(() -> HTTPRouteRule.builder().backend("a", 80, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be 0..1000000: -1");
    assertThatThrownBy(() -> HTTPBackendRef.builder().name("a").weight(1_000_001).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be 0..1000000: 1000001");
    assertThat(HTTPBackendRef.of("a", 80, 0).weight()).contains(0);
    assertThat(HTTPBackendRef.of("a", 80, 1_000_000).weight()).contains(1_000_000);
  }

  @Test
  void portOutsideRangeIsRejected() {
    assertThatThrownBy(() -> HTTPRouteRule.builder().backend("a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 0");
    assertThatThrownBy(() -> ParentReference.gateway("gw").withPort(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 65536");
  }

  @Test
  void pathWithoutLeadingSlashIsRejected() {
    assertThatThrownBy(() -> HTTPRouteRule.builder().pathPrefix("app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must start with '/': app");
    assertThatThrownBy(() -> HTTPRouteRule.builder().redirect(r -> r.replaceFullPath("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replaceFullPath must start with '/': x");
    assertThat(HTTPPathMatch.regex("^/v[0-9]+").value()).contains("^/v[0-9]+");
    assertThatThrownBy(() -> HTTPRouteRule.builder().mirror("s", 80, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percent must be 0..100: 101");
  }

  @Test
  void impossibleValuesInJsonAreTypedErrorsNamingTheField() {
    String doc =
        "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute','metadata':{'name':'r'},"
            + "'spec':{'rules':[{'backendRefs':[{'name':'a','port':80,'weight':-1}]}]}}";
    assertThatThrownBy(() -> Json.mapper().readValue(doc.replace('\'', '"'), HTTPRoute.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("weight must be 0..1000000: -1")
        .hasMessageContaining("spec")
        .hasMessageContaining("rules");
    String wrongKind =
        "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'Gateway','metadata':{'name':'r'}}";
    assertThatThrownBy(() -> Json.mapper().readValue(wrongKind.replace('\'', '"'), HTTPRoute.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("kind must be HTTPRoute: Gateway");
    String missingName =
        "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute','spec':{'parentRefs':[{'port':80}]}}";
    assertThatThrownBy(
            () -> Json.mapper().readValue(missingName.replace('\'', '"'), HTTPRoute.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("name");
  }

  @Test
  void unknownFieldsAtEveryLevelRoundTripUnchanged() throws Exception {
    JsonNode doc =
        json(
            "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute','futureTop':{'a':[1,2.5,null]},"
                + "'metadata':{'name':'r','namespace':'ns','selfLink':'/x','creationTimestamp':'2024-01-01T00:00:00Z',"
                + "'managedFields':[{'manager':'kubectl','fieldsV1':{'f:spec':{}}}]},"
                + "'spec':{'futureSpec':true,'parentRefs':[{'name':'gw','futureRef':'x'}],"
                + "'rules':[{'futureRule':{'deep':{'x':null}},"
                + "'matches':[{'path':{'type':'PathPrefix','value':'/','futurePath':1}}],"
                + "'filters':[{'type':'example.com/Custom','example':{'k':'v'}}],"
                + "'backendRefs':[{'group':'','kind':'Service','name':'svc','port':80,'futureBackend':[{}]}]}]},"
                + "'status':{'parents':[{'parentRef':{'name':'gw'},'controllerName':'example.com/c','futureStatus':7,"
                + "'conditions':[{'type':'Accepted','status':'True','reason':'Accepted','message':'',"
                + "'lastTransitionTime':'2024-01-01T00:00:00Z','observedGeneration':3,'futureCondition':'y'}]}]}}");

    HTTPRoute route = Json.mapper().treeToValue(doc, HTTPRoute.class);

    assertThat(tree(route)).isEqualTo(doc);
    assertThat(route.unknownFields()).containsKey("futureTop");
    assertThat(route.spec().unknownFields()).containsEntry("futureSpec", true);
    assertThat(route.metadata().unknownFields()).containsEntry("selfLink", "/x");
    // read-modify-write keeps everything else
    HTTPRoute edited = route.withSpec(route.spec().withHostnames("a.example.com"));
    JsonNode editedTree = tree(edited);
    assertThat(editedTree.path("spec").path("futureSpec").asBoolean()).isTrue();
    assertThat(editedTree.path("spec").path("rules").get(0).path("futureRule"))
        .isEqualTo(doc.at("/spec/rules/0/futureRule"));
    assertThat(editedTree.path("status")).isEqualTo(doc.path("status"));
  }

  @Test
  void unknownEnumValuesAreKept() throws Exception {
    JsonNode doc =
        json(
            "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute','metadata':{'name':'r'},"
                + "'spec':{'rules':[{'matches':[{'path':{'type':'Glob','value':'/*.png'},'method':'PROPFIND',"
                + "'headers':[{'type':'Prefix','name':'a','value':'b'}]}],"
                + "'filters':[{'type':'example.com/Custom','extensionRef':{'group':'example.com','kind':'F','name':'f'}}]}]}}");

    HTTPRoute route = Json.mapper().treeToValue(doc, HTTPRoute.class);
    HTTPRouteMatch match = route.spec().rules().get(0).matches().get(0);

    assertThat(match.path().flatMap(HTTPPathMatch::type)).contains(PathMatchType.of("Glob"));
    assertThat(match.path().get().type().get().isKnown()).isFalse();
    assertThat(match.method()).contains(HTTPMethod.of("PROPFIND"));
    assertThat(route.spec().rules().get(0).filters().get(0).type().value())
        .isEqualTo("example.com/Custom");
    assertThat(PathMatchType.of("PathPrefix")).isSameAs(PathMatchType.PATH_PREFIX);
    assertThat(tree(route)).isEqualTo(doc);
  }

  @Test
  void apiVersionIsKeptAndCanBeRetargeted() throws Exception {
    JsonNode doc =
        json(
            "{'apiVersion':'gateway.networking.k8s.io/v1beta1','kind':'HTTPRoute','metadata':{'name':'r'},'spec':{}}");
    HTTPRoute route = Json.mapper().treeToValue(doc, HTTPRoute.class);

    assertThat(route.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1beta1");
    assertThat(tree(route)).isEqualTo(doc);
    HTTPRoute v1 = route.withApiVersion("gateway.networking.k8s.io/v1");
    assertThat(v1.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(v1.withApiVersion(route.apiVersion())).isEqualTo(route);
    assertThat(HTTPRoute.builder().build().apiVersion()).isEqualTo(HTTPRoute.DEFAULT_API_VERSION);
    assertThatThrownBy(() -> route.withApiVersion("networking.k8s.io/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiVersion must be gateway.networking.k8s.io/<version>: networking.k8s.io/v1");
  }

  @Test
  void yamlRoundTripKeepsTheObject() throws Exception {
    HTTPRoute route =
        HTTPRoute.builder()
            .name("r")
            .namespace("ns")
            .label("app", "web")
            .annotation("note", "123")
            .parentRef(ParentReference.gateway("infra", "gw").withSectionName("https"))
            .hostname("www.example.com")
            .rule(r -> r.pathPrefix("/").header("x-version", "2").backend("web", 8080))
            .build();

    String yaml = Json.yaml().writeValueAsString(route);

    assertThat(Json.yaml().readValue(yaml, HTTPRoute.class)).isEqualTo(route);
    assertThat(yaml).contains("kind: HTTPRoute").contains("note: \"123\"");
  }

  @Test
  void metadataAndSpecShortcutsEditWhatWasSetBefore() {
    HTTPRoute route =
        HTTPRoute.builder()
            .metadata(ObjectMeta.of("ns", "r"))
            .label("a", "b")
            .spec(HTTPRouteSpec.builder().addHostname("x.example.com").build())
            .parentRef("gw")
            .build();

    assertThat(route.metadata().name()).contains("r");
    assertThat(route.metadata().labels()).containsEntry("a", "b");
    assertThat(route.spec().hostnames()).containsExactly("x.example.com");
    assertThat(route.spec().parentRefs()).containsExactly(ParentReference.gateway("gw"));
    assertThat(route.newBuilder().build()).isEqualTo(route).hasSameHashCodeAs(route);
  }

  @Test
  void statusCanBeSetAndRemoved() {
    HTTPRoute route = HTTPRoute.builder().name("r").build();
    RouteStatus status =
        RouteStatus.builder()
            .addParent(
                RouteParentStatus.builder()
                    .parentRef(ParentReference.gateway("gw"))
                    .controllerName("example.com/c")
                    .addCondition(
                        Condition.builder()
                            .type("Accepted")
                            .status(ConditionStatus.TRUE)
                            .reason("Accepted")
                            .message("")
                            .lastTransitionTime("2024-01-01T00:00:00Z")
                            .build())
                    .build())
            .build();

    HTTPRoute withStatus = route.withStatus(status);

    assertThat(withStatus.status()).contains(status);
    assertThat(
            withStatus.status().get().parents().get(0).condition("Accepted").map(Condition::isTrue))
        .contains(true);
    assertThat(withStatus.withoutStatus()).isEqualTo(route);
    assertThat(tree(RouteStatus.builder().build()).toString()).isEqualTo("{\"parents\":[]}");
  }
}
