package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoBackendTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private List<Integer> statuses(DemoBackend backend, int n) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(backend.uri()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("X-Backend")).contains(backend.name());
      assertThat(r.body()).contains(backend.name());
      out.add(r.statusCode());
    }
    return out;
  }

  @Test
  void errorsAreSpreadEvenlyAtTheConfiguredRate() throws Exception {
    try (DemoBackend canary = DemoBackend.start("app-canary", 0.25, Duration.ZERO)) {
      assertThat(statuses(canary, 8)).containsExactly(200, 200, 200, 500, 200, 200, 200, 500);
      assertThat(canary.requests()).isEqualTo(8);
      assertThat(canary.errors()).isEqualTo(2);
    }
  }

  @Test
  void healthyBackendNeverFails() throws Exception {
    try (DemoBackend stable = DemoBackend.start("app-stable", 0, Duration.ofMillis(1))) {
      assertThat(statuses(stable, 20)).containsOnly(200);
      assertThat(stable.errors()).isZero();
    }
  }

  @Test
  void alwaysFailingBackendAnswers500() throws Exception {
    try (DemoBackend broken = DemoBackend.start("broken", 1, Duration.ZERO)) {
      assertThat(statuses(broken, 3)).containsOnly(500);
    }
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> DemoBackend.start("x", 1.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("errorRate must be 0..1: 1.5");
    assertThatThrownBy(() -> DemoBackend.start("x", 0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("latency must not be negative");
  }
}
