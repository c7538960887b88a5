package dev.gatewaysdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.testing.GatewayCluster.Backend;
import dev.gatewaysdk.testing.GatewayCluster.Controller;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small {@link GatewayApiTest} classes in a nested engine to check the extension's lifecycle
 * and errors.
 */
class GatewayApiExtensionTest {
  /** What the nested classes saw, by key; the nested engine runs in this JVM. */
  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  static Events run(Class<?> testClass) {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(testClass))
            .execute()
            .allEvents();
    events.failed().stream()
        .forEach(
            e ->
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .ifPresent(
                        t ->
                            System.err.println(
                                "nested " + e.getTestDescriptor().getDisplayName() + ": " + t)));
    return events;
  }

  @GatewayApiTest
  static class TwoTests {
    static GatewayCluster staticCluster;

    @BeforeAll
    static void before(GatewayCluster cluster) {
      SEEN.put("beforeAll", cluster);
    }

    @Test
    void first(TestNamespace ns, GatewayCluster cluster) {
      SEEN.put("ns1", ns.name());
      SEEN.put("cluster1", cluster);
      SEEN.put("static", staticCluster);
    }

    @Test
    void second(TestNamespace ns, GatewayCluster cluster) {
      SEEN.put("ns2", ns.name());
      SEEN.put("cluster2", cluster);
    }

    @AfterAll
    static void after(GatewayCluster cluster) {
      List<String> remaining = new ArrayList<>();
      for (String key : List.of("ns1", "ns2")) {
        if (namespaceExists(cluster, (String) SEEN.get(key))) {
          remaining.add((String) SEEN.get(key));
        }
      }
      SEEN.put("remaining", remaining);
    }
  }

  static boolean namespaceExists(GatewayCluster cluster, String name) {
    try {
      new io.kubernetes.client.openapi.apis.CoreV1Api(cluster.apiClient())
          .readNamespace(name)
          .execute();
      return true;
    } catch (io.kubernetes.client.openapi.ApiException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw new IllegalStateException(e);
    }
  }

  @Test
  void oneClusterPerRunAndOneNamespacePerTestDeletedAfterwards() {
    SEEN.clear();
    run(TwoTests.class).assertStatistics(s -> s.succeeded(4).failed(0)); // engine, class, two tests
    assertThat(SEEN.get("cluster1"))
        .isSameAs(SEEN.get("cluster2"))
        .isSameAs(SEEN.get("beforeAll"))
        .isSameAs(SEEN.get("static"));
    assertThat(SEEN.get("ns1")).isNotEqualTo(SEEN.get("ns2"));
    assertThat((String) SEEN.get("ns1")).startsWith("twotests-first-");
    // Namespace deletion may leave a namespace Terminating on a real cluster; the embedded server
    // removes it.
    assertThat((List<?>) SEEN.get("remaining")).isEmpty();
  }

  @GatewayApiTest(keepNamespaceOnFailure = true)
  static class KeepsOnFailure {
    @Test
    void fails(TestNamespace ns) {
      SEEN.put("kept", ns.name());
      throw new AssertionError("expected failure");
    }

    @AfterAll
    static void after(GatewayCluster cluster) {
      SEEN.put("keptExists", namespaceExists(cluster, (String) SEEN.get("kept")));
    }
  }

  @Test
  void failedTestsNamespaceIsKeptWhenAsked() {
    SEEN.clear();
    run(KeepsOnFailure.class).assertStatistics(s -> s.failed(1));
    assertThat(SEEN.get("keptExists")).isEqualTo(true);
  }

  @GatewayApiTest(backend = Backend.EMBEDDED, controller = Controller.TRAEFIK)
  static class TraefikWithoutK3s {
    @Test
    void never() {}
  }

  @Test
  void traefikOnEmbeddedIsAConfigurationError() {
    run(TraefikWithoutK3s.class)
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("TRAEFIK needs backend K3S")))));
  }

  @GatewayApiTest(release = "1.6")
  static class MalformedRelease {
    @Test
    void never() {}
  }

  @Test
  void malformedReleaseIsAConfigurationError() {
    run(MalformedRelease.class)
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.contains(
                                "release must look like " + CrdSource.LATEST_RELEASE + ": 1.6")))));
  }

  @GatewayApiTest
  static class FinalField {
    final ApiClient client = null;

    @Test
    void never() {}
  }

  @Test
  void finalInjectableFieldIsAConfigurationError() {
    run(FinalField.class)
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("final field")))));
  }

  @GatewayApiTest
  static class ConstructorInjection {
    private final GatewayCluster cluster;
    private final RouteManager routes;
    private final TestNamespace ns;

    ConstructorInjection(GatewayCluster cluster, RouteManager routes, TestNamespace ns) {
      this.cluster = cluster;
      this.routes = routes;
      this.ns = ns;
    }

    @Test
    void usesWhatTheConstructorGot(TestNamespace param) {
      SEEN.put("ctor.cluster", cluster);
      SEEN.put("ctor.routes", routes);
      SEEN.put("ctor.ns", ns.name());
      SEEN.put("ctor.param", param.name());
      SEEN.put("ctor.created", cluster.create(Fixtures.service(ns.name(), "s", 80)) != null);
    }
  }

  @Test
  void constructorParametersAreInjectedAndTheirFinalFieldsLeftAlone() {
    Events events = run(ConstructorInjection.class);
    assertThat(events.failed().count()).isZero();
    assertThat(SEEN.get("ctor.cluster")).isInstanceOf(GatewayCluster.class);
    assertThat(SEEN.get("ctor.routes")).isInstanceOf(RouteManager.class);
    assertThat(SEEN.get("ctor.ns")).isEqualTo(SEEN.get("ctor.param")); // the test's one namespace
    assertThat(SEEN.get("ctor.created")).isEqualTo(true);
  }

  @GatewayApiTest
  static class NamespaceInBeforeAll {
    @BeforeAll
    static void before(TestNamespace ns) {}

    @Test
    void never() {}
  }

  @Test
  void namespaceOutsideATestIsReported() {
    run(NamespaceInBeforeAll.class)
        .assertThatEvents()
        .haveAtLeastOne(
            event(
                finishedWithFailure(
                    message(m -> m.contains("a TestNamespace exists only around a test method")))));
  }

  @GatewayApiTest(backend = Backend.K3S)
  static class NeedsK3s {
    @Test
    void runsOnlyWithDocker() {}
  }

  @Test
  void k3sWithoutDockerIsSkippedWithReason() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        GatewayCluster.availability(GatewayClusterOptions.builder().backend(Backend.K3S).build())
            .isPresent(),
        "Docker is available here: the k3s class would run");
    run(NeedsK3s.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    r -> r.contains("backend = K3S") && r.contains("no Docker engine"))));
  }

  @GatewayApiTest(backend = Backend.KUBECONFIG)
  static class NeedsKubeconfig {
    @Test
    void runsOnlyWithKubeconfig() {}
  }

  @Test
  void kubeconfigBackendWithoutKubeconfigIsSkippedWithReason() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        GatewayClusterOptions.builder().backend(Backend.KUBECONFIG).build().kubeconfig().isEmpty(),
        "a kubeconfig is configured here: the class would run");
    run(NeedsKubeconfig.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    r ->
                        r.contains("gatewaysdk.kubeconfig")
                            && r.contains("GATEWAYSDK_KUBECONFIG"))));
  }

  @Test
  void optionsHaveValueEqualitySoClustersAreShared() {
    GatewayClusterOptions a =
        GatewayClusterOptions.builder().channel(dev.gatewaysdk.model.Channel.EXPERIMENTAL).build();
    GatewayClusterOptions b =
        GatewayClusterOptions.defaults()
            .newBuilder()
            .channel(dev.gatewaysdk.model.Channel.EXPERIMENTAL)
            .build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(GatewayClusterOptions.defaults());
    assertThat(GatewayClusterOptions.defaults().k3sImage())
        .isEqualTo(GatewayClusterOptions.DEFAULT_K3S_IMAGE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GatewayClusterOptions.builder().k3sImage("nginx:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rancher/k3s");
  }
}
