package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.testing.GatewayCluster.Backend;
import dev.gatewaysdk.testing.GatewayCluster.Controller;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a {@link GatewayCluster} with the Gateway API installed.
 *
 * <p>One cluster per configuration is started once per JVM and shared by every test class that asks
 * for the same one; it is closed when the test run ends. Each test gets a fresh {@link
 * TestNamespace}, deleted after the test. Test methods, lifecycle methods and constructors can take
 * parameters, and instance fields (or static fields, except {@link TestNamespace}) of these types
 * are set: {@link GatewayCluster}, {@link io.kubernetes.client.openapi.ApiClient}, {@link
 * dev.gatewaysdk.core.GatewayApiClient}, {@link dev.gatewaysdk.core.RouteManager} and {@link
 * TestNamespace}.
 *
 * <p>Backends that cannot run here are skipped, not failed: {@link Backend#K3S} without a Docker
 * engine, {@link Backend#KUBECONFIG} without a kubeconfig. Misconfiguration (a Traefik controller
 * on the embedded backend, a malformed release, an injectable field that is final) fails with
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}.
 *
 * <pre>{@code
 * @GatewayApiTest
 * class CanaryTest {
 *   @Test
 *   void canaryIsAccepted(GatewayCluster cluster, TestNamespace ns) {
 *     cluster.create(Fixtures.httpGateway(ns.name(), "gw", cluster.gatewayClassName().orElseThrow(), 80));
 *     HTTPRoute route = cluster.create(Fixtures.canaryRoute(ns.name(), "app", "gw", "app-v1", "app-v2", 10));
 *     awaitThat(cluster, route).isAcceptedBy("gw");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GatewayApiExtension.class)
public @interface GatewayApiTest {
  /** Where the cluster runs. */
  Backend backend() default Backend.EMBEDDED;

  /** The Gateway API release whose CRDs are installed (from the CRD source setting). */
  String release() default CrdSource.LATEST_RELEASE;

  Channel channel() default Channel.STANDARD;

  /** Which controller writes status; {@link Controller#SIMULATED} works on every backend. */
  Controller controller() default Controller.SIMULATED;

  /**
   * Whether the embedded cluster authorizes requests by RBAC (see {@link
   * GatewayClusterOptions#authorization()}); turn it on to test what a {@link Tenant} may do.
   */
  boolean authorization() default false;

  /** Keep a failed test's namespace (and log its name) for inspection instead of deleting it. */
  boolean keepNamespaceOnFailure() default false;
}
