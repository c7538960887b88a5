package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.TrafficReplay.V3;
import static dev.gatewaysdk.testing.TrafficReplay.get;
import static dev.gatewaysdk.testing.TrafficReplay.route;

import dev.gatewaysdk.model.Channel;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code httproute-*} traffic replay whose fields only the experimental channel of v1.6.1 has
 * ({@code httproute-retry}: {@code rules[].retry}); the others are in {@link
 * HttpRouteTrafficReplayTest}.
 */
@GatewayApiTest(channel = Channel.EXPERIMENTAL)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpRouteTrafficReplayExperimentalTest extends TrafficReplay {
  private static final AtomicInteger UUIDS = new AtomicInteger();

  /**
   * A request the echo backend fails with {@code code} {@code failures} times before answering 200
   * (the suite's retry simulation, a fresh uuid per request), expected to end with {@code status}.
   */
  static TrafficReplay.Case retried(String path, int code, int failures, int status) {
    return get(path
            + "?responseCode="
            + code
            + "&succeedAfter="
            + failures
            + "&uuid=u"
            + UUIDS.incrementAndGet())
        .status(status)
        .backend(null, V3);
  }

  @Test
  void httpRouteRetry() {
    URI gw =
        sameNamespace(
            route(
                "retries",
                "  parentRefs: [{name: same-namespace}]\n  rules:\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /retry/code-500-attempts-3}}]\n"
                    + "    retry: {codes: [500], attempts: 3}\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /retry/code-all-attempts-2}}]\n"
                    + "    retry: {codes: [500, 502, 503, 504], attempts: 2}\n"
                    + "    backendRefs: [{name: infra-backend-v3, port: 8080}]\n"),
            "retries");
    String a3 = "/retry/code-500-attempts-3";
    String a2 = "/retry/code-all-attempts-2";
    // Each case is one request with a fresh uuid (the suite sends one per attempt to converge)
    TrafficReplay.Case[] cases = {
      retried(a3, 500, 2, 200),
      retried(a3, 500, 4, 500),
      retried(a3, 503, 2, 503),
      retried(a2, 500, 1, 200),
      retried(a2, 500, 3, 500),
      retried(a2, 502, 1, 200),
      retried(a2, 502, 3, 502),
      retried(a2, 503, 1, 200),
      retried(a2, 503, 3, 503),
      retried(a2, 504, 1, 200),
      retried(a2, 504, 3, 504)
    };
    for (TrafficReplay.Case c : cases) {
      expectOnce(gw, c);
    }
  }
}
