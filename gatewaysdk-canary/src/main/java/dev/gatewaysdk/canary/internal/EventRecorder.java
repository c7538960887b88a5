package dev.gatewaysdk.canary.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records rollout transitions as core/v1 Events on the route; failures are logged, never thrown.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  public static final String COMPONENT = "gatewaysdk-canary";

  private final CoreV1Api api;
  private final String instance;

  public EventRecorder(ApiClient client, String instance) {
    this.api = new CoreV1Api(client);
    this.instance = instance;
  }

  /** Whether the Event was stored. */
  public boolean record(JsonNode route, String type, String reason, String message, Instant time) {
    JsonNode meta = route.path("metadata");
    String ns = meta.path("namespace").asText();
    String name =
        meta.path("name").asText()
            + "."
            + Long.toHexString(time.toEpochMilli())
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
    OffsetDateTime at = OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    CoreV1Event e =
        new CoreV1Event()
            .metadata(new V1ObjectMeta().name(name).namespace(ns))
            .involvedObject(
                new V1ObjectReference()
                    .apiVersion(route.path("apiVersion").asText())
                    .kind(route.path("kind").asText())
                    .name(meta.path("name").asText())
                    .namespace(ns)
                    .uid(meta.path("uid").asText(null))
                    .resourceVersion(meta.path("resourceVersion").asText(null)))
            .type(type)
            .reason(reason)
            .message(message.length() > 1000 ? message.substring(0, 1000) : message)
            .source(new V1EventSource().component(COMPONENT))
            .reportingComponent(COMPONENT)
            .reportingInstance(instance)
            .firstTimestamp(at)
            .lastTimestamp(at)
            .count(1);
    try {
      api.createNamespacedEvent(ns, e).execute();
      return true;
    } catch (ApiException ex) {
      LOG.warn(
          "cannot record event {} on {}/{}: {} {}",
          reason,
          ns,
          meta.path("name").asText(),
          ex.getCode(),
          ex.getResponseBody());
    } catch (RuntimeException ex) {
      LOG.warn(
          "cannot record event {} on {}/{}: {}",
          reason,
          ns,
          meta.path("name").asText(),
          ex.toString());
    }
    return false;
  }
}
