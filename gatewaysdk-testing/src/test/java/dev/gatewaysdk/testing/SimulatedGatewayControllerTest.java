package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.GatewayApiAssertions.assertThat;
import static dev.gatewaysdk.testing.GatewayApiAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayClass;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.ParentReference;
import dev.gatewaysdk.model.RouteParentStatus;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@GatewayApiTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatedGatewayControllerTest {
  GatewayCluster cluster;
  TestNamespace ns;

  String gatewayClass() {
    return cluster.gatewayClassName().orElseThrow();
  }

  <T> T create(String yaml, Class<T> type) {
    return cluster.create(
        Manifests.read(yaml.replace("$NS", ns.name()).replace("$CLASS", gatewayClass()), type));
  }

  Gateway plainGateway(String name, String listenersYaml) {
    return create(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: "
            + name
            + ", namespace: $NS}\n"
            + "spec:\n  gatewayClassName: $CLASS\n  listeners:\n"
            + listenersYaml,
        Gateway.class);
  }

  HTTPRoute route(
      String name,
      String namespace,
      String parentRefYaml,
      String hostnamesYaml,
      String backendRefsYaml) {
    return cluster.create(
        Manifests.read(
            ("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                    + "metadata: {name: "
                    + name
                    + ", namespace: "
                    + namespace
                    + "}\n"
                    + "spec:\n  parentRefs: ["
                    + parentRefYaml
                    + "]\n"
                    + (hostnamesYaml == null ? "" : "  hostnames: " + hostnamesYaml + "\n")
                    + "  rules:\n  - backendRefs: "
                    + backendRefsYaml
                    + "\n")
                .replace("$NS", ns.name()),
            HTTPRoute.class));
  }

  // ------------------------------------------------------------------------------------------
  // GatewayClass

  @Test
  void gatewayClassOfItsControllerNameIsAccepted() {
    GatewayClass gc = cluster.get(GatewayClass.class, null, gatewayClass());
    assertThat(gc.spec().controllerName())
        .isEqualTo(SimulatedGatewayController.DEFAULT_CONTROLLER_NAME);
    GatewayClass accepted = awaitClassStatus(gatewayClass());
    assertThat(accepted).isAccepted();
  }

  @Test
  void gatewayClassOfAnotherControllerIsLeftAlone() {
    String name = "other-" + ns.name();
    cluster.create(
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: "
                + name
                + "}\nspec: {controllerName: example.net/other}\n",
            GatewayClass.class));
    try {
      // A gateway of the default class is a witness that the controller ran after the other class
      // existed.
      Gateway gw = cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
      awaitThat(cluster, gw).isProgrammed();
      // At most the CRD's default status (Accepted Unknown/Pending) that the API server fills in.
      assertThat(
              cluster
                  .get(GatewayClass.class, null, name)
                  .status()
                  .flatMap(
                      st ->
                          st.conditions().stream()
                              .filter(c -> c.type().equals("Accepted"))
                              .findFirst())
                  .map(c -> c.status().toString() + "/" + c.reason()))
          .satisfiesAnyOf(
              o -> assertThat(o).isEmpty(), o -> assertThat(o).hasValue("Unknown/Pending"));
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, name));
    }
  }

  GatewayClass awaitClassStatus(String name) {
    // GatewayClass awaiting is not part of the public API; the Gateway awaiter shows the controller
    // ran.
    Gateway gw = cluster.create(Fixtures.httpGateway(ns.name(), "witness", gatewayClass(), 80));
    awaitThat(cluster, gw).isAccepted();
    return cluster.get(GatewayClass.class, null, name);
  }

  // ----------------------------------------------------------------------------------------------
  // Gateway

  @Test
  void gatewayWithValidListenersIsProgrammedWithAddressAndSupportedKinds() {
    cluster.create(Fixtures.tlsSecret(ns.name(), "gw-tls", "app.example.com"));
    Gateway gw =
        awaitThat(cluster, cluster.create(Fixtures.gateway(ns.name(), "gw", gatewayClass())))
            .isProgrammed()
            .hasListener("http")
            .hasListener("https")
            .actual();

    assertThat(gw)
        .isAccepted()
        .hasAddress()
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs")
        .hasListenerCondition("https", "Programmed", true, "Programmed")
        .hasListenerCondition("http", "Accepted", true, "Accepted")
        .hasListenerCondition("http", "Conflicted", false, "NoConflicts")
        .hasAttachedRoutes("http", 0);
    JsonNode status = Manifests.toTree(gw).path("status");
    assertThat(status.path("addresses").get(0).path("value").asText()).startsWith("127.");
    assertThat(status.path("listeners").get(0).path("supportedKinds").findValuesAsText("kind"))
        .containsExactly("HTTPRoute", "GRPCRoute");
    assertThat(status.path("conditions").get(0).path("observedGeneration").asLong())
        .isEqualTo(gw.metadata().generation().orElseThrow());
  }

  @Test
  void requestedLoopbackAddressIsServedAndOthersAreNotUsable() {
    Gateway gw = plainGateway("gw", "  - {name: http, port: 80, protocol: HTTP}\n");
    cluster.delete(gw);
    gw =
        create(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw2, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  addresses: [{type: IPAddress, value: 127.1.2.3}]\n"
                + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n",
            Gateway.class);
    Gateway programmed = awaitThat(cluster, gw).isProgrammed().actual();
    assertThat(Manifests.toTree(programmed).path("status").path("addresses").toString())
        .isEqualTo("[{\"type\":\"IPAddress\",\"value\":\"127.1.2.3\"}]");
    // the data plane listens on loopback only: a routable address cannot be assigned to it
    Gateway remote =
        create(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw3, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  addresses: [{type: IPAddress, value: 10.1.2.3}]\n"
                + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n",
            Gateway.class);
    awaitThat(cluster, remote).isAccepted().isNotProgrammed("AddressNotUsable");
  }

  @Test
  void addressWithoutValueGetsOneFromTheRange() {
    // GatewayOptionalAddressValue: {type: IPAddress} without a value asks for any IP address.
    Gateway gw =
        create(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: any, namespace: $NS}\n"
                + "spec:\n  gatewayClassName: $CLASS\n  addresses: [{type: IPAddress}]\n"
                + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n",
            Gateway.class);
    Gateway programmed = awaitThat(cluster, gw).isProgrammed().actual();
    JsonNode addresses = Manifests.toTree(programmed).path("status").path("addresses");
    assertThat(addresses).hasSize(1);
    assertThat(addresses.get(0).path("type").asText()).isEqualTo("IPAddress");
    assertThat(addresses.get(0).path("value").asText()).startsWith("127.");
  }

  @Test
  void missingCertificateSecretIsInvalidCertificateRef() {
    Gateway gw = cluster.create(Fixtures.gateway(ns.name(), "gw", gatewayClass()));
    Gateway g =
        awaitThat(cluster, gw)
            .hasListenerCondition("https", "ResolvedRefs", false, "InvalidCertificateRef")
            .actual();
    assertThat(g)
        .hasListenerCondition("https", "Programmed", false, "Invalid")
        .hasListenerCondition("http", "Programmed", true, "Programmed")
        .hasCondition("Accepted", true, "ListenersNotValid")
        .isProgrammed();

    // Creating the Secret afterwards resolves the reference: the controller watches Secrets.
    cluster.create(Fixtures.tlsSecret(ns.name(), "gw-tls", "app.example.com"));
    awaitThat(cluster, gw)
        .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs")
        .until(a -> a.hasCondition("Accepted", true, "Accepted"));
  }

  @Test
  void secretWithoutCertificateIsInvalidCertificateRef() {
    io.kubernetes.client.openapi.models.V1Secret bad =
        Fixtures.tlsSecret(ns.name(), "gw-tls", "x.example.com");
    bad.putDataItem(
        "tls.crt", "not a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    cluster.create(bad);
    Gateway gw = cluster.create(Fixtures.gateway(ns.name(), "gw", gatewayClass()));
    awaitThat(cluster, gw)
        .hasListenerCondition("https", "ResolvedRefs", false, "InvalidCertificateRef");
  }

  @Test
  void crossNamespaceCertificateNeedsReferenceGrant() {
    String certs = cluster.createTestNamespace("certs");
    try {
      cluster.create(Fixtures.tlsSecret(certs, "shared-tls", "app.example.com"));
      Gateway gw =
          plainGateway(
              "gw",
              "  - name: https\n    port: 443\n    protocol: HTTPS\n"
                  + "    tls: {certificateRefs: [{name: shared-tls, namespace: "
                  + certs
                  + "}]}\n");
      awaitThat(cluster, gw)
          .hasListenerCondition("https", "ResolvedRefs", false, "RefNotPermitted")
          .isNotProgrammed("Invalid");

      cluster.create(
          Fixtures.referenceGrant(certs, "allow-gateways", "Gateway", ns.name(), "Secret"));
      awaitThat(cluster, gw)
          .hasListenerCondition("https", "ResolvedRefs", true, "ResolvedRefs")
          .isProgrammed();
    } finally {
      cluster.deleteNamespace(certs);
    }
  }

  @Test
  void listenersOnOnePortWithDifferentProtocolsAreConflicted() {
    cluster.create(Fixtures.tlsSecret(ns.name(), "tls", "app.example.com"));
    Gateway gw =
        plainGateway(
            "gw",
            "  - {name: plain, port: 8080, protocol: HTTP}\n"
                + "  - {name: secure, port: 8080, protocol: HTTPS, tls: {certificateRefs: [{name: tls}]}}\n"
                + "  - {name: other, port: 9090, protocol: HTTP}\n");
    awaitThat(cluster, gw)
        .hasListenerCondition("plain", "Conflicted", true, "ProtocolConflict")
        .hasListenerCondition("secure", "Conflicted", true, "ProtocolConflict")
        .hasListenerCondition("other", "Conflicted", false, "NoConflicts")
        .hasListenerCondition("plain", "Programmed", false, "Invalid")
        .isProgrammed();
  }

  @Test
  void unsupportedRouteKindsAreInvalidRouteKinds() {
    Gateway gw =
        plainGateway(
            "gw",
            "  - name: http\n    port: 80\n    protocol: HTTP\n"
                + "    allowedRoutes: {kinds: [{kind: HTTPRoute}, {kind: TCPRoute}]}\n");
    Gateway g =
        awaitThat(cluster, gw)
            .hasListenerCondition("http", "ResolvedRefs", false, "InvalidRouteKinds")
            .actual();
    assertThat(
            Manifests.toTree(g)
                .path("status")
                .path("listeners")
                .get(0)
                .path("supportedKinds")
                .findValuesAsText("kind"))
        .containsExactly("HTTPRoute");
  }

  @Test
  void unknownProtocolIsUnsupportedProtocol() {
    Gateway gw =
        plainGateway(
            "gw",
            "  - {name: custom, port: 7000, protocol: example.com/quic}\n"
                + "  - {name: http, port: 80, protocol: HTTP}\n");
    awaitThat(cluster, gw)
        .hasListenerCondition("custom", "Accepted", false, "UnsupportedProtocol")
        .until(a -> a.hasCondition("Accepted", true, "ListenersNotValid"));
  }

  // ------------------------------------------------------------------------------------------------ Routes

  @Test
  void routeIsAcceptedAndCountedPerListener() {
    cluster.create(Fixtures.tlsSecret(ns.name(), "gw-tls", "app.example.com"));
    Gateway gw = cluster.create(Fixtures.gateway(ns.name(), "gw", gatewayClass()));
    cluster.create(Fixtures.service(ns.name(), "app-stable", 8080));
    cluster.create(Fixtures.service(ns.name(), "app-canary", 8080));
    HTTPRoute a =
        cluster.create(Fixtures.canaryRoute(ns.name(), "a", "gw", "app-stable", "app-canary", 10));
    HTTPRoute b =
        route(
            "b",
            ns.name(),
            "{name: gw, sectionName: https}",
            null,
            "[{name: app-stable, port: 8080}]");

    HTTPRoute accepted = awaitThat(cluster, a).isAcceptedBy("gw").hasResolvedRefs().actual();
    assertThat(accepted).hasBackendWeight("app-canary", 10).hasBackendWeight("app-stable", 90);
    RouteParentStatus parent = accepted.status().orElseThrow().parents().get(0);
    assertThat(parent.controllerName())
        .isEqualTo(SimulatedGatewayController.DEFAULT_CONTROLLER_NAME);
    assertThat(parent.condition("Accepted").orElseThrow().observedGeneration())
        .isEqualTo(accepted.metadata().generation());
    awaitThat(cluster, b).isAcceptedBy("gw");
    awaitThat(cluster, gw).hasAttachedRoutes("http", 1).hasAttachedRoutes("https", 2);
  }

  @Test
  void unknownSectionNameIsNoMatchingParent() {
    cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
    HTTPRoute r = route("r", ns.name(), "{name: gw, sectionName: nope}", null, "[]");
    awaitThat(cluster, r).isNotAcceptedBy("gw", "NoMatchingParent");
    HTTPRoute p = route("p", ns.name(), "{name: gw, port: 8443}", null, "[]");
    awaitThat(cluster, p).isNotAcceptedBy("gw", "NoMatchingParent");
  }

  @Test
  void routeFromAnotherNamespaceNeedsAllowedRoutes() {
    plainGateway("same", "  - {name: http, port: 80, protocol: HTTP}\n");
    plainGateway(
        "selected",
        "  - name: http\n    port: 80\n    protocol: HTTP\n"
            + "    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: shop}}}}\n");
    String apps = cluster.createTestNamespace("apps");
    try {
      HTTPRoute r = route("r", apps, "{name: same, namespace: $NS}", null, "[]");
      awaitThat(cluster, r).isNotAcceptedBy(ns.name() + "/same", "NotAllowedByListeners");
      HTTPRoute s = route("s", apps, "{name: selected, namespace: $NS}", null, "[]");
      awaitThat(cluster, s).isNotAcceptedBy(ns.name() + "/selected", "NotAllowedByListeners");

      // Labelling the namespace lets the selector match: the controller watches Namespaces.
      ObjectNode patch = Kube.JSON.createObjectNode();
      patch.putObject("metadata").putObject("labels").put("team", "shop");
      new Kube(cluster.apiClient()).mergePatch("/api/v1/namespaces/" + apps, patch);
      awaitThat(cluster, s).isAcceptedBy(ns.name() + "/selected");
    } finally {
      cluster.deleteNamespace(apps);
    }
  }

  @Test
  void routeChecksFindTheParentInTheNamespaceItsParentRefNames() {
    plainGateway("same", "  - {name: http, port: 80, protocol: HTTP}\n");
    plainGateway(
        "open",
        "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n");
    String apps = cluster.createTestNamespace("apps");
    try {
      HTTPRoute rejected = route("r", apps, "{name: same, namespace: $NS}", null, "[]");
      awaitThat(cluster, rejected)
          .isNotAcceptedBy("same", "NotAllowedByListeners")
          .isNotAcceptedBy(ParentReference.gateway(ns.name(), "same"), "NotAllowedByListeners");
      HTTPRoute accepted =
          route("a", apps, "{name: open, namespace: $NS, sectionName: http}", null, "[]");
      HTTPRoute seen =
          awaitThat(cluster, accepted)
              .isAcceptedBy("open")
              .isAcceptedBy(ParentReference.gateway(ns.name(), "open").withSectionName("http"))
              .hasResolvedRefs(ParentReference.gateway(ns.name(), "open").withSectionName("http"))
              .actual();
      assertThat(seen).isAcceptedBy(ns.name() + "/open");
      assertThatThrownBy(
              () -> assertThat(seen).isAcceptedBy(ParentReference.gateway(ns.name(), "open")))
          .as("a parentRef without sectionName is another parent")
          .isInstanceOf(AssertionError.class);
    } finally {
      cluster.deleteNamespace(apps);
    }
  }

  @Test
  void hostnamesMustIntersect() {
    plainGateway(
        "gw",
        "  - {name: a, port: 80, protocol: HTTP, hostname: a.example.com}\n"
            + "  - {name: wild, port: 81, protocol: HTTP, hostname: '*.shop.example'}\n");
    HTTPRoute miss =
        route("miss", ns.name(), "{name: gw, sectionName: a}", "[b.example.com]", "[]");
    awaitThat(cluster, miss).isNotAcceptedBy("gw", "NoMatchingListenerHostname");
    HTTPRoute wildcard = route("hit", ns.name(), "{name: gw}", "[cart.shop.example]", "[]");
    awaitThat(cluster, wildcard).isAcceptedBy("gw");
    awaitThat(cluster, cluster.get(Gateway.class, ns.name(), "gw"))
        .hasAttachedRoutes("wild", 1)
        .hasAttachedRoutes("a", 0);
  }

  @Test
  void missingServiceIsBackendNotFound() {
    cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
    HTTPRoute r = route("r", ns.name(), "{name: gw}", null, "[{name: absent, port: 8080}]");
    awaitThat(cluster, r).isAcceptedBy("gw").hasUnresolvedRefs("BackendNotFound");

    cluster.create(Fixtures.service(ns.name(), "absent", 9999));
    // The earlier "not found" status also says BackendNotFound: wait for the one about the port.
    HTTPRoute wrongPort =
        awaitThat(cluster, r)
            .until(
                a ->
                    a.hasUnresolvedRefs("BackendNotFound")
                        .satisfies(
                            x ->
                                assertThat(conditionMessage((HTTPRoute) x, "ResolvedRefs"))
                                    .contains("has no port 8080")))
            .actual();
    assertThat(conditionMessage(wrongPort, "ResolvedRefs")).contains("has no port 8080");

    cluster.delete(Fixtures.service(ns.name(), "absent", 9999));
    cluster.create(Fixtures.service(ns.name(), "absent", 8080));
    awaitThat(cluster, r).hasResolvedRefs();
  }

  static String conditionMessage(HTTPRoute r, String type) {
    return r.status().orElseThrow().parents().get(0).condition(type).orElseThrow().message();
  }

  @Test
  void crossNamespaceBackendNeedsReferenceGrant() {
    String backends = cluster.createTestNamespace("backends");
    try {
      cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
      cluster.create(Fixtures.service(backends, "api", 8080));
      HTTPRoute r =
          route(
              "r",
              ns.name(),
              "{name: gw}",
              null,
              "[{name: api, namespace: " + backends + ", port: 8080}]");
      awaitThat(cluster, r).isAcceptedBy("gw").hasUnresolvedRefs("RefNotPermitted");

      cluster.create(
          Fixtures.referenceGrant(backends, "allow-routes", "HTTPRoute", ns.name(), "Service"));
      awaitThat(cluster, r).hasResolvedRefs();
    } finally {
      cluster.deleteNamespace(backends);
    }
  }

  @Test
  void backendOfUnsupportedKindIsInvalidKind() {
    cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
    HTTPRoute r =
        route(
            "r",
            ns.name(),
            "{name: gw}",
            null,
            "[{group: example.com, kind: Bucket, name: assets, port: 80}]");
    awaitThat(cluster, r).hasUnresolvedRefs("InvalidKind");
  }

  @Test
  void specChangeIsObservedAtNewGeneration() {
    cluster.create(Fixtures.httpGateway(ns.name(), "gw", gatewayClass(), 80));
    HTTPRoute r = route("r", ns.name(), "{name: gw, sectionName: http}", null, "[]");
    HTTPRoute accepted = awaitThat(cluster, r).isAcceptedBy("gw").actual();
    long before = accepted.metadata().generation().orElseThrow();

    ObjectNode patch = Kube.JSON.createObjectNode();
    patch
        .putObject("spec")
        .putArray("parentRefs")
        .addObject()
        .put("name", "gw")
        .put("sectionName", "elsewhere");
    new Kube(cluster.apiClient())
        .mergePatch(
            "/apis/gateway.networking.k8s.io/v1/namespaces/" + ns.name() + "/httproutes/r", patch);

    HTTPRoute rejected = awaitThat(cluster, r).isNotAcceptedBy("gw", "NoMatchingParent").actual();
    assertThat(rejected.metadata().generation().orElseThrow()).isGreaterThan(before);
    assertThat(rejected.status().orElseThrow().parents()).hasSize(1);
    assertThat(rejected.status().orElseThrow().parents().get(0).parentRef().sectionName())
        .hasValue("elsewhere");
  }

  // ---------------------------------------------------------------- other controllers, failure
  // injection

  String extraClass(String controllerName) {
    String name = "c-" + ns.name();
    cluster.create(
        Manifests.read(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                + "metadata: {name: "
                + name
                + "}\nspec: {controllerName: "
                + controllerName
                + "}\n",
            GatewayClass.class));
    return name;
  }

  @Test
  void otherControllersParentEntriesAreKept() {
    String otherClass = extraClass("test.gatewaysdk.dev/second");
    try (SimulatedGatewayController second =
        SimulatedGatewayController.builder()
            .controllerName("test.gatewaysdk.dev/second")
            .start(cluster.apiClient())) {
      cluster.create(Fixtures.httpGateway(ns.name(), "mine", gatewayClass(), 80));
      cluster.create(Fixtures.httpGateway(ns.name(), "theirs", otherClass, 80));
      HTTPRoute r = route("r", ns.name(), "{name: mine}, {name: theirs}", null, "[]");
      HTTPRoute both = awaitThat(cluster, r).isAcceptedBy("mine").isAcceptedBy("theirs").actual();
      List<String> controllers =
          both.status().orElseThrow().parents().stream()
              .map(RouteParentStatus::controllerName)
              .sorted()
              .collect(Collectors.toList());
      assertThat(controllers)
          .containsExactly(
              SimulatedGatewayController.DEFAULT_CONTROLLER_NAME, "test.gatewaysdk.dev/second");
      assertThat(second.controllerName()).isEqualTo("test.gatewaysdk.dev/second");
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, otherClass));
    }
  }

  @Test
  void neverProgrammedGatewayTimesOutWaitingForProgrammed() {
    String faulty = extraClass("test.gatewaysdk.dev/faulty");
    try (SimulatedGatewayController c =
        SimulatedGatewayController.builder()
            .controllerName("test.gatewaysdk.dev/faulty")
            .neverProgram(g -> g.metadata().name().orElse("").startsWith("stuck"))
            .start(cluster.apiClient())) {
      Gateway stuck = cluster.create(Fixtures.httpGateway(ns.name(), "stuck", faulty, 80));
      Gateway fine = cluster.create(Fixtures.httpGateway(ns.name(), "fine", faulty, 80));
      awaitThat(cluster, fine).isProgrammed();
      awaitThat(cluster, stuck).isAccepted().isNotProgrammed("Pending");
      assertThatThrownBy(
              () -> awaitThat(cluster, stuck).within(Duration.ofMillis(300)).isProgrammed())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Not satisfied within PT0.3S for Gateway " + ns.name() + "/stuck")
          .hasMessageContaining("Programmed=True")
          .hasMessageContaining("Pending");
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, faulty));
    }
  }

  @Test
  void rejectedRoutesAreNotAccepted() {
    String faulty = extraClass("test.gatewaysdk.dev/picky");
    try (SimulatedGatewayController c =
        SimulatedGatewayController.builder()
            .controllerName("test.gatewaysdk.dev/picky")
            .rejectRoutes(route -> route.metadata().name().orElse("").startsWith("bad-"))
            .start(cluster.apiClient())) {
      cluster.create(Fixtures.httpGateway(ns.name(), "gw", faulty, 80));
      HTTPRoute bad = route("bad-route", ns.name(), "{name: gw}", null, "[]");
      HTTPRoute good = route("good-route", ns.name(), "{name: gw}", null, "[]");
      awaitThat(cluster, good).isAcceptedBy("gw");
      awaitThat(cluster, bad).isNotAcceptedBy("gw", "UnsupportedValue");
      awaitThat(cluster, cluster.get(Gateway.class, ns.name(), "gw")).hasAttachedRoutes("http", 1);
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, faulty));
    }
  }

  @Test
  void statusDelayHoldsStatusBack() {
    String slow = extraClass("test.gatewaysdk.dev/slow");
    try (SimulatedGatewayController c =
        SimulatedGatewayController.builder()
            .controllerName("test.gatewaysdk.dev/slow")
            .statusDelay(Duration.ofSeconds(3))
            .start(cluster.apiClient())) {
      Gateway gw = cluster.create(Fixtures.httpGateway(ns.name(), "gw", slow, 80));
      assertThatThrownBy(() -> awaitThat(cluster, gw).within(Duration.ofMillis(200)).isAccepted())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have Accepted=True but was")
          .hasMessageNotContaining("but was True");
      awaitThat(cluster, gw).within(Duration.ofSeconds(30)).isAccepted().isProgrammed();
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, slow));
    }
  }

  /**
   * statusDelay holds status back, not traffic: the data plane follows a route change at once,
   * while the route's status still describes the previous generation.
   */
  @Test
  void statusDelayDoesNotDelayTraffic() throws Exception {
    String slow = extraClass("test.gatewaysdk.dev/slow-status");
    Duration delay = Duration.ofSeconds(4);
    try (SimulatedGatewayController c =
            SimulatedGatewayController.builder()
                .controllerName("test.gatewaysdk.dev/slow-status")
                .statusDelay(delay)
                .start(cluster.apiClient());
        EchoBackend a = EchoBackend.behindService(cluster, ns.name(), "a", 8080);
        EchoBackend b = EchoBackend.behindService(cluster, ns.name(), "b", 8080)) {
      Gateway gw = cluster.create(Fixtures.httpGateway(ns.name(), "gw", slow, 8080));
      HTTPRoute r =
          route(
              "r",
              ns.name(),
              "{name: gw}",
              null,
              "[{name: a, port: 8080, weight: 1}, {name: b, port: 8080, weight: 0}]");
      awaitThat(cluster, gw).within(Duration.ofSeconds(30)).isProgrammed();
      awaitThat(cluster, r).within(Duration.ofSeconds(30)).isAcceptedBy("gw");
      java.net.URI url = c.gateway(ns.name(), "gw").url("http");
      assertThat(RawHttp.get(url, "example.com", "/").json().path("backend").asText())
          .isEqualTo("a");

      dev.gatewaysdk.core.RouteManager.create(cluster.client())
          .updateCanaryWeight(
              dev.gatewaysdk.core.RouteRef.httpRoute(ns.name(), "r"), "a", 0, "b", 1);
      long changed = System.nanoTime();
      String reached = "a";
      // well inside the status delay: the old loop swapped the route table only after it
      while (!reached.equals("b") && System.nanoTime() - changed < delay.toNanos() / 2) {
        reached = RawHttp.get(url, "example.com", "/").json().path("backend").asText();
      }
      assertThat(reached).as("backend reached after the weight change").isEqualTo("b");
      HTTPRoute now = cluster.get(HTTPRoute.class, ns.name(), "r");
      long generation = now.metadata().generation().orElseThrow();
      assertThat(now.status().orElseThrow().parents())
          .as("status still written for the previous generation")
          .allSatisfy(
              p ->
                  assertThat(p.conditions())
                      .allSatisfy(
                          cond ->
                              assertThat(cond.observedGeneration().orElse(0L))
                                  .isLessThan(generation)));
    } finally {
      cluster.delete(cluster.get(GatewayClass.class, null, slow));
    }
  }

  @Test
  void builderRejectsBadOptions() {
    assertThatThrownBy(() -> SimulatedGatewayController.builder().controllerName("no-domain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-domain");
    assertThatThrownBy(
            () -> SimulatedGatewayController.builder().statusDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }
}
