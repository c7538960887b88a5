package dev.gatewaysdk.testing.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener under abuse: abandoned partial requests, many watches, watchers that go away. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransportTest {
  ApiServer server;

  @BeforeEach
  void start() {
    server = ApiServer.start(0, List.of(), null, 1000, 60_000);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static int openFiles() {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return (int) s.count();
    } catch (IOException e) {
      return -1;
    }
  }

  static void await(String what, IntSupplier value, int atMost, long millis)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (value.getAsInt() > atMost && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(value.getAsInt()).as(what).isLessThanOrEqualTo(atMost);
  }

  @Test
  void abandonedPartialRequestsAreReleasedAndTheServerStillAnswers() throws Exception {
    assumeTrue(
        Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd to count descriptors");
    int before = openFiles();
    for (int batch = 0; batch < 6; batch++) {
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        // A request line and headers that never end.
        s.getOutputStream()
            .write(
                "GET /api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sockets.add(s);
      }
      for (Socket s : sockets) {
        s.close();
      }
    }
    // The margin covers descriptors the JVM opens meanwhile (Netty event loops started by the first
    // connections,
    // the data plane's sockets of earlier tests closing); a leak would be thousands.
    await(
        "descriptors after 3,000 abandoned requests (before: " + before + ")",
        TransportTest::openFiles,
        before + 200,
        10_000);
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/namespaces/default"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void aThousandWatchesHoldNoThreadEachAndAreReleasedWhenTheirClientsGo() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        OutputStream out = s.getOutputStream();
        out.write(
            ("GET /api/v1/namespaces/default/configmaps?watch=1&resourceVersion="
                    + server.resourceVersion()
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sockets.add(s);
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (server.openWatches() < 1000 && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(server.openWatches()).isEqualTo(1000);
      assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
          .as("threads with 1,000 watches open")
          .isLessThan(threadsBefore + 100);
      // Every watcher sees a write.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create(server.url() + "/api/v1/namespaces/default/configmaps"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"seen\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (Socket s : sockets) {
        s.setSoTimeout(10_000);
        assertThat(readUntil(s.getInputStream(), "\"seen\"")).isTrue();
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    // No further event: the watches are released because their clients went away.
    await("open watches after their clients closed", server::openWatches, 0, 5_000);
  }

  static boolean readUntil(InputStream in, String marker) throws IOException {
    StringBuilder sb = new StringBuilder();
    byte[] buf = new byte[4096];
    int n;
    while ((n = in.read(buf)) > 0) {
      sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      if (sb.indexOf(marker) >= 0) {
        return true;
      }
    }
    return false;
  }
}
