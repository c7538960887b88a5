package dev.gatewaysdk.testing.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a server with a state file at random points, many times: every acknowledged
 * write is there after the restart, and resourceVersions keep rising across restarts (none is
 * handed out twice).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StateDurabilityTest {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyAcknowledgedWriteSurvivesKillNine(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("cluster.json");
    Map<String, Long> acked = new ConcurrentHashMap<>();
    Map<String, String> ackedData = new ConcurrentHashMap<>();
    Random random = new Random(16);
    long highest = 0;
    int rounds = 8;
    for (int round = 0; round < rounds; round++) {
      Process p = start(state);
      try {
        String url = url(p);
        // Everything acknowledged before every earlier kill is there, with the data of its last
        // acknowledged write.
        JsonNode list =
            Json.parse(
                get(url + "/api/v1/namespaces/default/configmaps")
                    .getBytes(StandardCharsets.UTF_8));
        Map<String, JsonNode> found = new HashMap<>();
        list.path("items").forEach(i -> found.put(i.path("metadata").path("name").asText(), i));
        for (Map.Entry<String, Long> e : acked.entrySet()) {
          assertThat(found)
              .as("round %d: acknowledged %s", round, e.getKey())
              .containsKey(e.getKey());
          long rv = found.get(e.getKey()).path("metadata").path("resourceVersion").asLong();
          assertThat(rv).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue());
          if (rv == e.getValue()) {
            // (A later write may have been made durable and then killed before its answer: not
            // acknowledged, allowed.)
            assertThat(found.get(e.getKey()).path("data").path("v").asText())
                .isEqualTo(ackedData.get(e.getKey()));
          }
        }
        long listRv = list.path("metadata").path("resourceVersion").asLong();
        assertThat(listRv)
            .as("round %d: the counter continues", round)
            .isGreaterThanOrEqualTo(highest);
        final long floor = highest;
        final int r = round;
        List<Thread> writers = new ArrayList<>();
        long[] maxRv = new long[2];
        java.util.concurrent.atomic.AtomicInteger roundAcks =
            new java.util.concurrent.atomic.AtomicInteger();
        for (int w = 0; w < 2; w++) {
          final int wi = w;
          Thread t =
              new Thread(
                  () -> {
                    long last = floor;
                    for (int i = 0; ; i++) {
                      String name = "cm-" + r + "-" + wi + "-" + i;
                      try {
                        HttpResponse<String> resp =
                            send(
                                "POST",
                                url + "/api/v1/namespaces/default/configmaps",
                                "{\"metadata\":{\"name\":\""
                                    + name
                                    + "\"},\"data\":{\"v\":\"1\"}}");
                        if (resp.statusCode() != 201) {
                          return;
                        }
                        long rv =
                            Json.parse(resp.body().getBytes(StandardCharsets.UTF_8))
                                .path("metadata")
                                .path("resourceVersion")
                                .asLong();
                        assertThat(rv)
                            .as("resourceVersions rise across restarts")
                            .isGreaterThan(last);
                        last = rv;
                        acked.put(name, rv);
                        ackedData.put(name, "1");
                        roundAcks.incrementAndGet();
                        if (i % 3 == 0) {
                          HttpResponse<String> upd =
                              send(
                                  "PATCH",
                                  url + "/api/v1/namespaces/default/configmaps/" + name,
                                  "{\"data\":{\"v\":\"2\"}}");
                          if (upd.statusCode() != 200) {
                            return;
                          }
                          long urv =
                              Json.parse(upd.body().getBytes(StandardCharsets.UTF_8))
                                  .path("metadata")
                                  .path("resourceVersion")
                                  .asLong();
                          assertThat(urv).isGreaterThan(last);
                          last = urv;
                          acked.put(name, urv);
                          ackedData.put(name, "2");
                        }
                        maxRv[wi] = last;
                      } catch (java.io.IOException e) {
                        return; // the server was killed mid-request: not acknowledged
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
          t.start();
          writers.add(t);
        }
        // Killed at a random point once writes flow (however slow the machine is).
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (roundAcks.get() < 3
            && System.nanoTime() < waitUntil
            && writers.stream().anyMatch(Thread::isAlive)) {
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(400));
        p.destroyForcibly().waitFor();
        for (Thread t : writers) {
          t.join(10_000);
          assertThat(t.isAlive()).isFalse();
        }
        highest = Math.max(highest, Math.max(maxRv[0], maxRv[1]));
      } finally {
        p.destroyForcibly().waitFor();
      }
    }
    assertThat(acked)
        .as("writes were acknowledged in every round")
        .hasSizeGreaterThanOrEqualTo(rounds * 3);
  }

  static Process start(Path state) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            StateCrashMain.class.getName(),
            state.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  static String url(Process p) throws Exception {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("URL ")) {
        return line.substring(4);
      }
    }
    throw new AssertionError("the child server did not start");
  }

  static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static HttpResponse<String> send(String method, String url, String body)
      throws java.io.IOException, InterruptedException {
    String ct = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", ct)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
