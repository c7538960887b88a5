package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.Jsons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts what a rollout does — each step, pause and resume, promotion, rollback or abort (with its
 * reason, also when the cause was not an analysis: a route the Gateway refused, a deadline, an
 * abort), and the API server becoming unreachable — to a chat webhook: Slack's incoming webhooks
 * ({@code {"text": ...}}, also understood by Mattermost and Rocket.Chat) or Microsoft Teams (a
 * {@code MessageCard}). It never holds up the rollout: messages wait in a bounded queue (100) for
 * one sender thread; each is tried three times with back-off (0.5 s, 1 s, 2 s, 5 s timeout each);
 * when the queue is full a message is dropped with a WARN. {@link #close()} sends what is queued
 * for up to five seconds. Thread-safe.
 *
 * <pre>{@code
 * try (WebhookNotifier slack = WebhookNotifier.slack(URI.create(System.getenv("SLACK_WEBHOOK")), "shop/storefront")) {
 *   Canary.builder(client, plan).listener(slack).build().run();
 * }
 * }</pre>
 */
public final class WebhookNotifier implements CanaryListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
  private static final int QUEUE = 100;
  private static final long[] BACKOFF_MILLIS = {500, 1000, 2000};
  private static final Object STOP = new Object();

  /** The payload a webhook expects. */
  public enum Format {
    /** {@code {"text": "..."}}: Slack incoming webhooks, Mattermost, Rocket.Chat. */
    SLACK,
    /** A {@code MessageCard} with title, text and colour: Microsoft Teams incoming webhooks. */
    TEAMS
  }

  private final URI url;
  private final Format format;
  private final String rollout;
  private final ProviderAuth auth;
  private final HttpClient http;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread sender;
  private volatile boolean closed;

  private WebhookNotifier(URI url, Format format, String rollout, ProviderAuth auth) {
    String scheme = Objects.requireNonNull(url, "url").getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "webhook URL must be http or https: " + ProviderAuth.shown(url));
    }
    this.url = url;
    this.format = Objects.requireNonNull(format, "format");
    this.rollout = Objects.requireNonNull(rollout, "rollout");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.sender = new Thread(this::send, "gatewaysdk-canary-notifier");
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * A notifier posting Slack-compatible payloads to {@code url}, naming the rollout {@code rollout}
   * (such as {@code shop/storefront}) in each message.
   *
   * @throws IllegalArgumentException if {@code url} is not http(s)
   */
  public static WebhookNotifier slack(URI url, String rollout) {
    return new WebhookNotifier(url, Format.SLACK, rollout, ProviderAuth.NONE);
  }

  /** As {@link #slack}, with Microsoft Teams' {@code MessageCard} payloads. */
  public static WebhookNotifier teams(URI url, String rollout) {
    return new WebhookNotifier(url, Format.TEAMS, rollout, ProviderAuth.NONE);
  }

  /**
   * A notifier of {@code format} sending {@code auth}'s credentials with every post.
   *
   * @throws IllegalArgumentException if {@code url} is not http(s)
   */
  public static WebhookNotifier create(URI url, Format format, String rollout, ProviderAuth auth) {
    return new WebhookNotifier(url, format, rollout, auth);
  }

  @Override
  public void stepStarted(CanaryStatus status, Step step) {
    post(
        "step "
            + (status.step() + 1)
            + "/"
            + status.stepCount()
            + " "
            + step
            + ": canary at "
            + status.canaryWeight()
            + "%"
            + (status.mirrorPercent() > 0 ? ", mirroring " + status.mirrorPercent() + "%" : ""),
        "0078D7");
  }

  @Override
  public void paused(CanaryStatus status) {
    post(said("paused at " + status.canaryWeight() + "%", status), "FFB900");
  }

  @Override
  public void resumed(CanaryStatus status) {
    post("resumed at " + status.canaryWeight() + "%", "0078D7");
  }

  @Override
  public void promoted(CanaryStatus status) {
    post(said("promoted", status), "2EB886");
  }

  @Override
  public void rolledBack(CanaryStatus status) {
    post(said(status.phase() == Phase.ABORTED ? "aborted" : "rolled back", status), "D40E0D");
  }

  @Override
  public void apiUnavailable(
      CanaryStatus last, RuntimeException error, int attempt, Duration retryIn) {
    if (Integer.bitCount(attempt)
        == 1) { // 1, 2, 4, 8 ...: an outage is reported, not every retry of it
      post(
          "the API server is unreachable ("
              + attempt
              + (attempt == 1 ? " attempt" : " attempts")
              + "); the rollout stays at "
              + (last == null ? "its current weight" : last.canaryWeight() + "%")
              + " and retries in "
              + retryIn.toSeconds()
              + " s",
          "FFB900");
    }
  }

  /** {@code what}, and the status' reason unless it says no more. */
  private static String said(String what, CanaryStatus status) {
    String reason = status.reason();
    return reason.isEmpty() || what.startsWith(reason) ? what : what + ": " + reason;
  }

  private void post(String what, String colour) {
    if (closed) {
      return;
    }
    String text = "canary " + rollout + ": " + what;
    ObjectNode payload = Jsons.object();
    if (format == Format.SLACK) {
      payload.put("text", text);
    } else {
      payload
          .put("@type", "MessageCard")
          .put("@context", "https://schema.org/extensions")
          .put("summary", text)
          .put("themeColor", colour)
          .put("title", "canary " + rollout)
          .put("text", what);
    }
    if (!queue.offer(payload)) {
      LOG.warn(
          "canary notifier {}: {} messages queued, dropping: {}",
          ProviderAuth.shown(url),
          QUEUE,
          text);
    }
  }

  private void send() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == STOP) {
        return;
      }
      deliver((ObjectNode) next);
    }
  }

  private void deliver(ObjectNode payload) {
    String body = Jsons.write(payload);
    for (int attempt = 0; ; attempt++) {
      String failure;
      try {
        HttpRequest request =
            auth.apply(
                    HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .build();
        int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (code / 100 == 2) {
          return;
        }
        failure = "answered " + code;
        if (code / 100 == 4 && code != 429) {
          attempt = BACKOFF_MILLIS.length; // a refusal does not get better by trying again
        }
      } catch (IOException | IllegalStateException e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (attempt >= BACKOFF_MILLIS.length) {
        LOG.warn(
            "canary notifier {}: message not delivered ({}): {}",
            ProviderAuth.shown(url),
            failure,
            payload.path("summary").asText(payload.path("text").asText()));
        return;
      }
      LOG.debug("canary notifier {}: {}; retrying", ProviderAuth.shown(url), failure);
      try {
        Thread.sleep(BACKOFF_MILLIS[attempt]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops taking messages and sends those queued, for up to five seconds. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!queue.offer(STOP)) {
      sender.interrupt();
    }
    try {
      sender.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (sender.isAlive()) {
      LOG.debug(
          "canary notifier {}: {} messages left unsent at close",
          ProviderAuth.shown(url),
          queue.size());
      sender.interrupt();
    }
  }

  @Override
  public String toString() {
    return "canary notifier "
        + format
        + " "
        + ProviderAuth.shown(url)
        + (auth == ProviderAuth.NONE ? "" : " with " + auth);
  }
}
