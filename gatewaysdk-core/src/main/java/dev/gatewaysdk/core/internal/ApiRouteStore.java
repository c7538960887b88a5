package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.WriteOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RouteStore} over the API server: JSON patches with the manager's field manager. */
public final class ApiRouteStore implements RouteStore {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouteStore.class);

  private final RawClient raw;
  private final String fieldManager;
  private final Map<String, Optional<JsonNode>> schemas = new ConcurrentHashMap<>();

  public ApiRouteStore(RawClient raw, String fieldManager) {
    this.raw = raw;
    this.fieldManager = fieldManager;
  }

  @Override
  public ObjectNode get(String kind, String namespace, String name) {
    return raw.get(kind, namespace, name);
  }

  @Override
  public ObjectNode patch(String kind, String namespace, String name, ArrayNode jsonPatch, boolean dryRun) {
    WriteOptions o = WriteOptions.builder().dryRun(dryRun).fieldManager(fieldManager).build();
    return raw.patch(kind, namespace, name, RawClient.bytes(jsonPatch), RawClient.JSON_PATCH, o, false);
  }

  @Override
  public ObjectNode create(String kind, String namespace, ObjectNode route, boolean dryRun) {
    WriteOptions o = WriteOptions.builder().dryRun(dryRun).fieldManager(fieldManager).build();
    return raw.create(kind, namespace, route, o);
  }

  @Override
  public String apiVersion(String kind) {
    return raw.apiVersion(kind);
  }

  @Override
  public Optional<Boolean> hasField(String kind, String path) {
    Optional<JsonNode> schema = schemas.computeIfAbsent(kind, this::schema);
    return schema.map(s -> Schemas.hasField(s, path));
  }

  private Optional<JsonNode> schema(String kind) {
    String version = raw.version(kind);
    try {
      ObjectNode crd = crd(kind);
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (version.equals(v.path("name").asText())) {
          return Optional.of(v.path("schema").path("openAPIV3Schema"));
        }
      }
    } catch (GatewayApiException e) {
      LOG.debug("cannot read the CRD schema of {}: {}", kind, e.getMessage());
    }
    return Optional.empty();
  }

  private ObjectNode crd(String kind) {
    String path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + Kinds.require(kind).plural + "." + Kinds.GROUP;
    try {
      return (ObjectNode) Json.mapper().readTree(raw.transport().send(Transport.Req.of("GET", path)).body);
    } catch (java.io.IOException e) {
      throw Errors.fromIo(e, "GET " + path);
    }
  }

  @Override
  public String describeCluster() {
    return raw.capabilities().describe();
  }
}
