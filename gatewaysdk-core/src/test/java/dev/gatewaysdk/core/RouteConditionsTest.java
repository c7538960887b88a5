package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.model.internal.Json;
import org.junit.jupiter.api.Test;

class RouteConditionsTest {
  /**
   * A route in {@code apps} whose parentRefs name {@code parents} and whose status reports {@code
   * statuses}.
   */
  private static JsonNode route(String parents, String statuses) throws Exception {
    return Json.mapper()
        .readTree(
            ("{'apiVersion': 'gateway.networking.k8s.io/v1', 'kind': 'HTTPRoute',"
                    + " 'metadata': {'name': 'r', 'namespace': 'apps', 'generation': 3},"
                    + " 'spec': {'parentRefs': ["
                    + parents
                    + "]}, 'status': {'parents': ["
                    + statuses
                    + "]}}")
                .replace('\'', '"'));
  }

  private static String status(
      String parentRef, String type, String value, long observedGeneration) {
    return "{'parentRef': "
        + parentRef
        + ", 'controllerName': 'example.com/c', 'conditions': [{'type': '"
        + type
        + "', 'status': '"
        + value
        + "', 'observedGeneration': "
        + observedGeneration
        + "}]}";
  }

  @Test
  void aBareNameIsTheGatewayTheParentRefsNameInWhicheverNamespace() throws Exception {
    JsonNode route =
        route(
            "{'name': 'gw', 'namespace': 'infra'}",
            status("{'name': 'gw', 'namespace': 'infra'}", "Accepted", "True", 3));
    assertThat(RouteConditions.acceptedBy("gw").test(route)).isTrue();
    assertThat(RouteConditions.acceptedBy("infra/gw").test(route)).isTrue();
    assertThat(RouteConditions.acceptedBy("apps/gw").test(route)).isFalse();
    assertThat(RouteConditions.rejectedBy("gw").test(route)).isFalse();
  }

  @Test
  void aGatewayOfTheSameNameElsewhereDoesNotCount() throws Exception {
    // the route attaches to gw in its own namespace; an entry for a gw in another namespace is not
    // that Gateway
    JsonNode route =
        route(
            "{'name': 'gw'}, {'name': 'gw', 'namespace': 'other', 'sectionName': 'https'}",
            status("{'name': 'gw', 'namespace': 'apps'}", "Accepted", "False", 3)
                + ","
                + status(
                    "{'name': 'gw', 'namespace': 'other', 'sectionName': 'https'}",
                    "Accepted",
                    "True",
                    3));
    assertThat(RouteConditions.rejectedBy("apps/gw").test(route)).isTrue();
    assertThat(RouteConditions.acceptedBy("apps/gw").test(route)).isFalse();
    assertThat(RouteConditions.acceptedBy("other/gw").test(route)).isTrue();
    // a bare name named in two namespaces: an entry of either counts
    assertThat(RouteConditions.acceptedBy("gw").test(route)).isTrue();
  }

  @Test
  void withoutParentRefsTheRoutesNamespaceCountsAndStaleConditionsDoNot() throws Exception {
    JsonNode route =
        route(
            "",
            status("{'name': 'gw'}", "Accepted", "True", 3)
                + ","
                + status("{'name': 'edge', 'namespace': 'apps'}", "ResolvedRefs", "True", 2));
    assertThat(RouteConditions.acceptedBy("gw").test(route)).isTrue();
    assertThat(RouteConditions.resolvedRefs("edge").test(route))
        .as("observedGeneration 2 < generation 3")
        .isFalse();
    assertThat(RouteConditions.acceptedBy("ListenerSet-not-a-gateway").test(route)).isFalse();
    JsonNode listenerSet =
        route(
            "{'kind': 'ListenerSet', 'name': 'gw'}",
            status("{'kind': 'ListenerSet', 'name': 'gw'}", "Accepted", "True", 3));
    assertThat(RouteConditions.acceptedBy("gw").test(listenerSet)).as("not a Gateway").isFalse();
    assertThat(RouteConditions.acceptedBy(ParentRef.listenerSet("gw")).test(listenerSet)).isTrue();
  }
}
