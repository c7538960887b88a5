package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.Capabilities;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.model.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the cluster serves: the group's versions from {@code /apis/gateway.networking.k8s.io},
 * each version's resources, and the release and channel annotations of a Gateway API CRD (when
 * readable).
 */
public final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";
  static final String CHANNEL = "gateway.networking.k8s.io/channel";

  private final Transport transport;

  public Discovery(Transport transport) {
    this.transport = transport;
  }

  public Capabilities discover() {
    JsonNode group;
    try {
      group = get("/apis/" + Kinds.GROUP);
    } catch (NotFoundException e) {
      return Capabilities.of(Optional.empty(), Optional.empty(), Map.of());
    }
    Map<String, List<String>> served = new LinkedHashMap<>();
    Map<String, String> plurals = new LinkedHashMap<>();
    for (JsonNode v : group.path("versions")) {
      String version = v.path("version").asText();
      JsonNode resources;
      try {
        resources = get("/apis/" + Kinds.GROUP + "/" + version);
      } catch (NotFoundException e) {
        continue; // version removed between the two reads
      }
      parseResources(resources, version, served, plurals);
    }
    Optional<String> release = Optional.empty();
    Optional<Channel> channel = Optional.empty();
    for (Map.Entry<String, String> e : plurals.entrySet()) {
      try {
        JsonNode crd =
            get(
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                    + e.getValue()
                    + "."
                    + Kinds.GROUP);
        JsonNode annotations = crd.path("metadata").path("annotations");
        release = text(annotations.path(BUNDLE_VERSION));
        channel = text(annotations.path(CHANNEL)).flatMap(Discovery::channel);
        break;
      } catch (GatewayApiException ex) {
        LOG.debug(
            "cannot read the CRD of {} for release and channel: {}", e.getKey(), ex.getMessage());
        if (!(ex instanceof NotFoundException)) {
          break; // forbidden or unreachable: the others will fail the same way
        }
      }
    }
    return Capabilities.of(release, channel, served);
  }

  static void parseResources(
      JsonNode resourceList,
      String version,
      Map<String, List<String>> served,
      Map<String, String> plurals) {
    for (JsonNode r : resourceList.path("resources")) {
      String name = r.path("name").asText();
      if (name.contains("/")) {
        continue; // subresource such as httproutes/status
      }
      String kind = r.path("kind").asText();
      served.computeIfAbsent(kind, k -> new ArrayList<>()).add(version);
      plurals.putIfAbsent(kind, name);
    }
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank()
        ? Optional.of(n.asText().trim())
        : Optional.empty();
  }

  private static Optional<Channel> channel(String s) {
    try {
      return Optional.of(Channel.parse(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private JsonNode get(String path) {
    byte[] body = transport.send(Transport.Req.of("GET", path)).body;
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw Errors.fromIo(e, "GET " + path);
    }
  }
}
