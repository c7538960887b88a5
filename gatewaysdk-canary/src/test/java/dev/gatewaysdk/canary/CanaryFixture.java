package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteRef;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The canary tests' shared setup, as a JUnit extension registered once per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final CanaryFixture fixture = new CanaryFixture("web");
 * }</pre>
 *
 * <p>Before the class: a {@link Cluster} (the embedded API server with the Gateway API CRDs
 * installed and the controller stand-in) and a canary {@link #client} on it; before each test: a
 * fresh manual {@link #clock} at {@link #T0}; after the class: the cluster closed. Seed routes come
 * from {@link #newRoute()}, canaries on the clock from {@link #canary}, fake metrics from {@link
 * #constant}.
 */
final class CanaryFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  /**
   * The seed HTTPRoute ({@code NAME} replaced): a stable/canary rule with a filter, and an admin
   * rule.
   */
  static final String ROUTE =
      "{'apiVersion':'gateway.networking.k8s.io/v1','kind':'HTTPRoute',"
          + "'metadata':{'name':'NAME','namespace':'default','annotations':{'team':'web'}},"
          + "'spec':{'parentRefs':[{'name':'gw'}],'rules':["
          + "{'matches':[{'path':{'type':'PathPrefix','value':'/'}}],"
          + " 'filters':[{'type':'RequestHeaderModifier','requestHeaderModifier':{'add':[{'name':'x-env','value':'prod'}]}}],"
          + " 'backendRefs':[{'name':'web-v1','port':80,'weight':100},{'name':'web-v2','port':80,'weight':0}]},"
          + "{'matches':[{'path':{'type':'PathPrefix','value':'/admin'}}],'backendRefs':[{'name':'admin','port':80}]}]}}";

  private final String prefix;
  private final AtomicInteger names = new AtomicInteger();
  Cluster cluster;
  GatewayApiClient client;
  VirtualClock clock;

  /**
   * @param prefix how the names of the seed routes start
   */
  CanaryFixture(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = new Cluster();
    client = cluster.client();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    clock = VirtualClock.at(T0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A name not used before in this class: {@code prefix-n}. */
  String newName(String start) {
    return start + "-" + names.incrementAndGet();
  }

  /** Creates a fresh copy of {@link #ROUTE} (status reported) and returns its reference. */
  RouteRef newRoute() {
    String name = newName(prefix);
    cluster.createRoute(ROUTE.replace("NAME", name));
    return RouteRef.httpRoute(Cluster.NS, name);
  }

  /** A plan on {@code route} from the seed route's stable web-v1 to its canary web-v2. */
  static CanaryPlan.Builder plan(RouteRef route) {
    return CanaryPlan.builder().route(route).stable("web-v1").canary("web-v2");
  }

  /** A canary on the fixture's client and manual clock, polling every 5s. */
  Canary.Builder canary(CanaryPlan plan) {
    return Canary.builder(client, plan).clock(clock).pollInterval(Duration.ofSeconds(5));
  }

  /** Fake metrics: a provider that measures {@code value} every time. */
  static MetricProvider constant(double value) {
    return MetricProvider.of(ctx -> value);
  }

  /** rules[1] and the first rule's matches and filters as created (with the server's defaults). */
  void assertUntouched(JsonNode route) {
    ObjectNode original = cluster.created.get(route.path("metadata").path("name").asText());
    assertThat(route.at("/spec/rules/1")).isEqualTo(original.at("/spec/rules/1"));
    assertThat(route.at("/spec/rules/0/matches")).isEqualTo(original.at("/spec/rules/0/matches"));
    assertThat(route.at("/spec/rules/0/filters/0"))
        .isEqualTo(original.at("/spec/rules/0/filters/0"));
    assertThat(route.at("/spec/parentRefs")).isEqualTo(original.at("/spec/parentRefs"));
    assertThat(route.at("/metadata/annotations/team").asText()).isEqualTo("web");
  }
}
