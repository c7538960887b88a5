package dev.gatewaysdk.testing;

import java.util.Objects;

/**
 * The namespace {@link GatewayApiTest} creates for one test: fresh, uniquely named, labelled {@code
 * gatewaysdk.dev/test=true}, deleted after the test (kept on failure when {@link
 * GatewayApiTest#keepNamespaceOnFailure()} is set). Inject it as a test method parameter or an
 * instance field. Immutable; {@link #toString()} is the name.
 *
 * <pre>{@code
 * @Test
 * void routesAreAccepted(GatewayCluster cluster, TestNamespace ns) {
 *   cluster.create(Fixtures.service(ns.name(), "app", 8080));
 * }
 * }</pre>
 */
public final class TestNamespace {
  private final String name;

  private TestNamespace(String name) {
    this.name = name;
  }

  /**
   * @throws IllegalArgumentException unless a DNS label (lower-case alphanumerics and '-', at most
   *     63)
   */
  public static TestNamespace of(String name) {
    if (name == null || !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException("namespace must be a DNS label: " + name);
    }
    return new TestNamespace(name);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestNamespace && ((TestNamespace) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
