package dev.gatewaysdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An orderly close of what the SDK starts logs nothing above DEBUG (the build's SLF4J binding
 * prints INFO up).
 */
class OrderlyCloseTest {
  @Test
  void closingACacheLogsNothing() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      GatewayApiClient client = GatewayApiClient.create(server.apiClient());
      String logged =
          stderrOf(
              () -> {
                for (int i = 0; i < 3; i++) {
                  try (ResourceCache<HTTPRoute> cache = client.cache(HTTPRoute.class)) {
                    assertThat(cache.waitForSync(Duration.ofSeconds(30))).isTrue();
                    Thread.sleep(200); // the informer's watch is open when the cache closes
                  }
                }
                Thread.sleep(500); // the informer's threads end after close returns
              });
      assertThat(logged).doesNotContain("ERROR").doesNotContain("WARN");
    }
  }

  interface Action {
    void run() throws Exception;
  }

  /** What is written to standard error (where slf4j-simple logs) while {@code action} runs. */
  static String stderrOf(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }
}
